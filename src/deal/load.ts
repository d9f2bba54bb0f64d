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

/**
 * Loads, parses, checks, amends and lowers the deal in `dir` (a directory, or a DealHost).
 *
 * Every `.pacta` file of the deal is read and counts: the one that holds an `agreement` is the
 * agreement, every one that holds an `amendment` is an amendment (applied in the order of their
 * dates), whatever the files are called. Two agreements, or one amendment supplied twice, are
 * errors; so is a file that is a link leading outside the deal directory. File names in
 * diagnostics are as the host displays them (for a directory: relative to the working
 * directory). Never throws on user input.
 */
export function loadDeal(dir: string | DealHost): LoadedDeal {
  const host = typeof dir === "string" ? diskHost(dir) : dir;
  const out: LoadedDeal = { name: host.name, dir: host.where, files: [], diagnostics: [] };
  const where = { file: host.where, line: 1, column: 1 };
  // The usual names first (agreement.pacta, then amendment-1, -2, … by number), so messages name them as the first copies.
  const rank = (f: string) =>
    f === "agreement.pacta" ? -1 : Number(/^amendment-(\d+)\.pacta$/.exec(f)?.[1] ?? Infinity);
  const paths = (host.exists() ? host.files().filter((f) => /\.pacta$/i.test(f)) : []).sort(
    (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (!paths.length) {
    out.diagnostics.push(diag("PA5002", where, { dir: host.where }));
    return out;
  }
  const agreements: { file: string; ast: Agreement }[] = [];
  const amendments: { file: string; ast: Amendment }[] = [];
  for (const p of paths) {
    const shown = host.display(p);
    const refused = host.refuse?.(p);
    if (refused) {
      out.diagnostics.push(diag("PA1004", { file: shown, line: 1, column: 1 }, { file: shown, reason: refused }));
      continue;
    }
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
    if (r.ast.kind === "agreement") agreements.push({ file: shown, ast: r.ast });
    else amendments.push({ file: shown, ast: r.ast });
  }
  if (agreements.length > 1)
    for (const extra of agreements.slice(1))
      out.diagnostics.push(
        diag("PA5003", extra.ast.titleLoc, { file: extra.file, other: agreements[0]!.file }, [
          { message: "the first agreement", location: agreements[0]!.ast.titleLoc },
        ]),
      );
  const seen = new Map<string, { file: string; ast: Amendment }>();
  for (const am of amendments) {
    const key = `${am.ast.title}\u0000${am.ast.to}\u0000${am.ast.dated}`;
    const first = seen.get(key);
    if (first)
      out.diagnostics.push(
        diag(
          "PA3007",
          am.ast.titleLoc,
          { title: am.ast.title, dated: am.ast.dated, file: am.file, other: first.file },
          [{ message: "supplied first here", location: first.ast.titleLoc }],
        ),
      );
    else seen.set(key, am);
  }
  const agreement = agreements[0]?.ast;
  if (!agreement && !hasErrors(out.diagnostics)) out.diagnostics.push(diag("PA5002", where, { dir: host.where }));
  if (!agreement || hasErrors(out.diagnostics)) return out;
  let res: ReturnType<typeof amend>;
  try {
    res = amend(
      agreement,
      amendments.map((a) => a.ast),
    );
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
