/**
 * `pacta decrement <deal-dir>`: the deal run once per prepayment speed, and each class's
 * decrement table and weighted average life side by side.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { decrementTables, renderDecrementTables } from "../analytics/decrement.ts";
import { describeLosses } from "../scenario/describe.ts";
import { checkOutputPath, dealInputs, emit } from "./io.ts";
import { loadChecked, runLoaded, type RunCommandOptions } from "./run-command.ts";

const cli = { file: "<command line>", line: 1, column: 1 };

/**
 * The `pacta decrement` command: runs the deal once per prepayment speed (multiples of the
 * pricing curve, or constant CPRs) and prints each class's decrement table and WAL.
 * Returns the exit code. @throws PactaError on a bad deal or option.
 */
export function decrementCommand(dir: string, o: RunCommandOptions & { speeds?: string }): number {
  checkOutputPath(o.out, dealInputs(dir), dir);
  if (o.collateral)
    throw new PactaError([
      diag("PA5001", cli, {
        message: "decrement tables compare prepayment speeds; --collateral gives one set of actual collections",
        hint: "drop --collateral",
      }),
    ]);
  const deal = loadChecked(dir);
  const useCpr = o.cpr !== undefined;
  const list = (useCpr ? o.cpr! : (o.speeds ?? o.ppc ?? "0,50,100,150,200")).split(",").map((x) => x.trim());
  if (list.some((x) => x === ""))
    throw new PactaError([
      diag("PA5001", cli, { message: "the list of speeds has an empty entry", hint: "e.g. --ppc 0,50,100,150,200" }),
    ]);
  const runs = list.map((speed) => runLoaded(deal, { ...o, ...(useCpr ? { cpr: speed } : { ppc: speed }) }));
  const labels = list.map((x) => `${x.replace(/%$/, "")}% ${useCpr ? "CPR" : "PPC"}`);
  const closing = deal.versioned.views[0]!.calendar!.closingDate!;
  const scenario = runs[0]!.scenario!;
  const call =
    scenario.kind === "projection" && scenario.cleanUpCall
      ? `; to the ${scenario.cleanUpCall.times(100).toString()}% clean-up call`
      : "; to maturity";
  const losses = describeLosses(scenario) + call;
  emit(
    renderDecrementTables(
      decrementTables(runs, labels, closing),
      `Assumptions: ${losses}; WAL in years from the Closing Date (${closing}), actual/365`,
    ),
    o.out,
  );
  return 0;
}
