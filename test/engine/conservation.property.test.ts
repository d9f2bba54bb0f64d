/**
 * Invariants of the waterfall on random collections: every dollar a section has is either paid by
 * a clause or released, to the cent; every dollar paid reaches a class; no balance goes below
 * zero; a class never receives more principal than it had.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { ZERO, sum } from "../../src/core/money.ts";
import { loadDeal } from "../../src/deal/load.ts";
import { run } from "../../src/engine/run.ts";
import type { RunResult } from "../../src/engine/result.ts";
import { collateral, type Flow } from "../helpers/deal.ts";

const va = loadDeal("test/fixtures/toy").model!;

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => (c / 100).toFixed(2));
const flow = fc.record({
  interest: cents(900_000),
  scheduled: cents(1_500_000),
  prepay: cents(3_000_000),
  liquidation: cents(500_000),
  loss: cents(800_000),
});

/** Keeps the pool balance from going negative: scales each month's principal and losses to what is left. */
function feasible(flows: Flow[]): Flow[] {
  let bal = 1_000_000_00;
  return flows.map((f) => {
    const parts = [f.scheduled, f.prepay, f.liquidation, f.loss].map((x) => Math.round(Number(x) * 100));
    const out = parts.map((p) => {
      const take = Math.min(p, bal);
      bal -= take;
      return (take / 100).toFixed(2);
    });
    return { interest: f.interest, scheduled: out[0]!, prepay: out[1]!, liquidation: out[2]!, loss: out[3]! };
  });
}

function check(r: RunResult): void {
  for (const p of r.periods) {
    let sectionCash = ZERO;
    for (const s of p.sections) {
      if (!s.id.startsWith("4.02")) continue;
      const paid = sum(s.clauses.map((c) => c.paid));
      expect(paid.plus(s.released).toFixed(2), `period ${p.number} section ${s.id}`).toBe(s.available.toFixed(2));
      expect(s.released.gte(ZERO)).toBe(true);
      for (const c of s.clauses) {
        expect(c.paid.lte(c.due) && c.paid.gte(ZERO)).toBe(true);
        expect(sum(c.payments.map((x) => x.amount)).eq(c.paid)).toBe(true);
      }
      sectionCash = sectionCash.plus(s.available);
    }
    let received = ZERO;
    for (const [name, c] of Object.entries(p.classes)) {
      expect(c.balance.gte(ZERO), `period ${p.number} class ${name} balance`).toBe(true);
      expect(c.principal.lte(c.beginningBalance)).toBe(true);
      expect(c.balance.eq(c.beginningBalance.minus(c.principal).minus(c.realizedLoss)) || name === "A-I-IO").toBe(true);
      received = received
        .plus(c.interest)
        .plus(c.principal)
        .plus(c.basisRiskPaid)
        .plus(c.lossReimbursement)
        .plus(c.other);
    }
    expect(received.toFixed(2), `period ${p.number}: cash received by classes`).toBe(sectionCash.toFixed(2));
    // After write-downs the certificates never exceed the collateral.
    const certs = sum(["A-1", "A-2", "M-1"].map((n) => p.classes[n]!.balance));
    expect(certs.lte(p.collateral.groups["Pool"]!.endingBalance)).toBe(true);
  }
}

describe("conservation of cash through the waterfall", () => {
  test.prop([fc.array(flow, { minLength: 1, maxLength: 24 })], { numRuns: 150 })("on random collections", (flows) => {
    const r = run(va, {
      collateral: collateral("Pool", "1000000", feasible(flows)),
      collateralSource: "random",
    });
    check(r);
  });
});
