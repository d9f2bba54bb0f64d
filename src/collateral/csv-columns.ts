/**
 * The columns of the collateral remittance CSV and how their cells are read.
 */
import { Decimal, ZERO, cents, type Money } from "../core/money.ts";

/** Money columns, by CSV name, with the `GroupCollections` field each fills. */
export const MONEY_COLUMNS = {
  scheduled_principal: "scheduledPrincipal",
  prepayments: "prepayments",
  net_liquidation_proceeds: "netLiquidationProceeds",
  realized_loss: "realizedLoss",
  interest: "interest",
  servicing_fee: "servicingFee",
  new_defaults: "newDefaults",
} as const;

/** A money column's CSV name. */
export type MoneyColumn = keyof typeof MONEY_COLUMNS;

/** Columns every file must have. */
export const REQUIRED_COLUMNS = [
  "period",
  "group",
  "scheduled_principal",
  "prepayments",
  "net_liquidation_proceeds",
  "realized_loss",
  "interest",
  "net_mortgage_rate",
] as const;

/** Columns a file may leave out (their amounts are then zero). */
export const OPTIONAL_COLUMNS = ["servicing_fee", "new_defaults"] as const;

/** A fixed (non-index) column name. */
export type FixedColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Prefix of an index column: `index:One-Month LIBOR`. */
export const INDEX_PREFIX = "index:";

/** A cell's value, or why it cannot be read: a message and a hint. */
export type Cell<T> = { value: T } | { error: [message: string, hint: string] };

/** Amounts must stay below this ($10^15, fifteen digits of dollars), as money literals must (check PA2017). */
const DOLLAR_LIMIT = new Decimal("1e15");

const AMOUNT = /^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const RATE = /^(\d+(\.\d*)?|\.\d+)(%?)$/;

/**
 * Reads a money cell of column `name`: plain decimals ("1234.56") or written with a dollar sign
 * and thousands commas ("$1,234.56"); non-negative, whole cents. An empty cell is zero when
 * `optional`, an error otherwise.
 */
export function readAmount(text: string, name: string, optional: boolean): Cell<Money> {
  const t = text.trim();
  if (t === "") {
    return optional ? { value: ZERO } : { error: [`${name} is empty`, "write 0 for no amount"] };
  }
  if (/^(-|\$\s*-|\(.*\)$)/.test(t)) {
    return {
      error: [
        `${name} is negative (${t})`,
        "remittance amounts are never negative; a loss goes in realized_loss as a positive amount",
      ],
    };
  }
  if (!AMOUNT.test(t)) {
    return {
      error: [`${name} "${t}" is not an amount of dollars`, "write dollars and cents, e.g. 1234.56 or $1,234.56"],
    };
  }
  const value = new Decimal(t.replace(/[$,]/g, ""));
  if (value.gte(DOLLAR_LIMIT))
    return {
      error: [
        `${name} ${t} is $1,000 trillion or more`,
        "pacta keeps amounts below $1,000 trillion exact to the cent; check the figure",
      ],
    };
  if (!cents(value).eq(value)) {
    return {
      error: [
        `${name} ${t} has a fraction of a cent`,
        "remittance amounts are in whole cents; round them to two decimals",
      ],
    };
  }
  return { value };
}

/**
 * Reads an annual rate cell of column `name`: a decimal ("0.0835") or a percent ("8.35%"); must be
 * in [0, 1). A bare number of 1 or more is refused as a likely percent written without "%".
 */
export function readRate(text: string, name: string): Cell<Decimal> {
  const t = text.trim();
  if (t === "")
    return { error: [`${name} is empty`, "write the annual rate as a decimal (0.0835) or a percent (8.35%)"] };
  if (t.startsWith("-")) return { error: [`${name} is negative (${t})`, "an annual rate is 0 or more"] };
  const m = RATE.exec(t);
  if (!m)
    return {
      error: [`${name} "${t}" is not a rate`, "write the annual rate as a decimal (0.0835) or a percent (8.35%)"],
    };
  const percent = m[3] === "%";
  const value = new Decimal(t.replace("%", "")).div(percent ? 100 : 1);
  if (value.gte(1)) {
    const hint = percent
      ? "an annual rate is below 100%"
      : `write it as a decimal (${value.div(100).toString()}) or a percent (${t}%)`;
    return { error: [`${name} ${t} means ${value.times(100).toString()}% per annum`, hint] };
  }
  return { value };
}

/** Reads a period number: a whole number ≥ 1. */
export function readPeriod(text: string): Cell<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || !Number.isSafeInteger(Number(t))) {
    return { error: [`period "${t}" is not a whole number ≥ 1`, "periods count Distribution Dates: 1, 2, 3, …"] };
  }
  return { value: Number(t) };
}
