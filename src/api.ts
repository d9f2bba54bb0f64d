/**
 * pacta's library surface: everything an engineer embedding pacta needs, typed, with no printing
 * and no exceptions for bad user input (problems come back as diagnostics with file, line, column
 * and a hint). The CLI, the tests and the benchmarks use this module too.
 *
 * ```ts
 * import { loadDeal, runDeal, renderJson } from "@pacta-lang/pacta";
 * const deal = loadDeal("agreements/ramp-2002-rs1");
 * const out = runDeal(deal, { scenario: { ppc: "150" } });
 * if (out.result) process.stdout.write(renderJson(out.result));
 * ```
 *
 * Pipeline: `loadDeal` (parse → check → amend → lower) gives a `DealModel`; `runDeal` projects
 * the collateral under a scenario (or takes remittance data) and evaluates every Distribution
 * Date; the renderers turn a `RunResult` into text. docs/api.md documents each step.
 */
import { hasErrors, PactaError, type Diagnostic } from "./core/diagnostics.ts";
import type { CollateralPeriod } from "./collateral/types.ts";
import { loadDeal as loadFrom, type LoadedDeal } from "./deal/load.ts";
import { diskHost, memoryHost, type DealHost } from "./deal/host.ts";
import { run } from "./engine/run.ts";
import type { PeriodResult, RunResult } from "./engine/result.ts";
import type { DealModel } from "./model/types.ts";
import { explain as explainOn } from "./report/explain.ts";
import { collateralFor, type CheckedDeal, type RunCommandOptions } from "./cli/run-command.ts";

export type { Diagnostic, SourceLocation, Severity } from "./core/diagnostics.ts";
export { formatDiagnostic, hasErrors } from "./core/diagnostics.ts";
export { Decimal, type Money, moneyString, formatMoney } from "./core/money.ts";
export type * from "./core/ids.ts";
export type { Unit, CollateralField, ClassField, Allocation, DayCount } from "./core/vocabulary.ts";
export type * from "./model/types.ts";
export type { Ref } from "./model/refs.ts";
export type * from "./engine/result.ts";
export type { CollateralPeriod, GroupCollections, PoolTerms } from "./collateral/types.ts";
export type { LoadedDeal, DealFile } from "./deal/load.ts";
export { diskHost, memoryHost, type DealHost } from "./deal/host.ts";
export { parse, type ParseResult, type Comment } from "./syntax/parse.ts";
export type { SourceFile, Agreement, Amendment } from "./syntax/ast.ts";
export { lower, type LowerResult } from "./model/lower.ts";
export { printModel } from "./model/print.ts";
export { format } from "./format/print.ts";
export { renderJson, toJson, SCHEMA_VERSION, type JsonOptions } from "./report/json.ts";
export { renderTable, type TableOptions } from "./report/table.ts";
export { renderCsv } from "./report/csv.ts";
export { renderHtml, type HtmlOptions } from "./report/html.ts";
export { renderConformed } from "./report/conformed.ts";
export { describeRef, refUnit, versionLabel, versionWords, viewWords } from "./report/describe.ts";
export { weightedAverageLife, decrementTables, renderDecrementTables } from "./analytics/decrement.ts";

/** Where a deal comes from: a directory on disk, a host, or its files' text by file name. */
export type DealSource = string | DealHost | Readonly<Record<string, string>>;

/**
 * Loads a deal: parses every file, checks it, applies its amendments and lowers it to the resolved
 * model. `source` is a directory ("agreements/ramp-2002-rs1"), a `DealHost`, or in-memory files
 * (`{ "agreement.pacta": "…", "amendment-1.pacta": "…" }`, shown in diagnostics as `deal/…`).
 * Never throws on user input: `diagnostics` holds every error and warning, and `model` is present
 * only when there is no error.
 */
export function loadDeal(source: DealSource): LoadedDeal {
  const host = typeof source === "string" ? diskHost(source) : isHost(source) ? source : memoryHost(source);
  return loadFrom(host);
}

function isHost(x: DealHost | Readonly<Record<string, string>>): x is DealHost {
  return typeof (x as DealHost).files === "function" && typeof (x as DealHost).read === "function";
}

/** Every diagnostic of a deal (errors and warnings), as `pacta check` reports them. */
export function checkDeal(source: DealSource): Diagnostic[] {
  return loadDeal(source).diagnostics;
}

/**
 * The assumptions of a run, as typed on the command line (percentages as written: "150" is 150%
 * PPC, "5" is 5% CDR): `cpr` or `ppc`, `cdr`, `severity`, `lag` (months), or `collateral`, the
 * path of a remittance CSV (docs/collateral.md).
 */
export type ScenarioOptions = Pick<RunCommandOptions, "cpr" | "ppc" | "cdr" | "severity" | "lag" | "collateral">;

/** What to run a deal on. */
export interface RunInput {
  /** The projection's assumptions; default the deal's pricing assumption, 0% CDR. */
  scenario?: ScenarioOptions;
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
    if (!collateral) {
      if ("versions" in deal)
        throw new Error("runDeal on a bare DealModel needs `collateral`; pass what loadDeal returned to project one");
      collateral = collateralFor(deal as CheckedDeal, input.scenario ?? {});
    }
    const opts: Parameters<typeof run>[1] = { collateral: collateral.periods, collateralSource: collateral.source };
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
