/**
 * Generates the grammar reference files from the live parser, so they cannot drift from it:
 *
 * - `grammar/pacta.ebnf`: every rule of `src/syntax/parser.ts` in EBNF, then the tokens.
 * - `grammar/diagrams.html`: a railroad diagram of every rule, readable offline. chevrotain's own
 *   `createSyntaxDiagramsCode` loads its drawing scripts from a CDN at view time; here the same
 *   drawing code (chevrotain's `diagrams/` folder, railroad-diagrams by Tab Atkins) runs once, at
 *   generation time, in a `node:vm` sandbox, and the page carries the finished SVG, its stylesheet
 *   and chevrotain's small hover/click script inline. No file is fetched when the page opens.
 *
 * Both outputs are deterministic: same parser, same bytes. Run `npx tsx scripts/generate-grammar.ts`
 * to rewrite them, or with `--check` to only report whether they are up to date (exit code 1 if
 * not). `test/grammar/drift.test.ts` fails when the committed files differ from a fresh run.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { serializeGrammar, type TokenType } from "chevrotain";
import { parser } from "../src/syntax/parser.ts";
import { allTokens, cardinalValue, ordinalValue } from "../src/syntax/tokens.ts";

// ---------------------------------------------------------------- the grammar as data

/**
 * One node of chevrotain's serialized grammar (`serializeGrammar`). chevrotain types these as
 * `ISerializedGast` with only `type` and `definition`; the other fields are those its serializer
 * writes (`@chevrotain/gast`, `serializeProduction`).
 */
export type GrammarNode =
  | { type: "Rule"; name: string; definition: GrammarNode[] }
  | { type: "NonTerminal"; name: string; idx: number }
  | { type: "Terminal"; name: string; label: string; idx: number; pattern?: unknown }
  | { type: "Alternative"; definition: GrammarNode[] }
  | { type: "Alternation" | "Option" | "Repetition" | "RepetitionMandatory"; idx: number; definition: GrammarNode[] }
  | {
      type: "RepetitionWithSeparator" | "RepetitionMandatoryWithSeparator";
      idx: number;
      separator: GrammarNode;
      definition: GrammarNode[];
    };

/** A rule of the serialized grammar. */
export type GrammarRule = Extract<GrammarNode, { type: "Rule" }>;

/** Every rule of the live parser, serialized, in the order the parser defines them. */
export function grammarRules(): GrammarRule[] {
  return serializeGrammar(Object.values(parser.getGAstProductions())) as unknown as GrammarRule[];
}

/** Names of every rule of the live parser, in definition order. */
export function ruleNames(): string[] {
  return Object.keys(parser.getGAstProductions());
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
/** chevrotain's package folder (its `exports` hide `package.json`, so go up from the entry point). */
const CHEVROTAIN_DIR = path.resolve(path.dirname(require.resolve("chevrotain")), "..", "..");
const CHEVROTAIN_VERSION = (
  JSON.parse(readFileSync(path.join(CHEVROTAIN_DIR, "package.json"), "utf8")) as { version: string }
).version;

/** The generated files, relative to the repository root. */
export const OUTPUTS = { ebnf: "grammar/pacta.ebnf", diagrams: "grammar/diagrams.html" } as const;

const HOW = "npx tsx scripts/generate-grammar.ts";

// ---------------------------------------------------------------- EBNF

const WIDTH = 100;

/** True for keywords and punctuation: tokens whose label is the quoted text to write. */
function isLiteral(label: string): boolean {
  return /^".+"$/.test(label);
}

/** A terminal as the EBNF writes it: a keyword or punctuation as its quoted word, else the token's name. */
function terminalText(n: Extract<GrammarNode, { type: "Terminal" }>): string {
  return isLiteral(n.label) ? n.label : n.name;
}

function children(n: GrammarNode): GrammarNode[] {
  return "definition" in n ? n.definition : [];
}

/** The alternatives of an alternation, each a sequence. */
function alternatives(n: GrammarNode): GrammarNode[][] {
  return children(n).map((a) => children(a));
}

/** A sequence on one line. */
function flatSeq(items: GrammarNode[]): string {
  return items.map(flat).join(" ");
}

/** The body of a bracket (option, repetition) on one line: a lone alternation needs no parentheses. */
function flatInner(items: GrammarNode[]): string {
  const only = items.length === 1 ? items[0]! : undefined;
  if (only?.type === "Alternation") return alternatives(only).map(flatSeq).join(" | ");
  return flatSeq(items);
}

/** A node on one line. */
function flat(n: GrammarNode): string {
  switch (n.type) {
    case "Terminal":
      return terminalText(n);
    case "NonTerminal":
      return n.name;
    case "Rule":
    case "Alternative":
      return flatSeq(n.definition);
    case "Alternation":
      return `( ${alternatives(n).map(flatSeq).join(" | ")} )`;
    case "Option":
      return `[ ${flatInner(n.definition)} ]`;
    case "Repetition":
      return `{ ${flatInner(n.definition)} }`;
    case "RepetitionMandatory":
      return `{ ${flatInner(n.definition)} }+`;
    case "RepetitionWithSeparator":
      return `[ ${flatSeq(n.definition)} { ${flat(n.separator)} ${flatSeq(n.definition)} } ]`;
    case "RepetitionMandatoryWithSeparator":
      return `${flatSeq(n.definition)} { ${flat(n.separator)} ${flatSeq(n.definition)} }`;
  }
}

const pad = (k: number): string => " ".repeat(k);

/**
 * Lays out a sequence whose first line starts at column `indent` (the caller writes that
 * indentation), wrapping between items at WIDTH; an item too long for a line of its own is broken
 * over several lines. Returns the lines: the first without indentation, the others with theirs.
 */
function layoutSeq(items: GrammarNode[], indent: number): string[] {
  const lines: string[] = [];
  let cur = "";
  const flush = () => {
    if (cur) lines.push(lines.length ? pad(indent) + cur : cur);
    cur = "";
  };
  for (const item of items) {
    const f = flat(item);
    if (indent + cur.length + (cur ? 1 : 0) + f.length <= WIDTH) cur += (cur ? " " : "") + f;
    else if (indent + f.length <= WIDTH) {
      flush();
      cur = f;
    } else {
      // Too long for a line of its own: open the bracket on the current line, break inside it.
      const broken = layoutBroken(item, indent);
      cur += (cur ? " " : "") + broken[0]!;
      flush();
      lines.push(...broken.slice(1, -1));
      cur = broken[broken.length - 1]!.trimStart();
    }
  }
  flush();
  return lines;
}

/**
 * A bracketed node broken over lines: the opening bracket, one alternative per line, the closing
 * bracket at `indent`. The first line has no indentation, the others carry theirs.
 */
function layoutBroken(n: GrammarNode, indent: number): string[] {
  if (n.type !== "Alternation" && n.type !== "Option" && n.type !== "Repetition" && n.type !== "RepetitionMandatory")
    return [flat(n)];
  const [open, close] =
    n.type === "Option"
      ? ["[", "]"]
      : n.type === "Repetition"
        ? ["{", "}"]
        : n.type === "RepetitionMandatory"
          ? ["{", "}+"]
          : ["(", ")"];
  const body = n.type === "Alternation" ? [n] : n.definition;
  const only = body.length === 1 ? body[0]! : undefined;
  const alts = only?.type === "Alternation" ? alternatives(only) : [body];
  const out = [open];
  alts.forEach((alt, i) => {
    const lines = layoutSeq(alt, indent + 4);
    out.push((i === 0 ? pad(indent + 4) : pad(indent + 2) + "| ") + lines[0]!, ...lines.slice(1));
  });
  out.push(pad(indent) + close);
  return out;
}

/** One rule in EBNF, ending with `;`. */
export function ruleToEbnf(rule: GrammarRule): string {
  const one = `${rule.name} = ${flatInner(rule.definition)} ;`;
  if (one.length <= WIDTH) return one;
  const only = rule.definition.length === 1 ? rule.definition[0]! : undefined;
  const alts = only?.type === "Alternation" ? alternatives(only) : [rule.definition];
  const lines = [`${rule.name} =`];
  alts.forEach((alt, i) => {
    const seq = layoutSeq(alt, 4);
    lines.push((i === 0 ? pad(4) : "  | ") + seq[0]!, ...seq.slice(1));
  });
  lines.push("  ;");
  return lines.join("\n");
}

/** The tokens the grammar uses, other than keywords, in the lexer's order. */
function namedTokens(rules: GrammarRule[]): TokenType[] {
  const used = new Set<string>();
  const visit = (n: GrammarNode) => {
    if (n.type === "Terminal") used.add(n.name);
    if ("separator" in n) visit(n.separator);
    children(n).forEach(visit);
  };
  rules.forEach(visit);
  return allTokens.filter((t) => used.has(t.name) && !t.name.startsWith("Kw_"));
}

/** A token's label ("a quoted text"), or its name when it has none. */
function labelOf(t: TokenType): string {
  return t.LABEL ?? t.name;
}

/** A token's pattern as a regular expression literal, or undefined for a custom matcher. */
function patternOf(t: TokenType): string | undefined {
  return t.PATTERN instanceof RegExp ? `/${t.PATTERN.source}/` : undefined;
}

/**
 * For a token that is a long list of number words (CardinalWord, OrdinalWord): which numbers it
 * spells, e.g. "the words for 2 to 69 (second, …, sixty-ninth)". Undefined for other tokens.
 */
function wordListNote(t: TokenType): string | undefined {
  const m = t.PATTERN instanceof RegExp ? /^\(\?:([a-z|-]+)\)\\b$/.exec(t.PATTERN.source) : null;
  if (!m || m[1]!.length < 160) return undefined;
  const words = m[1]!.split("|");
  const valued = words
    .map((w) => ({ w, v: cardinalValue(w) ?? ordinalValue(w) }))
    .filter((x): x is { w: string; v: number } => x.v !== undefined)
    .sort((a, b) => a.v - b.v);
  if (valued.length !== words.length || valued.length === 0) return undefined;
  const first = valued[0]!;
  const last = valued[valued.length - 1]!;
  const values = [...new Set(valued.map((x) => x.v))];
  const contiguous = values.every((v, i) => v === first.v + i);
  return `${contiguous ? "the words for" : "words for numbers from"} ${first.v} to ${last.v}: ${first.w}, ${valued[1]?.w ?? ""}, …, ${last.w}`;
}

/** Keeps text safe inside an EBNF comment `(* … *)`. */
function inComment(s: string): string {
  return s.replace(/\(\*/g, "( *").replace(/\*\)/g, "* )");
}

/** The whole of `grammar/pacta.ebnf`. */
export function generateEbnf(): string {
  const rules = grammarRules();
  const header = `(* pacta: the grammar of .pacta files (agreements and amendments), in EBNF.

   GENERATED FILE, do not edit. Written by scripts/generate-grammar.ts from the live parser
   (src/syntax/parser.ts, chevrotain ${CHEVROTAIN_VERSION}: parser.getGAstProductions() then
   serializeGrammar). After changing the parser, run:  ${HOW}
   test/grammar/drift.test.ts fails while this file and the parser disagree.
   Railroad diagrams of the same rules: grammar/diagrams.html. The reference: grammar/README.md.

   Notation
     a b          a then b
     a | b        a or b
     ( … )        grouping
     [ a ]        a, optionally
     { a }        a, any number of times (also none)
     { a }+       a, once or more
     "word"       a keyword or punctuation, written exactly so (keywords are case-sensitive
                  whole words: "Distribution" does not match inside "Distributions")
     Name         a token, defined in the Tokens part at the end (StringLiteral, MoneyLiteral, …)
     name         a rule, defined in this file
   Layout is free: spaces, tabs and line breaks separate tokens and mean nothing else. Comments run
   from // to the end of the line. The first rule, file, is where a file starts.
   The parser is LL(k) with k <= 5: where this grammar offers two ways to continue, the parser
   takes the first that the next five tokens allow (see "Reading the grammar" in grammar/README.md
   for the two places where a look-ahead gate decides). *)`;
  const body = rules.map(ruleToEbnf).join("\n\n");
  const tokens = namedTokens(rules).map((t) => {
    const p = patternOf(t);
    const name = t.name;
    const def = isLiteral(labelOf(t)) ? labelOf(t) : `? ${labelOf(t)} ?`;
    const note = isLiteral(labelOf(t)) ? undefined : (wordListNote(t) ?? p);
    return `${name} = ${def} ;${note ? `\n    (* ${inComment(note)} *)` : ""}`;
  });
  const tokensPart = `(* ---------------------------------------------------------------- Tokens

   Each token is defined by its description (? … ?) and, in the comment below it, the regular
   expression the lexer matches. At each point the lexer takes the first token, in the order of
   allTokens in src/syntax/tokens.ts, that matches there. A keyword matches only a whole word: a
   word that merely begins like one ("dates", "pays") is read as an unknown word, which no rule
   accepts, and the error names it. *)`;
  const skipped = `(* Skipped between tokens:  WhiteSpace = /[ \\t\\r\\n]+/ ;  Comment = // to the end of the line. *)`;
  return `${header}\n\n${body}\n\n${tokensPart}\n\n${tokens.join("\n\n")}\n\n${skipped}\n`;
}

// ---------------------------------------------------------------- railroad diagrams

/** Reads one of chevrotain's diagram assets (shipped in the package, used here without a network). */
function asset(rel: string): string {
  return readFileSync(path.join(CHEVROTAIN_DIR, "diagrams", rel), "utf8");
}

/** Tooltip of a terminal: the token's name and, if short, its pattern. Keywords get none. */
function tooltip(n: Extract<GrammarNode, { type: "Terminal" }>): string | undefined {
  if (n.name.startsWith("Kw_")) return undefined;
  const t = allTokens.find((x) => x.name === n.name);
  const p = t ? patternOf(t) : undefined;
  return p && p.length <= 80 ? `${n.name}  ${p}` : n.name;
}

/** The serialized grammar as chevrotain's diagram builder expects it (occurrence indexes, tooltips). */
function forBuilder(n: GrammarNode): Record<string, unknown> {
  const out: Record<string, unknown> = { ...n };
  if ("idx" in n) out["occurrenceInParent"] = n.idx;
  if (n.type === "Terminal") {
    const tip = tooltip(n);
    if (tip === undefined) delete out["pattern"];
    else out["pattern"] = tip;
  }
  if (n.type === "NonTerminal") out["nonTerminalName"] = n.name;
  if ("separator" in n) out["separator"] = forBuilder(n.separator);
  if ("definition" in n) out["definition"] = n.definition.map(forBuilder);
  return out;
}

/**
 * Draws every rule with chevrotain's own diagram code (railroad-diagrams + diagrams_builder), run
 * in a sandbox with no DOM: the builder writes SVG as text. Returns one HTML fragment per rule
 * (`<h2 class="diagramHeader">name</h2><svg …>…</svg>`), in rule order.
 */
export function drawDiagrams(rules: GrammarRule[]): string[] {
  const sandbox: Record<string, unknown> = {};
  const ctx = vm.createContext(sandbox);
  vm.runInContext(asset("vendor/railroad-diagrams.js"), ctx, { filename: "railroad-diagrams.js" });
  vm.runInContext(asset("src/diagrams_builder.js"), ctx, { filename: "diagrams_builder.js" });
  const builder = sandbox["diagrams_builder"] as { buildSyntaxDiagramsText(rules: unknown[]): string } | undefined;
  if (!builder) throw new Error("chevrotain's diagrams_builder did not load");
  return rules.map((r) => builder.buildSyntaxDiagramsText([forBuilder(r)]).trim());
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** chevrotain's hover/click behaviour for the diagrams, with its comments (and the URLs in them) removed. */
function behaviourScript(): string {
  const src = asset("src/diagrams_behavior.js")
    .split("\n")
    .filter((l) => !/^\s*\/\//.test(l))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "");
  if (/https?:\/\//.test(src) || /<\/script/i.test(src))
    throw new Error("diagrams_behavior.js still holds a URL or </script>");
  return src.trim();
}

const STYLE = `
body { background: hsl(30, 20%, 97%); color: #222; font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 2em 4em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
p.note { margin: .3em 0; max-width: 60em; }
code, pre { font-family: ui-monospace, monospace; }
nav.rules { columns: 4 11em; font-family: ui-monospace, monospace; font-size: .9em; margin: 1em 0 2em; }
nav.rules a { display: block; text-decoration: none; }
section.rule { border-top: 1px solid #ccc; padding-top: .6em; margin-top: 1.4em; }
pre.ebnf { background: #fff; border: 1px solid #ddd; padding: .5em .8em; overflow-x: auto; font-size: .85em; margin: .4em 0; }
p.used { font-size: .85em; color: #555; margin: .2em 0; }
p.used a { font-family: ui-monospace, monospace; }
table.tokens { border-collapse: collapse; font-size: .9em; }
table.tokens td, table.tokens th { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
table.tokens code { word-break: break-all; }
/* chevrotain's diagrams.css, with the diagrams kept at their natural size */
svg.railroad-diagram { max-width: 100%; height: auto; display: block; }
svg.railroad-diagram path { stroke-width: 3; stroke: black; fill: rgba(0, 0, 0, 0); }
svg.railroad-diagram text { font: bold 14px monospace; text-anchor: middle; user-select: text; }
svg.railroad-diagram text.label { text-anchor: start; }
svg.railroad-diagram text.comment { font: italic 12px monospace; }
svg.railroad-diagram rect { stroke-width: 3; stroke: black; fill: hsl(190, 100%, 83%); }
svg.railroad-diagram g.non-terminal rect { fill: hsl(223, 100%, 83%); }
svg.railroad-diagram g.non-terminal text { cursor: pointer; }
svg.railroad-diagram g.non-terminal rect.diagramRectUsage, svg.railroad-diagram g.terminal rect.diagramRectUsage { fill: yellow; }
.diagramHeader { display: inline-block; font: bold 18px monospace; margin: 0 0 .2em; user-select: text; }
.diagramHeaderDef { background-color: lightgreen; }
`;

/** The whole of `grammar/diagrams.html`: self-contained, no external script, style or font. */
export function generateDiagramsHtml(): string {
  const rules = grammarRules();
  const drawn = drawDiagrams(rules);
  const usedIn = new Map<string, Set<string>>();
  const visit = (n: GrammarNode, top: string) => {
    if (n.type === "NonTerminal") {
      if (!usedIn.has(n.name)) usedIn.set(n.name, new Set());
      usedIn.get(n.name)!.add(top);
    }
    children(n).forEach((c) => visit(c, top));
  };
  rules.forEach((r) => visit(r, r.name));
  const link = (name: string) => `<a href="#rule-${name}">${name}</a>`;
  const sections = rules.map((r, i) => {
    const users = [...(usedIn.get(r.name) ?? [])];
    return [
      `<section class="rule" id="rule-${r.name}">`,
      drawn[i]!,
      `<pre class="ebnf">${escapeHtml(ruleToEbnf(r))}</pre>`,
      `<p class="used">${users.length ? `Used in: ${users.map(link).join(", ")}` : "The start rule: a whole file."}</p>`,
      `</section>`,
    ].join("\n");
  });
  const tokenRows = namedTokens(rules).map((t) => {
    const p = patternOf(t);
    return `<tr><td><code>${t.name}</code></td><td>${escapeHtml(labelOf(t))}</td><td><code>${p ? escapeHtml(p.length > 200 ? p.slice(0, 197) + "…" : p) : "(custom matcher)"}</code></td></tr>`;
  });
  return `<!DOCTYPE html>
<!-- GENERATED FILE, do not edit. Written by scripts/generate-grammar.ts from the live parser
     (src/syntax/parser.ts, chevrotain ${CHEVROTAIN_VERSION}). After changing the parser, run:
     ${HOW}
     The diagrams were drawn at generation time with chevrotain's bundled diagram code
     (railroad-diagrams by Tab Atkins Jr., CC0; chevrotain, Apache-2.0): this page loads nothing. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pacta grammar: railroad diagrams</title>
<style>${STYLE}</style>
</head>
<body>
<h1>pacta grammar: railroad diagrams</h1>
<p class="note">Every rule of the .pacta language, drawn from the parser itself. Read a diagram from left to right along the lines; any path is a valid way to write the rule.
Rounded boxes are what you type: a keyword or punctuation in quotes (<code>"means"</code>, <code>","</code>) or a kind of token (<code>a quoted text</code>, <code>an amount such as $1,000.00</code>, listed under <a href="#tokens">Tokens</a>).
Square boxes are other rules: click one to jump to its diagram, hover to see where it is used. A file starts at <a href="#rule-file">file</a>.
The same rules in text: <code>grammar/pacta.ebnf</code>; what they mean: <code>grammar/README.md</code>.</p>
<nav class="rules">
${rules.map((r) => link(r.name)).join("\n")}
</nav>
<div id="diagrams">
${sections.join("\n")}
</div>
<section id="tokens">
<h2>Tokens</h2>
<p class="note">Keywords are whole words written exactly as in the diagrams (case matters). Spaces and line breaks separate tokens; <code>// …</code> starts a comment to the end of the line.</p>
<table class="tokens">
<tr><th>token</th><th>described as</th><th>pattern</th></tr>
${tokenRows.join("\n")}
</table>
</section>
<script>
${behaviourScript()}
diagrams_behavior.initDiagramsBehavior();
</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------- files

/** Both generated files' contents, keyed by their path relative to the repository root. */
export function generateAll(): Record<string, string> {
  return { [OUTPUTS.ebnf]: generateEbnf(), [OUTPUTS.diagrams]: generateDiagramsHtml() };
}

/** The absolute path of a file given relative to the repository root. */
export function repoPath(rel: string): string {
  return path.join(REPO, rel);
}

/** The committed content of a generated file, or undefined if it does not exist. */
export function readCommitted(rel: string): string | undefined {
  try {
    return readFileSync(repoPath(rel), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Writes (or, with `check`, only compares) the generated files. Returns the paths that were out
 * of date before the call.
 */
export function writeGrammarFiles(check = false): string[] {
  const stale: string[] = [];
  for (const [rel, text] of Object.entries(generateAll())) {
    if (readCommitted(rel) === text) continue;
    stale.push(rel);
    if (!check) {
      mkdirSync(path.dirname(repoPath(rel)), { recursive: true });
      writeFileSync(repoPath(rel), text);
    }
  }
  return stale;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const check = process.argv.includes("--check");
  const stale = writeGrammarFiles(check);
  if (check) {
    if (stale.length) {
      console.error(`out of date: ${stale.join(", ")}; run: ${HOW}`);
      process.exitCode = 1;
    } else console.log("grammar files are up to date");
  } else console.log(stale.length ? `wrote ${stale.join(", ")}` : "grammar files were already up to date");
}
