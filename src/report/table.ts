/**
 * The readable per-Distribution-Date report: for each date, the collateral collected, the class
 * distributions and balances, and the waterfall clause by clause with the version in force.
 */
import { renderBox, type Align } from "./box.ts";
import { formatMoney, ZERO, type Decimal } from "../core/money.ts";
import type { PeriodResult, RunResult } from "../engine/result.ts";
import type { DealModel } from "../model/types.ts";
import { amendmentList, versionLabel, viewWords } from "./describe.ts";

/** Options of `renderTable`. */
export interface TableOptions {
  /** Show each section's clauses (due, paid, remaining, version). Default true. */
  clauses?: boolean;
}

function money(x: Decimal): string {
  return x.isZero() ? "-" : formatMoney(x);
}

/** A table being filled: header, alignments and rows, printed by renderBox. */
class Table {
  readonly rows: string[][] = [];
  constructor(private readonly o: { head: string[]; colAligns: Align[] }) {}
  push(row: string[]): void {
    this.rows.push(row);
  }
  toString(): string {
    return renderBox({ head: this.o.head, align: this.o.colAligns, rows: this.rows });
  }
}

function periodBlock(model: DealModel, p: PeriodResult, opts: TableOptions): string {
  const out: string[] = [];
  out.push(`Distribution Date ${p.number}: ${p.distributionDate}    (${viewWords(model, p.view)})`);
  const col = new Table({
    head: ["Loan group", "Beginning balance", "Interest (net)", "Principal", "Realized loss", "Ending balance"],
    colAligns: ["left", "right", "right", "right", "right", "right"],
  });
  for (const [g, c] of Object.entries(p.collateral.groups))
    col.push([
      g,
      money(c.beginningBalance),
      money(c.interest),
      money(c.scheduledPrincipal.plus(c.prepayments).plus(c.netLiquidationProceeds)),
      money(c.realizedLoss),
      money(c.endingBalance),
    ]);
  out.push(col.toString());
  const cls = new Table({
    head: [
      "Class",
      "Beginning balance",
      "Rate",
      "Interest",
      "Principal",
      "Realized loss",
      "Int. shortfall",
      "Other",
      "Ending balance",
    ],
    colAligns: ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const [name, c] of Object.entries(p.classes)) {
    const idle =
      c.beginningBalance.isZero() &&
      c.balance.isZero() &&
      c.interest.isZero() &&
      c.other.isZero() &&
      c.realizedLoss.isZero();
    if (idle) continue;
    cls.push([
      name,
      c.notional ? `${money(c.beginningBalance)} (notional)` : money(c.beginningBalance),
      c.rate.isZero() ? "-" : `${c.rate.times(100).toFixed(4)}%`,
      money(c.interest),
      money(c.principal),
      money(c.realizedLoss),
      money(c.interestShortfall),
      money(c.other),
      money(c.balance),
    ]);
  }
  out.push(cls.toString());
  if (opts.clauses !== false) {
    for (const s of p.sections) {
      out.push(
        `  Section ${s.id}${s.title ? ` ${s.title}` : ""}: available ${formatMoney(s.available)}${s.releasedTo ? `, released to ${s.releasedTo} ${formatMoney(s.released)}` : ""}`,
      );
      const t = new Table({
        head: ["Clause", "Due", "Paid", "Remaining", "Version"],
        colAligns: ["left", "right", "right", "right", "left"],
      });
      for (const c of s.clauses) {
        if (!c.applies) t.push([c.id, "not applicable", "", "", versionLabel(model, c.version)]);
        else
          t.push([
            c.id,
            money(c.due),
            money(c.paid),
            s.available.isZero() && c.remaining.eq(ZERO) ? "" : money(c.remaining),
            versionLabel(model, c.version),
          ]);
      }
      out.push(
        t
          .toString()
          .split("\n")
          .map((l) => "  " + l)
          .join("\n"),
      );
    }
  }
  return out.join("\n");
}

/** Renders the run as text, one block per Distribution Date. */
export function renderTable(r: RunResult, opts: TableOptions = {}): string {
  const amendments = amendmentList(r.model);
  const head = [
    `${r.model.title} (${r.model.name})`,
    amendments.length
      ? `as amended by ${amendments.map((a) => `${a.title} dated ${a.dated}`).join("; ")}`
      : "no amendments",
    `collateral: ${r.collateralSource}`,
    "",
  ];
  return (
    head.join("\n") + r.periods.map((p) => periodBlock(r.model, p, opts)).join("\n\n") + "\n\n" + endNote(r) + "\n"
  );
}

/** Why the run ended after its last Distribution Date, with what is still outstanding. */
export function endNote(r: RunResult): string {
  const last = r.periods.at(-1);
  if (!last) return "No Distribution Date was evaluated.";
  const outstanding = Object.values(last.classes)
    .filter((c) => !c.notional)
    .reduce((a, c) => a.plus(c.balance), ZERO);
  const when = `Distribution Date ${last.number} (${last.distributionDate})`;
  switch (r.stopped) {
    case "certificates retired":
      return `The certificates were retired on ${when}.`;
    case "period limit":
      return `Stopped after ${when}, as asked; ${formatMoney(outstanding)} of Certificate Principal Balance is outstanding.`;
    case "collateral exhausted":
      return outstanding.isZero()
        ? `The collateral data ends with ${when}.`
        : `The collateral data ends with ${when}; ${formatMoney(outstanding)} of Certificate Principal Balance is still outstanding.`;
  }
}
