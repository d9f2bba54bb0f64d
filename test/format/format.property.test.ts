import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/print.ts";
import { sameMeaning } from "../../src/format/same-meaning.ts";
import { parse } from "../../src/syntax/parse.ts";
import { lexer } from "../../src/syntax/tokens.ts";
import { commentTexts } from "./helpers.ts";

// Formulas generated as lists of tokens from the grammar, then joined with random spacing, line
// breaks and comments. Whatever the parser makes of a text, the formatted text must parse to the
// same AST, format to itself, and keep its comments.

type Words = string[];
const w = (...parts: string[]): Words => parts;

const LEAVES: Words[] = [
  w("$1,000.00"),
  w("$250000"),
  w("$0"),
  w("0.50%"),
  w("5.00%", "per", "annum"),
  w("12"),
  w("1.25"),
  w('"Alpha Amount"'),
  w('"Beta Amount for the Related Distribution Date"'),
  w('"Group I Required Overcollateralization Amount"'),
  w("available", "at", "4.02(c)(xii)"),
  w("paid", "at", "4.02(d)(xi)"),
  w("stated", "principal", "balance", "of", "group", '"Group I"', "after", "distributions"),
  w("realized", "losses", "of", "group", '"Group II"'),
  w("certificate", "principal", "balance", "of", "classes", "A-I-1", ",", "A-I-2", ",", "A-I-3", "and", "M-I-1"),
  w("certificate", "principal", "balance", "of", "Classes", "A-1", ",", "A-2", ",", "and", "R"),
  w("interest", "due", "on", "class", "A-II"),
  w("prior", '"Alpha Amount"', ",", "initially", "$0"),
  w("prior", '"Beta Amount"'),
  w("Distribution", "Date", "number"),
  w("day", "count", "fraction", "30/360"),
  w("index", '"One-Month LIBOR"'),
];
const CONDITIONS: Words[] = [
  w("on", "or", "after", "the", "eleventh", "Distribution", "Date"),
  w("before", "the", "37th", "Distribution", "Date"),
  w("true"),
  w('"Trigger Event"'),
];
const ADD_OPS: Words[] = [
  w("plus"),
  w("minus"),
  w("+"),
  w("-"),
  w("times"),
  w("*"),
  w("divided", "by"),
  w("/"),
  w("of"),
];
const CMP_OPS: Words[] = [
  w("is", "less", "than"),
  w("is", "greater", "than"),
  w("is", "at", "least"),
  w("is", "at", "most"),
  w("is", "equal", "to"),
  w("equals"),
  w("exceeds"),
  w("<"),
  w(">"),
  w("<="),
  w(">="),
];
const SEPARATORS: Words[] = [w(","), w("and"), w(",", "and")];
const EXCESS_HEADS: Words[] = [
  w("excess", "of"),
  w("the", "excess", "of"),
  w("excess", ",", "if", "any", ",", "of"),
  w("the", "excess", ",", "if", "any", ",", "of"),
];
const SELECTORS: Words[] = [
  w("the", "first", "two", "Distribution", "Dates"),
  w("the", "first", "Distribution", "Date"),
  w("Distribution", "Dates", "1", "through", "12"),
  w("Distribution", "Dates", "on", "or", "after", "the", "13th"),
];

const { amount, condition } = fc.letrec<{ amount: Words; condition: Words }>((tie) => {
  const a = () => tie("amount");
  const c = () => tie("condition");
  return {
    amount: fc.oneof(
      { maxDepth: 4, depthIdentifier: "formula" },
      fc.constantFrom(...LEAVES),
      fc.tuple(a(), fc.constantFrom(...ADD_OPS), a()).map(([x, op, y]) => [...x, ...op, ...y]),
      a().map((x) => ["(", ...x, ")"]),
      a().map((x) => ["-", "(", ...x, ")"]),
      fc
        .tuple(
          fc.constantFrom("lesser", "greater", "sum"),
          fc.array(a(), { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }),
        )
        .map(([f, args, labelled, seps]) => {
          const labels = ["(i)", "(ii)", "(iii)", "(iv)"];
          const out = [f, "of"];
          args.forEach((x, i) => {
            if (i > 0) out.push(...seps[i]!);
            if (labelled) out.push(labels[i]!);
            out.push(...x);
          });
          return out;
        }),
      fc.tuple(fc.constantFrom(...EXCESS_HEADS), a(), a()).map(([h, x, y]) => [...h, ...x, "over", ...y]),
      fc.tuple(c(), a(), a()).map(([k, x, y]) => ["(", "if", ...k, "then", ...x, "else", ...y, ")"]),
      fc
        .tuple(fc.array(fc.tuple(fc.constantFrom(...SELECTORS), a()), { minLength: 1, maxLength: 3 }), a())
        .map(([cases, other]) => [
          "(",
          ...cases.flatMap(([s, x]) => ["for", ...s, ":", ...x]),
          "otherwise",
          ":",
          ...other,
          ")",
        ]),
    ),
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: "condition" },
      fc.constantFrom(...CONDITIONS),
      fc.tuple(a(), fc.constantFrom(...CMP_OPS), a()).map(([x, op, y]) => [...x, ...op, ...y]),
      fc.tuple(c(), fc.constantFrom("and", "or"), c()).map(([x, op, y]) => [...x, op, ...y]),
      c().map((x) => ["not", ...x]),
      c().map((x) => ["(", ...x, ")"]),
    ),
  };
});

/** Spacing between two tokens: mostly a space, sometimes line breaks, indentation or comments. */
const SPACING = [
  " ",
  " ",
  " ",
  " ",
  " ",
  "\n",
  "\n    ",
  "\n\n  ",
  "  // a trailing note\n",
  "\n  // a note on its own line\n  ",
];
const spacings = fc.array(fc.nat(SPACING.length - 1), { minLength: 1, maxLength: 40 });
const joinWords = (words: Words, picks: number[]) =>
  words.reduce((text, word, i) => (i === 0 ? word : text + SPACING[picks[i % picks.length]!]! + word), "");

function checkFormatting(text: string): void {
  const before = parse(text, "gen.pacta");
  fc.pre(before.ast !== undefined);
  const out = format(text, "gen.pacta");
  const after = parse(out, "gen.pacta");
  expect(after.diagnostics).toEqual([]);
  expect(sameMeaning(before.ast!, after.ast!)).toBe(true);
  expect(format(out, "gen.pacta")).toBe(out);
  expect(commentTexts(out)).toEqual(commentTexts(text));
}

describe("format: generated formulas", () => {
  it("definitions keep their meaning and comments, and format to themselves", () => {
    fc.assert(
      fc.property(amount, spacings, (words, picks) => {
        checkFormatting(`agreement "P"\ndefinition "D" means ${joinWords(words, picks)}\n`);
      }),
      { numRuns: Number(process.env["PACTA_FC_RUNS"] ?? 300) },
    );
  });

  it("clauses with conditions keep their meaning and comments, and format to themselves", () => {
    fc.assert(
      fc.property(condition, amount, spacings, (cond, amt, picks) => {
        const words = [
          "section",
          "4.02(c)",
          '"S"',
          "from",
          '"D"',
          "clause",
          "(i)",
          "when",
          ...cond,
          "pay",
          ...amt,
          "as",
          "principal",
          "to",
          "classes",
          "A-I-1",
          ",",
          "A-I-2",
          "and",
          "A-I-3",
          "sequentially",
          ",",
          "then",
          "class",
          "M-I-1",
          "until",
          "reduced",
          "to",
          "zero",
        ];
        checkFormatting(`agreement "P"\n${joinWords(words, picks)}\n`);
      }),
      { numRuns: Number(process.env["PACTA_FC_RUNS"] ?? 300) },
    );
  });
});

describe("format: whole files, re-spaced", () => {
  // Every token of a real file kept, every space between two tokens replaced by a random one
  // (line breaks, indentation, blank lines, trailing and own-line comments).
  for (const file of [
    "test/fixtures/toy/agreement.pacta",
    "test/format/fixtures/messy.pacta",
    "agreements/ramp-2002-rs1/amendment-1.pacta",
  ]) {
    it(`${file} keeps its meaning and comments, and formats to itself, however it is spaced`, () => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return; // a deal not in this checkout
      }
      const words = lexer.tokenize(text).tokens.map((t) => t.image);
      fc.assert(
        fc.property(spacings, (picks) => checkFormatting(joinWords(words, picks) + "\n")),
        { numRuns: Math.ceil(Number(process.env["PACTA_FC_RUNS"] ?? 300) / 10) },
      );
    });
  }
});
