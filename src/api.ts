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
export { loadDeal, checkDeal, type DealSource } from "./api/load.ts";
export { runDeal, explain, type RunInput, type RunOutcome, type ScenarioOptions } from "./api/run.ts";
export type { Scenario, ProjectionScenario, RemittanceScenario, PrepaymentAssumption } from "./scenario/scenario.ts";
export { scenarioFromOptions } from "./scenario/options.ts";
export { collateralFor, type ScenarioCollateral } from "./scenario/collateral.ts";
export { describeScenario, describeLosses, describeSpeed } from "./scenario/describe.ts";

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
export { renderCheck, diagnosticJson } from "./report/check.ts";
export { pactaFiles } from "./format/files.ts";
export { describeRef, refUnit, versionLabel, versionWords, viewWords } from "./report/describe.ts";
export { weightedAverageLife, decrementTables, renderDecrementTables } from "./analytics/decrement.ts";
