/**
 * How values are written in reports. Money: two decimals, half-up ("1250000.00"); the engine keeps
 * full precision for terms, so a term's money value is shown rounded to the cent. Rates and
 * percentages: plain decimals to at most 10 places ("0.0845"). Counts: whole numbers.
 */
import { Decimal } from "../core/money.ts";
import { moneyString } from "../core/money.ts";
import type { Unit } from "../semantics/units.ts";
import type { Value } from "../engine/result.ts";

/** The JSON form of a value of the given unit: a string for numbers, a boolean for conditions. */
export function valueJson(v: Value, unit: Unit): string | boolean {
  if (typeof v === "boolean") return v;
  switch (unit) {
    case "Money":
    case "MoneyPerAnnum":
      return moneyString(v);
    case "Count":
      return v.toFixed(0);
    default:
      return new Decimal(v).toDecimalPlaces(10).toString();
  }
}
