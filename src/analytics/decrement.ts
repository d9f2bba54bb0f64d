/**
 * Weighted average lives and decrement tables, as a prospectus prints them: for each class, the
 * percent of its original Certificate Principal Balance outstanding on each anniversary
 * Distribution Date, under each prepayment scenario, and its weighted average life in years.
 *
 * WAL = Σ (principal distributed on a Distribution Date × years from the Closing Date to that date)
 *       / Σ principal distributed, with years = actual days / 365. Write-downs (Realized Losses)
 * are not principal distributions and do not enter the WAL; they do reduce the balance outstanding.
 */
import { Decimal, ZERO, sum } from "../core/money.ts";
import { daysBetween } from "../collateral/calendar.ts";
import type { RunResult } from "../engine/result.ts";

/** One class under one scenario. */
export interface ClassDecrement {
  /** Weighted average life in years (undefined if the class received no principal). */
  wal?: Decimal;
  /**
   * Percent of the original balance outstanding at each row date, rounded half-up to a whole
   * percent ("100" … "0"); "*" where some balance is outstanding but less than 0.5%.
   */
  percentOutstanding: string[];
}

/** Decrement tables of several scenarios. */
export interface DecrementTables {
  /** Scenario labels, in column order ("0% PPC", "100% PPC", …). */
  scenarios: string[];
  /** Row labels: "Initial", then each anniversary Distribution Date (YYYY-MM-DD) while any class is outstanding. */
  dates: string[];
  /** By class (interest-only and residual classes excluded), one entry per scenario. */
  classes: Record<string, ClassDecrement[]>;
}

/** The classes with an original Certificate Principal Balance, in the run's order. */
function principalClasses(r: RunResult): string[] {
  const first = r.periods[0];
  if (!first) return [];
  return Object.entries(first.classes)
    .filter(([, c]) => !c.notional && c.beginningBalance.gt(ZERO))
    .map(([n]) => n);
}

/** The weighted average life (years from `closingDate`) of `cls` in the run, or undefined without principal. */
export function weightedAverageLife(r: RunResult, cls: string, closingDate: string): Decimal | undefined {
  const flows = r.periods.map((p) => ({ principal: p.classes[cls]?.principal ?? ZERO, date: p.distributionDate }));
  const total = sum(flows.map((f) => f.principal));
  if (total.isZero()) return undefined;
  const weighted = sum(flows.map((f) => f.principal.times(daysBetween(closingDate, f.date)).div(365)));
  return weighted.div(total);
}

/**
 * Builds the decrement tables of `runs` (one per scenario, labelled by `labels`), with rows on
 * the anniversaries of the first Distribution Date. `closingDate` (YYYY-MM-DD) anchors the WAL.
 * @throws Error if `runs` and `labels` differ in length.
 */
export function decrementTables(
  runs: readonly RunResult[],
  labels: readonly string[],
  closingDate: string,
): DecrementTables {
  if (runs.length !== labels.length) throw new Error("one label per run");
  const names = principalClasses(runs[0]!);
  const original = new Map(names.map((n) => [n, runs[0]!.periods[0]!.classes[n]!.beginningBalance]));
  // Anniversary rows: Distribution Dates 12, 24, … of the longest run.
  const longest = runs.reduce((a, b) => (b.periods.length > a.periods.length ? b : a));
  const rows: number[] = [];
  for (let n = 12; n <= longest.periods.length + 11; n += 12) rows.push(n);
  const dateOf = (n: number) => longest.periods[Math.min(n, longest.periods.length) - 1]!.distributionDate;
  const classes: Record<string, ClassDecrement[]> = {};
  for (const name of names) {
    classes[name] = runs.map((r) => {
      const orig = original.get(name)!;
      const pct = (n: number): string => {
        const p = r.periods[n - 1];
        const bal = p ? p.classes[name]!.balance : ZERO; // after its last date the run has retired the class
        const whole = bal.div(orig).times(100).toDecimalPlaces(0);
        return whole.isZero() && bal.gt(ZERO) ? "*" : whole.toFixed(0);
      };
      const wal = weightedAverageLife(r, name, closingDate);
      return { ...(wal ? { wal } : {}), percentOutstanding: ["100", ...rows.map(pct)] };
    });
  }
  // Drop trailing rows where every class is at 0% under every scenario.
  let keep = rows.length;
  while (keep > 0 && names.every((n) => classes[n]!.every((c) => c.percentOutstanding[keep] === "0"))) keep--;
  const trimmed = Math.min(rows.length, keep + 1);
  for (const n of names) for (const c of classes[n]!) c.percentOutstanding = c.percentOutstanding.slice(0, trimmed + 1);
  return { scenarios: [...labels], dates: ["Initial", ...rows.slice(0, trimmed).map(dateOf)], classes };
}

/**
 * The tables as text: one block per class, rows by date, a column per scenario, WAL last.
 * `assumptions` (e.g. "0% CDR") is printed under the title.
 */
export function renderDecrementTables(t: DecrementTables, assumptions?: string): string {
  const out: string[] = [
    "Percent of original Certificate Principal Balance outstanding",
    ...(assumptions ? [assumptions] : []),
    "",
  ];
  const w = Math.max(10, ...t.scenarios.map((s) => s.length + 2));
  for (const [name, cols] of Object.entries(t.classes)) {
    out.push(`Class ${name}`);
    out.push("Distribution Date".padEnd(18) + t.scenarios.map((s) => s.padStart(w)).join(""));
    t.dates.forEach((d, i) =>
      out.push(
        d.padEnd(18) +
          cols.map((c) => (c.percentOutstanding[i] === "*" ? "*" : `${c.percentOutstanding[i]}%`).padStart(w)).join(""),
      ),
    );
    out.push("WAL (years)".padEnd(18) + cols.map((c) => (c.wal ? c.wal.toFixed(2) : "-").padStart(w)).join(""));
    out.push("");
  }
  out.push("* less than 0.5% but more than 0%");
  out.push("- no principal distributed (the class was written down, not paid)");
  return out.join("\n") + "\n";
}
