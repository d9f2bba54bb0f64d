/**
 * `pacta fmt [--check] <paths…>`: formats .pacta files in place, or checks that they are formatted.
 */
import { readFileSync } from "node:fs";
import { diag, PactaError } from "../core/diagnostics.ts";
import { format } from "../format/print.ts";
import { pactaFiles } from "../format/files.ts";
import { printDiagnostics, writeAtomically } from "./io.ts";

/** Options of `pacta fmt`. */
export interface FmtOptions {
  /** Report unformatted files instead of rewriting them. */
  check?: boolean;
}

/**
 * Formats the .pacta files named by `paths` (files, or directories searched recursively).
 *
 * Without `check`: rewrites each file whose layout changes, atomically (a temporary file renamed
 * over it, never a partial write), and prints the names of the changed files on stdout. With
 * `check`: writes nothing and prints the name of each file that is not formatted.
 *
 * A file that cannot be read or has syntax errors prints its diagnostics on stderr and counts as
 * a failure; the other files are still processed. Returns the exit code: 0 if every file was
 * formatted (or, with `check`, already formatted), 1 otherwise.
 */
export function fmtCommand(paths: string[], opts: FmtOptions = {}): number {
  let failed = false;
  const files: string[] = [];
  for (const p of paths) {
    try {
      files.push(...pactaFiles(p));
    } catch (e) {
      printDiagnostics([diag("PA1004", { file: p, line: 1, column: 1 }, { file: p, reason: reason(e) })]);
      failed = true;
    }
  }
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      printDiagnostics([diag("PA1004", { file, line: 1, column: 1 }, { file, reason: reason(e) })]);
      failed = true;
      continue;
    }
    let formatted: string;
    try {
      formatted = format(text, file);
    } catch (e) {
      if (e instanceof PactaError) printDiagnostics(e.diagnostics, new Map([[file, text]]));
      else process.stderr.write(`pacta: ${file}: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    if (formatted === text) continue;
    if (opts.check) {
      process.stdout.write(`${file}\n`);
      failed = true;
      continue;
    }
    try {
      writeAtomically(file, formatted);
      process.stdout.write(`${file}\n`);
    } catch (e) {
      process.stderr.write(`pacta: cannot write ${file}: ${reason(e)}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message ?? String(e);
}
