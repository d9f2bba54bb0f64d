/**
 * A scenario's collections for a deal: the projection of the model's loan groups under the
 * scenario's assumptions, or the remittance data it names.
 */
import { readFileSync } from "node:fs";
import { diag, PactaError } from "../core/diagnostics.ts";
import { Decimal } from "../core/money.ts";
import { project } from "../collateral/projection.ts";
import { readCollateralCsv } from "../collateral/csv.ts";
import type { Assumptions, CollateralPeriod, PrepaymentCurve } from "../collateral/types.ts";
import type { DealModel } from "../model/types.ts";
import { scheduleDate } from "../collateral/calendar.ts";
import { scheduleOf } from "../engine/run.ts";
import { describeScenario } from "./describe.ts";
import type { Scenario } from "./scenario.ts";

const cli = { file: "<command line>", line: 1, column: 1 };

/** Collections for every Distribution Date, the words that name where they come from, and the scenario itself. */
export interface ScenarioCollateral {
  periods: CollateralPeriod[];
  source: string;
  scenario: Scenario;
}

/**
 * The collections of `model`'s loan groups under `scenario`.
 * @throws PactaError: a remittance file that cannot be read or is malformed (with its file,
 * line and column), a group without a pricing assumption under a multiple of it, a multiple
 * that would prepay faster than 100% CPR.
 */
export function collateralFor(model: DealModel, scenario: Scenario): ScenarioCollateral {
  const groups = [...model.groups.values()];
  const pools = groups.map((g) => g.pool);
  if (scenario.kind === "remittance") {
    let text: string;
    try {
      text = readFileSync(scenario.file, "utf8");
    } catch (e) {
      throw new PactaError([
        diag(
          "PA1004",
          { file: scenario.file, line: 1, column: 1 },
          { file: scenario.file, reason: (e as Error).message },
        ),
      ]);
    }
    const periods = readCollateralCsv(text, scenario.file, pools, [...model.indexes.keys()]);
    return { periods, source: describeScenario(scenario), scenario };
  }
  let cpr: Assumptions["cpr"];
  const p = scenario.prepayment;
  if (p.kind === "cpr") cpr = p.cpr;
  else if (p.kind === "psa") cpr = { kind: "psa", multiplier: p.multiple };
  else {
    const scaled: Record<string, PrepaymentCurve> = {};
    for (const g of groups) {
      const c = g.pricing;
      if (!c)
        throw new PactaError([
          diag("PA5001", cli, {
            message: `loan group "${g.id}" states no prepayment assumption`,
            hint: "give --cpr, or add `prepayment assumption …` to the loan group",
          }),
        ]);
      const multiplier = (c.multiplier ?? new Decimal(1)).times(p.multiple);
      const base =
        c.kind === "constant" ? c.cpr : c.kind === "psa" ? new Decimal("0.06") : Decimal.max(c.startCpr, c.endCpr);
      const peak = base.times(multiplier);
      if (peak.gt(1))
        throw new PactaError([
          diag("PA5001", cli, {
            message: `${p.multiple.eq(1) ? "the pricing assumption" : `--ppc ${p.multiple.times(100).toString()}`} would prepay "${g.id}" at ${peak.times(100).toFixed(1)}% CPR, above 100%`,
            hint: `"${g.id}" prepays at most ${base.times(100).toString()}% CPR at 100% PPC; choose a smaller multiple`,
          }),
        ]);
      scaled[g.id] = { ...c, multiplier };
    }
    cpr = scaled;
  }
  const indexRates = Object.fromEntries([...model.indexes.values()].map((i) => [i.id, i.assumed]));
  const periods = project(
    pools,
    {
      cpr,
      cdr: scenario.sda ? { kind: "sda", multiple: scenario.sda } : scenario.cdr,
      severity: scenario.severity,
      recoveryLagMonths: scenario.recoveryLagMonths,
      advancing: scenario.advancing,
      indexRates,
    },
    { source: "<scenario>" },
  );
  if (scenario.cleanUpCall) {
    const called = exerciseCall(model, periods, scenario.cleanUpCall);
    return { periods: called.periods, source: `${describeScenario(scenario)}${called.words}`, scenario };
  }
  return { periods, source: describeScenario(scenario), scenario };
}

/**
 * The optional termination: on the first Distribution Date whose aggregate beginning Stated
 * Principal Balance is at or below `threshold` × the aggregate cut-off balance, every loan still
 * outstanding (performing or in foreclosure) is purchased at its unpaid principal balance, which
 * arrives as a prepayment in full; the collections end there. Returns the periods and how the
 * source names the call ("" when it is never reached).
 */
function exerciseCall(
  model: DealModel,
  periods: CollateralPeriod[],
  threshold: Decimal,
): { periods: CollateralPeriod[]; words: string } {
  const cutoff = [...model.groups.values()].reduce((t, g) => t.plus(g.pool.cutoffBalance), new Decimal(0));
  const limit = cutoff.times(threshold);
  const at = periods.findIndex((p) =>
    Object.values(p.groups)
      .reduce((t, g) => t.plus(g.beginningBalance), new Decimal(0))
      .lte(limit),
  );
  const pct = `${threshold.times(100).toString()}%`;
  if (at < 0) return { periods, words: `, to the ${pct} clean-up call (not reached)` };
  const last = periods[at]!;
  const groups = Object.fromEntries(
    Object.entries(last.groups).map(([name, g]) => [
      name,
      { ...g, prepayments: g.prepayments.plus(g.endingBalance), endingBalance: new Decimal(0) },
    ]),
  );
  const date = scheduleDate(scheduleOf(model), at + 1);
  return {
    periods: [...periods.slice(0, at), { ...last, groups }],
    words: `, to the ${pct} clean-up call, exercised on Distribution Date ${at + 1} (${date})`,
  };
}
