/**
 * `pacta check <deal-dir>`: parses, checks and amends a deal without running it, and prints every
 * diagnostic (text with source lines and carets, or JSON for editors and CI). Exit 1 on errors.
 */
import type { Diagnostic } from "../core/diagnostics.ts";
import { hasErrors } from "../core/diagnostics.ts";
import { loadDeal } from "../deal/load.ts";
import { emit, printDiagnostics } from "./io.ts";

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
    ...(d.related ? { related: d.related.map((r) => ({ message: r.message, file: r.location.file, line: r.location.line, column: r.location.column })) } : {}),
  };
}

/** Runs the check; returns the exit code (0 clean or warnings only, 1 errors). */
export function checkCommand(dir: string, opts: { format?: string }): number {
  const deal = loadDeal(dir);
  const ds = [...deal.diagnostics].sort(
    (a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column,
  );
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.length - errors;
  if (opts.format === "json") {
    emit(JSON.stringify({ deal: deal.name, errors, warnings, diagnostics: ds.map(diagnosticJson) }, null, 2) + "\n");
  } else {
    printDiagnostics(ds, new Map(deal.files.map((f) => [f.path, f.text])));
    const summary = `${deal.name}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    (errors ? process.stderr : process.stdout).write(summary + "\n");
  }
  return hasErrors(ds) ? 1 : 0;
}
