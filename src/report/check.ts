/**
 * The report of `pacta check`: every diagnostic of a loaded deal, as text (each with its source
 * line and caret, then a summary line) or as JSON for editors and CI.
 */
import { formatDiagnostic, type Diagnostic } from "../core/diagnostics.ts";
import type { LoadedDeal } from "../deal/load.ts";

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
 * The report of `pacta check` on a loaded deal: text (each diagnostic with its source line
 * and caret, then a summary line) or JSON. `errors` counts the errors.
 */
export function renderCheck(deal: LoadedDeal, format: "text" | "json" = "text"): { text: string; errors: number } {
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
