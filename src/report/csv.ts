/**
 * The cash-flow table as CSV: one row per Distribution Date and class, money to the cent.
 */
import { stringify } from "csv-stringify/sync";
import { moneyString } from "../core/money.ts";
import type { RunResult } from "../engine/result.ts";

/** Column names of the CSV report, in order. */
export const CSV_COLUMNS = [
  "period",
  "distribution_date",
  "class",
  "beginning_balance",
  "pass_through_rate",
  "accrued_interest",
  "interest",
  "principal",
  "realized_loss",
  "interest_shortfall",
  "basis_risk_carry_forward",
  "other",
  "ending_balance",
] as const;

/** Renders the run as CSV text with a header row. */
export function renderCsv(r: RunResult): string {
  const rows: string[][] = [];
  for (const p of r.periods)
    for (const [name, c] of Object.entries(p.classes))
      rows.push([
        String(p.number),
        p.distributionDate,
        name,
        moneyString(c.beginningBalance),
        c.rate.toDecimalPlaces(10).toString(),
        moneyString(c.accruedInterest),
        moneyString(c.interest),
        moneyString(c.principal),
        moneyString(c.realizedLoss),
        moneyString(c.interestShortfall),
        moneyString(c.basisRiskCarryForward),
        moneyString(c.other),
        moneyString(c.balance),
      ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
