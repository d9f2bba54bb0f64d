/**
 * The `pacta` command: parses arguments (commander) and dispatches to a subcommand. Each
 * command's module is imported only when that command runs, so `pacta --version` or `pacta
 * check` do not load the engine, the reports or the formatter.
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { guarded } from "./io.ts";
import type { RunCommandOptions } from "./run-command.ts";

const program = new Command();
program
  .name("pacta")
  .description("Agreements as code: check, amend and run securitization agreements written in pacta.")
  .version(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version)
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

/** The scenario options of a projection: actual collateral, or prepayment speed and losses. */
const scenario = (c: Command) => {
  c.option(
    "--collateral <file.csv>",
    "actual collections per period and loan group (see docs/collateral.md) instead of the projection",
  )
    .option(
      "--cpr <percent>",
      "constant prepayment rate for every group, e.g. 20 for 20% CPR (default: the pricing assumption)",
    )
    .option("--ppc <percent>", "percent of the pricing prepayment curve, e.g. 150")
    .option("--psa <percent>", "percent of the PSA benchmark, e.g. 150 (0.2% CPR rising to 6% in month 30)");
  return losses(c);
};

/** The default, severity and recovery-lag options of every projection. */
const losses = (c: Command) =>
  c
    .option("--cdr <percent>", "constant default rate, e.g. 5 for 5% CDR (default 0)")
    .option("--sda <percent>", "percent of the Standard Default Assumption curve, e.g. 100, instead of --cdr")
    .option("--severity <percent>", "loss severity on liquidation, e.g. 35 (default 35)")
    .option("--lag <months>", "months from default to liquidation (default 12)")
    .option(
      "--no-advancing",
      "the servicer advances nothing: defaulted loans pay no interest or principal until liquidated",
    )
    .option("--to-call", "run to the optional termination (clean-up call) at 10% of the cut-off balance")
    .option(
      "--call-percent <percent>",
      "the clean-up call's threshold, percent of the cut-off balance (implies --to-call)",
    );

scenario(
  program
    .command("run")
    .description("evaluate a deal on every Distribution Date and report distributions and balances")
    .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files"),
)
  .option(
    "--format <format>",
    "table, csv, json or html (a self-contained audit page: every figure linked to its text and inputs)",
    "table",
  )
  .option("--periods <n>", "evaluate at most the first n Distribution Dates")
  .option("--trace", "with --format json: list every term's and clause's inputs")
  .option("--out <file>", "write the report to this file instead of standard output")
  .action(async (dir: string, opts: RunCommandOptions) => {
    process.exitCode = await guarded(async () => (await import("./run-command.ts")).runCommand(dir, opts));
  });

program
  .command("check")
  .description("parse and check a deal (and its amendments) without running it")
  .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files")
  .option("--format <format>", "text or json", "text")
  .action(async (dir: string, opts: { format?: string }) => {
    process.exitCode = await guarded(async () => (await import("./check-command.ts")).checkCommand(dir, opts));
  });

program
  .command("conformed")
  .description("print the conformed copy: the agreement's words as amended, each change footnoted")
  .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files")
  .option("--as-of <date>", "the copy as in force on this date (YYYY-MM-DD); default: with every amendment")
  .option("--out <file>", "write to this file instead of standard output")
  .action(async (dir: string, opts: { asOf?: string; out?: string }) => {
    process.exitCode = await guarded(async () => (await import("./audit-commands.ts")).conformedCommand(dir, opts));
  });

scenario(
  program
    .command("explain")
    .description("explain a figure on one Distribution Date: a defined term, clause, section, class or provision")
    .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files")
    .argument("<target>", 'a defined term ("Group I Excess Cash Flow") or a clause (4.02(c)(xii))'),
)
  .requiredOption("--date <n|date>", "the Distribution Date: its number (1 = the first) or its date (YYYY-MM-DD)")
  .option("--depth <n>", "levels of inputs to show", "3")
  .action(async (dir: string, target: string, opts: RunCommandOptions & { date: string; depth: string }) => {
    process.exitCode = await guarded(async () =>
      (await import("./audit-commands.ts")).explainCommand(dir, target, opts),
    );
  });

const decrement = program
  .command("decrement")
  .description("decrement tables and weighted average lives of every class at several prepayment speeds")
  .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files")
  .option("--ppc <list>", "multiples of the pricing prepayment curve, in percent (default 0,50,100,150,200)")
  .option("--cpr <list>", "constant prepayment rates instead, in percent, e.g. 0,10,20,30");
losses(decrement)
  .option("--out <file>", "write to this file instead of standard output")
  .action(async (dir: string, opts: RunCommandOptions) => {
    process.exitCode = await guarded(async () => (await import("./decrement-command.ts")).decrementCommand(dir, opts));
  });

program
  .command("fmt")
  .description("format .pacta files in place (prettier plugin rules); with --check, only report files not formatted")
  .argument("<paths...>", ".pacta files or directories (searched recursively)")
  .option("--check", "do not write; exit 1 if any file is not formatted")
  .action(async (paths: string[], opts: { check?: boolean }) => {
    process.exitCode = await guarded(async () => (await import("./fmt-command.ts")).fmtCommand(paths, opts));
  });

scenario(
  program
    .command("collateral")
    .description("write the collateral cash flows of a scenario as a remittance CSV (the format --collateral reads)")
    .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files"),
)
  .option("--out <file>", "write to this file instead of standard output")
  .action(async (dir: string, opts: RunCommandOptions) => {
    process.exitCode = await guarded(async () => (await import("./run-command.ts")).collateralCommand(dir, opts));
  });

await program.parseAsync(process.argv);
