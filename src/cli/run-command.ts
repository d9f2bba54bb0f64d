/**
 * `pacta run <deal-dir>`: evaluates the deal on every Distribution Date and prints or writes the
 * report (table, CSV, JSON or the HTML audit page).
 */
import { readFileSync } from "node:fs";
import { diag, hasErrors, PactaError } from "../core/diagnostics.ts";
import { Decimal } from "../core/money.ts";
import { project } from "../collateral/projection.ts";
import { readCollateralCsv } from "../collateral/csv.ts";
import { writeCollateralCsv } from "../collateral/csv-write.ts";
import { poolTermsOf, pricingCurves } from "../collateral/from-agreement.ts";
import type { Assumptions, CollateralPeriod, PrepaymentCurve } from "../collateral/types.ts";
import { loadDeal, type LoadedDeal } from "../deal/load.ts";
import { run } from "../engine/run.ts";
import type { RunResult } from "../engine/result.ts";
import { renderCsv } from "../report/csv.ts";
import { renderHtml } from "../report/html.ts";
import { renderJson } from "../report/json.ts";
import { renderTable } from "../report/table.ts";
import { checkOutputPath, dealInputs, emit, printDiagnostics } from "./io.ts";

/** Options of `pacta run`, as parsed from the command line (percentages as typed). */
export interface RunCommandOptions {
  collateral?: string;
  cpr?: string;
  ppc?: string;
  cdr?: string;
  severity?: string;
  lag?: string;
  format?: string;
  out?: string;
  periods?: string;
  trace?: boolean;
}

const cli = { file: "<command line>", line: 1, column: 1 };

/** Parses "20", "20%" or "0.5" as a percentage of 100 → decimal (20 → 0.20). @throws PactaError */
export function percentOption(name: string, text: string, max = 100): Decimal {
  const t = text.trim().replace(/%$/, "");
  if (/^-\d+(\.\d+)?$/.test(t))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} must not be negative, got "${text}"`,
        hint: `--${name} is a percentage from 0 to ${max}`,
      }),
    ]);
  if (!/^\d+(\.\d+)?$/.test(t))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} must be a percentage, got "${text}"`,
        hint: `write e.g. --${name} 20 for 20%`,
      }),
    ]);
  const v = new Decimal(t);
  if (v.gt(max))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} is ${text}, above ${max}%`,
        hint: `--${name} is a percentage from 0 to ${max}`,
      }),
    ]);
  return v.div(100);
}

function wholeOption(name: string, text: string): number {
  if (/^\s*-\d+\s*$/.test(text))
    throw new PactaError([
      diag("PA5001", cli, { message: `--${name} must not be negative, got "${text}"`, hint: `e.g. --${name} 12` }),
    ]);
  if (!/^\d+$/.test(text.trim()))
    throw new PactaError([
      diag("PA5001", cli, { message: `--${name} must be a whole number, got "${text}"`, hint: `e.g. --${name} 12` }),
    ]);
  return Number(text);
}

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

/** Collateral for the run: the CSV if given, else the projection under the scenario. */
export function collateralFor(
  deal: CheckedDeal,
  o: RunCommandOptions,
): { periods: CollateralPeriod[]; source: string } {
  const groups = [...deal.versioned.views[0]!.groups.values()];
  const pools = poolTermsOf(groups);
  if (o.collateral) {
    if (o.cpr || o.ppc || o.cdr || o.severity || o.lag)
      throw new PactaError([
        diag("PA5001", cli, {
          message:
            "--collateral gives actual collections; --cpr, --ppc, --cdr, --severity and --lag apply only to the projection",
          hint: "drop either --collateral or the scenario options",
        }),
      ]);
    let text: string;
    try {
      text = readFileSync(o.collateral, "utf8");
    } catch (e) {
      throw new PactaError([
        diag(
          "PA1004",
          { file: o.collateral, line: 1, column: 1 },
          { file: o.collateral, reason: (e as Error).message },
        ),
      ]);
    }
    return {
      periods: readCollateralCsv(text, o.collateral, pools, [...deal.model.indexes.keys()]),
      source: `remittance data ${o.collateral}`,
    };
  }
  const pricing = pricingCurves(groups);
  let cpr: Assumptions["cpr"];
  let speed: string;
  if (o.cpr !== undefined) {
    if (o.ppc !== undefined)
      throw new PactaError([
        diag("PA5001", cli, {
          message: "give either --cpr or --ppc, not both",
          hint: "--cpr is a constant speed; --ppc scales the pricing curve",
        }),
      ]);
    cpr = percentOption("cpr", o.cpr);
    speed = `${o.cpr.replace(/%$/, "")}% CPR`;
  } else {
    const k = o.ppc !== undefined ? percentOption("ppc", o.ppc, 1000) : new Decimal(1);
    const scaled: Record<string, PrepaymentCurve> = {};
    for (const p of pools) {
      const c = pricing[p.name];
      if (!c)
        throw new PactaError([
          diag("PA5001", cli, {
            message: `loan group "${p.name}" states no prepayment assumption`,
            hint: "give --cpr, or add `prepayment assumption …` to the loan group",
          }),
        ]);
      const multiplier = (c.multiplier ?? new Decimal(1)).times(k);
      const peak = (c.kind === "constant" ? c.cpr : Decimal.max(c.startCpr, c.endCpr)).times(multiplier);
      if (peak.gt(1))
        throw new PactaError([
          diag("PA5001", cli, {
            message: `${o.ppc === undefined ? "the pricing assumption" : `--ppc ${o.ppc}`} would prepay "${p.name}" at ${peak.times(100).toFixed(1)}% CPR, above 100%`,
            hint: `"${p.name}" prepays at most ${(c.kind === "constant" ? c.cpr : Decimal.max(c.startCpr, c.endCpr)).times(100).toString()}% CPR at 100% PPC; choose a smaller multiple`,
          }),
        ]);
      scaled[p.name] = { ...c, multiplier };
    }
    cpr = scaled;
    speed = `${k.times(100).toString()}% of the pricing prepayment assumption`;
  }
  const cdr = o.cdr !== undefined ? percentOption("cdr", o.cdr) : new Decimal(0);
  const severity = o.severity !== undefined ? percentOption("severity", o.severity) : new Decimal("0.35");
  const lag = o.lag !== undefined ? wholeOption("lag", o.lag) : 12;
  const indexRates = Object.fromEntries(
    [...deal.versioned.views[0]!.indexes.values()].map((i) => [i.name, new Decimal(i.assumed)]),
  );
  const periods = project(pools, { cpr, cdr, severity, recoveryLagMonths: lag, indexRates }, { source: "<scenario>" });
  return {
    periods,
    source: `projection at ${speed}, ${cdr.times(100).toString()}% CDR, ${severity.times(100).toString()}% severity, ${lag}-month recovery lag`,
  };
}

/** Loads, projects and runs: the result of `pacta run` before rendering. @throws PactaError */
export function runDeal(dir: string, o: RunCommandOptions): RunResult {
  return runLoaded(loadChecked(dir), o);
}

/** Projects (or reads the collateral of) an already loaded deal and runs it. @throws PactaError */
export function runLoaded(deal: CheckedDeal, o: RunCommandOptions): RunResult {
  const col = collateralFor(deal, o);
  const opts: Parameters<typeof run>[1] = { collateral: col.periods, collateralSource: col.source };
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
  emit(writeCollateralCsv(collateralFor(deal, o).periods), o.out);
  return 0;
}
