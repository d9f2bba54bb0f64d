/**
 * The one place pacta's numbers are represented.
 *
 * Money (dollars), rates (annual, as a decimal: 0.0650 = 6.50% per annum) and proportions are
 * all `Decimal` values from a single decimal.js clone configured with 34 significant digits, so
 * no intermediate result loses a cent on a $400,000,000 pool. A JavaScript `number` never
 * carries money: counts (Distribution Date numbers, months) are the only plain numbers.
 *
 * Rounding policy (the default, documented in docs/rounding.md): amounts are carried at full
 * precision while a formula is evaluated; an amount is rounded to the cent, half-up, where it
 * becomes a payment or an accrual, that is (1) Accrued Certificate Interest of each class,
 * (2) the amount due of each waterfall clause, (3) each class's share of a pro rata split
 * (largest-remainder, so the shares add to the amount split), and (4) each collateral cash flow
 * of the projection. A provision may declare another mode or precision (see `RoundingRule`).
 */
import { Decimal as BaseDecimal } from "decimal.js";

/** The configured Decimal: 34 significant digits, half-up, exponent range wide enough for money. */
export const Decimal = BaseDecimal.clone({
  precision: 34,
  rounding: BaseDecimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
/** A Decimal from the configured clone. */
export type Decimal = InstanceType<typeof Decimal>;
/** An amount in dollars. */
export type Money = Decimal;

/** Zero dollars, shared (Decimals are immutable). */
export const ZERO: Decimal = new Decimal(0);
/** One, shared. */
export const ONE: Decimal = new Decimal(1);

/** How a provision rounds: mode and number of decimal places (2 = to the cent, 0 = to the dollar). */
export interface RoundingRule {
  mode: "half-up" | "half-even" | "down" | "up";
  places: number;
  /** Where a pro rata split's odd cents go (default "largest remainder"). */
  oddCents?: "largest remainder" | "first class";
}

/** The default rule: to the cent, half-up. */
export const CENT_HALF_UP: RoundingRule = { mode: "half-up", places: 2 };

const MODES: Record<RoundingRule["mode"], BaseDecimal.Rounding> = {
  "half-up": BaseDecimal.ROUND_HALF_UP,
  "half-even": BaseDecimal.ROUND_HALF_EVEN,
  down: BaseDecimal.ROUND_DOWN,
  up: BaseDecimal.ROUND_UP,
};

/** Rounds `x` under `rule` (default: to the cent, half-up). */
export function round(x: Decimal, rule: RoundingRule = CENT_HALF_UP): Decimal {
  return x.toDecimalPlaces(rule.places, MODES[rule.mode]);
}

/** Rounds to the cent, half-up. */
export function cents(x: Decimal): Money {
  return x.toDecimalPlaces(2, BaseDecimal.ROUND_HALF_UP);
}

/**
 * Parses a decimal string ("1250000.00", "-3.5") into a Decimal.
 * @throws Error if the text is not a finite decimal number.
 */
export function dec(text: string | Decimal): Decimal {
  if (typeof text !== "string") return text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) {
    throw new Error(`not a decimal number: "${text}"`);
  }
  return new Decimal(text.trim());
}

/** Parses a money literal as written in agreements ("$1,250,000.00", "$0") into dollars. */
export function parseMoneyLiteral(text: string): Money {
  return dec(text.replace(/[$,]/g, ""));
}

/** Parses a percent literal ("0.50%") into a decimal fraction (0.005). */
export function parsePercentLiteral(text: string): Decimal {
  return dec(text.replace(/%$/, "")).div(100);
}

/** The larger of two Decimals. */
export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/** The smaller of two Decimals. */
export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

/** Sum of Decimals (zero for none). */
export function sum(xs: Iterable<Decimal>): Decimal {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/** Formats dollars as a fixed two-place decimal string ("1250000.00"), the JSON form of money. */
export function moneyString(x: Decimal): string {
  return cents(x).toFixed(2);
}

/** Formats dollars for people: "$1,250,000.00" (negative as "-$5.00"). */
export function formatMoney(x: Decimal): string {
  const s = cents(x).abs().toFixed(2);
  const [int, frac] = s.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x.isNeg() && !cents(x).isZero() ? "-" : ""}$${grouped}.${frac}`;
}

/**
 * Formats dollars for people exactly as far as they matter: "$1,250,000.00" when the amount is a
 * whole number of cents, else with every digit it has ("$33.33333333333333333333333333333333",
 * "-$0.001"), so a figure shown beside a comparison never contradicts the comparison's outcome
 * (docs/rounding.md, "Shown figures").
 */
export function formatMoneyExact(x: Decimal): string {
  if (cents(x).eq(x)) return formatMoney(x);
  const s = x.abs().toFixed();
  const [int, frac = ""] = s.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x.isNeg() ? "-" : ""}$${grouped}.${frac.padEnd(2, "0")}`;
}

/** Formats a decimal fraction as a percent with `places` decimals: 0.005 → "0.50%". */
export function formatPercent(x: Decimal, places = 4): string {
  return `${x.times(100).toFixed(places)}%`;
}

/**
 * Splits `amount` among shares proportional to `weights`, each share rounded down to the cent and
 * the leftover cents given one at a time to the largest remainders (ties to the earlier share),
 * so the shares always add up to `amount` (which must already be in whole cents). With
 * `oddCents` "first class" the leftover cents go one each to the first shares in order instead.
 * With all weights zero the split is equal. Returns one share per weight, in order.
 */
export function splitProRata(
  amount: Money,
  weights: readonly Decimal[],
  oddCents: "largest remainder" | "first class" = "largest remainder",
): Money[] {
  const n = weights.length;
  if (n === 0) return [];
  const total = sum(weights);
  const w = total.isZero() ? weights.map(() => ONE) : weights;
  const tw = total.isZero() ? new Decimal(n) : total;
  const exact = w.map((wi) => amount.times(wi).div(tw));
  const floors = exact.map((e) => e.toDecimalPlaces(2, BaseDecimal.ROUND_DOWN));
  let left = amount.minus(sum(floors)).times(100).round().toNumber(); // a count of cents
  const order =
    oddCents === "first class"
      ? exact.map((_, i) => ({ i })).filter(({ i }) => !w[i]!.isZero())
      : exact.map((e, i) => ({ i, r: e.minus(floors[i]!) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  const out = floors.slice();
  for (let k = 0; left > 0 && k < order.length; k++, left--) {
    const i = order[k]!.i;
    out[i] = out[i]!.plus("0.01");
  }
  return out;
}
