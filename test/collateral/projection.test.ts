import { describe, expect, it } from "vitest";
import { project } from "../../src/collateral/projection.ts";
import { cprForMonth, monthlyRate } from "../../src/collateral/prepayment.ts";
import { PactaError } from "../../src/core/diagnostics.ts";
import { Decimal, cents, sum } from "../../src/core/money.ts";
import type { AdjustableRateTerms, GroupCollections } from "../../src/collateral/types.ts";
import { amounts, d, fixedPool, identityHolds, isCents, scenario } from "./fixtures.ts";

const series = (periods: ReturnType<typeof project>, group = "Group I"): GroupCollections[] =>
  periods.map((p) => p.groups[group]!);

/** The level monthly payment of an annuity, computed here from the textbook formula. */
function annuity(balance: Decimal, annualRate: Decimal, months: number): Decimal {
  const i = annualRate.div(12);
  const v = new Decimal(1).div(new Decimal(1).plus(i).pow(months)); // (1+i)^-n
  return balance.times(i).div(new Decimal(1).minus(v));
}

describe("project: pure amortisation (0% CPR, 0% CDR)", () => {
  const pool = fixedPool();
  const out = series(project([pool], scenario()));
  const A = annuity(pool.cutoffBalance, pool.mortgageRate, 360);

  it("runs the full term and pays the pool off", () => {
    expect(out).toHaveLength(360);
    expect(out[359]!.endingBalance.isZero()).toBe(true);
    expect(sum(out.map((g) => g.scheduledPrincipal)).eq(pool.cutoffBalance)).toBe(true);
  });

  it("pays the annuity payment: principal plus gross interest is level at A", () => {
    // $1,000,000 at 8.35% over 360 months: about $7,583.08 a month (floating-point check)
    expect(A.toNumber()).toBeCloseTo(7583.0824423669, 6);
    const first = out[0]!;
    const payment1 = first.scheduledPrincipal.plus(first.interest).plus(first.servicingFee);
    expect(payment1.minus(A).abs().lte("0.01")).toBe(true);
    for (const g of out) {
      const payment = g.scheduledPrincipal.plus(g.interest).plus(g.servicingFee);
      // each month re-amortises a balance rounded to the cent; the drift stays within cents
      expect(payment.minus(A).abs().toNumber()).toBeLessThan(0.1);
    }
  });

  it("splits interest into the net remittance and the servicing fee", () => {
    for (const g of out) {
      expect(g.interest.plus(g.servicingFee).eq(cents(g.beginningBalance.times("0.0835").div(12)))).toBe(true);
      expect(g.servicingFee.eq(cents(g.beginningBalance.times("0.005").div(12)))).toBe(true);
      expect(g.netMortgageRate.eq("0.0785")).toBe(true);
    }
  });

  it("re-amortises each month over the remaining term", () => {
    out.forEach((g, k) => {
      const remaining = 360 - k;
      const exact = annuity(g.beginningBalance, d("0.0835"), remaining).minus(
        g.beginningBalance.times(d("0.0835").div(12)),
      );
      expect(g.scheduledPrincipal.minus(exact).abs().lte("0.005")).toBe(true);
    });
  });

  it("amortises a zero-rate pool in equal parts", () => {
    const zero = series(
      project(
        [
          fixedPool({
            cutoffBalance: d("1200.00"),
            mortgageRate: d(0),
            servicingFeeRate: d(0),
            remainingTermMonths: 12,
          }),
        ],
        scenario(),
      ),
    );
    expect(zero.map((g) => g.scheduledPrincipal.toFixed(2))).toEqual(Array(12).fill("100.00"));
    expect(zero.every((g) => g.interest.isZero())).toBe(true);
  });
});

describe("project: prepayments", () => {
  it("converts CPR to SMM as 1 − (1 − CPR)^(1/12)", () => {
    // 20% CPR: 1 − 0.8^(1/12), from floating point
    expect(monthlyRate(d("0.2")).toNumber()).toBeCloseTo(0.018423470126248342, 14);
    expect(monthlyRate(d(0)).isZero()).toBe(true);
    expect(monthlyRate(d(1)).eq(1)).toBe(true);
  });

  it("prepays SMM of the performing balance left after scheduled principal", () => {
    const out = series(project([fixedPool()], scenario({ cpr: d("0.2") })));
    const smm = new Decimal(1).minus(new Decimal("0.8").pow(new Decimal(1).div(12)));
    for (const g of out.slice(0, 359)) {
      expect(g.prepayments.eq(cents(g.beginningBalance.minus(g.scheduledPrincipal).times(smm)))).toBe(true);
    }
    // a year of 20% CPR on a pool that barely amortises leaves about 80% (less amortisation)
    const afterYear = out[11]!.endingBalance.div(1000000).toNumber();
    expect(afterYear).toBeGreaterThan(0.78);
    expect(afterYear).toBeLessThan(0.8);
  });

  it("follows a PPC ramp with a multiplier", () => {
    const ramp = { kind: "ramp" as const, startCpr: d("0.04"), endCpr: d("0.23"), rampMonths: 12 };
    expect(cprForMonth(ramp, 1).eq("0.04")).toBe(true);
    expect(cprForMonth(ramp, 12).eq("0.23")).toBe(true);
    expect(cprForMonth(ramp, 40).eq("0.23")).toBe(true);
    // linear: 0.04 + 0.19 × 5/11 in month 6
    expect(
      cprForMonth(ramp, 6)
        .minus(d("0.04").plus(d("0.19").times(5).div(11)))
        .abs()
        .lt("1e-30"),
    ).toBe(true);
    expect(cprForMonth({ ...ramp, multiplier: d("1.5") }, 12).eq("0.345")).toBe(true);
    expect(cprForMonth({ kind: "constant", cpr: d("0.1"), multiplier: d(2) }, 7).eq("0.2")).toBe(true);
  });

  it("prepays along the ramp in the projection", () => {
    const ramp = { kind: "ramp" as const, startCpr: d("0.04"), endCpr: d("0.23"), rampMonths: 12 };
    const out = series(project([fixedPool()], scenario({ cpr: ramp })));
    const smm = (cpr: string) => new Decimal(1).minus(new Decimal(1).minus(cpr).pow(new Decimal(1).div(12)));
    for (const [k, cpr] of [
      [0, "0.04"],
      [11, "0.23"],
      [30, "0.23"],
    ] as const) {
      const g = out[k]!;
      expect(g.prepayments.eq(cents(g.beginningBalance.minus(g.scheduledPrincipal).times(smm(cpr))))).toBe(true);
    }
  });

  it("applies per-group speeds", () => {
    const pools = [fixedPool(), fixedPool({ name: "Group II" })];
    const out = project(pools, scenario({ cpr: { "Group I": d(0), "Group II": { kind: "constant", cpr: d("0.3") } } }));
    expect(out[0]!.groups["Group I"]!.prepayments.isZero()).toBe(true);
    expect(out[0]!.groups["Group II"]!.prepayments.gt(0)).toBe(true);
  });
});

describe("project: defaults and losses", () => {
  const base = { cdr: d("0.1"), severity: d("0.4") };

  it("defaults MDR of the performing balance; defaulted loans pay no interest (no advancing)", () => {
    const out = series(project([fixedPool()], scenario({ ...base, advancing: false })));
    const mdr = new Decimal(1).minus(new Decimal("0.9").pow(new Decimal(1).div(12)));
    const g = out[0]!;
    expect(g.newDefaults.eq(cents(d("1000000").times(mdr)))).toBe(true);
    const performing = g.beginningBalance.minus(g.newDefaults);
    expect(g.interest.plus(g.servicingFee).eq(cents(performing.times("0.0835").div(12)))).toBe(true);
  });

  it("with no lag, liquidates each month's defaults that month at the given severity", () => {
    const out = series(project([fixedPool()], scenario(base)));
    for (const g of out) {
      expect(g.netLiquidationProceeds.plus(g.realizedLoss).eq(g.newDefaults)).toBe(true);
      expect(g.realizedLoss.minus(g.newDefaults.times("0.4")).abs().lte("0.005")).toBe(true);
    }
    const totalLoss = sum(out.map((g) => g.realizedLoss));
    const totalDefaults = sum(out.map((g) => g.newDefaults));
    expect(totalLoss.minus(totalDefaults.times("0.4")).abs().lte(new Decimal("0.005").times(out.length))).toBe(true);
    expect(totalDefaults.gt(50000)).toBe(true);
  });

  it("shifts liquidations by the recovery lag and keeps pending defaults in the balance (no advancing)", () => {
    const pool = fixedPool({ remainingTermMonths: 60 });
    const now = series(project([pool], scenario({ ...base, advancing: false })));
    const lagged = series(project([pool], scenario({ ...base, recoveryLagMonths: 4, advancing: false })));
    // The same defaults, except none in the last four months (they could not liquidate in time: trap 4).
    expect(lagged.map((g) => g.newDefaults.toFixed(2))).toEqual(
      now.map((g, k) => (k >= 56 ? "0.00" : g.newDefaults.toFixed(2))),
    );
    lagged.forEach((g, k) => {
      const liquidated = g.netLiquidationProceeds.plus(g.realizedLoss);
      // Month k + 1 liquidates the defaults of month k − 3; the first four months liquidate nothing.
      if (k < 4) expect(liquidated.isZero()).toBe(true);
      else expect(liquidated.eq(now[k - 4]!.newDefaults)).toBe(true);
      // Until the last four months the performing balances agree; the lagged pool also carries
      // the defaults of the last four months, not yet liquidated.
      const pending = sum(now.slice(Math.max(0, k - 3), k + 1).map((x) => x.newDefaults));
      if (k < 56) expect(g.endingBalance.eq(now[k]!.endingBalance.plus(pending))).toBe(true);
    });
    expect(lagged[59]!.endingBalance.isZero()).toBe(true);
  });

  it("pays the pool off under prepayments, defaults and a lag", () => {
    const out = series(
      project([fixedPool({ remainingTermMonths: 120 })], scenario({ ...base, cpr: d("0.25"), recoveryLagMonths: 6 })),
    );
    expect(out).toHaveLength(120);
    expect(out[119]!.endingBalance.isZero()).toBe(true);
    for (const g of out) {
      expect(identityHolds(g)).toBe(true);
      expect(amounts(g).every((x) => isCents(x) && x.gte(0))).toBe(true);
    }
    const out0 = sum(
      out.map((g) => g.scheduledPrincipal.plus(g.prepayments).plus(g.netLiquidationProceeds).plus(g.realizedLoss)),
    );
    expect(out0.eq("1000000")).toBe(true);
  });
});

describe("project: adjustable-rate groups", () => {
  const terms = (over: Partial<AdjustableRateTerms>): AdjustableRateTerms => ({
    index: "Six-Month LIBOR",
    grossMargin: d("0.06"),
    firstAdjustmentMonth: 24,
    resetMonths: 6,
    periodicCap: d("0.005"),
    lifetimeCap: d("0.15"),
    floor: d("0.06"),
    ...over,
  });
  const rates = (index: string, rate: string, t: AdjustableRateTerms): string[] =>
    series(
      project(
        [fixedPool({ name: "Group II", mortgageRate: d(rate), adjustable: t })],
        scenario({ indexRates: { "Six-Month LIBOR": d(index) } }),
      ),
      "Group II",
    ).map((g) => g.netMortgageRate.plus("0.005").toString());

  it("holds the rate until the first adjustment, then moves toward index + margin by the periodic cap", () => {
    const r = rates("0.02", "0.09", terms({})); // target 8%
    expect(r.slice(0, 24).every((x) => x === "0.09")).toBe(true);
    expect(r.slice(24, 30).every((x) => x === "0.085")).toBe(true);
    expect(r.slice(30, 40).every((x) => x === "0.08")).toBe(true);
  });

  it("stops at the lifetime cap and the floor", () => {
    const up = rates("0.05", "0.07", terms({ periodicCap: d("0.01"), lifetimeCap: d("0.095") })); // target 11%
    expect([up[23], up[24], up[30], up[36], up[42]]).toEqual(["0.07", "0.08", "0.09", "0.095", "0.095"]);
    const down = rates("0", "0.09", terms({ grossMargin: d("0.02"), periodicCap: d("0.03"), floor: d("0.085") }));
    expect(down[24]).toBe("0.085");
  });

  it("charges interest at the rate in force", () => {
    const out = series(
      project(
        [fixedPool({ name: "Group II", mortgageRate: d("0.09"), adjustable: terms({}) })],
        scenario({ indexRates: { "Six-Month LIBOR": d("0.02") } }),
      ),
      "Group II",
    );
    const g = out[24]!;
    expect(g.interest.plus(g.servicingFee).eq(cents(g.beginningBalance.times("0.085").div(12)))).toBe(true);
  });

  it("reports a missing index as PA5001", () => {
    const run = () => project([fixedPool({ adjustable: terms({}) })], scenario());
    expect(run).toThrow(PactaError);
    try {
      run();
    } catch (e) {
      const ds = (e as PactaError).diagnostics;
      expect(ds.map((x) => x.code)).toEqual(["PA5001"]);
      expect(ds[0]!.message).toContain('"Six-Month LIBOR"');
    }
  });
});

describe("project: inputs and limits", () => {
  const codes = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      if (e instanceof PactaError) return e.diagnostics.map((x) => x.code);
      throw e;
    }
    return [];
  };

  it("rejects rates outside 0–1, a bad lag, a group without a speed, all at once", () => {
    expect(
      codes(() => project([fixedPool()], scenario({ cdr: d("1.5"), severity: d("-0.1"), recoveryLagMonths: -1 }))),
    ).toEqual(["PA5001", "PA5001", "PA5001"]);
    expect(codes(() => project([fixedPool()], scenario({ cpr: { "Group II": d("0.1") } })))).toEqual(["PA5001"]);
    expect(
      codes(() =>
        project(
          [fixedPool()],
          scenario({ cpr: { kind: "ramp", startCpr: d("0.1"), endCpr: d("0.6"), rampMonths: 10, multiplier: d(2) } }),
        ),
      ),
    ).toEqual(["PA5001"]);
    expect(codes(() => project([fixedPool({ cutoffBalance: d("10.005") })], scenario()))).toEqual(["PA5001"]);
  });

  it("stops at maxPeriods", () => {
    const out = project([fixedPool()], scenario(), { maxPeriods: 12 });
    expect(out.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(out[11]!.groups["Group I"]!.endingBalance.gt(0)).toBe(true);
  });

  it("lists every group in every period, with zeros once a group has paid off", () => {
    const out = project(
      [fixedPool({ remainingTermMonths: 12 }), fixedPool({ name: "Group II", remainingTermMonths: 24 })],
      scenario({ indexRates: { "One-Month LIBOR": d("0.0186") } }),
    );
    expect(out).toHaveLength(24);
    const late = out[20]!.groups["Group I"]!;
    expect(amounts(late).every((x) => x.isZero())).toBe(true);
    expect(out.every((p) => p.indexRates["One-Month LIBOR"]!.eq("0.0186"))).toBe(true);
  });

  it("returns no period for an empty pool", () => {
    expect(project([fixedPool({ cutoffBalance: d(0) })], scenario())).toEqual([]);
  });
});

describe("projection length", () => {
  it("runs as long as the loans do: a 600-month pool is projected for 600 months, and pays off", async () => {
    const { fixedPool, scenario } = await import("./fixtures.ts");
    const { project } = await import("../../src/collateral/projection.ts");
    const periods = project([fixedPool({ remainingTermMonths: 600 })], scenario({}));
    expect(periods.length).toBe(600);
    const last = periods.at(-1)!.groups[Object.keys(periods.at(-1)!.groups)[0]!]!;
    expect(last.endingBalance.isZero()).toBe(true);
  });
});
