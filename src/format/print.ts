/**
 * The formatter's entry point: `.pacta` text → the same agreement in the canonical layout.
 *
 * It prints the concrete syntax tree (every token as written, in order), so nothing the author
 * wrote is lost except what the layout rules decide: line breaks and indentation, the blank lines
 * between declarations, and the spelling of symbolic operators (`+` is printed `plus`). Legal text
 * strings are copied byte for byte; every `//` comment is kept beside the token it was written
 * next to (see comments.ts). The rules themselves are in print-decl.ts and print-expr.ts.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { parse, TOO_LONG } from "../syntax/parse.ts";
import { TokenPrinter } from "./comments.ts";
import { printDoc } from "./doc.ts";
import { DeclPrinter } from "./print-decl.ts";
import { sameMeaning } from "./same-meaning.ts";

/** The page width the layout aims for (legal text and long names may exceed it). */
export const WIDTH = 100;

/**
 * Formats the text of one `.pacta` file (`file` names it in diagnostics). Returns the formatted
 * text, ending with one newline. Throws a PactaError carrying the parse diagnostics if the text has
 * syntax errors, and a plain Error if the formatted text would not mean the same as the input or
 * would drop a comment (a formatter bug: the input is never silently changed).
 */
export function format(text: string, file: string): string {
  text = text.replace(/^\uFEFF/, ""); // a byte order mark is not part of the agreement: it is dropped
  const before = parse(text, file);
  if (!before.ast) throw new PactaError(before.diagnostics);
  let out: string;
  try {
    // The parse above already made the CST and tokens: the formatter prints from them.
    const tp = new TokenPrinter(text, before.tokens!, before.commentTokens!);
    const doc = new DeclPrinter(tp).file(before.cst!);
    tp.checkAllPrinted();
    out = printDoc(doc, WIDTH);
  } catch (e) {
    // The printers recurse over formulas: a chain of thousands of operators exhausts the stack.
    if (!(e instanceof RangeError)) throw e;
    throw new PactaError([diag("PA1002", { file, line: 1, column: 1 }, TOO_LONG)]);
  }

  const after = parse(out, file);
  if (!after.ast || !sameMeaning(before.ast, after.ast)) {
    throw new Error(`internal: formatting ${file} would change its meaning; the file was left as it is`);
  }
  if (after.comments.length !== before.comments.length) {
    throw new Error(`internal: formatting ${file} would lose a comment; the file was left as it is`);
  }
  return out;
}
