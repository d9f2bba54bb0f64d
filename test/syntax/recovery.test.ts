/** Error recovery reports every independent syntax error of a file: the first of each provision. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/api.ts";

const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

const sets: Record<string, [string, string][]> = {
  "misspelt declaration keywords": [
    ['definition "Principal Remittance Amount"', 'defintion "Principal Remittance Amount"'],
    ['definition "Overcollateralization Amount"', 'definiton "Overcollateralization Amount"'],
    ["  clause (ii)", "  clase (ii)"],
  ],
  "mistakes in three classes and a loan group": [
    ['loan group "Pool"', 'loan grop "Pool"'],
    ["class A-2", "clas A-2"],
    ["class M-1", "klass M-1"],
  ],
  "one mistake in each of three classes": [
    ["pass-through rate 5.00%", "pass-thru rate 5.00%"],
    ["pass-through rate 6.00%", "pass-thru rate 6.00%"],
    ["pass-through rate 7.00%", "pass-thru rate 7.00%"],
  ],
};

describe("syntax error recovery", () => {
  for (const [name, edits] of Object.entries(sets))
    it(`reports all three of ${name}, each on its own line`, () => {
      let text = toy;
      for (const [from, to] of edits) text = text.replace(from, to);
      const lines = parse(text, "toy.pacta").diagnostics.map((d) => d.location.line);
      expect(lines).toEqual(edits.map(([, to]) => lineOf(text, to)).sort((a, b) => a - b));
    });
});
