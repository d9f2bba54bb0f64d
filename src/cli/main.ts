/**
 * The `pacta` command: parses arguments (commander) and dispatches to a subcommand.
 */
import { Command } from "commander";
import { guarded } from "./io.ts";
import { runCommand, type RunCommandOptions } from "./run-command.ts";

const program = new Command();
program
  .name("pacta")
  .description("Agreements as code: check, amend and run securitization agreements written in pacta.")
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command("run")
  .description("evaluate a deal on every Distribution Date and report distributions and balances")
  .argument("<deal-dir>", "directory holding agreement.pacta and amendment-N.pacta files")
  .option("--collateral <file.csv>", "actual collections per period and loan group (see docs/collateral.md) instead of the projection")
  .option("--cpr <percent>", "constant prepayment rate for every group, e.g. 20 for 20% CPR (default: the pricing assumption)")
  .option("--ppc <percent>", "percent of the pricing prepayment curve, e.g. 150")
  .option("--cdr <percent>", "constant default rate, e.g. 5 for 5% CDR (default 0)")
  .option("--severity <percent>", "loss severity on liquidation, e.g. 35 (default 35)")
  .option("--lag <months>", "months from default to liquidation (default 12)")
  .option("--format <format>", "table, csv or json", "table")
  .option("--periods <n>", "evaluate at most the first n Distribution Dates")
  .option("--trace", "with --format json: list every term's and clause's inputs")
  .option("--out <file>", "write the report to this file instead of standard output")
  .action(async (dir: string, opts: RunCommandOptions) => {
    process.exitCode = await guarded(() => runCommand(dir, opts));
  });

await program.parseAsync(process.argv);
