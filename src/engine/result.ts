/**
 * What a run produces: per Distribution Date, every class's distributions and balance, every
 * section's clauses (due, paid, remaining, with the version in force), and every defined term's
 * value with its version and inputs. Money is Decimal dollars, already rounded to the cent where
 * the rounding policy says; the report stage turns it into text.
 */
import type { Decimal } from "../core/money.ts";
import type { ClassId, ClauseId, SectionId, VersionId } from "../core/ids.ts";
import type { Unit } from "../core/vocabulary.ts";
import type { CollateralPeriod } from "../collateral/types.ts";
import type { Ref } from "../model/refs.ts";
import type { DealModel } from "../model/types.ts";
import type { Scenario } from "../scenario/scenario.ts";

/** A value of a formula: money, rates, proportions and counts are Decimals; conditions booleans. */
export type Value = Decimal | boolean;

/** One input a value was computed from: what was read (by id, `report/describe.ts` words it) and its value. */
export interface TraceInput {
  ref: Ref;
  value: Value;
}

/** A defined term's value on one Distribution Date. */
export interface TermResult {
  value: Value;
  unit: Unit;
  /** The version in force (its instrument, item and effective date: `model.versions[version]`). */
  version: VersionId;
  inputs: TraceInput[];
}

/** What one clause did to one class. */
export interface ClassPayment {
  class: ClassId;
  kind: "interest" | "principal" | "basis risk" | "loss reimbursement" | "write-down" | "other";
  amount: Decimal;
}

/** One clause on one Distribution Date. */
export interface ClauseResult {
  id: ClauseId;
  /** The version in force (`model.versions[version]`). */
  version: VersionId;
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
  id: SectionId;
  title?: string;
  /** The source amount (zero for a loss-allocation section). */
  available: Decimal;
  /** What the section passed on after its last clause (to its residual class). */
  released: Decimal;
  releasedTo?: ClassId;
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
  /** The wording that governs this date: an index into `model.views`. */
  view: number;
  collateral: CollateralPeriod;
  classes: Record<string, ClassResult>;
  sections: SectionResult[];
  terms: Record<string, TermResult>;
}

/** A whole run. */
export interface RunResult {
  /** Why the run stopped: every class with a balance retired, the collateral data ran out, or the --periods limit. */
  stopped: "certificates retired" | "collateral exhausted" | "period limit";
  /** The deal that ran, resolved: reports read ids and versions through it. */
  model: DealModel;
  /** The scenario the collateral was made under, when it was made from one. */
  scenario?: Scenario;
  /** Where the collateral came from, in words ("projection at 100% of the pricing prepayment assumption, 0% CDR, …"). */
  collateralSource: string;
  periods: PeriodResult[];
}
