/**
 * Fuzzing sized for CI (about a minute): generated agreements run over random collections keep
 * every invariant; mutants of RS1 and of generated agreements are refused with located, hinted
 * diagnostics, never an exception. fast-check prints the seed and path of any failure, so it can
 * be replayed (`fc.assert(…, { seed, path })`); cases found are kept in regressions/.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RS1, checkLoad, checkRun, dealArb, flowsArb, mutantArb } from "./fuzz.ts";

describe("fuzzing", () => {
  it("generated agreements, on random collections, keep every invariant", () => {
    fc.assert(
      fc.property(
        dealArb.chain((d) => fc.tuple(fc.constant(d), flowsArb(d))),
        ([deal, periods]) => {
          expect(checkRun(deal.text, periods)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("mutants of RS1's agreement are refused or run, never crash", () => {
    fc.assert(
      fc.property(mutantArb(RS1.agreement), (text) => {
        expect(checkLoad({ "agreement.pacta": text, "amendment-1.pacta": RS1.amendment })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("mutants of RS1's amendment are refused or run, never crash", () => {
    fc.assert(
      fc.property(mutantArb(RS1.amendment), (text) => {
        expect(checkLoad({ "agreement.pacta": RS1.agreement, "amendment-1.pacta": text })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("mutants of generated agreements are refused or run, never crash", () => {
    fc.assert(
      fc.property(
        dealArb.chain((d) => mutantArb(d.text)),
        (text) => {
          expect(checkLoad({ "agreement.pacta": text })).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("every case kept in regressions/ still loads without a crash", () => {
    const dir = "test/fuzz/regressions";
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".pacta")))
      expect(checkLoad({ "agreement.pacta": readFileSync(`${dir}/${f}`, "utf8") }), f).toEqual([]);
  });
});
