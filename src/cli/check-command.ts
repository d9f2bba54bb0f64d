/**
 * `pacta check <deal-dir>`: parses, checks and amends a deal without running it, and prints every
 * diagnostic (text with source lines and carets, or JSON for editors and CI). Exit 1 on errors.
 */
import { diag, formatDiagnostic, PactaError, type Diagnostic } from "../core/diagnostics.ts";
import { loadDeal } from "../deal/load.ts";
import { emit } from "./io.ts";

/** The JSON form of one diagnostic. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.location.file,
    line: d.location.line,
    column: d.location.column,
    ...(d.location.endLine !== undefined ? { endLine: d.location.endLine, endColumn: d.location.endColumn } : {}),
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.related
      ? {
          related: d.related.map((r) => ({
            message: r.message,
            file: r.location.file,
            line: r.location.line,
            column: r.location.column,
          })),
        }
      : {}),
  };
}

/**
 * The report of `pacta check` on the deal in `dir`: text (each diagnostic with its source line
 * and caret, then a summary line) or JSON. `errors` counts the errors.
 */
export function checkReport(dir: string, format: "text" | "json" = "text"): { text: string; errors: number } {
  const deal = loadDeal(dir);
  const ds = [...deal.diagnostics].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.length - errors;
  if (format === "json")
    return {
      text: JSON.stringify({ deal: deal.name, errors, warnings, diagnostics: ds.map(diagnosticJson) }, null, 2) + "\n",
      errors,
    };
  const sources = new Map(deal.files.map((f) => [f.path, f.text]));
  const body = ds.map((d) => formatDiagnostic(d, sources.get(d.location.file)) + "\n").join("");
  return {
    text: `${body}${deal.name}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
    errors,
  };
}

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
  const r = checkReport(dir, format);
  if (format === "json") emit(r.text);
  else (r.errors ? process.stderr : process.stdout).write(r.text);
  return r.errors ? 1 : 0;
}
