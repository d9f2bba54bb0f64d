/**
 * What every CLI command shares: printing diagnostics with their source lines, writing output
 * files atomically (never a partial file), and turning errors into exit codes without a stack.
 */
import {
  existsSync,
  readdirSync,
  lstatSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, basename, isAbsolute, join, relative, resolve } from "node:path";
import { diag, formatDiagnostic, PactaError, safe, type Diagnostic } from "../core/diagnostics.ts";

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

/**
 * Checks, before any work is done, that `path` can receive output: not empty, not one of the
 * command's `inputs` (files it reads), not inside the deal directory `dealDir` (a file written
 * there would be read as part of the deal next time), its directory exists, and it is not a
 * directory. @throws PactaError (PA5001) naming the problem.
 */
export function checkOutputPath(path: string | undefined, inputs: readonly string[] = [], dealDir?: string): void {
  if (path === undefined) return;
  const at = { file: "<command line>", line: 1, column: 1 };
  if (path.trim() === "")
    throw new PactaError([
      diag("PA5001", at, {
        message: "--out needs a file name",
        hint: "e.g. --out run.json, or leave --out out to print",
      }),
    ]);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new PactaError([
      diag("PA5001", at, {
        message: `--out ${path} is a directory`,
        hint: "name a file inside it, e.g. --out " + join(path, "run.json"),
      }),
    ]);
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (inputs.some((i) => real(i) === real(path)))
    throw new PactaError([
      diag("PA5001", at, {
        message: `--out ${path} is one of the command's own inputs`,
        hint: "write the report to another file",
      }),
    ]);
  const dir = dirname(path);
  if (dealDir !== undefined && existsSync(dealDir) && existsSync(dir)) {
    const inside = relative(realpathSync(dealDir), realpathSync(dir));
    if (!inside.startsWith("..") && !isAbsolute(inside))
      throw new PactaError([
        diag("PA5001", at, {
          message: `--out ${path} is inside the deal directory ${dealDir}`,
          hint: "write reports outside the deal directory: every file there belongs to the deal",
        }),
      ]);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new PactaError([
      diag("PA5001", at, {
        message: `--out ${path}: the directory ${dir} does not exist`,
        hint: "create the directory first, or write somewhere else",
      }),
    ]);
}

/** The files a command on deal directory `dir` reads: its .pacta files and any other named inputs. */
export function dealInputs(dir: string, ...others: (string | undefined)[]): string[] {
  let pacta: string[] = [];
  try {
    pacta = readdirSync(dir)
      .filter((f) => f.endsWith(".pacta"))
      .map((f) => join(dir, f));
  } catch {
    /* a missing directory is reported when the deal is loaded */
  }
  return [...pacta, ...others.filter((x): x is string => x !== undefined)];
}

/**
 * Writes `text` to `path`. A regular file (new or existing) is written through a temporary file
 * and a rename, so a failure leaves no partial file; a symbolic link is followed to its target;
 * a device or pipe (/dev/null, a FIFO) is written to directly, never replaced.
 */
export function writeAtomically(path: string, text: string): void {
  let target = path;
  if (existsSync(path)) {
    if (lstatSync(path).isSymbolicLink()) target = realpathSync(path);
    if (!statSync(target).isFile()) {
      writeFileSync(target, text);
      return;
    }
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

/** A reader that stops reading (`pacta run … | head`) is not an error: exit quietly. */
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

/** Writes to `out` (see `writeAtomically`) or to stdout. */
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
    process.stderr.write(`pacta: ${safe(err.message ?? String(e))}\n`);
    return 2;
  }
}
