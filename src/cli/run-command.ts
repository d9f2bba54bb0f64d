/**
 * `pacta run <deal-dir>`: evaluates the deal on every Distribution Date and prints or writes the
 * report (table, CSV, JSON or the HTML audit page).
 */
import { diag, hasErrors, PactaError } from "../core/diagnostics.ts";
import { writeCollateralCsv } from "../collateral/csv-write.ts";
import { loadDeal, type LoadedDeal } from "../deal/load.ts";
import { collateralFor } from "../scenario/collateral.ts";
import { scenarioFromOptions, wholeOption, type ScenarioOptions } from "../scenario/options.ts";
import { run } from "../engine/run.ts";
import type { RunResult } from "../engine/result.ts";
import { renderCsv } from "../report/csv.ts";
import { renderHtml } from "../report/html.ts";
import { renderJson } from "../report/json.ts";
import { renderTable } from "../report/table.ts";
import { checkOutputPath, dealInputs, emit, printDiagnostics } from "./io.ts";

/** Options of `pacta run`, as parsed from the command line (percentages as typed). */
export interface RunCommandOptions extends ScenarioOptions {
  format?: string;
  out?: string;
  periods?: string;
  trace?: boolean;
}

const cli = { file: "<command line>", line: 1, column: 1 };

/** The deal loaded and checked, or a thrown PactaError with every diagnostic. Warnings go to stderr. */
export function loadChecked(dir: string): CheckedDeal {
  const deal = loadDeal(dir);
  if (hasErrors(deal.diagnostics) || !deal.versioned || !deal.model) throw new PactaError(deal.diagnostics);
  const warnings = deal.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length && process.env["PACTA_QUIET"] !== "1") printDiagnostics(warnings);
  return deal as CheckedDeal;
}

/** A deal that loaded, checked and lowered. */
export type CheckedDeal = LoadedDeal & {
  versioned: NonNullable<LoadedDeal["versioned"]>;
  model: NonNullable<LoadedDeal["model"]>;
};

/** Loads, projects and runs: the result of `pacta run` before rendering. @throws PactaError */
export function runDeal(dir: string, o: RunCommandOptions): RunResult {
  return runLoaded(loadChecked(dir), o);
}

/** Projects (or reads the collateral of) an already loaded deal and runs it. @throws PactaError */
export function runLoaded(deal: CheckedDeal, o: RunCommandOptions): RunResult {
  const col = collateralFor(deal.model, scenarioFromOptions(o));
  const opts: Parameters<typeof run>[1] = {
    collateral: col.periods,
    collateralSource: col.source,
    scenario: col.scenario,
  };
  if (o.periods !== undefined) {
    opts.maxPeriods = wholeOption("periods", o.periods);
    if (opts.maxPeriods < 1)
      throw new PactaError([
        diag("PA5001", cli, { message: "--periods must be at least 1", hint: "e.g. --periods 12 for the first year" }),
      ]);
  }
  return run(deal.model, opts);
}

/** The `pacta run` command. Returns the exit code. */
export function runCommand(dir: string, o: RunCommandOptions): number {
  const format = o.format ?? "table";
  if (!["table", "csv", "json", "html"].includes(format))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--format must be table, csv, json or html, got "${format}"`,
        hint: "e.g. --format json",
      }),
    ]);
  checkOutputPath(o.out, dealInputs(dir, o.collateral), dir);
  // The HTML page always shows the inputs; --trace is accepted there and changes nothing.
  if (o.trace && format !== "json" && format !== "html")
    throw new PactaError([
      diag("PA5001", cli, {
        message: "--trace lists inputs in the JSON report only",
        hint: "add --format json, or use `pacta explain` for one figure",
      }),
    ]);
  const deal = loadChecked(dir);
  const result = runLoaded(deal, o);
  const text =
    format === "json"
      ? renderJson(result, { trace: o.trace ?? false })
      : format === "csv"
        ? renderCsv(result)
        : format === "html"
          ? renderHtml(result, deal.versioned)
          : renderTable(result);
  emit(text, o.out);
  return 0;
}

/** The `pacta collateral` command: the scenario's collections as a remittance CSV. Returns the exit code. */
export function collateralCommand(dir: string, o: RunCommandOptions): number {
  checkOutputPath(o.out, dealInputs(dir, o.collateral), dir);
  const deal = loadChecked(dir);
  emit(writeCollateralCsv(collateralFor(deal.model, scenarioFromOptions(o)).periods), o.out);
  return 0;
}
