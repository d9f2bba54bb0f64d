/**
 * What every CLI command shares: printing diagnostics with their source lines, writing output
 * files atomically (never a partial file), and turning errors into exit codes without a stack.
 */
import { renameSync, writeFileSync, unlinkSync, readFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { formatDiagnostic, PactaError, type Diagnostic } from "../core/diagnostics.ts";

/** Source texts by file name, for showing the offending line under a diagnostic. */
export type Sources = Map<string, string>;

/** Prints diagnostics to stderr, each with its source line and caret when the source is known. */
export function printDiagnostics(ds: readonly Diagnostic[], sources: Sources = new Map()): void {
  for (const d of ds) {
    let src = sources.get(d.location.file);
    if (src === undefined) {
      try {
        src = readFileSync(d.location.file, "utf8");
      } catch {
        src = undefined;
      }
    }
    process.stderr.write(formatDiagnostic(d, src) + "\n");
  }
}

/** Writes `text` to `path` through a temporary file and a rename, so a failure leaves no partial file. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

/** Writes to `out` (atomically) or to stdout. */
export function emit(text: string, out?: string): void {
  if (out) writeAtomically(out, text);
  else process.stdout.write(text);
}

/**
 * Runs a command body; a PactaError prints its diagnostics and exits 1, any other error prints
 * one line (no stack) and exits 2. Returns the body's exit code.
 */
export async function guarded(
  body: () => Promise<number> | number,
  sources: () => Sources = () => new Map(),
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof PactaError) {
      printDiagnostics(e.diagnostics, sources());
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`pacta: ${err.code ? `${err.code}: ` : ""}${err.message ?? String(e)}\n`);
    return 2;
  }
}
