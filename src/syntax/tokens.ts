/**
 * The tokens of the pacta language. Keywords are whole lower-case words (a few, like
 * "Distribution Date", keep the agreement's capitals); defined terms are quoted ("Group I Excess
 * Cash Flow"); classes are bare names with hyphens (A-I-1, M-II-3); provisions use the
 * agreement's numbering (4.02(c)(xii)).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** Any run of letters: the fallback for words that are not keywords, so errors can name the word. */
export const Word = createToken({ name: "Word", label: "a word", pattern: /[A-Za-z][A-Za-z'-]*/ });

/** Spaces and line breaks between tokens (skipped). */
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
/** `// …` to the end of the line; kept in the `comments` group for the formatter. */
export const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n\r]*/, group: "comments" });

/** A quoted text: a defined term's name, a title, or legal text (may span lines; `\"` escapes a quote). */
export const StringLiteral = createToken({
  name: "StringLiteral",
  label: "a quoted text",
  pattern: /"(?:[^"\\]|\\.)*"/,
  line_breaks: true,
});
/** An unterminated quoted text, matched only so the error can say so. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  label: "an unterminated quoted text",
  // Tried only after StringLiteral failed, so a quote here has no closing quote: take the rest of the file.
  pattern: {
    exec: (text: string, offset: number) => {
      if (text[offset] !== '"') return null;
      const m = [text.slice(offset)] as unknown as RegExpExecArray;
      return m;
    },
  },
  line_breaks: true,
  start_chars_hint: ['"'],
});
/** An amount in dollars: $1,250,000.00, $0. */
export const MoneyLiteral = createToken({
  name: "MoneyLiteral",
  label: "an amount such as $1,000.00",
  pattern: /\$(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/,
});
/** A percentage: 0.50% (a proportion; followed by "per annum", an annual rate). */
export const PercentLiteral = createToken({
  name: "PercentLiteral",
  label: "a percentage such as 0.50%",
  pattern: /\d+(?:\.\d+)?%/,
});
/** A calendar date, YYYY-MM-DD. */
export const DateLiteral = createToken({
  name: "DateLiteral",
  label: "a date such as 2002-05-24",
  pattern: /\d{4}-\d{2}-\d{2}/,
});
/** A provision number: 4.02, 4.02(c), 4.02(c)(xii), 11.01(a)(vi). */
export const ProvisionRef = createToken({
  name: "ProvisionRef",
  label: "a provision number such as 4.02(c)(xii)",
  pattern: /\d+\.\d+(?:\([A-Za-z0-9]+(?:-[A-Za-z0-9]+)?\))*/,
});
/** A day count convention: 30/360 or actual/360. */
export const DayCount = createToken({
  name: "DayCount",
  label: "a day count (30/360 or actual/360)",
  pattern: /30\/360|actual\/360/,
});
/** An ordinal written with digits: 11th, 37th. */
export const OrdinalNumber = createToken({
  name: "OrdinalNumber",
  label: "an ordinal such as 11th",
  pattern: /\d+(?:st|nd|rd|th)\b/,
});
/** A count or plain number: 11, 1.5. */
export const NumberLiteral = createToken({ name: "NumberLiteral", label: "a number", pattern: /\d+(?:\.\d+)?/ });
/** A clause number within its section, or a list label: (xii), (a), (x), (A), (1). */
export const ClauseLabel = createToken({
  name: "ClauseLabel",
  label: "a clause number such as (xii)",
  pattern: /\((?:[ivxlc]+|[a-z]|[A-Z]|\d{1,2})(?:-[a-z0-9]+)?\)/,
});
/** A certificate class: A-I-1, A-I-IO, M-II-3, SB-I, or a single capital such as R. */
export const ClassName = createToken({
  name: "ClassName",
  label: "a class such as A-I-1",
  pattern: /[A-Z][A-Z0-9]*(?:-[A-Z0-9]+[a-z]?)+|[A-Z](?![A-Za-z0-9'-])/,
});
/** Where a provision's words or figures come from: [deal], [shelf], [amendment], [reconstructed]. */
export const Provenance = createToken({
  name: "Provenance",
  label: "a provenance tag such as [reconstructed]",
  pattern: /\[(?:deal|shelf|amendment|reconstructed)\]/,
});

/** Punctuation or operator token (LParen). */
export const LParen = createToken({ name: "LParen", label: '"("', pattern: /\(/ });
/** Punctuation or operator token (RParen). */
export const RParen = createToken({ name: "RParen", label: '")"', pattern: /\)/ });
/** Punctuation or operator token (Comma). */
export const Comma = createToken({ name: "Comma", label: '","', pattern: /,/ });
/** Punctuation or operator token (Colon). */
export const Colon = createToken({ name: "Colon", label: '":"', pattern: /:/ });
/** Punctuation or operator token (Semicolon). */
export const Semicolon = createToken({ name: "Semicolon", label: '";"', pattern: /;/ });
/** Punctuation or operator token (LessEq). */
export const LessEq = createToken({ name: "LessEq", label: '"<="', pattern: /<=/ });
/** Punctuation or operator token (GreaterEq). */
export const GreaterEq = createToken({ name: "GreaterEq", label: '">="', pattern: />=/ });
/** Punctuation or operator token (Less). */
export const Less = createToken({ name: "Less", label: '"<"', pattern: /</ });
/** Punctuation or operator token (Greater). */
export const Greater = createToken({ name: "Greater", label: '">"', pattern: />/ });
/** Punctuation or operator token (PlusSign). */
export const PlusSign = createToken({ name: "PlusSign", label: '"+"', pattern: /\+/ });
/** Punctuation or operator token (MinusSign). */
export const MinusSign = createToken({ name: "MinusSign", label: '"-"', pattern: /-/ });
/** Punctuation or operator token (Star). */
export const Star = createToken({ name: "Star", label: '"*"', pattern: /\*/ });
/** Punctuation or operator token (Slash). */
export const Slash = createToken({ name: "Slash", label: '"/"', pattern: /\// });

const CARDINALS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty"];
const TENS_ORD = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth"];

/** The value of a number word ("eleven" → 11, "thirty-six" → 36), or undefined. */
export function cardinalValue(word: string): number | undefined {
  const i = CARDINALS.indexOf(word);
  if (i >= 0) return i + 1;
  const t = TENS.indexOf(word);
  if (t >= 0) return (t + 2) * 10;
  const m = /^(\w+)-(\w+)$/.exec(word);
  if (m) {
    const a = TENS.indexOf(m[1]!);
    const b = CARDINALS.indexOf(m[2]!);
    if (a >= 0 && b >= 0 && b < 9) return (a + 2) * 10 + b + 1;
  }
  return undefined;
}

/** The value of an ordinal ("eleventh" → 11, "thirty-seventh" → 37, "37th" → 37), or undefined. */
export function ordinalValue(word: string): number | undefined {
  const n = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (n) return Number(n[1]);
  const i = ORDINALS.indexOf(word);
  if (i >= 0) return i + 1;
  const t = TENS_ORD.indexOf(word);
  if (t >= 0) return (t + 2) * 10;
  const m = /^(\w+)-(\w+)$/.exec(word);
  if (m) {
    const a = TENS.indexOf(m[1]!);
    const b = ORDINALS.indexOf(m[2]!);
    if (a >= 0 && b >= 0 && b < 9) return (a + 2) * 10 + b + 1;
  }
  return undefined;
}

/** The number word forms the lexer knows, longest first so "twenty-one" is not read as "twenty". */
function alternation(words: string[]): string {
  return words.sort((a, b) => b.length - a.length).join("|");
}
const compoundCardinals = TENS.flatMap((t) => CARDINALS.slice(0, 9).map((c) => `${t}-${c}`));
const compoundOrdinals = TENS.flatMap((t) => ORDINALS.slice(0, 9).map((c) => `${t}-${c}`));

/** "two", "ten", "thirty-six". */
export const CardinalWord = createToken({
  name: "CardinalWord",
  label: "a number word such as two",
  pattern: new RegExp(`(?:${alternation([...compoundCardinals, ...CARDINALS, ...TENS])})(?![A-Za-z'-])`),
  longer_alt: Word,
});
/** "second", "eleventh", "thirty-seventh" ("first" is its own keyword). */
export const OrdinalWord = createToken({
  name: "OrdinalWord",
  label: "an ordinal word such as eleventh",
  pattern: new RegExp(`(?:${alternation([...compoundOrdinals, ...ORDINALS.slice(1), ...TENS_ORD])})(?![A-Za-z'-])`),
  longer_alt: Word,
});

/** All keyword tokens by their spelling. */
export const keywords: Record<string, TokenType> = {};
function kw(word: string): TokenType {
  const name = "Kw_" + word.replace(/[^A-Za-z0-9]/g, "_");
  const escaped = word.replace(/[-/]/g, (c) => "\\" + c);
  const t = createToken({
    name,
    pattern: new RegExp(`${escaped}(?![A-Za-z'-])`),
    longer_alt: Word,
    label: `"${word}"`,
  });
  keywords[word] = t;
  return t;
}

// Keyword spellings. The parser refers to them as K["word"].
const KEYWORD_WORDS = [
  // document structure
  "agreement",
  "amendment",
  "series",
  "dated",
  "as",
  "of",
  "party",
  "calendar",
  "cut-off",
  "closing",
  "date",
  "Distribution",
  "Date",
  "Dates",
  "day",
  "each",
  "month",
  "months",
  "next",
  "Business",
  "Day",
  "first",
  "index",
  "assumed",
  "per",
  "annum",
  "loan",
  "group",
  "text",
  "reading",
  "balance",
  "mortgage",
  "rate",
  "fixed",
  "adjustable",
  "servicing",
  "fee",
  "remaining",
  "term",
  "margin",
  "adjustment",
  "every",
  "periodic",
  "lifetime",
  "cap",
  "capped",
  "floor",
  "class",
  "classes",
  "original",
  "certificate",
  "principal",
  "notional",
  "amount",
  "pass-through",
  "residual",
  "prepayment",
  "assumption",
  "CPR",
  "CDR",
  "PPC",
  "rising",
  "to",
  "in",
  "over",
  "definition",
  "means",
  "section",
  "clause",
  "provision",
  "from",
  "when",
  "pay",
  "interest",
  "due",
  "pro",
  "rata",
  "sequentially",
  "then",
  "until",
  "reduced",
  "zero",
  "remainder",
  "write",
  "down",
  "pursuant",
  "item",
  "replace",
  "insert",
  "delete",
  "effective",
  "hereof",
  "the",
  "after",
  "before",
  "rounded",
  "half-up",
  "half-even",
  "up",
  "cent",
  "dollar",
  "nearest",
  "basis",
  "risk",
  "shortfall",
  "carry-forward",
  "unpaid",
  "realized",
  "losses",
  "loss",
  "severity",
  "lag",
  "odd",
  "cents",
  "largest",
  // expressions
  "lesser",
  "greater",
  "excess",
  "sum",
  "plus",
  "minus",
  "times",
  "divided",
  "by",
  "if",
  "else",
  "for",
  "otherwise",
  "and",
  "or",
  "not",
  "through",
  "on",
  "is",
  "less",
  "than",
  "at",
  "least",
  "most",
  "equals",
  "prior",
  "initially",
  "available",
  "paid",
  "stated",
  "scheduled",
  "prepayments",
  "net",
  "liquidation",
  "proceeds",
  "collections",
  "distributions",
  "number",
  "count",
  "fraction",
  "true",
  "false",
  "other",
  "only",
  "statement",
  "any",
  "exceeds",
  "equal",
  "Class",
  "Classes",
];
const KW = KEYWORD_WORDS.map(kw);

/** Keyword tokens by spelling, e.g. `K["lesser"]`. */
export const K: Record<string, TokenType> = keywords;

/** Every token type, in the order the lexer tries them. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  MoneyLiteral,
  PercentLiteral,
  DateLiteral,
  ProvisionRef,
  DayCount,
  OrdinalNumber,
  NumberLiteral,
  ClauseLabel,
  Provenance,
  ClassName,
  CardinalWord,
  OrdinalWord,
  ...KW,
  Word,
  LParen,
  RParen,
  Comma,
  Colon,
  Semicolon,
  LessEq,
  GreaterEq,
  Less,
  Greater,
  PlusSign,
  MinusSign,
  Star,
  Slash,
];

/** The one lexer instance (building it is costly; lexing is reentrant). */
export const lexer = new Lexer(allTokens, {
  positionTracking: "full",
  ensureOptimizations: false,
  // As for the parser (see validateGrammar in parser.ts): validations check the token set, not the input.
  skipValidations: process.env["VITEST"] === undefined && process.env["PACTA_VALIDATE_GRAMMAR"] !== "1",
});
