/**
 * No input exhausts the stack: nesting and length are bounded before the recursive parser runs,
 * with a located, hinted error; chains of definitions are followed without recursion.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDeal, runDeal } from "../../src/api.ts";
import { MAX_FORMULA_NESTING, MAX_PROVISION_TOKENS } from "../../src/syntax/parse.ts";

const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
const withFormula = (f: string) =>
  toy.replace(
    /definition "Required Overcollateralization Amount"\n {2}means [^\n]*/,
    `definition "Required Overcollateralization Amount"\n  means ${f}`,
  );
const firstError = (text: string) =>
  loadDeal({ "agreement.pacta": text }).diagnostics.find((d) => d.severity === "error");

const deep: Record<string, (n: number) => string> = {
  "if … then": (n) => "if true then ".repeat(n) + "$1" + " otherwise $2".repeat(n),
  "lesser of": (n) => "lesser of $1 and ".repeat(n) + "$1",
  "unary minus": (n) => "-".repeat(n) + "$1",
  not: (n) => "if " + "not ".repeat(n) + "true then $1 otherwise $2",
};

describe("formula nesting", () => {
  for (const [what, make] of Object.entries(deep)) {
    it(`accepts ${what} nested 100 deep`, () => {
      expect(firstError(withFormula(make(100)))).toBeUndefined();
    });
    for (const n of [170, 1000, 20000])
      it(`refuses ${what} nested ${n} deep with a located error, never a stack overflow`, () => {
        const d = firstError(withFormula(make(n)))!;
        expect(d.code).toBe("PA1002");
        expect(d.message).toContain(`nests more than ${MAX_FORMULA_NESTING} levels`);
        expect(d.location.line).toBe(52);
        expect(d.hint).toContain("defined terms");
      });
  }

  it(`refuses a provision of more than ${MAX_PROVISION_TOKENS} tokens, naming it, at the token past the bound`, () => {
    const d = firstError(withFormula("$1" + " plus $1".repeat(5000)))!;
    expect(d.message).toBe(`this provision is longer than ${MAX_PROVISION_TOKENS} words, signs and figures`);
    expect(d.location.line).toBe(52);
  });
});

describe("chains of definitions", () => {
  it("checks and runs a chain of 10,000 definitions, each reading the next", () => {
    const n = 10_000;
    const chain = Array.from(
      { length: n },
      (_, i) => `definition "Step ${i + 1}"\n  means ${i === 0 ? "$1.00" : `"Step ${i}" plus $1.00`}\n`,
    ).join("");
    const text = withFormula(`"Step ${n}" times 0 plus 2.00% times cut-off balance of group "Pool"\n${chain}`);
    const deal = loadDeal({ "agreement.pacta": text });
    expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = runDeal(deal, { maxPeriods: 1 });
    expect(out.diagnostics).toEqual([]);
    expect(out.result!.periods[0]!.terms[`Step ${n}`]!.value.toString()).toBe(String(n));
  });
});
