/**
 * The run-time guard that no cash is distributed twice, held per set of loan groups: a section
 * drawing on one group's collections is held to that group's cash, not to the total of all groups.
 */
import { describe, expect, it } from "vitest";
import { PactaError } from "../../src/core/diagnostics.ts";
import { runDeal, parse, lower, type Agreement } from "../../src/api.ts";
import { run } from "../../src/engine/run.ts";
import { baseView } from "../../src/semantics/view.ts";
import { collateral, dealFromText } from "../helpers/deal.ts";

const deal = (sourceOfB: string) => `agreement "Two Pools"
  dated as of 2002-01-01

calendar
  cut-off date 2002-01-01
  closing date 2002-01-30
  first Distribution Date 2002-02-25
  Distribution Dates on day 25 of each month, or the next Business Day

loan group "A"
  cut-off balance $1,000,000.00
  mortgage rate 8.00% per annum fixed
  servicing fee 0.50% per annum
  remaining term 120 months

loan group "B"
  cut-off balance $1,000,000.00
  mortgage rate 8.00% per annum fixed
  servicing fee 0.50% per annum
  remaining term 120 months

class X
  group "A"
  original certificate principal balance $900,000.00
  pass-through rate 5.00% per annum, 30/360

class Y
  group "B"
  original certificate principal balance $900,000.00
  pass-through rate 5.00% per annum, 30/360

class SB-A
  group "A"
  residual

class SB-B
  group "B"
  residual

definition "Group A Cash"
  means interest collections of group "A"

definition "Group B Cash"
  means interest collections of group "${sourceOfB}"

section 4.02(a) "Group A" from "Group A Cash"
  clause (i)
    pay interest due to class X
  remainder to class SB-A

section 4.02(b) "Group B" from "Group B Cash"
  clause (i)
    pay interest due to class Y
  remainder to class SB-B
`;

function flows() {
  const a = collateral("A", "1000000", [{ interest: "6250.00" }]);
  const b = collateral("B", "1000000", [{ interest: "6250.00" }]);
  return a.map((p, i) => ({ ...p, groups: { ...p.groups, ...b[i]!.groups } }));
}

describe("cash distributed by loan group", () => {
  it("passes when each section draws on its own group", () => {
    const out = runDeal(dealFromText(deal("B")), { collateral: { periods: flows(), source: "test" } });
    expect(out.diagnostics).toEqual([]);
    expect(out.result!.periods[0]!.sections.map((s) => s.available.toFixed(2))).toEqual(["6250.00", "6250.00"]);
  });

  it("is refused by check when two sections distribute group A's interest (PA2018)", () => {
    const codes = dealFromText(deal("A")).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["PA2018", "PA2018"]); // A's cash twice, and B's never
  });

  it("stops a run, as a backstop, whose two sections both distribute group A's interest, though the total collected would cover it", () => {
    // The view is lowered without the checks, as an engine embedded without them would see it.
    const ast = parse(deal("A"), "two-pools.pacta").ast as Agreement;
    const view = baseView(ast);
    const va = { base: ast, amendments: [], views: [view], history: new Map(), units: new Map() };
    const model = lower(va as never, "two-pools").model!;
    let err: unknown;
    try {
      run(model, { collateral: flows(), collateralSource: "test" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PactaError);
    const d = (err as PactaError).diagnostics[0]!;
    expect(d.code).toBe("PA4002");
    // 2 × $6,250.00 drawn on group A, which collected $6,250.00; all groups together collected $12,500.00.
    expect(d.message).toBe(
      'Distribution Date 1 (2002-02-25): the sections drawing on the collections of "A" distribute 12500.00 but the loans collected only 6250.00',
    );
  });
});
