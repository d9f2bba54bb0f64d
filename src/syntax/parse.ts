/**
 * The syntax stage's entry point: text → AST, with every lexical and syntax error of the file
 * reported at once (the parser recovers and goes on). Never throws on user input.
 */
import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { dateProblem } from "../core/dates.ts";
import { diag, editDistance, type Diagnostic } from "../core/diagnostics.ts";
import type { SourceFile } from "./ast.ts";
import { parser } from "./parser.ts";
import { keywords, lexer, UnterminatedString } from "./tokens.ts";
import { toAst } from "./to-ast.ts";
import { tokenLocation } from "./location.ts";

/** A comment kept for the formatter: its text and position. */
export interface Comment {
  text: string;
  offset: number;
  line: number;
  column: number;
}

/**
 * What `parse` returns: the AST when the file has no syntax error, and all diagnostics. With the
 * AST come the concrete syntax tree and the tokens it was parsed from (comments included), so a
 * later stage that prints the source as written (the formatter) does not lex it again.
 */
export interface ParseResult {
  ast?: SourceFile;
  /** The chevrotain CST of the whole file, present with `ast`. */
  cst?: CstNode;
  /** The file's tokens in order (comments excluded), present with `ast`. */
  tokens?: IToken[];
  /** The comment tokens, in order, present with `ast`. */
  commentTokens?: IToken[];
  diagnostics: Diagnostic[];
  comments: Comment[];
}

/** What each grammar rule reads, for hints ("while reading a definition: …"). */
const RULE_HINTS: Record<string, string> = {
  file: 'a file starts with `agreement "Title"` or `amendment "Title" to "Agreement title" dated YYYY-MM-DD`',
  agreement:
    "after the agreement's title come series, dated as of, party and text lines, then declarations (calendar, index, loan group, class, definition, section, provision)",
  declaration: "a declaration starts with calendar, index, loan group, class, definition, section or provision",
  definition: 'a definition reads: definition "Name" [provenance] text "…" reading "…" means <formula>',
  definitionBody:
    'the parts of a definition come in this order: [provenance], text "…", reading "…", rounded …, means <formula>',
  section:
    'a section reads: section 4.02(c) "Title" from "Source Amount", then its clauses, then `remainder to class X`',
  clause:
    "a clause reads: clause (i), then text, reading, when <condition>, rounding, and one `pay …` or `write down …`",
  clauseBody:
    "the parts of a clause come in this order: [provenance], text, reading, when <condition>, rounded …, then pay … or write down …",
  payAction:
    "a payment reads: pay <amount> as principal to classes A-1, A-2 sequentially [until reduced to zero], or pay interest due to classes … pro rata",
  recipients: "recipients read: classes A-1, A-2 sequentially, then classes M-1, M-2 pro rata",
  classList: "a class list reads: class A-1, or classes A-1, A-2 and A-3",
  classDecl:
    'a class reads: class A-I-1, then group "…", original certificate principal balance $…, pass-through rate …, 30/360',
  classItem:
    "class lines: text, group, original certificate principal balance, notional amount means …, pass-through rate … , day count; or residual",
  loanGroup:
    'a loan group reads: loan group "Group I", then cut-off balance, mortgage rate, servicing fee, remaining term, prepayment assumption',
  groupItem:
    "loan group lines: text, cut-off balance $…, mortgage rate …% per annum fixed, servicing fee …% per annum, remaining term N months, prepayment assumption …",
  calendar:
    "calendar lines: cut-off date, closing date, first Distribution Date, Distribution Dates on day 25 of each month, or the next Business Day",
  amendment:
    'an amendment reads: amendment "Title" to "Agreement title" dated YYYY-MM-DD pursuant to 11.01(a)(ii), then its items',
  item: 'an item reads: item N, text "…", then optionally replace/insert/delete … effective …',
  patch:
    'a patch reads: replace definition "…" effective YYYY-MM-DD, replace clause 4.02(d)(xiii) effective …, replace provision 11.01(a)(vi) effective …, insert …, delete …',
  effective: "write `effective YYYY-MM-DD` or `effective as of the date hereof`",
  expr: "a formula: amounts, defined terms in quotes, lesser of / greater of / sum of …, excess of A over B, plus, minus, times, if … then … else …",
  primary: 'a value: $1,000.00, 0.50%, a "Defined Term", available at 4.02(c)(xii), prior "Term", lesser of …, (…)',
  listFunction: "write lesser of (i) A and (ii) B, or sum of A, B and C",
  cases: "write: for the first two Distribution Dates: $0 otherwise: <formula>",
  periodSelector:
    "write: the first N Distribution Dates, Distribution Dates 1 through 12, or Distribution Dates on or after the eleventh",
  adjustableTerms:
    'adjustable at index "Six-Month LIBOR" plus 6.00% per annum, first adjustment after 24 months, then every 6 months, periodic cap 1.00% per annum, lifetime cap 15.00% per annum, floor 6.00% per annum',
  allocation: "write `sequentially`, `pro rata`, `pro rata by balance` or `pro rata by amount due`",
  textItem: 'legal text is written `text "…"`, in double quotes',
  readingItem: 'a reading is written `reading "…"`, in double quotes',
  annualRate: "an annual rate is written like `6.50% per annum`",
  prepaymentSpec: "write `prepayment assumption 23% CPR`, or `100% PPC, rising from 4% CPR to 23% CPR over 12 months`",
  ordinal: "write an ordinal: `eleventh` or `11th`",
  cardinal: "write a number: `two` or `2`",
  rounding: "write: rounded half-up to the cent (modes: half-up, half-even, down, up; to the cent or to the dollar)",
};

/** A keyword one edit away (two for long words) from `word`, if any: "meens" → "means". */
function nearKeyword(word: string): string | undefined {
  const limit = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const k of Object.keys(keywords)) {
    if (k.length < 4) continue;
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** Rules inside a formula, whose errors get the formula hint. */
const EXPRESSION_RULES = new Set([
  "andExpr",
  "notExpr",
  "comparison",
  "compareOp",
  "additive",
  "multiplicative",
  "unary",
  "listArgument",
  "cardinal",
  "ordinal",
  "collateralField",
  "classField",
]);

/** How deep parentheses may nest in a formula. */
const MAX_NESTING = 64;

/** The message for a formula too long to read (a chain of thousands of operators). */
export const TOO_LONG = {
  message: "a formula in this file is too long or too deeply nested to read",
  hint: "split long formulas into defined terms",
};

/** Syntax errors shown per file at most: after a few, the rest mostly follow from the first. */
const MAX_ERRORS = 25;

const DECLARATION_STARTS = new Set([
  "calendar",
  "index",
  "loan",
  "class",
  "definition",
  "section",
  "provision",
  "item",
]);

function describe(t: IToken): string {
  if (t.tokenType.name === "EOF") return "the end of the file";
  const img = t.image.length > 40 ? t.image.slice(0, 37) + "…" : t.image;
  return `"${img.replace(/\n/g, " ")}"`;
}

function expectedList(e: IRecognitionException): string | undefined {
  const m =
    /Expecting (?:token of type )?(?:--> (.+?) <--|: one of these possible Token sequences:\n([\s\S]*?)\nbut found)/.exec(
      e.message,
    );
  if (!m) return undefined;
  if (m[1]) return m[1];
  const seqs = m[2]!
    .split("\n")
    .map(
      (l) =>
        l
          .replace(/^\s*\d+\.\s*/, "")
          .replace(/^\[|\]$/g, "")
          .split(", ")[0]!,
    )
    .filter((x, i, a) => x && a.indexOf(x) === i);
  return seqs.length > 6 ? seqs.slice(0, 6).join(", ") + ", …" : seqs.join(", ");
}

/** Why an ISO date (YYYY-MM-DD) cannot exist, or undefined if it can. */

/** Words and signs that open a nested formula (each costs the recursive parser a level). */
const OPENERS = new Set(["Kw_if", "Kw_lesser", "Kw_greater", "Kw_sum", "Kw_excess", "Kw_not", "LParen"]);
/** Words that start a new provision: the count of openers starts again. */
const PROVISION_STARTS = new Set([
  "Kw_definition",
  "Kw_clause",
  "Kw_class",
  "Kw_section",
  "Kw_provision",
  "Kw_index",
  "Kw_loan",
  "Kw_calendar",
  "Kw_item",
  "Kw_remainder",
]);
/** After these a `-` subtracts; elsewhere it negates (and nests). */
const VALUE_ENDS = new Set(["MoneyLiteral", "PercentLiteral", "NumberLiteral", "StringLiteral", "RParen", "Word"]);

/**
 * Bounds how deeply one provision's formulas may nest, before the recursive parser sees them: at
 * most MAX_FORMULA_NESTING of `if`, `lesser of`, `greater of`, `sum of`, `excess of`, `not`, a
 * negating `-` and `(` in one provision (every real agreement stays far below). So no input can
 * exhaust the stack of the parser or of any pass after it.
 */
function tooDeep(tokens: readonly IToken[], file: string): Diagnostic | undefined {
  let count = 0;
  let length = 0;
  let prev: IToken | undefined;
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (PROVISION_STARTS.has(name)) count = length = 0;
    else if (OPENERS.has(name) || (name === "MinusSign" && !(prev && VALUE_ENDS.has(prev.tokenType.name)))) count++;
    prev = t;
    if (++length > MAX_PROVISION_TOKENS)
      return diag("PA1002", tokenLocation(file, t), {
        message: `this provision is longer than ${MAX_PROVISION_TOKENS} words, signs and figures`,
        hint: "split the formula into defined terms, each with a name a reader can follow",
      });
    if (count > MAX_FORMULA_NESTING)
      return diag("PA1002", tokenLocation(file, t), {
        message: `a formula nests more than ${MAX_FORMULA_NESTING} levels here (if, lesser of, greater of, sum of, excess of, not, a minus sign or a parenthesis each open one)`,
        hint: "split the formula into defined terms, each with a name a reader can follow",
      });
  }
  return undefined;
}

/** Words that, first on a line at column 1, start a declaration of an agreement. */
const DECLARATION_TOKENS = new Set([
  "Kw_definition",
  "Kw_class",
  "Kw_section",
  "Kw_provision",
  "Kw_calendar",
  "Kw_index",
  "Kw_loan",
]);

/**
 * The syntax errors worth reporting: the first of each provision. Chevrotain's recovery loses
 * its place after a mistake in a declaration's first word and reports nothing of what follows,
 * so each declaration (or amendment item) after the first error is parsed again on its own, and
 * its own first error kept. Errors that only follow from an earlier one in the same provision
 * are dropped.
 */
function independentErrors(
  tokens: readonly IToken[],
  errors: readonly IRecognitionException[],
): IRecognitionException[] {
  if (!errors.length) return [];
  const offset = (e: IRecognitionException) =>
    Number.isFinite(e.token.startOffset) ? e.token.startOffset : Number.POSITIVE_INFINITY;
  const starts: { at: number; rule: "declaration" | "item" }[] = [];
  tokens.forEach((t, i) => {
    const firstOnLine = i === 0 || tokens[i - 1]!.endLine !== t.startLine;
    if (!firstOnLine) return;
    // A word pacta does not know, at column 1, is most likely a misspelt declaration keyword.
    const declarationLike = DECLARATION_TOKENS.has(t.tokenType.name) || t.tokenType.name === "Word";
    if (declarationLike && t.startColumn === 1) starts.push({ at: i, rule: "declaration" });
    else if (t.tokenType.name === "Kw_item") starts.push({ at: i, rule: "item" });
  });
  const first = [...errors].sort((a, b) => offset(a) - offset(b))[0]!;
  const next = starts.findIndex((s) => tokens[s.at]!.startOffset > offset(first));
  const out = [first];
  if (next < 0) return out;
  for (let k = next; k < starts.length; k++) {
    const from = starts[k]!.at;
    const to = starts[k + 1]?.at ?? tokens.length;
    parser.input = tokens.slice(from, to);
    if (starts[k]!.rule === "declaration") parser.declaration();
    else parser.item();
    const e = parser.errors[0];
    if (e) out.push(e);
  }
  return out;
}

/** The most nested openers one provision may hold (see tooDeep). */
export const MAX_FORMULA_NESTING = 128;
/** The most tokens one provision may hold (RS1's longest has about 110): a formula is a tree as deep as its operators. */
export const MAX_PROVISION_TOKENS = 2000;

/**
 * Parses the text of one .pacta file. `file` is the name used in locations.
 * Returns the AST only if the file has no lexical or syntax error.
 */
export function parse(text: string, file: string): ParseResult {
  if (text.charCodeAt(0) === 0xfeff) text = " " + text.slice(1); // a UTF-8 byte order mark: keep columns, ignore it
  const nul = text.indexOf("\u0000");
  if (nul >= 0 || text.includes("\ufffd")) {
    const at = nul >= 0 ? nul : text.indexOf("\ufffd");
    const line = text.slice(0, at).split("\n").length;
    return {
      diagnostics: [
        diag(
          "PA1004",
          { file, line, column: 1 },
          { file, reason: "it is not UTF-8 text (binary data, or another encoding such as UTF-16)" },
        ),
      ],
      comments: [],
    };
  }
  const lex = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of lex.errors) {
    const ch = text.slice(e.offset, e.offset + e.length).slice(0, 1);
    diagnostics.push(
      diag(
        "PA1001",
        { file, line: e.line ?? 1, column: e.column ?? 1, startOffset: e.offset, endOffset: e.offset + 1 },
        { char: JSON.stringify(ch) },
      ),
    );
  }
  const tokens = lex.tokens.filter((t) => {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(diag("PA1003", tokenLocation(file, t)));
      return false;
    }
    return true;
  });
  const comments: Comment[] = (lex.groups["comments"] ?? []).map((t) => ({
    text: t.image,
    offset: t.startOffset,
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
  }));
  // Paren depth is bounded before the recursive parser sees it, so no input can exhaust the stack.
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType.name === "LParen") depth++;
    else if (t.tokenType.name === "RParen") depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING)
      return {
        diagnostics: [
          diag("PA1002", tokenLocation(file, t), {
            message: `parentheses nested more than ${MAX_NESTING} deep`,
            hint: "split the formula into defined terms, each with a name a reader can follow",
          }),
        ],
        comments,
      };
  }
  const deep = tooDeep(tokens, file);
  if (deep) return { diagnostics: [deep], comments };
  parser.input = tokens;
  const cst = parser.file();
  for (const e of independentErrors(tokens, parser.errors)) {
    const expected = expectedList(e);
    const found = describe(e.token);
    const rule = e.context.ruleStack[e.context.ruleStack.length - 1] ?? "file";
    let message = expected ? `expected ${expected} but found ${found}` : `unexpected ${found}`;
    if (e.token.tokenType.name === "Word") message += ` ("${e.token.image}" is not a word pacta knows here)`;
    // Suggest a keyword only for words long enough that a near miss is meaningful ("meens" → "means").
    const misspelt =
      e.token.tokenType.name === "Word" && e.token.image.length >= 4 ? nearKeyword(e.token.image) : undefined;
    let hint =
      RULE_HINTS[rule] ??
      (EXPRESSION_RULES.has(rule) ? RULE_HINTS["expr"]! : "check the wording against the reference, grammar/README.md");
    // A text missing its closing quote swallows everything up to the next quote, and the error
    // shows up just after it: point at where the text began.
    const i = tokens.indexOf(e.token);
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const adjacent =
      prev && prev.tokenType.name === "StringLiteral" && (prev.endOffset ?? 0) + 1 === e.token.startOffset;
    if (adjacent && (prev.endLine ?? 0) > (prev.startLine ?? 0))
      hint = `the quoted text that opens at line ${prev.startLine}, column ${prev.startColumn} may be missing its closing quote`;
    else if (adjacent)
      hint =
        'a double quote inside a quoted text is written \\" (backslash, quote); otherwise the text before this word is missing its closing quote';
    else if ((rule === "agreement" || rule === "file") && !DECLARATION_STARTS.has(e.token.image))
      hint =
        "nothing here continues the provision above, which is already complete; check its wording (pacta writes `excess of A over B`, `lesser of A and B`, `X is equal to Y`, `X% of Y`), or start a new declaration with calendar, index, loan group, class, definition, section or provision";
    const tok = e.token.tokenType.name === "EOF" ? (tokens[tokens.length - 1] ?? e.token) : e.token;
    if (misspelt && misspelt.toLowerCase() !== e.token.image.toLowerCase() && !adjacent)
      hint = `did you mean "${misspelt}"?`;
    if (tokens.length === 0) {
      message = "the file holds no agreement or amendment";
      hint = RULE_HINTS["file"]!;
    }
    diagnostics.push(diag("PA1002", tokenLocation(file, tok), { message, hint }));
  }
  // One bad token can make the recovering parser report the same spot repeatedly: keep the first.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.location.line}:${d.location.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const t of tokens) {
    if (t.tokenType.name !== "DateLiteral") continue;
    const why = dateProblem(t.image);
    if (why) unique.push(diag("PA1005", tokenLocation(file, t), { what: t.image, kind: "date", reason: why }));
  }
  unique.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  if (unique.length > MAX_ERRORS) {
    const rest = unique.length - MAX_ERRORS;
    unique.splice(
      MAX_ERRORS,
      rest,
      diag("PA1002", unique[MAX_ERRORS]!.location, {
        message: `${rest} more syntax errors not shown`,
        hint: "fix the first errors; later ones often follow from them",
      }),
    );
  }
  if (unique.length > 0) return { diagnostics: unique, comments };
  try {
    return {
      ast: toAst(cst, file),
      cst,
      tokens,
      commentTokens: lex.groups["comments"] ?? [],
      diagnostics: [],
      comments,
    };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { diagnostics: [diag("PA1002", tokenLocation(file, tokens[0]!), TOO_LONG)], comments };
  }
}
