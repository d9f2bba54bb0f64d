/**
 * pacta's projection follows the Standard Formulas: on the chapter's Cash Flow A pool it agrees
 * with the standard generator (src/collateral/standard/cash-flow.ts, itself checked against the
 * published anchors) to the dollar in every month, with advancing; and it prepays 999,329 in
 * month 1, the figure trap 1 pins.
 */
import { describe, expect, it } from "vitest";
import { Decimal, ZERO } from "../../../src/core/money.ts";
import { project } from "../../../src/collateral/projection.ts";
import { cprFromSmm, mdrFromCdr, psaCpr, sdaCdr, smmFromCpr } from "../../../src/collateral/standard/rates.ts";
import { standardCashFlows } from "../../../src/collateral/standard/cash-flow.ts";

const d = (x: string | number) => new Decimal(x);
// Cash Flow A: $100,000,000 at 8.00%, 360 months, 1% SMM and 1% MDR, 12 months to liquidation, 20% severity, advanced.
const pool = {
  name: "A",
  cutoffBalance: d(100_000_000),
  mortgageRate: d("0.08"),
  servicingFeeRate: ZERO,
  remainingTermMonths: 360,
};
const rate = cprFromSmm(d("0.01")); // the CPR (and CDR) whose monthly rate is exactly 1%

describe("the projection and the Standard Formulas, Cash Flow A", () => {
  const ours = project([pool], { cpr: rate, cdr: rate, severity: d("0.2"), recoveryLagMonths: 12, indexRates: {} }).map(
    (p) => p.groups["A"]!,
  );
  const standard = standardCashFlows(
    { balance: d(100_000_000), grossRate: d("0.08"), netRate: d("0.08"), originalTerm: 360 },
    { smm: () => d("0.01"), mdr: () => d("0.01"), severity: d("0.2"), lag: 12 },
  );

  it("prepays 999,329 in month 1 (not 989,336: new defaults are not removed first)", () => {
    expect(ours[0]!.prepayments.toDecimalPlaces(0).toString()).toBe("999329");
  });

  it("loses 9,515,314 over the pool's life, the total the chapter prints for Cash Flow A", () => {
    const total = standard.reduce((t, s) => t.plus(s.principalLoss), ZERO);
    expect(total.toDecimalPlaces(0).toString()).toBe("9515314");
    expect(
      ours
        .reduce((t, g) => t.plus(g.realizedLoss), ZERO)
        .minus(total)
        .abs()
        .lt(5),
    ).toBe(true);
  });

  it("agrees with the standard to the dollar, month by month, in every column", () => {
    const far = (a: Decimal, b: Decimal) => a.minus(b).abs().gt(1);
    standard.forEach((s, i) => {
      const g = ours[i]!;
      const where = `month ${i + 1}`;
      expect(far(g.newDefaults, s.newDefaults), `${where} defaults`).toBe(false);
      expect(far(g.prepayments, s.voluntaryPrepayments), `${where} prepayments`).toBe(false);
      expect(far(g.scheduledPrincipal, s.expectedAmortization), `${where} amortisation`).toBe(false);
      expect(far(g.realizedLoss, s.principalLoss), `${where} loss`).toBe(false);
      expect(far(g.netLiquidationProceeds, s.principalRecovery), `${where} recovery`).toBe(false);
      expect(far(g.interest, s.expectedInterest), `${where} interest`).toBe(false);
    });
  });
});

describe("Cash Flow B: the same pool at 150% PSA and 100% SDA", () => {
  it("loses 555,201 over its life, the total the chapter prints", () => {
    const months = standardCashFlows(
      { balance: d(100_000_000), grossRate: d("0.08"), netRate: d("0.08"), originalTerm: 360 },
      {
        smm: (m) => smmFromCpr(psaCpr(d("1.5"), m)),
        mdr: (m) => mdrFromCdr(sdaCdr(d(1), m, 360, 12)),
        severity: d("0.2"),
        lag: 12,
      },
    );
    const total = months.reduce((t, s) => t.plus(s.principalLoss), ZERO);
    expect(total.toDecimalPlaces(0).toString()).toBe("555201");
    // pacta's projection at --psa 150 --sda 100 on the same pool: the same months, to the dollar.
    const ours = project([pool], {
      cpr: { kind: "psa", multiplier: d("1.5") },
      cdr: { kind: "sda", multiple: d(1) },
      severity: d("0.2"),
      recoveryLagMonths: 12,
      indexRates: {},
    }).map((p) => p.groups["A"]!);
    months.forEach((s, i) => {
      const g = ours[i]!;
      expect(g.prepayments.minus(s.voluntaryPrepayments).abs().lte(1), `month ${i + 1} prepayments`).toBe(true);
      expect(g.newDefaults.minus(s.newDefaults).abs().lte(1), `month ${i + 1} defaults`).toBe(true);
      expect(g.realizedLoss.minus(s.principalLoss).abs().lte(1), `month ${i + 1} loss`).toBe(true);
    });
  });
});
