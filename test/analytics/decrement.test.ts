import { describe, expect, it } from "vitest";
import { decrementTables, renderDecrementTables, weightedAverageLife } from "../../src/analytics/decrement.ts";
import { Decimal } from "../../src/core/money.ts";
import { loadDeal } from "../../src/deal/load.ts";
import { run } from "../../src/engine/run.ts";
import { runOrFail } from "../helpers/deal.ts";
import { collateral } from "../helpers/deal.ts";

const va = loadDeal("test/fixtures/toy").model!;

describe("weighted average life", () => {
  it("weights each principal distribution by the years since the Closing Date (actual/365)", () => {
    // $15,000 of principal on each of 2002-02-25, 2002-03-25 and 2002-04-25, all to Class A-1
    // (OC holiday on dates 1-2; on date 3 the excess cash also goes to A-1, so read its principal).
    const flows = collateral("Pool", "1000000", [
      { interest: "6250.00", scheduled: "5000.00", prepay: "10000.00" },
      { interest: "6156.25", scheduled: "5000.00", prepay: "10000.00" },
      { interest: "6062.50", scheduled: "5000.00", prepay: "10000.00" },
    ]);
    const r = run(va, { collateral: flows, collateralSource: "test" });
    const p = r.periods.map((x) => x.classes["A-1"]!.principal);
    // Closing 2002-01-30: 26, 54 and 85 days to the three Distribution Dates.
    const expected = p[0]!
      .times(26)
      .plus(p[1]!.times(54))
      .plus(p[2]!.times(85))
      .div(365)
      .div(p[0]!.plus(p[1]!).plus(p[2]!));
    expect(weightedAverageLife(r, "A-1", "2002-01-30")!.toFixed(10)).toBe(expected.toFixed(10));
    expect(weightedAverageLife(r, "M-1", "2002-01-30")).toBeUndefined(); // no principal yet
  });
});

describe("decrement tables of RS1", () => {
  const speeds = ["0", "100", "200"];
  const runs = speeds.map((ppc) => runOrFail("agreements/ramp-2002-rs1", { scenario: { ppc } }));
  const t = decrementTables(
    runs,
    speeds.map((s) => `${s}% PPC`),
    "2002-01-30",
  );

  it("start every class at 100% and run down faster at faster speeds", () => {
    for (const [name, cols] of Object.entries(t.classes)) {
      for (const c of cols) expect(c.percentOutstanding[0], name).toBe("100");
      const wal = cols.map((c) => c.wal!);
      expect(wal[0]!.gt(wal[1]!) && wal[1]!.gt(wal[2]!), `${name}: WAL ${wal.map((w) => w.toFixed(2))}`).toBe(true);
    }
    expect(Object.keys(t.classes)).not.toContain("A-I-IO");
    expect(t.dates[1]).toBe("2003-01-27"); // the twelfth Distribution Date
  });

  it("reads as a prospectus table", async () => {
    await expect(renderDecrementTables(t)).toMatchFileSnapshot("./__golden__/rs1-decrement.txt");
  });

  it("matches the percent outstanding of the underlying run", () => {
    const bal = runs[1]!.periods[11]!.classes["A-I-1"]!.balance;
    const pct = bal.div(new Decimal(100000000)).times(100).toDecimalPlaces(0).toFixed(0);
    expect(t.classes["A-I-1"]![1]!.percentOutstanding[1]).toBe(pct);
  });
});
