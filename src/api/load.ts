/**
 * The library's loading facet: a deal from a directory, a host, or text in memory, through parse,
 * check, amend and lower. Re-exported by src/api.ts; the CLI imports it directly so that a command
 * loads only what it uses.
 */
import type { Diagnostic } from "../core/diagnostics.ts";
import { loadDeal as loadFrom, type LoadedDeal } from "../deal/load.ts";
import { diskHost, memoryHost, type DealHost } from "../deal/host.ts";

/** Where a deal comes from: a directory on disk, a host, or its files' text by file name. */
export type DealSource = string | DealHost | Readonly<Record<string, string>>;

/**
 * Loads a deal: parses every file, checks it, applies its amendments and lowers it to the resolved
 * model. `source` is a directory ("agreements/ramp-2002-rs1"), a `DealHost`, or in-memory files
 * (`{ "agreement.pacta": "…", "amendment-1.pacta": "…" }`, shown in diagnostics as `deal/…`).
 * Never throws on user input: `diagnostics` holds every error and warning, and `model` is present
 * only when there is no error.
 */
export function loadDeal(source: DealSource): LoadedDeal {
  const host = typeof source === "string" ? diskHost(source) : isHost(source) ? source : memoryHost(source);
  return loadFrom(host);
}

function isHost(x: DealHost | Readonly<Record<string, string>>): x is DealHost {
  return typeof (x as DealHost).files === "function" && typeof (x as DealHost).read === "function";
}

/** Every diagnostic of a deal (errors and warnings), as `pacta check` reports them. */
export function checkDeal(source: DealSource): Diagnostic[] {
  return loadDeal(source).diagnostics;
}
