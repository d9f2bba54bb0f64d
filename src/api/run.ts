/**
 * The library's running facet: a loaded deal on collateral (a scenario's projection, or given
 * collections), every Distribution Date, errors as diagnostics; and `explain` of one figure.
 * Re-exported by src/api.ts.
 */
import { hasErrors, PactaError, type Diagnostic } from "../core/diagnostics.ts";
import type { CollateralPeriod } from "../collateral/types.ts";
import type { LoadedDeal } from "../deal/load.ts";
import { run } from "../engine/run.ts";
import type { PeriodResult, RunResult } from "../engine/result.ts";
import type { DealModel } from "../model/types.ts";
import { explain as explainOn } from "../report/explain.ts";
import { collateralFor } from "../scenario/collateral.ts";
import { scenarioFromOptions, type ScenarioOptions } from "../scenario/options.ts";
import type { Scenario } from "../scenario/scenario.ts";

export type { ScenarioOptions };

/** What to run a deal on. */
export interface RunInput {
  /**
   * The projection's assumptions: a typed `Scenario`, or options as typed on the command line
   * (percentages as written: `{ ppc: "150", cdr: "5" }`); default the deal's pricing assumption,
   * 0% CDR, 35% severity, 12-month lag.
   */
  scenario?: Scenario | ScenarioOptions;
  /** Collections given directly (one entry per Distribution Date), instead of a scenario. */
  collateral?: { periods: readonly CollateralPeriod[]; source: string };
  /** Stop after this many Distribution Dates. */
  maxPeriods?: number;
}

/** A run's result, or the diagnostics that stopped it. */
export interface RunOutcome {
  result?: RunResult;
  diagnostics: Diagnostic[];
}

/**
 * Runs a loaded deal on every Distribution Date until the certificates retire or the collateral
 * runs out. Accepts what `loadDeal` returned (its errors come back unchanged) or a `DealModel`
 * (then `scenario` must not name a projection the model cannot make; pass `collateral`).
 */
export function runDeal(deal: LoadedDeal | DealModel, input: RunInput = {}): RunOutcome {
  try {
    const model = "versions" in deal ? deal : deal.model;
    if (!("versions" in deal) && (hasErrors(deal.diagnostics) || !model)) return { diagnostics: deal.diagnostics };
    let collateral = input.collateral;
    let scenarioUsed: Scenario | undefined;
    if (!collateral) {
      if ("versions" in deal)
        throw new Error("runDeal on a bare DealModel needs `collateral`; pass what loadDeal returned to project one");
      const given = input.scenario ?? {};
      const scenario = "kind" in given ? given : scenarioFromOptions(given);
      const made = collateralFor(model!, scenario);
      collateral = made;
      scenarioUsed = made.scenario;
    }
    const opts: Parameters<typeof run>[1] = { collateral: collateral.periods, collateralSource: collateral.source };
    if (scenarioUsed) opts.scenario = scenarioUsed;
    if (input.maxPeriods !== undefined) opts.maxPeriods = input.maxPeriods;
    return { result: run(model!, opts), diagnostics: [] };
  } catch (e) {
    if (e instanceof PactaError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/**
 * Why a figure is what it is on one Distribution Date (`pacta explain`): a defined term, clause,
 * section, class or text provision, named as the agreement writes it (case and spacing ignored).
 * `depth` is how many levels of inputs to follow. Undefined when `target` names nothing in force.
 */
export function explain(result: RunResult, period: PeriodResult, target: string, depth = 3): string | undefined {
  return explainOn(result.model, period, target, depth);
}
