/**
 * Loading a deal directory: `agreement.pacta` and its `amendment-N.pacta` files, parsed, checked
 * and amended into one versioned agreement. This is the front half of the pipeline
 * (syntax → semantics → amend) behind every CLI command.
 */
import { diag, hasErrors, type Diagnostic } from "../core/diagnostics.ts";
import { amend, type VersionedAgreement } from "../amend/amend.ts";
import { lower } from "../model/lower.ts";
import type { DealModel } from "../model/types.ts";
import { diskHost, type DealHost } from "./host.ts";
import type { Agreement, Amendment } from "../syntax/ast.ts";
import { parse, TOO_LONG, type Comment } from "../syntax/parse.ts";

/** One source file of a deal. */
export interface DealFile {
  path: string;
  text: string;
  comments: Comment[];
}

/** A loaded deal: its sources, and the versioned agreement when everything checked. */
export interface LoadedDeal {
  /** The deal directory's name, e.g. "ramp-2002-rs1". */
  name: string;
  dir: string;
  files: DealFile[];
  versioned?: VersionedAgreement;
  /** The resolved model, when everything checked and the deal can be scheduled. */
  model?: DealModel;
  diagnostics: Diagnostic[];
}

/** The amendment files among `files`, in the order of their number (amendment-1, amendment-2, …). */
export function amendmentFiles(files: readonly string[]): string[] {
  return files
    .map((f) => ({ f, m: /^amendment-(\d+)\.pacta$/.exec(f) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
    .map((x) => x.f);
}

/**
 * Loads, parses, checks, amends and lowers the deal in `dir` (a directory, or a DealHost). File names in diagnostics are relative to
 * the working directory. Never throws on user input; a missing directory or agreement file is a
 * PA5002 / PA1004 diagnostic.
 */
export function loadDeal(dir: string | DealHost): LoadedDeal {
  const host = typeof dir === "string" ? diskHost(dir) : dir;
  const out: LoadedDeal = { name: host.name, dir: host.where, files: [], diagnostics: [] };
  const agreementPath = "agreement.pacta";
  const all = host.exists() ? host.files() : [];
  if (!all.includes(agreementPath)) {
    out.diagnostics.push(diag("PA5002", { file: host.where, line: 1, column: 1 }, { dir: host.where }));
    return out;
  }
  const paths = [agreementPath, ...amendmentFiles(all)];
  for (const f of all) {
    if (paths.includes(f) || !/\.pacta$/i.test(f)) continue;
    out.diagnostics.push(
      diag(
        "PA5003",
        { file: host.display(f), line: 1, column: 1 },
        {
          file: f,
          reason: "a deal directory holds agreement.pacta and amendment-1.pacta, amendment-2.pacta, …",
          hint: /amend/i.test(f)
            ? "rename it amendment-N.pacta (N its order among the amendments)"
            : "move it out of the deal directory, or rename it",
        },
      ),
    );
  }
  let agreement: Agreement | undefined;
  const amendments: Amendment[] = [];
  for (const p of paths) {
    const shown = host.display(p);
    let text: string;
    try {
      text = host.read(p);
    } catch (e) {
      out.diagnostics.push(
        diag("PA1004", { file: shown, line: 1, column: 1 }, { file: shown, reason: (e as Error).message }),
      );
      continue;
    }
    const r = parse(text, shown);
    out.files.push({ path: shown, text, comments: r.comments });
    out.diagnostics.push(...r.diagnostics);
    if (!r.ast) continue;
    if (p === agreementPath) {
      if (r.ast.kind !== "agreement")
        out.diagnostics.push(
          diag("PA1002", r.ast.loc, {
            message: "agreement.pacta must hold an agreement",
            hint: 'start it with `agreement "Title"`; amendments go in amendment-N.pacta',
          }),
        );
      else agreement = r.ast;
    } else if (r.ast.kind !== "amendment")
      out.diagnostics.push(
        diag("PA1002", r.ast.loc, {
          message: `${p} must hold an amendment`,
          hint: 'start it with `amendment "Title" to "Agreement title" dated YYYY-MM-DD`',
        }),
      );
    else amendments.push(r.ast);
  }
  if (!agreement || hasErrors(out.diagnostics)) return out;
  let res: ReturnType<typeof amend>;
  try {
    res = amend(agreement, amendments);
  } catch (e) {
    // Checking walks formulas recursively: a chain of thousands of operators exhausts the stack.
    if (!(e instanceof RangeError)) throw e;
    out.diagnostics.push(diag("PA1002", agreement.titleLoc, TOO_LONG));
    return out;
  }
  out.diagnostics.push(...res.diagnostics);
  if (res.versioned && !hasErrors(out.diagnostics)) {
    out.versioned = res.versioned;
    const lowered = lower(res.versioned, host.name);
    out.diagnostics.push(...lowered.diagnostics);
    if (lowered.model) out.model = lowered.model;
  }
  return out;
}
