/**
 * `pacta check <deal-dir>`: parses, checks and amends a deal without running it, and prints every
 * diagnostic (text with source lines and carets, or JSON for editors and CI). Exit 1 on errors.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { loadDeal } from "../api/load.ts";
import { renderCheck } from "../report/check.ts";
import { emit } from "./io.ts";

/** `pacta check`: prints the report (text to stderr when there are errors, else stdout). Returns the exit code. */
export function checkCommand(dir: string, opts: { format?: string }): number {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json")
    throw new PactaError([
      diag(
        "PA5001",
        { file: "<command line>", line: 1, column: 1 },
        { message: `--format must be text or json, got "${format}"`, hint: "e.g. --format json" },
      ),
    ]);
  const r = renderCheck(loadDeal(dir), format);
  if (format === "json") emit(r.text);
  else (r.errors ? process.stderr : process.stdout).write(r.text);
  return r.errors ? 1 : 0;
}
