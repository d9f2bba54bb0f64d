/**
 * The words of the language that every stage shares: the collateral and class figures a formula
 * can read, how an amount is spread over classes, the units of values, day counts. Plain string
 * unions, no behaviour, so the syntax, the resolved model, the engine and the reports name the
 * same things the same way without depending on one another.
 */

/** A value's unit. Money is dollars; Rate an annual rate (decimal); Percentage a proportion; Count a whole number; Fraction a day count fraction of a year. `Money × Rate` is MoneyPerAnnum. */
export type Unit = "Money" | "Rate" | "Percentage" | "Count" | "Fraction" | "Date" | "Boolean" | "MoneyPerAnnum";

/** Fields of a loan group's collateral for the Due Period. */
export type CollateralField =
  | "stated principal balance" // at the start of the Due Period (before this date's principal)
  | "stated principal balance after distributions" // at the end of the Due Period
  | "cut-off balance"
  | "scheduled principal"
  | "principal prepayments"
  | "net liquidation proceeds"
  | "realized losses"
  | "interest collections"
  | "servicing fee"
  | "net mortgage rate";

/** Per-class quantities a formula can read. */
export type ClassField =
  | "certificate principal balance" // before distributions on this date
  | "certificate principal balance after distributions"
  | "original certificate principal balance"
  | "interest due" // Accrued Certificate Interest plus unpaid interest from prior dates
  | "basis risk shortfall carry-forward"
  | "unpaid realized losses";

/** The per-class amounts a clause can pay as due, class by class. */
export type PerClassDue = "interest due" | "basis risk shortfall carry-forward" | "unpaid realized losses";

/** Comparison operators, read "is less than" etc. */
export type CompareOp = "<" | "<=" | ">" | ">=" | "=";

/** How an amount is spread over a list of classes. */
export type Allocation = "sequentially" | "pro rata" | "pro rata by balance" | "pro rata by amount due";

/** Day count conventions of pass-through rates and `day count fraction`. */
export type DayCount = "30/360" | "actual/360";

/** Where the odd cents of a pro rata split go. */
export type OddCents = "largest remainder" | "first class";
