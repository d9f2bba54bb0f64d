/**
 * What a run produces: per Distribution Date, every class's distributions and balance, every
 * section's clauses (due, paid, remaining, with the version in force), and every defined term's
 * value with its version and inputs. Money is Decimal dollars, already rounded to the cent where
 * the rounding policy says; the report stage turns it into text.
 */
import type { Decimal } from "../core/money.ts";
import type { SourceLocation } from "../core/diagnostics.ts";
import type { Unit } from "../semantics/units.ts";
import type { CollateralPeriod } from "../collateral/types.ts";

/** A value of a formula: money, rates, proportions and counts are Decimals; conditions booleans. */
export type Value = Decimal | boolean;

/** One input a value was computed from: a term, a collateral figure, a clause amount, a class figure. */
export interface TraceInput {
  /** "term" | "prior" | "collateral" | "clause" | "class" | "index" | "calendar". */
  kind: "term" | "prior" | "collateral" | "clause" | "class" | "index" | "calendar";
  /** What was read, as a reader would say it: `"Group I Excess Cash Flow"`, `available at 4.02(c)(xii)`. */
  what: string;
  value: Value;
}

/** A defined term's value on one Distribution Date. */
export interface TermResult {
  value: Value;
  unit: Unit;
  /** The version in force: "Agreement" or "Amendment Number One, item 2". */
  version: string;
  loc: SourceLocation;
  inputs: TraceInput[];
}

/** What one clause did to one class. */
export interface ClassPayment {
  class: string;
  kind: "interest" | "principal" | "basis risk" | "loss reimbursement" | "write-down" | "other";
  amount: Decimal;
}

/** One clause on one Distribution Date. */
export interface ClauseResult {
  id: string;
  version: string;
  loc: SourceLocation;
  /** Whether its condition held (true when it has none). */
  applies: boolean;
  /** The amount the clause calls for, rounded per its rounding rule. */
  due: Decimal;
  paid: Decimal;
  /** due − paid (what the clause could not pay for want of cash or of balances). */
  shortfall: Decimal;
  /** What the section had before and after the clause. */
  remainingBefore: Decimal;
  remaining: Decimal;
  payments: ClassPayment[];
  inputs: TraceInput[];
}

/** One section on one Distribution Date. */
export interface SectionResult {
  id: string;
  title?: string;
  /** The source amount (zero for a loss-allocation section). */
  available: Decimal;
  /** What the section passed on after its last clause (to its residual class). */
  released: Decimal;
  releasedTo?: string;
  /** The remainder's own clause number, when the agreement gives one ("4.02(c)(xvi)"). */
  releasedBy?: string;
  clauses: ClauseResult[];
}

/** One class on one Distribution Date. */
export interface ClassResult {
  /** Certificate Principal Balance before distributions (notional amount for an interest-only class). */
  beginningBalance: Decimal;
  /** True for an interest-only class, whose `beginningBalance` is its notional amount. */
  notional: boolean;
  accruedInterest: Decimal;
  interest: Decimal;
  principal: Decimal;
  /** Interest due (current and carried) left unpaid after this date. */
  interestShortfall: Decimal;
  /** New Basis Risk Shortfall of this date, and the carry-forward left unpaid after it. */
  basisRiskShortfall: Decimal;
  basisRiskCarryForward: Decimal;
  basisRiskPaid: Decimal;
  /** Realized Losses allocated (written down) this date, and reimbursements of earlier ones. */
  realizedLoss: Decimal;
  lossReimbursement: Decimal;
  unpaidRealizedLoss: Decimal;
  /** Residual distributions (released amounts). */
  other: Decimal;
  /** Certificate Principal Balance after distributions and write-downs. */
  balance: Decimal;
  /** The pass-through rate applied (after any cap), annual decimal. */
  rate: Decimal;
}

/** One Distribution Date. */
export interface PeriodResult {
  number: number;
  distributionDate: string;
  /** The agreement version that governs this date ("Agreement" or the last amendment in force). */
  agreementVersion: string;
  collateral: CollateralPeriod;
  classes: Record<string, ClassResult>;
  sections: SectionResult[];
  terms: Record<string, TermResult>;
}

/** A whole run. */
export interface RunResult {
  /** Why the run stopped: every class with a balance retired, the collateral data ran out, or the --periods limit. */
  stopped: "certificates retired" | "collateral exhausted" | "period limit";
  deal: string;
  agreement: string;
  amendments: { title: string; dated: string }[];
  /** Where the collateral came from ("projection at 100% PPC, 0% CDR" or a CSV path). */
  collateralSource: string;
  periods: PeriodResult[];
}
