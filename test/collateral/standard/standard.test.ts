/**
 * The Standard Formulas' anchor rows and worked examples (shared/reference/standard-formulas.md),
 * reproduced to their printed decimals. Every expected value below is copied from that file (the
 * published figure), never computed by the code under test.
 */
import { describe, expect, it } from "vitest";
import { Decimal, ONE, ZERO } from "../../../src/core/money.ts";
import {
  absFromFactors,
  absSmm,
  cprFromSmm,
  hepCpr,
  mdrFromCdr,
  psaCpr,
  psaFromCpr,
  rampCpr,
  scheduledBalance,
  sdaCdr,
  smmFromCpr,
} from "../../../src/collateral/standard/rates.ts";
import { standardCashFlows } from "../../../src/collateral/standard/cash-flow.ts";
import {
  averageLife,
  convexity,
  macaulayDuration,
  modifiedDuration,
  mortgageYield,
  priceFromYield,
  yieldFromPrice,
  type TimedCashFlow,
} from "../../../src/analytics/pricing.ts";

const d = (x: string | number) => new Decimal(x);
/** `x` rounded half-up to `places`, as the chapter prints it. */
const at = (x: Decimal, places: number) => x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
const pct = (x: Decimal, places: number) => at(x.times(100), places);

describe("§1 amortisation (SF-4): net 9.0%, gross 9.5%, 360 months, first month, per $1 of par", () => {
  // Scheduled amortisation = BAL(360 left) − BAL(359 left) = 1 − (1 − v^359)/(1 − v^360), v = 1/(1 + 0.095/12).
  const amort = ONE.minus(scheduledBalance(d("0.095"), 359, 360));
  const prepay = d("0.00025022"); // given
  it("splits the first payment as the chapter prints it", () => {
    expect(at(amort, 8)).toBe("0.00049188");
    expect(at(d("0.095").div(12), 8)).toBe("0.00791667"); // gross interest on $1
    expect(at(d("0.005").div(12), 8)).toBe("0.00041667"); // servicing fee 0.5% / 12
    expect(at(amort.plus(prepay), 8)).toBe("0.00074210"); // pass-through principal
    expect(at(d("0.09").div(12), 8)).toBe("0.00750000"); // pass-through interest
    expect(at(amort.plus(prepay).plus(d("0.09").div(12)), 8)).toBe("0.00824210");
  });
});

describe("§2 SMM and CPR (SF-7, SF-8): Ginnie Mae I 9.0% (gross 9.5%), factors 6/89 and 7/89", () => {
  const f1 = d("0.85150625");
  const f2 = d("0.84732282");
  const bal1 = scheduledBalance(d("0.095"), 344, 359); // 344 of 359 months remaining
  const bal2 = scheduledBalance(d("0.095"), 343, 359);
  const fsched = f1.times(bal2).div(bal1); // the factor had nothing but scheduled amortisation happened
  const smm = fsched.minus(f2).div(fsched);
  it("reproduces BAL, the scheduled factor, amortisation, prepayment, SMM, CPR and PSA", () => {
    expect(at(bal1, 8)).toBe("0.99213300");
    expect(at(bal2, 8)).toBe("0.99157471");
    expect(at(fsched, 8)).toBe("0.85102709");
    expect(at(f1.minus(fsched), 8)).toBe("0.00047916");
    expect(at(fsched.minus(f2), 8)).toBe("0.00370427");
    expect(pct(smm, 6)).toBe("0.435270");
    expect(pct(cprFromSmm(smm), 4)).toBe("5.1000");
    // 2/88 was loan month 1, so 6/89 is month 17 (trap 5): PSA = CPR / (0.2% × 17).
    expect(pct(psaFromCpr(cprFromSmm(smm), 17), 2)).toBe("150.00");
  });
});

describe("§3 PSA (SF-9, SF-10)", () => {
  // SMM → CPR (1 decimal) → PSA (whole number, seasoned: CPR / 6%).
  const sf9: [string, string, string][] = [
    ["0.05", "0.6", "10"],
    ["0.10", "1.2", "20"],
    ["0.50", "5.8", "97"],
    ["0.55", "6.4", "107"],
    ["1.00", "11.4", "189"],
    ["1.50", "16.6", "276"],
    ["2.00", "21.5", "359"],
    ["3.00", "30.6", "510"],
    ["4.00", "38.7", "645"],
    ["5.00", "46.0", "766"],
    ["6.00", "52.4", "873"],
    ["7.00", "58.1", "969"],
    ["8.00", "63.2", "1054"],
    ["9.00", "67.8", "1129"],
  ];
  it.each(sf9)("SMM %s%% is %s%% CPR and %s%% PSA", (smm, cpr, psa) => {
    const c = cprFromSmm(d(smm).div(100));
    expect(pct(c, 1)).toBe(cpr);
    expect(pct(psaFromCpr(c, 360), 0)).toBe(psa);
  });
  const sf10: [number, string[]][] = [
    [1, ["0.02", "0.03", "0.03", "0.05", "0.08"]],
    [2, ["0.03", "0.05", "0.07", "0.10", "0.17"]],
    [3, ["0.05", "0.08", "0.10", "0.15", "0.25"]],
    [10, ["0.17", "0.25", "0.34", "0.51", "0.87"]],
    [17, ["0.29", "0.44", "0.59", "0.89", "1.54"]],
    [20, ["0.34", "0.51", "0.69", "1.06", "1.84"]],
    [29, ["0.50", "0.76", "1.02", "1.58", "2.81"]],
    [30, ["0.51", "0.78", "1.06", "1.64", "2.93"]],
  ];
  it.each(sf10)("loan month %i: SMM at 100, 150, 200, 300 and 500%% PSA", (month, smms) => {
    const got = ["1", "1.5", "2", "3", "5"].map((s) => pct(smmFromCpr(psaCpr(d(s), month)), 2));
    expect(got).toEqual(smms);
  });
});

describe("§5 ABS (SF-13 to SF-15)", () => {
  const sf15: [number, string[]][] = [
    [1, ["0.50", "1.00", "1.50", "2.00"]],
    [10, ["0.52", "1.10", "1.73", "2.44"]],
    [11, ["0.53", "1.11", "1.76", "2.50"]],
    [20, ["0.55", "1.23", "2.10", "3.23"]],
    [30, ["0.58", "1.41", "2.65", "4.76"]],
    [40, ["0.62", "1.64", "3.61", "9.09"]],
    [49, ["0.66", "1.92", "5.36", "50.00"]],
    [50, ["0.66", "1.96", "5.66", "100.00"]],
  ];
  it.each(sf15)("loan month %i: SMM at 0.50, 1.00, 1.50 and 2.00%% ABS", (month, smms) => {
    expect(["0.005", "0.01", "0.015", "0.02"].map((a) => pct(absSmm(d(a), month), 2))).toEqual(smms);
  });
  it("SF-14: 2% ABS in loan month 11 is 2.5000% SMM; the historical speed over nine months is 1.7000%", () => {
    expect(pct(absSmm(d("0.02"), 11), 4)).toBe("2.5000");
    // 36-month loans at 10.00%: 34 months remaining at 1/1/89 (factor 1, age 2), 25 at 10/1/89 (age 11).
    const bal1 = scheduledBalance(d("0.10"), 34, 36);
    const bal2 = scheduledBalance(d("0.10"), 25, 36);
    expect(pct(absFromFactors(ONE, d("0.64140448"), bal1, bal2, 2, 11), 4)).toBe("1.7000");
  });
});

describe("§7 SDA (Cash Flow B's default rate columns)", () => {
  const rows: [number, string, string][] = [
    [1, "0.000200", "0.000017"],
    [2, "0.000400", "0.000033"],
    [30, "0.006000", "0.000501"],
    [60, "0.006000", "0.000501"],
    [61, "0.005905", "0.000493"],
    [62, "0.005810", "0.000485"],
    [117, "0.000585", "0.000049"],
    [120, "0.000300", "0.000025"],
    [348, "0.000300", "0.000025"],
    [349, "0.000000", "0.000000"],
  ];
  it.each(rows)("loan month %i of a 360-month pool with 12 months to liquidation", (m, annual, monthly) => {
    const cdr = sdaCdr(ONE, m, 360, 12);
    expect(at(cdr, 6)).toBe(annual);
    expect(at(mdrFromCdr(cdr), 6)).toBe(monthly);
  });
});

describe("§16 HEP and PPC ramps", () => {
  const hep: [string, number, string, string][] = [
    ["20", 1, "2.0", "0.16821426"],
    ["20", 2, "4.0", "0.33960532"],
    ["20", 5, "10.0", "0.87416110"],
    ["20", 9, "18.0", "1.64015832"],
    ["20", 10, "20.0", "1.84234701"],
    ["20", 60, "20.0", "1.84234701"],
    ["22", 1, "2.2", "0.18520835"],
    ["22", 5, "11.0", "0.96641504"],
    ["22", 9, "19.8", "1.82192090"],
    ["22", 11, "22.0", "2.04922342"],
  ];
  it.each(hep)("%s%% HEP in loan month %i: %s%% CPR, %s%% SMM", (speed, m, cpr, smm) => {
    const c = hepCpr(d(speed).div(100), m);
    expect(pct(c, 1)).toBe(cpr);
    expect(pct(smmFromCpr(c), 8)).toBe(smm);
  });
  const edgar: [number, string, string][] = [
    [1, "4", "4"],
    [2, "6.090909091", "5.727272727"],
    [6, "14.45454545", "12.63636364"],
    [11, "24.90909091", "21.27272727"],
    [12, "27", "23"],
    [13, "27", "23"],
  ];
  it.each(edgar)("the 2006 scenario file's ramp, period %i: ARM %s%%, FRM %s%% CPR", (m, arm, frm) => {
    const show = (x: Decimal, printed: string) => pct(x, printed.includes(".") ? printed.split(".")[1]!.length : 0);
    expect(show(rampCpr(d("0.04"), d("0.27"), 12, m), arm)).toBe(arm);
    expect(show(rampCpr(d("0.04"), d("0.23"), 12, m), frm)).toBe(frm);
  });
  it("the textbook home-equity PPC: 5% CPR in month 1, +1.8% a month, 24.8% from month 12 (and twice that at 200%)", () => {
    for (const [m, c100, c200] of [
      [1, "5.0", "10.0"],
      [2, "6.8", "13.6"],
      [11, "23.0", "46.0"],
      [12, "24.8", "49.6"],
      [13, "24.8", "49.6"],
    ] as const) {
      expect(pct(rampCpr(d("0.05"), d("0.248"), 12, m), 1)).toBe(c100);
      expect(pct(rampCpr(d("0.05"), d("0.248"), 12, m, d(2)), 1)).toBe(c200);
    }
  });
});

describe("§6 and trap 1: Cash Flow A, month 1", () => {
  // $100,000,000 at 8.00%, 360 months, 1% SMM and 1% MDR, 12 months to liquidation, 20% severity, advanced.
  const month1 = standardCashFlows(
    { balance: d(100_000_000), grossRate: d("0.08"), netRate: d("0.08"), originalTerm: 360 },
    { smm: () => d("0.01"), mdr: () => d("0.01"), severity: d("0.2"), lag: 12 },
  )[0]!;
  it("prepays on the balance after amortisation without removing the month's defaults first", () => {
    expect(at(month1.voluntaryPrepayments, 0)).toBe("999329");
    expect(at(month1.newDefaults, 0)).toBe("1000000");
    // 100,000,000 × 0.99932902 × (1 − 1% − 1%) = 97,934,244
    expect(at(month1.performing, 0)).toBe("97934244");
  });
});

describe("§12 yield and its measures (SF-50, SF-51): Ginnie Mae I 9.0% at 150% PSA, priced at par", () => {
  // Per $100 of original face; 14-day actual delay, so the k-th flow is (30k + 14)/360 years out.
  const months = standardCashFlows(
    { balance: d(100), grossRate: d("0.095"), netRate: d("0.09"), originalTerm: 360 },
    { smm: (m) => smmFromCpr(psaCpr(d("1.5"), m)), mdr: () => ZERO, severity: ZERO, lag: 0 },
  );
  const flows = (delayDays: number): TimedCashFlow[] =>
    months.map((m, k) => ({
      time: d(30 * (k + 1) + delayDays).div(360),
      amount: m.principalToInvestors.plus(m.interestToInvestors),
      principal: m.principalToInvestors,
    }));
  const cf = flows(14);
  const y = yieldFromPrice(cf, d(100));
  it("has the printed cash flows", () => {
    expect(at(cf[0]!.amount, 4)).toBe("0.8242");
    expect(at(cf[1]!.amount, 4)).toBe("0.8491");
    expect(at(cf[2]!.amount, 4)).toBe("0.8738");
    expect(at(cf[359]!.amount, 4)).toBe("0.0562");
  });
  it("yields 9.10675% (bond-equivalent), 8.93863% as a mortgage yield", () => {
    expect(pct(y, 5)).toBe("9.10675");
    expect(pct(mortgageYield(y), 5)).toBe("8.93863");
    expect(at(priceFromYield(cf, y), 4)).toBe("100.0000");
  });
  it("has the printed average life, durations and convexity", () => {
    expect(at(averageLife(cf), 5)).toBe("9.77844");
    expect(at(macaulayDuration(cf, y), 5)).toBe("5.73147");
    expect(at(modifiedDuration(cf, y), 5)).toBe("5.48186");
    expect(at(convexity(cf, y), 4)).toBe("54.4326");
  });
  it("bought at par for settlement 7 days after issue (full price 100.1750), yields 9.10644%", () => {
    const full = d(100).plus(d("9").times(7).div(360)); // accrued: 9% × 7/360 per $100
    expect(at(full, 4)).toBe("100.1750");
    expect(pct(yieldFromPrice(flows(14 - 7), full), 5)).toBe("9.10644");
  });
});
