/**
 * The auditor's commands: `pacta conformed` (the agreement's words as amended) and `pacta explain`
 * (why a figure on a Distribution Date is what it is).
 */
import { dateProblem } from "../core/dates.ts";
import { diag, didYouMean, PactaError } from "../core/diagnostics.ts";
import { viewOn } from "../amend/amend.ts";
import { versionsOn } from "../amend/in-force.ts";
import { versionText } from "../report/values.ts";
import { renderConformed } from "../report/conformed.ts";
import { explain } from "../report/explain.ts";
import { checkOutputPath, dealInputs, emit } from "./io.ts";
import { loadChecked, runLoaded, type RunCommandOptions } from "./run-command.ts";

const cli = { file: "<command line>", line: 1, column: 1 };

/** `pacta conformed`. Returns the exit code. @throws PactaError on a bad deal or date. */
export function conformedCommand(dir: string, opts: { asOf?: string; out?: string }): number {
  if (opts.asOf !== undefined && dateProblem(opts.asOf) !== undefined)
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--as-of must be a date YYYY-MM-DD, got "${opts.asOf}": ${dateProblem(opts.asOf)}`,
        hint: "e.g. --as-of 2002-05-24",
      }),
    ]);
  checkOutputPath(opts.out, dealInputs(dir), dir);
  const deal = loadChecked(dir);
  emit(renderConformed(deal.versioned, opts.asOf), opts.out);
  return 0;
}

/** `pacta explain`. Returns the exit code. @throws PactaError on a bad deal, date or target. */
export function explainCommand(
  dir: string,
  target: string,
  opts: RunCommandOptions & { date: string; depth: string },
): number {
  if (!/^\d+$/.test(opts.depth) || Number(opts.depth) < 1)
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--depth must be a whole number of levels, at least 1, got "${opts.depth}"`,
        hint: "e.g. --depth 5",
      }),
    ]);
  const byDate = /^\d{4}-\d{2}-\d{2}$/.test(opts.date);
  const bad = byDate ? dateProblem(opts.date) : undefined;
  if (bad)
    throw new PactaError([
      diag("PA5001", cli, { message: `--date ${opts.date} is not a date: ${bad}`, hint: "e.g. --date 2002-05-28" }),
    ]);
  if (!byDate && (!/^\d+$/.test(opts.date) || Number(opts.date) < 1))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--date must be a Distribution Date's number (1, 2, …) or its date (YYYY-MM-DD), got "${opts.date}"`,
        hint: "e.g. --date 4 or --date 2002-05-28",
      }),
    ]);
  const deal = loadChecked(dir);
  const result = runLoaded(deal, byDate ? opts : { ...opts, periods: opts.date });
  const p = byDate
    ? result.periods.find((x) => x.distributionDate === opts.date)
    : result.periods[Number(opts.date) - 1];
  if (!p) {
    const last = result.periods.at(-1);
    throw new PactaError([
      diag("PA5001", cli, {
        message: byDate
          ? result.stopped === "collateral exhausted" && last && opts.date > last.distributionDate
            ? `${opts.date} is after the last Distribution Date the collateral data covers (${last.distributionDate})`
            : `${opts.date} is not a Distribution Date of the deal`
          : result.stopped === "collateral exhausted"
            ? `the collateral data covers only ${result.periods.length} Distribution Dates`
            : `the deal has only ${result.periods.length} Distribution Dates`,
        hint: !last
          ? "the run has no Distribution Date: give collateral data with at least one period"
          : byDate
            ? `Distribution Dates run from ${result.periods[0]!.distributionDate} to ${last.distributionDate}; \`pacta run\` lists them`
            : `choose --date from 1 to ${result.periods.length}`,
      }),
    ]);
  }
  const text = explain(deal.model, p, target, Number(opts.depth));
  if (!text) {
    // A clause or definition an amendment deleted, or inserts only later: say so.
    const key = [...deal.versioned.history.keys()].find(
      (k) => k.replace(/^\w+:/, "").toLowerCase() === target.replace(/^"|"$/g, "").toLowerCase(),
    );
    if (key) {
      const now = versionsOn(deal.versioned, key, p.distributionDate).at(-1);
      const later = deal.versioned.history
        .get(key)!
        .find((x) => x.version.effective && x.version.effective > p.distributionDate);
      const why =
        now?.change === "deleted"
          ? `it was deleted by ${versionText(now.version)}`
          : `it takes effect later: ${later ? versionText(later.version) : ""}`;
      throw new PactaError([
        diag("PA5001", cli, {
          message: `${target} is not in force on Distribution Date ${p.number} (${p.distributionDate}): ${why}`,
          hint: "`pacta conformed --as-of DATE` shows the agreement as in force on a date",
        }),
      ]);
    }
    const names = [
      ...Object.keys(p.terms),
      ...p.sections.flatMap((s) => [s.id, ...s.clauses.map((c) => c.id)]),
      ...Object.keys(p.classes),
    ];
    throw new PactaError([
      diag("PA5001", cli, {
        message: `"${target}" is not a defined term, clause, section, class or provision in force on Distribution Date ${p.number}`,
        hint: didYouMean(
          target,
          names,
          'name a defined term ("Group I Excess Cash Flow"), a clause (4.02(c)(xii)), a section (4.02(c)) or a class (A-I-1)',
        ),
      }),
    ]);
  }
  emit(text);
  return 0;
}
