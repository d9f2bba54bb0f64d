/**
 * Writer of the collateral remittance CSV (the format `readCollateralCsv` reads): exports a
 * projection, or any `CollateralPeriod[]`, as a file that reads back to the same collections.
 */
import type { Decimal } from "../core/money.ts";
import { INDEX_PREFIX, MONEY_COLUMNS, type MoneyColumn } from "./csv-columns.ts";
import type { CollateralPeriod } from "./types.ts";

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

function rate(x: Decimal): string {
  return x.toFixed();
}

/**
 * Formats `periods` as CSV text: a header `period,group,<money columns>,net_mortgage_rate,
 * index:<name>…`, then one row per period and group (groups in the order of each period's
 * `groups`), lines ending in "\n". Amounts are written with two decimals ("1234.50"), rates as
 * plain decimals ("0.0785"); index columns are the union of the periods' `indexRates`, left
 * empty where a period has no value. Beginning and ending balances are not written: a reader
 * rebuilds them from the pools' cut-off balances.
 */
export function writeCollateralCsv(periods: readonly CollateralPeriod[]): string {
  const money = Object.keys(MONEY_COLUMNS) as MoneyColumn[];
  const indices = [...new Set(periods.flatMap((p) => Object.keys(p.indexRates)))];
  const header = ["period", "group", ...money, "net_mortgage_rate", ...indices.map((i) => INDEX_PREFIX + i)];
  const lines = [header.map(quote).join(",")];
  for (const p of periods) {
    for (const [group, c] of Object.entries(p.groups)) {
      const ix = indices.map((i) => (p.indexRates[i] ? rate(p.indexRates[i]) : ""));
      const row = [
        String(p.number),
        group,
        ...money.map((m) => c[MONEY_COLUMNS[m]].toFixed(2)),
        rate(c.netMortgageRate),
        ...ix,
      ];
      lines.push(row.map(quote).join(","));
    }
  }
  return lines.join("\n") + "\n";
}
