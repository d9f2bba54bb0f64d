import { describe, expect, it } from "vitest";
import { readCollateralCsv } from "../../src/collateral/csv.ts";
import { writeCollateralCsv } from "../../src/collateral/csv-write.ts";
import { project } from "../../src/collateral/projection.ts";
import { PactaError } from "../../src/core/diagnostics.ts";
import type { CollateralPeriod, PoolTerms } from "../../src/collateral/types.ts";
import { d, fixedPool, scenario } from "./fixtures.ts";

const POOLS: PoolTerms[] = [
  fixedPool({ cutoffBalance: d("1000000.00") }),
  fixedPool({ name: "Group II", cutoffBalance: d("500000.00") }),
];

const HEADER =
  "period,group,scheduled_principal,prepayments,net_liquidation_proceeds,realized_loss,interest,net_mortgage_rate";
const ROWS = [
  "1,Group I,800.00,10000.00,0,0,6541.67,0.0785",
  "1,Group II,400.50,5000,0,0,3270.83,0.0784",
  "2,Group I,805.25,9000.00,650.00,350.00,6472.50,0.0785",
  "2,Group II,401.00,0,0,0,3235.00,0.0784",
];
const good = (rows = ROWS, header = HEADER): string => [header, ...rows].join("\n") + "\n";

interface Found {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** The diagnostics the reader throws for `text` (fails the test if it returns instead). */
function errorsOf(text: string, pools = POOLS): Found[] {
  try {
    readCollateralCsv(text, "remit.csv", pools);
  } catch (e) {
    if (!(e instanceof PactaError)) throw e;
    for (const x of e.diagnostics) {
      expect(x.code).toBe("PA5001");
      expect(x.location.file).toBe("remit.csv");
    }
    return e.diagnostics.map((x) => ({
      line: x.location.line,
      column: x.location.column,
      message: x.message,
      ...(x.hint ? { hint: x.hint } : {}),
    }));
  }
  throw new Error("expected the reader to reject the file");
}

/** 1-based column of the first occurrence of `token` on line `line` of `text`, found independently. */
function col(text: string, line: number, token: string, from = 0): number {
  const i = text.split(/\r?\n/)[line - 1]!.indexOf(token, from);
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

const plain = (periods: CollateralPeriod[]) =>
  periods.map((p) => ({
    number: p.number,
    indexRates: Object.fromEntries(Object.entries(p.indexRates).map(([k, v]) => [k, v.toString()])),
    groups: Object.fromEntries(
      Object.entries(p.groups).map(([g, c]) => [
        g,
        Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.toFixed()])),
      ]),
    ),
  }));

describe("readCollateralCsv: good files", () => {
  it("chains balances from the cut-off balances", () => {
    const out = readCollateralCsv(good(), "remit.csv", POOLS);
    expect(out.map((p) => p.number)).toEqual([1, 2]);
    const g1 = out.map((p) => p.groups["Group I"]!);
    const g2 = out.map((p) => p.groups["Group II"]!);
    // by hand: 1,000,000 − 800 − 10,000 = 989,200; − 805.25 − 9,000 − 650 − 350 = 978,394.75
    expect(g1.map((g) => [g.beginningBalance.toFixed(2), g.endingBalance.toFixed(2)])).toEqual([
      ["1000000.00", "989200.00"],
      ["989200.00", "978394.75"],
    ]);
    // 500,000 − 400.50 − 5,000 = 494,599.50; − 401 = 494,198.50
    expect(g2.map((g) => g.endingBalance.toFixed(2))).toEqual(["494599.50", "494198.50"]);
    expect(g1[1]!.realizedLoss.eq(350)).toBe(true);
    expect(g1[0]!.netMortgageRate.eq("0.0785")).toBe(true);
    expect(g1[0]!.servicingFee.isZero() && g1[0]!.newDefaults.isZero()).toBe(true);
    expect(out[0]!.indexRates).toEqual({});
  });

  it("accepts any column order, dollar signs, thousands commas, percents, CRLF, a BOM and rows in any order", () => {
    const text =
      "\uFEFFgroup,Period,interest,scheduled_principal,prepayments,net_liquidation_proceeds,realized_loss,net_mortgage_rate,servicing_fee,index:One-Month LIBOR\r\n" +
      "Group II,2,3235.00,401.00,0,0,0,7.84%,205.00,1.90%\r\n" +
      'Group I,1,"$6,541.67",$800.00,"$10,000.00",0,0,7.85%,416.67,1.86%\r\n' +
      "\r\n" +
      "Group II,1,3270.83,400.50,5000,0,0,0.0784,208.33,0.0186\r\n" +
      "Group I,2,6472.50,805.25,9000.00,650.00,350.00,0.0785,412.17,\r\n";
    const out = readCollateralCsv(text, "remit.csv", POOLS);
    const g1 = out[0]!.groups["Group I"]!;
    expect(g1.interest.eq("6541.67") && g1.prepayments.eq(10000) && g1.servicingFee.eq("416.67")).toBe(true);
    expect(g1.netMortgageRate.eq("0.0785")).toBe(true);
    expect(out[1]!.groups["Group I"]!.endingBalance.eq("978394.75")).toBe(true);
    expect(out[0]!.indexRates["One-Month LIBOR"]!.eq("0.0186")).toBe(true);
    expect(out[1]!.indexRates["One-Month LIBOR"]!.eq("0.019")).toBe(true); // given by Group II only
  });

  it("round-trips a projection through the writer", () => {
    const pools = [
      fixedPool({ remainingTermMonths: 36 }),
      fixedPool({ name: "Group, II", cutoffBalance: d("250000.00"), remainingTermMonths: 30 }),
    ];
    const periods = project(
      pools,
      scenario({
        cpr: d("0.2"),
        cdr: d("0.06"),
        severity: d("0.35"),
        recoveryLagMonths: 3,
        indexRates: { "One-Month LIBOR": d("0.0186") },
      }),
    );
    const text = writeCollateralCsv(periods);
    expect(text.split("\n")[2]!.startsWith('1,"Group, II",')).toBe(true);
    expect(plain(readCollateralCsv(text, "p.csv", pools))).toEqual(plain(periods));
  });
});

describe("readCollateralCsv: errors at line:column", () => {
  it("a row with too many fields: at the first extra field", () => {
    const text = good([ROWS[0]!, ROWS[1]! + ",7", ROWS[2]!, ROWS[3]!]);
    expect(errorsOf(text)).toMatchObject([
      {
        line: 3,
        column: text.split("\n")[2]!.lastIndexOf(",") + 2,
        message: "this row has 9 fields, the header has 8",
      },
    ]);
  });

  it("a row with too few fields: just past its end, also with CRLF", () => {
    const short = "1,Group I,800.00,10000.00,0,0,6541.67";
    const text = good([short, ...ROWS.slice(1)]).replace(/\n/g, "\r\n");
    expect(errorsOf(text)).toMatchObject([
      { line: 2, column: short.length + 1, message: "this row has 7 fields, the header has 8" },
    ]);
  });

  it("a cell that is not a number", () => {
    const text = good([ROWS[0]!, ROWS[1]!, ROWS[2]!.replace("9000.00", "9OOO.00"), ROWS[3]!]);
    const [e] = errorsOf(text);
    expect(e).toMatchObject({
      line: 4,
      column: col(text, 4, "9OOO"),
      message: 'prepayments "9OOO.00" is not an amount of dollars',
    });
  });

  it("a negative amount, a fraction of a cent, a rate written as a bare percent", () => {
    const text = good([
      ROWS[0]!.replace("6541.67", "-6541.67"),
      ROWS[1]!.replace("400.50", "400.505"),
      ROWS[2]!.replace("0.0785", "7.85"),
      ROWS[3]!,
    ]);
    const es = errorsOf(text);
    expect(es.map((e) => [e.line, e.column])).toEqual([
      [2, col(text, 2, "-6541.67")],
      [3, col(text, 3, "400.505")],
      [4, col(text, 4, "7.85")],
    ]);
    expect(es[0]!.message).toBe("interest is negative (-6541.67)");
    expect(es[1]!.message).toContain("fraction of a cent");
    expect(es[2]!.hint).toContain("0.0785");
  });

  it("an unknown group, with a suggestion", () => {
    const text = good([ROWS[0]!, ROWS[1]!, ROWS[2]!, ROWS[3]!.replace("Group II", "Group III")]);
    const es = errorsOf(text);
    expect(es).toMatchObject([
      { line: 5, column: 3, message: 'unknown loan group "Group III"', hint: 'did you mean "Group II"?' },
    ]);
  });

  it("a missing period: a gap, and a group that stops early", () => {
    const gap = good([ROWS[0]!, ROWS[2]!, ROWS[3]!]); // Group II has only period 2
    expect(errorsOf(gap)).toMatchObject([
      { line: 4, column: 1, message: 'loan group "Group II" has no row for period 1' },
    ]);
    const early = good(ROWS.slice(0, 3)); // Group II stops at period 1
    expect(errorsOf(early)).toMatchObject([
      { line: 3, column: 1, message: 'loan group "Group II" has no row for period 2' },
    ]);
  });

  it("a duplicate period", () => {
    const text = good([...ROWS, ROWS[3]!.replace("401.00", "1.00")]);
    expect(errorsOf(text)).toMatchObject([
      { line: 6, column: 1, message: 'period 2 of loan group "Group II" appears twice (first on line 5)' },
    ]);
  });

  it("a balance below zero: at the scheduled principal of the period", () => {
    // Group II begins period 2 at 494,599.50; 494,599.51 of principal is one cent too much
    const row = "2,Group II,494599.51,0,0,0,3235.00,0.0784";
    const text = good([...ROWS.slice(0, 3), row]);
    const [e, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: 5, column: col(text, 5, "494599.51") });
    expect(e!.message).toContain("$494,599.50");
    expect(e!.hint).toContain("-$0.01");
  });

  it("a missing and an unknown column in the header", () => {
    const header = HEADER.replace(",interest,", ",intrest,");
    const text = good(ROWS, header);
    const es = errorsOf(text);
    expect(es).toMatchObject([
      { line: 1, column: 1, message: 'the header has no "interest" column' },
      {
        line: 1,
        column: col(text, 1, "intrest"),
        message: 'unknown column "intrest"',
        hint: 'did you mean "interest"?',
      },
    ]);
  });

  it("an unclosed quote: at the opening quote", () => {
    const text = good([ROWS[0]!, '1,"Group II,400.50,5000,0,0,3270.83,0.0784', ...ROWS.slice(2)]);
    expect(errorsOf(text)).toMatchObject([{ line: 3, column: 3, message: "this quoted field is never closed" }]);
  });

  it("collects every error of the file, in order, with lines counted through a multi-line field", () => {
    // the record of line 2 spans lines 2–3; the next records are lines 4, 5 and 6
    const text = good([
      '1,"Group\nI",800.00,10000.00,0,0,6541.67,0.0785',
      ROWS[1]!,
      ROWS[2]!.replace("650.00", "6S0.00"),
      ROWS[3]!.replace("0.0784", ""),
    ]);
    const es = errorsOf(text);
    expect(es.map((e) => [e.line, e.column])).toEqual([
      [2, 3],
      [5, col(text, 5, "6S0.00")],
      [6, text.split("\n")[5]!.length + 1],
    ]);
    expect(es[0]!.message).toBe('unknown loan group "Group\nI"');
    expect(es[2]!.message).toBe("net_mortgage_rate is empty");
  });

  it("counts columns in characters after non-ASCII text", () => {
    const pools = [fixedPool({ name: "Gruppe Ü" }), fixedPool({ name: "Gruppe Ö", cutoffBalance: d("500000.00") })];
    const rows = ROWS.map((r) => r.replace("Group II", "Gruppe Ö").replace("Group I", "Gruppe Ü"));
    rows[3] = rows[3]!.replace("3235.00", "3235.0O");
    const text = good(rows);
    expect(errorsOf(text, pools)).toMatchObject([{ line: 5, column: col(text, 5, "3235.0O") }]);
  });

  it("conflicting index values in one period", () => {
    const header = HEADER + ",index:One-Month LIBOR";
    const rows = [ROWS[0] + ",0.0186", ROWS[1] + ",0.0187", ROWS[2] + ",0.019", ROWS[3] + ","];
    const text = good(rows, header);
    expect(errorsOf(text)).toMatchObject([{ line: 3, column: text.split("\n")[2]!.lastIndexOf(",") + 2 }]);
  });

  it("an empty file, and a header without rows", () => {
    expect(errorsOf("")).toMatchObject([{ line: 1, column: 1, message: "remit.csv is empty" }]);
    expect(errorsOf(HEADER + "\n")).toMatchObject([{ line: 1, message: "remit.csv has a header but no data rows" }]);
  });
});

describe("index columns", () => {
  const withIndex = (name: string) =>
    good(
      ROWS.map((r) => `${r},0.0186`),
      `${HEADER},index:${name}`,
    );

  it("are read when they name one of the deal's indexes", () => {
    const out = readCollateralCsv(withIndex("One-Month LIBOR"), "remit.csv", POOLS, ["One-Month LIBOR"]);
    expect(out[0]!.indexRates["One-Month LIBOR"]!.toString()).toBe("0.0186");
  });

  it("are refused, with a did-you-mean, when misspelt (instead of being silently ignored)", () => {
    let err: unknown;
    try {
      readCollateralCsv(withIndex("One Month LIBOR"), "remit.csv", POOLS, ["One-Month LIBOR", "Six-Month LIBOR"]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PactaError);
    const d = (err as PactaError).diagnostics[0]!;
    expect(d.message).toBe('the deal has no index "One Month LIBOR"');
    expect(d.hint).toBe('did you mean "One-Month LIBOR"?');
    expect(d.location.line).toBe(1);
    expect(d.location.column).toBe(HEADER.length + 2);
  });
});

describe("amounts too large to keep exact", () => {
  it("are refused, with the cell's location", () => {
    const rows = [...ROWS];
    rows[0] = "1,Group I,800.00,1000000000000000.00,0,0,6541.67,0.0785";
    const found = errorsOf(good(rows));
    expect(found[0]!.message).toBe("prepayments 1000000000000000.00 is $1,000 trillion or more");
    expect(found[0]!.line).toBe(2);
  });
});
