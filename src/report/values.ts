/**
 * How values and provisions are written in reports, in one place so the table, JSON, HTML page,
 * conformed copy and `explain` say the same thing the same way.
 *
 * JSON: money with two decimals, half-up ("1250000.00") — the engine keeps full precision for
 * terms, so a term's money value is shown rounded to the cent; rates and percentages as plain
 * decimals to at most 10 places ("0.0845"); counts as whole numbers. For people: "$1,250,000.00",
 * "8.4% per annum", "25%".
 */
import { Decimal, formatMoneyExact, moneyString } from "../core/money.ts";
import type { Section } from "../syntax/ast.ts";
import type { Unit } from "../semantics/units.ts";
import type { VersionLabel } from "../semantics/view.ts";
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

/** A value as people read it, by unit (money when the unit is unknown): "$1,250.00", "1.95% per annum", "25%", "11". */
export function showValue(v: Value, unit: Unit | undefined): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  const percent = (x: Decimal) => `${x.times(100).toDecimalPlaces(6).toString()}%`;
  switch (unit) {
    case "Money":
    case undefined:
      return formatMoneyExact(v);
    case "MoneyPerAnnum":
      return `${formatMoneyExact(v)} per annum`;
    case "Rate":
      return `${percent(v)} per annum`;
    case "Percentage":
      return percent(v);
    case "Count":
      return v.toFixed(0);
    default:
      return v.toDecimalPlaces(10).toString();
  }
}

/** Collapses the layout of legal text (line breaks, indentation) to single spaces. */
export function flowText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A definition's words without the name an instrument often quotes in front of them
 * ("Group I Overcollateralization Increase Amount: With respect to …" → "With respect to …").
 */
export function definitionWords(name: string, text: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return flowText(text).replace(new RegExp(`^${escaped}\\s*:\\s*`), "");
}

/** The words of a section's remainder clause: its own text, or the standard sentence. Layout kept. */
export function remainderWords(s: Section): string {
  if (!s.remainderTo) return "";
  const words = s.remainderText
    ? s.remainderText.text
    : `the remainder to the Class ${s.remainderTo.name} Certificateholders.`;
  return `${s.remainderLabel ?? "Remainder"} ${words}`;
}

/** A version as a reader names it: "Agreement", or "Amendment Number One, item 2, effective 2002-05-24". */
export function versionText(v: VersionLabel): string {
  return `${v.label}${v.effective ? `, effective ${v.effective}` : ""}`;
}
