/** Conditions and schedules on Distribution Dates: by number, by calendar date, a single date. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/engine/run.ts";
import { collateral, dealFromText } from "../helpers/deal.ts";

const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
const flows = collateral(
  "Pool",
  "1000000",
  Array.from({ length: 5 }, () => ({ interest: "6000.00", scheduled: "5000.00" })),
);

function termValues(means: string): string[] {
  const text = toy.replace(
    'definition "Required Overcollateralization Amount"\n  means 2.00% times cut-off balance of group "Pool"',
    `definition "Required Overcollateralization Amount"\n  means ${means}`,
  );
  const deal = dealFromText(text);
  expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
  return r.periods.map((p) =>
    (p.terms["Required Overcollateralization Amount"]!.value as { toFixed(n: number): string }).toFixed(0),
  );
}

describe("Distribution Date conditions", () => {
  // Dates: 2002-02-25, 2002-03-25, 2002-04-25, 2002-05-28, 2002-06-25
  it("compares the Distribution Date with a calendar date", () => {
    expect(termValues("if on or after 2002-04-25 then $2 otherwise $1")).toEqual(["1", "1", "2", "2", "2"]);
    expect(termValues("if before 2002-05-27 then $2 else $1")).toEqual(["2", "2", "2", "1", "1"]);
  });
  it("selects a single Distribution Date, ranges and the first N", () => {
    expect(
      termValues("for the third Distribution Date: $3 for the first two Distribution Dates: $1 otherwise: $9"),
    ).toEqual(["1", "1", "3", "9", "9"]);
    expect(termValues("for Distribution Dates 2 through 4: $5 otherwise: $0")).toEqual(["0", "5", "5", "5", "0"]);
    expect(termValues("for Distribution Dates on or after the fourth Distribution Date: $4 otherwise: $0")).toEqual([
      "0",
      "0",
      "0",
      "4",
      "4",
    ]);
  });
});
