/**
 * Spacing between tokens that are printed on one line, and the canonical spelling of the few
 * tokens the formatter rewrites.
 */
import type { CstNode, IToken } from "chevrotain";
import type { TokenPrinter } from "./comments.ts";
import { tokensOf } from "./cst.ts";
import type { Doc } from "./doc.ts";

const NO_SPACE_BEFORE = new Set(["Comma", "Colon", "Semicolon", "RParen"]);
const NO_SPACE_AFTER = new Set(["LParen"]);

/** `tokens` printed on one line: one space between words, none before `,` `:` `)` or after `(`. */
export function words(tp: TokenPrinter, tokens: IToken[]): Doc[] {
  const out: Doc[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && !NO_SPACE_BEFORE.has(t.tokenType.name) && !NO_SPACE_AFTER.has(prev.tokenType.name)) out.push(" ");
    out.push(tp.tok(t, spell(t)));
  });
  return out;
}

/** Every token of `node` as `words`. */
export function nodeWords(tp: TokenPrinter, node: CstNode): Doc[] {
  return words(tp, tokensOf(node));
}

/**
 * The canonical spelling of a token: money with thousands separators (decimals as written);
 * everything else as written. Operators are respelt by the expression printer, which knows
 * whether a `-` is binary.
 */
export function spell(t: IToken): string {
  if (t.tokenType.name === "MoneyLiteral") return canonicalMoney(t.image);
  return t.image;
}

/** `$1250000.00` → `$1,250,000.00`; `$0` → `$0`. The decimals are kept as written. */
export function canonicalMoney(image: string): string {
  const m = /^\$([\d,]+)(\.\d+)?$/.exec(image);
  if (!m) return image;
  const digits = m[1]!.replace(/,/g, "");
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `$${grouped}${m[2] ?? ""}`;
}

/** Lawyer's words for the symbolic operators: `+` plus, `*` times, `<` is less than… */
export const OPERATOR_WORDS: Record<string, string> = {
  PlusSign: "plus",
  MinusSign: "minus",
  Star: "times",
  Slash: "divided by",
  Less: "is less than",
  Greater: "is greater than",
  LessEq: "is at most",
  GreaterEq: "is at least",
};
