/** Test helpers for the formatter: the repository's .pacta files, and what must survive formatting. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../src/syntax/parse.ts";

/** Every .pacta file of the repository (outside node_modules and dot-directories), sorted. */
export function repoPactaFiles(root = "."): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith(".pacta")) out.push(p);
    }
  };
  visit(root);
  return out.sort();
}

/** The comments of a text, in order, without trailing blanks. */
export function commentTexts(text: string): string[] {
  return parse(text, "x.pacta").comments.map((c) => c.text.replace(/[ \t\r]+$/, ""));
}

/** The legal texts (`text "…"`, `reading "…"`, a remainder's text) of a file as written in the source, quotes included, in order. */
export function legalTexts(text: string): string[] {
  const { ast } = parse(text, "x.pacta");
  if (!ast) throw new Error("does not parse");
  const found: { at: number; raw: string }[] = [];
  const visit = (v: unknown, key: string) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, key));
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    const loc = o["loc"] as { startOffset?: number; endOffset?: number } | undefined;
    if (
      (key === "text" || key === "reading" || key === "remainderText") &&
      typeof o["text"] === "string" &&
      loc?.startOffset !== undefined
    ) {
      found.push({ at: loc.startOffset, raw: text.slice(loc.startOffset, loc.endOffset) });
      return;
    }
    for (const [k, x] of Object.entries(o)) visit(x, k);
  };
  visit(ast, "");
  return found.sort((a, b) => a.at - b.at).map((f) => f.raw);
}
