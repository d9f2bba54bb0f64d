/**
 * The abstract syntax of pacta: plain data, no behaviour. Every node carries its source location
 * (`loc`). Literal values stay as decimal strings here (syntax knows nothing of money); the
 * semantics stage turns them into Decimals.
 */
import type { SourceLocation } from "../core/diagnostics.ts";
import type { Allocation, ClassField, CollateralField, CompareOp } from "../core/vocabulary.ts";

export type { Allocation, ClassField, CollateralField, CompareOp };

/** Where a provision's words or figures come from. */
export type Provenance = "deal" | "shelf" | "amendment" | "reconstructed";

/** Rounding declared on a provision: "rounded down to the cent", "rounded half-up to the dollar". */
export interface RoundingDecl {
  mode: "half-up" | "half-even" | "down" | "up";
  places: number;
  /** Where the odd cents of a pro rata split go: to the largest remainders (default) or to the first class. */
  oddCents?: "largest remainder" | "first class";
  loc: SourceLocation;
}

// ---------------------------------------------------------------- expressions

/** A literal with its unit as written: `$1,250,000.00` money, `0.50%` a percentage, `0.50% per annum` a rate. */
export type Literal =
  | { kind: "money"; value: string; loc: SourceLocation }
  | { kind: "percent"; value: string; loc: SourceLocation } // a proportion, as a decimal string ("0.005")
  | { kind: "rate"; value: string; loc: SourceLocation } // annual rate, as a decimal string
  | { kind: "number"; value: string; loc: SourceLocation }
  | { kind: "date"; value: string; loc: SourceLocation }
  | { kind: "boolean"; value: boolean; loc: SourceLocation };

/** Which Distribution Dates a case of a `for … otherwise` applies to. */
export type PeriodSelector =
  | { kind: "first"; count: number; loc: SourceLocation } // the first N Distribution Dates
  | { kind: "range"; from: number; to: number; loc: SourceLocation } // Distribution Dates N through M
  | { kind: "onOrAfter"; ordinal: number; loc: SourceLocation } // Distribution Dates on or after the Nth
  | { kind: "single"; ordinal: number; loc: SourceLocation }; // the thirteenth Distribution Date

/** An expression: a formula of a definition, an amount due, a condition. */
export type Expr =
  | Literal
  | { kind: "term"; name: string; loc: SourceLocation } // "Group I Excess Cash Flow"
  | { kind: "index"; name: string; loc: SourceLocation } // index "One-Month LIBOR"
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr; loc: SourceLocation }
  | { kind: "negate"; operand: Expr; loc: SourceLocation }
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr; loc: SourceLocation }
  | { kind: "logical"; op: "and" | "or"; left: Expr; right: Expr; loc: SourceLocation }
  | { kind: "not"; operand: Expr; loc: SourceLocation }
  | { kind: "lesserOf" | "greaterOf" | "sumOf"; args: Expr[]; labels: (string | undefined)[]; loc: SourceLocation }
  | { kind: "excessOf"; minuend: Expr; subtrahend: Expr; loc: SourceLocation } // the excess, if any, of A over B
  | { kind: "available"; provision: string; provisionLoc: SourceLocation; loc: SourceLocation } // amount a section has on reaching a clause
  | { kind: "paid"; provision: string; provisionLoc: SourceLocation; loc: SourceLocation } // amount a clause paid
  | { kind: "prior"; name: string; initially?: Expr; loc: SourceLocation } // value as of the previous Distribution Date
  | { kind: "collateral"; field: CollateralField; group: string; groupLoc: SourceLocation; loc: SourceLocation }
  | { kind: "classField"; field: ClassField; classes: ClassRef[]; loc: SourceLocation }
  | { kind: "periodNumber"; loc: SourceLocation } // the Distribution Date's number (1 = the first)
  | { kind: "dayCountFraction"; convention: "30/360" | "actual/360"; loc: SourceLocation }
  | { kind: "onOrAfter" | "before"; ordinal: number; loc: SourceLocation } // on or after the Nth Distribution Date
  | { kind: "onOrAfterDate" | "beforeDate"; date: string; loc: SourceLocation } // on or after 2005-02-25
  | { kind: "if"; condition: Expr; then: Expr; else: Expr; loc: SourceLocation }
  | { kind: "cases"; cases: { when: PeriodSelector; value: Expr }[]; otherwise: Expr; loc: SourceLocation }
  | { kind: "paren"; inner: Expr; loc: SourceLocation };

/** A class named in a clause or formula. */
export interface ClassRef {
  name: string;
  loc: SourceLocation;
}

// ---------------------------------------------------------------- provisions

/** Legal text attached to a provision, verbatim (quotes removed, escapes resolved). */
export interface LegalText {
  text: string;
  loc: SourceLocation;
}

/** A defined term (Article I): "X" means <formula>. */
export interface Definition {
  kind: "definition";
  name: string;
  nameLoc: SourceLocation;
  provenance?: Provenance;
  text?: LegalText;
  reading?: LegalText; // how pacta reads words that admit two readings
  rounding?: RoundingDecl;
  means: Expr;
  loc: SourceLocation;
}

/** One step of recipients: `classes A-I-1, A-I-2 sequentially`. Steps after the first follow `then`. */
export interface RecipientStep {
  classes: ClassRef[];
  allocation: Allocation;
  loc: SourceLocation;
}

/** What a clause pays. Per-class amounts (interest due, …) are due class by class. */
export type PaymentAmount =
  | { kind: "interest due"; loc: SourceLocation }
  | { kind: "basis risk shortfall carry-forward"; loc: SourceLocation }
  | { kind: "unpaid realized losses"; loc: SourceLocation }
  | { kind: "amount"; expr: Expr; loc: SourceLocation };

/** A clause's action: pay an amount to classes, or (in a loss section) write balances down. */
export type Action =
  | {
      kind: "pay";
      amount: PaymentAmount;
      as: "principal" | "interest" | "other";
      to: RecipientStep[];
      untilReducedToZero: boolean;
      loc: SourceLocation;
    }
  | { kind: "writeDown"; amount: Expr; from: RecipientStep[]; loc: SourceLocation };

/** A waterfall clause: `clause (xii)` of its section. */
export interface Clause {
  kind: "clause";
  label: string; // "(xii)"
  id: string; // "4.02(c)(xii)", filled by the parser from the section
  labelLoc: SourceLocation;
  provenance?: Provenance;
  text?: LegalText;
  reading?: LegalText;
  condition?: Expr;
  rounding?: RoundingDecl;
  action: Action;
  loc: SourceLocation;
}

/** A priority of payments (`from` a source) or an allocation of losses (no source). */
export interface Section {
  kind: "section";
  id: string; // "4.02(c)"
  idLoc: SourceLocation;
  title?: string;
  provenance?: Provenance;
  text?: LegalText;
  source?: { name: string; loc: SourceLocation }; // the defined term whose amount the section distributes
  clauses: Clause[];
  remainderTo?: ClassRef; // who receives what is left (e.g. Class SB-I)
  remainderLabel?: string; // the remainder's clause number in the agreement, e.g. "(xvi)"
  remainderText?: LegalText; // the remainder clause's legal text
  loc: SourceLocation;
}

/** A provision kept as text only (e.g. Section 11.01(a)(vi)). */
export interface TextProvision {
  kind: "provision";
  id: string;
  idLoc: SourceLocation;
  title?: string;
  provenance?: Provenance;
  text: LegalText;
  loc: SourceLocation;
}

/** Prepayment assumption of a group: constant CPR, or a ramp (PPC-style), at a percent of the curve. */
export type PrepaymentSpec =
  | { kind: "cpr"; cpr: string; loc: SourceLocation }
  | { kind: "ramp"; multiple: string; startCpr: string; endCpr: string; rampMonths: number; loc: SourceLocation };

/** A loan group and its pool terms. */
export interface LoanGroup {
  kind: "group";
  name: string;
  nameLoc: SourceLocation;
  provenance?: Provenance;
  text?: LegalText;
  cutoffBalance?: string;
  cutoffBalanceLoc?: SourceLocation;
  mortgageRate?: string;
  adjustable?: {
    index: string;
    indexLoc: SourceLocation;
    grossMargin: string;
    firstAdjustmentMonth: number;
    resetMonths: number;
    periodicCap: string;
    lifetimeCap: string;
    floor: string;
  };
  servicingFee?: string;
  remainingTerm?: number;
  prepayment?: PrepaymentSpec;
  defaults?: { cdr: string; severity: string; lagMonths: number; loc: SourceLocation };
  loc: SourceLocation;
}

/** A certificate class. */
export interface ClassDecl {
  kind: "class";
  name: string;
  nameLoc: SourceLocation;
  provenance?: Provenance;
  text?: LegalText;
  group?: { name: string; loc: SourceLocation };
  originalBalance?: string; // dollars
  originalBalanceLoc?: SourceLocation;
  notional?: Expr; // interest-only classes: notional amount formula
  rate?: { expr: Expr; cap?: Expr; dayCount: "30/360" | "actual/360"; loc: SourceLocation };
  residual: boolean; // receives what a section releases (Class SB); no balance, no coupon
  rounding?: RoundingDecl; // how Accrued Certificate Interest is rounded (default: half-up to the cent)
  loc: SourceLocation;
}

/** A market index with the value assumed when no data is given. */
export interface IndexDecl {
  kind: "index";
  name: string;
  nameLoc: SourceLocation;
  provenance?: Provenance;
  assumed: string; // annual rate, decimal string
  text?: LegalText;
  loc: SourceLocation;
}

/** The deal's calendar. */
export interface Calendar {
  kind: "calendar";
  provenance?: Provenance;
  cutoffDate?: string;
  closingDate?: string;
  firstDistributionDate?: string;
  distributionDay?: number;
  nextBusinessDay: boolean;
  loc: SourceLocation;
}

/** Anything declared in an agreement's body. */
export type Declaration = Calendar | IndexDecl | LoanGroup | ClassDecl | Definition | Section | TextProvision;

/** A base agreement (a PSA). */
export interface Agreement {
  kind: "agreement";
  title: string;
  titleLoc: SourceLocation;
  provenance?: Provenance;
  series?: string;
  datedAsOf?: string;
  parties: { name: string; role: string; loc: SourceLocation }[];
  text?: LegalText;
  declarations: Declaration[];
  loc: SourceLocation;
}

// ---------------------------------------------------------------- amendments

/** What an amendment item does. `statement` items change nothing (e.g. "capitalized terms…"). */
export type Patch =
  | { kind: "statement" }
  | { kind: "replace definition"; definition: Definition }
  | { kind: "insert definition"; definition: Definition }
  | { kind: "delete definition"; name: string; nameLoc: SourceLocation }
  | { kind: "replace clause"; clause: Clause }
  | { kind: "insert clause"; clause: Clause; position: "after" | "before"; anchor: string; anchorLoc: SourceLocation }
  | { kind: "delete clause"; id: string; idLoc: SourceLocation }
  | { kind: "replace provision"; provision: TextProvision };

/** A numbered item of an amendment, as in the signed instrument. */
export interface AmendmentItem {
  number: number;
  numberLoc: SourceLocation;
  patch: Patch;
  /** The target's id or name ("4.02(d)(xiii)", "Group I Overcollateralization Increase Amount"). */
  target?: string;
  targetLoc?: SourceLocation;
  /** Effective date as written; undefined for "effective as of the date hereof" (the amendment's date). */
  effective?: string;
  text?: LegalText; // the item's own words (for statements, or the amending sentence)
  reading?: LegalText;
  loc: SourceLocation;
}

/** An amendment instrument. */
export interface Amendment {
  kind: "amendment";
  title: string;
  titleLoc: SourceLocation;
  to: string; // the amended agreement's title
  toLoc: SourceLocation;
  dated: string;
  pursuantTo?: string;
  pursuantLoc?: SourceLocation;
  text?: LegalText;
  items: AmendmentItem[];
  loc: SourceLocation;
}

/** A parsed .pacta file. */
export type SourceFile = Agreement | Amendment;
