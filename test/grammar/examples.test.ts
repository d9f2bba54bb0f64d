/**
 * The examples of the language reference and the lawyers' guide are pacta that parses: every
 * ```pacta block and every <pre lang="pacta"> cell of grammar/README.md and grammar/guide.md is
 * parsed (fragments inside a minimal agreement or amendment). The definitions, clauses and classes
 * the guide shows from the RAMP 2002-RS1 deal must read as the deal's files read today.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parse.ts";
import type { Clause, Definition, SourceFile } from "../../src/syntax/ast.ts";
import { repoPath } from "../../scripts/generate-grammar.ts";

interface Example {
  doc: string;
  line: number;
  code: string;
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The pacta examples of a Markdown document, with the line each starts on. */
function examples(doc: string): Example[] {
  const text = readFileSync(repoPath(doc), "utf8");
  const out: Example[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  for (const m of text.matchAll(/^```pacta\n([\s\S]*?)^```/gm))
    out.push({ doc, line: lineOf(m.index!) + 1, code: m[1]! });
  for (const m of text.matchAll(/<pre lang="pacta">\n?([\s\S]*?)<\/pre>/g))
    out.push({ doc, line: lineOf(m.index!), code: unescapeHtml(m[1]!) });
  return out;
}

/**
 * Wraps a fragment so it is a whole file: declarations go in an agreement, items in an amendment,
 * clauses in a section, a clause's body in a clause of its own (`synthetic`: its label is made up).
 */
function asFile(code: string): { text: string; synthetic: boolean } {
  const first = code.trim().split(/\s+/)[0] ?? "";
  if (first === "agreement" || first === "amendment") return { text: code, synthetic: false };
  if (first === "item") return { text: `amendment "A" to "T" dated 2002-05-24\n${code}`, synthetic: false };
  if (first === "clause" || first === "remainder")
    return { text: `agreement "T"\nsection 9.99 "S" from "X"\n${code}`, synthetic: false };
  if (["when", "pay", "write", "text", "reading", "rounded"].includes(first))
    return { text: `agreement "T"\nsection 9.99 "S" from "X"\nclause (i)\n${code}`, synthetic: true };
  return { text: `agreement "T"\n${code}`, synthetic: false };
}

const DOCS = ["grammar/README.md", "grammar/guide.md"];
const all = DOCS.flatMap(examples);

describe("examples in the grammar documents", () => {
  it("finds examples in both documents", () => {
    for (const d of DOCS) expect(all.filter((e) => e.doc === d).length, d).toBeGreaterThan(5);
  });

  it.each(all.map((e) => [`${e.doc}:${e.line}`, e] as const))("%s parses", (_, e) => {
    const r = parse(asFile(e.code).text, `${e.doc}:${e.line}`);
    expect(r.diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.message}`)).toEqual([]);
  });
});

/** A value without its source locations or words, for comparing formulas written in different places. */
function shape(x: unknown): string {
  return JSON.stringify(x, (k, v: unknown) =>
    k === "loc" || k.endsWith("Loc") || k === "text" || k === "reading" || k === "provenance" ? undefined : v,
  );
}

/** What a file declares that has a formula: definitions, clauses (by label) and classes, each as a shape. */
function formulas(ast: SourceFile | undefined, withClauses = true): { kind: string; name: string; shape: string }[] {
  if (!ast) return [];
  const out: { kind: string; name: string; shape: string }[] = [];
  const def = (d: Definition) => out.push({ kind: "definition", name: d.name, shape: shape(d.means) });
  const clause = (c: Clause) =>
    withClauses &&
    out.push({
      kind: "clause",
      name: c.label,
      shape: shape({ when: c.condition, action: c.action, rounding: c.rounding }),
    });
  if (ast.kind === "agreement") {
    for (const d of ast.declarations) {
      if (d.kind === "definition") def(d);
      if (d.kind === "section") d.clauses.forEach(clause);
      if (d.kind === "class")
        out.push({ kind: "class", name: d.name, shape: shape({ ...d, kind: undefined, name: undefined }) });
    }
  } else
    for (const i of ast.items) {
      const p = i.patch;
      if (p.kind === "replace definition" || p.kind === "insert definition") def(p.definition);
      if (p.kind === "replace clause" || p.kind === "insert clause") clause(p.clause);
    }
  return out;
}

const DEAL = "agreements/ramp-2002-rs1";
const dealFiles = ["agreement.pacta", "amendment-1.pacta"]
  .map((f) => `${DEAL}/${f}`)
  .filter((f) => existsSync(repoPath(f)));

describe("the guide's RS1 examples match the deal", () => {
  const inDeal = new Map<string, string[]>();
  for (const f of dealFiles)
    for (const x of formulas(parse(readFileSync(repoPath(f), "utf8"), f).ast)) {
      const key = `${x.kind} ${x.name}`;
      inDeal.set(key, [...(inDeal.get(key) ?? []), x.shape]);
    }
  const shown = examples("grammar/guide.md").flatMap((e) => {
    const { text, synthetic } = asFile(e.code);
    return formulas(parse(text, e.doc).ast, !synthetic).map((x) => ({ e, x, key: `${x.kind} ${x.name}` }));
  });
  const fromDeal = shown.filter(({ key }) => inDeal.has(key));

  it.skipIf(dealFiles.length === 0)("shows many of the deal's definitions, clauses and classes", () => {
    expect(fromDeal.length).toBeGreaterThan(15);
  });

  it.each(fromDeal.map(({ e, x, key }) => [key, e.line, x.shape] as const))(
    "%s (guide.md:%s) is as in the deal",
    (key, line, sh) => {
      expect(
        inDeal.get(key),
        `grammar/guide.md:${line} shows a ${key} that ${DEAL} no longer has: update the guide`,
      ).toContain(sh);
    },
  );
});
