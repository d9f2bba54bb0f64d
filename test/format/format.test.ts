import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PactaError } from "../../src/core/diagnostics.ts";
import { format } from "../../src/format/print.ts";
import { sameMeaning } from "../../src/format/same-meaning.ts";
import { parse } from "../../src/syntax/parse.ts";
import { commentTexts, legalTexts, repoPactaFiles } from "./helpers.ts";

const TOY = "test/fixtures/toy/agreement.pacta";
const MESSY = "test/format/fixtures/messy.pacta";
const read = (f: string) => readFileSync(f, "utf8");

describe("format: golden files", () => {
  it("lays out the toy agreement", async () => {
    await expect(format(read(TOY), TOY)).toMatchFileSnapshot("./__golden__/toy.pacta");
  });

  it("lays out a messy hand-written agreement", async () => {
    await expect(format(read(MESSY), MESSY)).toMatchFileSnapshot("./__golden__/messy.pacta");
  });

  it("keeps the toy agreement in its formatted layout (it is formatted in place)", () => {
    expect(format(read(TOY), TOY)).toBe(read(TOY));
  });
});

describe("format: every .pacta file of the repository", () => {
  const files = repoPactaFiles();

  it("finds the toy agreement and the messy input among them", () => {
    expect(files).toContain(TOY);
    expect(files).toContain(MESSY);
  });

  for (const file of files) {
    const text = read(file);
    if (!parse(text, file).ast) {
      // Test inputs with deliberate syntax errors (e.g. under test/check/cases/).
      it(`${file}: has syntax errors, so format throws its diagnostics`, () => {
        expect(() => format(text, file)).toThrow(PactaError);
      });
      continue;
    }
    describe(file, () => {
      const out = format(text, file);

      it("is idempotent", () => {
        expect(format(out, file)).toBe(out);
      });

      it("preserves the meaning: the same AST modulo locations", () => {
        const a = parse(text, file).ast!;
        const b = parse(out, file).ast!;
        expect(b).toBeDefined();
        expect(sameMeaning(a, b)).toBe(true);
      });

      it("keeps every comment, in order", () => {
        expect(commentTexts(out)).toEqual(commentTexts(text));
      });

      it("keeps legal text byte for byte", () => {
        expect(legalTexts(out)).toEqual(legalTexts(text));
      });

      it("ends with one newline and leaves no trailing blanks outside legal text", () => {
        expect(out.endsWith("\n") && !out.endsWith("\n\n")).toBe(true);
        const strings = legalTexts(out).join("\n");
        for (const l of out.split("\n")) if (/[ \t]$/.test(l)) expect(strings).toContain(l);
      });
    });
  }
});

describe("format: layout rules", () => {
  const def = (means: string) => `agreement "A"\n\ndefinition "D"\n  means ${means}\n`;
  const body = (out: string) => out.split("\n").slice(2).join("\n");

  it("writes symbolic operators as words", () => {
    const out = format(def('"A" + "B" - "C" * "D" / "E"'), "x.pacta");
    expect(body(out)).toBe('definition "D"\n  means "A" plus "B" minus "C" times "D" divided by "E"\n');
    const cmp = format(def('"A" < "B" and "A" > "B" and "A" <= "B" and "A" >= "B" and "A" equals "B"'), "x.pacta");
    expect(body(cmp)).toBe(
      [
        'definition "D"',
        '  means "A" is less than "B"',
        '    and "A" is greater than "B"',
        '    and "A" is at most "B"',
        '    and "A" is at least "B"',
        '    and "A" equals "B"',
        "",
      ].join("\n"),
    );
  });

  it("keeps a unary minus as a sign", () => {
    expect(format(def('- "A" plus -$5'), "x.pacta")).toContain('means -"A" plus -$5\n');
  });

  it("writes money with thousands separators and the decimals as written", () => {
    const out = format(def("$1250000.5 plus $1000 plus $0 plus $999"), "x.pacta");
    expect(out).toContain("means $1,250,000.5 plus $1,000 plus $0 plus $999\n");
  });

  it("keeps percentages, ordinals and number words as written", () => {
    const out = format(def("for the first two Distribution Dates: 0.50% otherwise: 2.00% times 1"), "x.pacta");
    expect(out).toContain("means for the first two Distribution Dates: 0.50%\n    otherwise: 2.00% times 1\n");
    expect(format(def("on or after the eleventh Distribution Date"), "x.pacta")).toContain("the eleventh Distribution");
  });

  it("separates list arguments with commas and a final `and`", () => {
    expect(format(def('sum of "A" and "B", "C"'), "x.pacta")).toContain('means sum of "A", "B" and "C"\n');
    expect(format(def('lesser of (i) "A", (ii) "B"'), "x.pacta")).toContain('means lesser of (i) "A" and (ii) "B"\n');
  });

  it("breaks a long chain before every operator, two spaces in", () => {
    const terms = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"].map(
      (t) => `"${t} Amount For This Distribution Date"`,
    );
    const out = format(def(terms.join(" plus ")), "x.pacta");
    expect(body(out)).toBe(
      ['definition "D"', `  means ${terms[0]}`, ...terms.slice(1).map((t) => `    plus ${t}`), ""].join("\n"),
    );
  });

  it("breaks a long lesser of after `of`, one argument a line, and excess of before `over`", () => {
    const a = '"Group I Required Overcollateralization Amount"';
    const b = '"Group I OC Amount"';
    const out = format(
      def(
        `lesser of (i) available at 4.02(c)(xii) plus available at 4.02(d)(xi) and (ii) excess of ${a} over ${b} plus ${a}`,
      ),
      "x.pacta",
    );
    expect(body(out)).toBe(
      [
        'definition "D"',
        "  means lesser of",
        "    (i) available at 4.02(c)(xii) plus available at 4.02(d)(xi)",
        `    and (ii) excess of ${a}`,
        `      over ${b} plus ${a}`,
        "",
      ].join("\n"),
    );
  });

  it("puts each case of a for … otherwise on its own line", () => {
    const out = format(def("for the first two Distribution Dates: $0 otherwise: $1"), "x.pacta");
    expect(body(out)).toBe('definition "D"\n  means for the first two Distribution Dates: $0\n    otherwise: $1\n');
  });

  it("keeps within 100 columns where it can", () => {
    for (const l of format(read(TOY), TOY).split("\n")) expect(l.length).toBeLessThanOrEqual(100);
  });

  it("separates declarations by one blank line and indents clauses under their section", () => {
    const src =
      'agreement "A"\n\n\n\nsection 4.02 "S" from "D" clause (i) pay "D" to class A-1 clause (ii) pay "D" to class A-2\ndefinition "D" means $1';
    expect(format(src, "x.pacta")).toBe(
      'agreement "A"\n\nsection 4.02 "S" from "D"\n  clause (i)\n    pay "D" to class A-1\n  clause (ii)\n    pay "D" to class A-2\n\ndefinition "D"\n  means $1\n',
    );
  });

  it("keeps one blank line where the author left blank lines between clauses", () => {
    const src =
      'agreement "A"\nsection 4.02 "S"\n  clause (i)\n    pay "D" to class A-1\n\n\n\n  clause (ii)\n    pay "D" to class A-2\n';
    expect(format(src, "x.pacta")).toContain("to class A-1\n\n  clause (ii)\n");
  });

  it("wraps a long header before the provenance tag", () => {
    const name = "A Very Long Defined Term Name That Goes On And On Until The Line Is Nearly Full";
    const out = format(`agreement "A"\ndefinition "${name}" [reconstructed] means $1\n`, "x.pacta");
    expect(out).toContain(`definition "${name}"\n  [reconstructed]\n  means $1\n`);
  });
});

describe("format: legal text", () => {
  it("keeps a text's internal newlines, indentation, tabs and trailing blanks, re-indenting only its first line", () => {
    const legal =
      '"First line,\n        deeply indented second,\n\tthird with a tab,   \nfourth at column 0 with an \\"escaped\\" quote."';
    const src = `agreement "A"\ndefinition "D"\n                text ${legal}\n means $0\n`;
    const out = format(src, "x.pacta");
    expect(out).toBe(`agreement "A"\n\ndefinition "D"\n  text ${legal}\n  means $0\n`);
  });
});

describe("format: comments", () => {
  it("keeps a comment above a declaration, a clause and a line of a formula", () => {
    const src = [
      'agreement "A"',
      "// about D",
      'definition "D"',
      '  means "Alpha Amount For This Distribution Date" plus "Beta Amount For This Distribution Date"',
      "    // about gamma",
      '    plus "Gamma"',
      'section 4.02 "S"',
      "  // about (i)",
      "  clause (i)",
      '    pay "D" to class A-1',
      "",
    ].join("\n");
    expect(format(src, "x.pacta")).toBe(
      [
        'agreement "A"',
        "",
        "// about D",
        'definition "D"',
        '  means "Alpha Amount For This Distribution Date"',
        '    plus "Beta Amount For This Distribution Date"',
        "    // about gamma",
        '    plus "Gamma"',
        "",
        'section 4.02 "S"',
        "  // about (i)",
        "  clause (i)",
        '    pay "D" to class A-1',
        "",
      ].join("\n"),
    );
  });

  it("keeps a trailing comment at the end of its line", () => {
    const out = format('agreement "A" // the title\ndefinition "D" means $1 // one dollar\n', "x.pacta");
    expect(out).toBe('agreement "A" // the title\n\ndefinition "D"\n  means $1 // one dollar\n');
  });

  it("moves a comment written after an operator above the operator's line", () => {
    const src = 'agreement "A"\ndefinition "D" means "X" plus\n  // why Y\n  "Y"\n';
    expect(format(src, "x.pacta")).toContain('means "X"\n    // why Y\n    plus "Y"\n');
  });

  it("keeps comments at the end of the file, and blank lines between comment blocks", () => {
    const src = '// head\n\n// second block\nagreement "A"\n\n// tail one\n\n// tail two\n';
    expect(format(src, "x.pacta")).toBe(src);
  });
});

describe("format: errors", () => {
  it("throws a PactaError with the parse diagnostics for a file with syntax errors", () => {
    let caught: unknown;
    try {
      format('agreement "A"\ndefinition "D" means lesser of\n', "bad.pacta");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PactaError);
    const ds = (caught as PactaError).diagnostics;
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]!.code).toBe("PA1002");
    expect(ds[0]!.location.file).toBe("bad.pacta");
  });

  it("throws for an unterminated text", () => {
    expect(() => format('agreement "A"\ndefinition "D" text "open means $1\n', "bad.pacta")).toThrow(PactaError);
  });
});
