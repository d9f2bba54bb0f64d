/**
 * A Prettier 3 plugin for `.pacta` files: `prettier --check "agreements/**\/*.pacta"` and editors
 * with Prettier integration format agreements with pacta's own formatter (`format()`).
 *
 * The parser hands Prettier one root node holding the source text; the printer returns
 * `format(text)` as a single string, so the layout is pacta's, not Prettier's (Prettier's
 * printWidth and other options are ignored; the width is 100). A file with syntax errors fails in
 * the parser, as a Prettier syntax error carrying pacta's diagnostics (a PactaError with `loc`).
 *
 * Plain Node cannot load this TypeScript file; `prettier-plugin.mjs` beside it registers tsx and
 * re-exports it, and `.prettierrc.json` names that file.
 */
import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { PactaError, type Diagnostic } from "../core/diagnostics.ts";
import { parse } from "../syntax/parse.ts";
import { format } from "./print.ts";

/**
 * A syntax error as Prettier expects it: with a `loc`, Prettier prints the message and a code
 * frame instead of a stack.
 */
function syntaxError(diagnostics: Diagnostic[]): Error {
  const first = diagnostics[0]!;
  const err = new PactaError(diagnostics) as PactaError & { loc: { start: { line: number; column: number } } };
  err.loc = { start: { line: first.location.line, column: first.location.column } };
  return err;
}

/** The root node the parser returns: the whole source text. */
export interface PactaRoot {
  type: "pacta-root";
  text: string;
  start: number;
  end: number;
}

/** `.pacta` files, parsed by the "pacta" parser. */
export const languages: SupportLanguage[] = [
  { name: "pacta", parsers: ["pacta"], extensions: [".pacta"], vscodeLanguageIds: ["pacta"] },
];

/** The "pacta" parser: the text itself (pacta's formatter parses it). */
export const parsers: Record<string, Parser<PactaRoot>> = {
  pacta: {
    parse: (text: string, options): PactaRoot => {
      const file = options.filepath ?? "<stdin>";
      const { ast, diagnostics } = parse(text, file);
      if (!ast) throw syntaxError(diagnostics);
      return { type: "pacta-root", text, start: 0, end: text.length };
    },
    astFormat: "pacta",
    locStart: (node: PactaRoot) => node.start,
    locEnd: (node: PactaRoot) => node.end,
  },
};

/** The "pacta" printer: `format()` of the root's text. */
export const printers: Record<string, Printer<PactaRoot>> = {
  pacta: {
    print: (path, options) => format(path.node.text, options.filepath ?? "<stdin>"),
  },
};

/** The plugin object, for `prettier.format(text, { parser: "pacta", plugins: [plugin] })`. */
const plugin: Plugin<PactaRoot> = { languages, parsers, printers };
export default plugin;
