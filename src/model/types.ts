/**
 * The resolved deal model: what `lower` makes of a versioned agreement once the checks and the
 * amend stage have accepted it, and what the engine, the compiler and the reports read.
 *
 * - Every name is a typed id (src/core/ids.ts) that is known to exist.
 * - Every literal and every pool or class figure is a Decimal, parsed once.
 * - Every provision version is a node with its instrument, item, effective date and location.
 * - A Distribution Date's wording is a `DateView`: a small table from ids to versions.
 *
 * Money is Decimal dollars; rates are annual decimals (0.0845 = 8.45% per annum); percentages
 * proportions (0.5 = 50%); terms counts of months.
 */
import type { SourceLocation } from "../core/diagnostics.ts";
import type {
  ClassId,
  ClauseId,
  GroupId,
  IndexId,
  InstrumentId,
  ProvisionId,
  SectionId,
  TermId,
  VersionId,
} from "../core/ids.ts";
import type { Decimal, RoundingRule } from "../core/money.ts";
import type { PoolTerms, PrepaymentCurve } from "../collateral/types.ts";
import type {
  Allocation,
  ClassField,
  CollateralField,
  CompareOp,
  DayCount,
  OddCents,
  PerClassDue,
  Unit,
} from "../core/vocabulary.ts";

// ---------------------------------------------------------------- expressions

/** Which Distribution Dates a case of a `for … otherwise` applies to (1 = the first date). */
export type DateSelector =
  | { kind: "first"; count: number }
  | { kind: "range"; from: number; to: number }
  | { kind: "onOrAfter"; ordinal: number }
  | { kind: "single"; ordinal: number };

/**
 * A resolved formula. Literals are Decimals; names are ids; parentheses are gone. Every node keeps
 * the location of the words it was lowered from, for run-time errors (division by zero).
 */
export type MExpr = (
  | { kind: "number"; value: Decimal }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: string }
  | { kind: "term"; term: TermId }
  | { kind: "index"; index: IndexId }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: MExpr; right: MExpr }
  | { kind: "negate"; operand: MExpr }
  | { kind: "compare"; op: CompareOp; left: MExpr; right: MExpr }
  | { kind: "logical"; op: "and" | "or"; left: MExpr; right: MExpr }
  | { kind: "not"; operand: MExpr }
  | { kind: "lesserOf" | "greaterOf" | "sumOf"; args: MExpr[] }
  | { kind: "excessOf"; minuend: MExpr; subtrahend: MExpr }
  | { kind: "available" | "paid"; clause: ClauseId }
  | { kind: "prior"; term: TermId; initially?: MExpr }
  | { kind: "collateral"; group: GroupId; field: CollateralField }
  | { kind: "classField"; field: ClassField; classes: ClassId[] }
  | { kind: "periodNumber" }
  | { kind: "dayCountFraction"; convention: DayCount }
  | { kind: "onOrAfter" | "before"; ordinal: number }
  | { kind: "onOrAfterDate" | "beforeDate"; date: string }
  | { kind: "if"; condition: MExpr; then: MExpr; else: MExpr }
  | { kind: "cases"; cases: { when: DateSelector; value: MExpr }[]; otherwise: MExpr }
) & { loc: SourceLocation };

// ---------------------------------------------------------------- declarations

/** Legal words attached to a provision, verbatim. */
export interface Words {
  text: string;
  loc: SourceLocation;
}

/** Where a provision's words or figures come from, as the deal files tag them. */
export type Provenance = "deal" | "shelf" | "amendment" | "reconstructed";

/** A defined term: its id, unit and every version it has had. */
export interface TermSymbol {
  id: TermId;
  unit: Unit;
  /** Versions oldest first (the base agreement's first when it defines the term). */
  versions: VersionId[];
  /** Where the term is first defined. */
  loc: SourceLocation;
}

/** A clause, across its versions. */
export interface ClauseSymbol {
  id: ClauseId;
  section: SectionId;
  /** The label within its section: "(xii)". */
  label: string;
  versions: VersionId[];
}

/** A waterfall section: a priority of payments (with a source) or an allocation of losses. */
export interface SectionModel {
  id: SectionId;
  title?: string;
  /** The defined term whose amount the section distributes; absent for a loss-allocation section. */
  source?: { term: TermId; loc: SourceLocation };
  /** Who receives what is left after the last clause (a residual class). */
  remainderTo?: ClassId;
  /** The remainder's own clause number, when the agreement gives one: "(xvi)". */
  remainderLabel?: string;
  remainderText?: Words;
  text?: Words;
  provenance?: Provenance;
  loc: SourceLocation;
}

/** A certificate class. */
export interface ClassModel {
  id: ClassId;
  group?: GroupId;
  /** Original Certificate Principal Balance, dollars; absent for residual and interest-only classes. */
  originalBalance?: Decimal;
  /** Interest-only classes: the notional amount formula. */
  notional?: MExpr;
  /** Pass-through rate (annual decimal), its cap, and the day count of accrual. */
  rate?: { expr: MExpr; cap?: MExpr; dayCount: DayCount };
  /** Receives what a section releases; no balance, no coupon. */
  residual: boolean;
  /** How Accrued Certificate Interest is rounded (default half-up to the cent). */
  rounding: RoundingRule;
  text?: Words;
  provenance?: Provenance;
  loc: SourceLocation;
}

/** A loan group: its pool terms and pricing assumption, parsed (src/collateral/types.ts). */
export interface GroupModel {
  id: GroupId;
  /** Cut-off balance (dollars), mortgage and servicing fee rates (annual decimals), remaining term (months), rate resets. */
  pool: PoolTerms;
  /** The deal's pricing prepayment assumption (100% PPC), when the group states one. */
  pricing?: PrepaymentCurve;
  text?: Words;
  provenance?: Provenance;
  loc: SourceLocation;
}

/** A market index and the value assumed when the collateral data gives none (annual decimal). */
export interface IndexModel {
  id: IndexId;
  assumed: Decimal;
  text?: Words;
  loc: SourceLocation;
}

/** The deal's calendar. Dates are YYYY-MM-DD. */
export interface CalendarModel {
  cutoffDate?: string;
  closingDate: string;
  firstDistributionDate: string;
  /** Day of the month of Distribution Dates (25). */
  distributionDay: number;
  /** Whether a Distribution Date on a non-Business Day moves to the next Business Day. */
  nextBusinessDay: boolean;
  loc: SourceLocation;
}

/** An instrument: the base agreement (id 0) or an amendment. */
export interface Instrument {
  id: InstrumentId;
  kind: "agreement" | "amendment";
  title: string;
  /** The instrument's date (YYYY-MM-DD); for the agreement, its "dated as of" when stated. */
  dated?: string;
  loc: SourceLocation;
}

// ---------------------------------------------------------------- provisions and their versions

/** The provision a version belongs to. */
export type ProvisionRef =
  { kind: "term"; term: TermId } | { kind: "clause"; clause: ClauseId } | { kind: "provision"; provision: ProvisionId };

/** A defined term's wording in one version. */
export interface TermBody {
  kind: "term";
  means: MExpr;
  /** Declared rounding of the term's value; absent: full precision. */
  rounding?: RoundingRule;
  text?: Words;
  reading?: Words;
  provenance?: Provenance;
  nameLoc: SourceLocation;
  /** Where the definition is written. */
  loc: SourceLocation;
}

/** One step of recipients: classes taken sequentially or pro rata. */
export interface RecipientStep {
  classes: ClassId[];
  allocation: Allocation;
}

/** What a clause does: pay an amount to classes, or write balances down. */
export type ClauseAction =
  | {
      kind: "pay";
      amount: { kind: PerClassDue } | { kind: "amount"; expr: MExpr };
      as: "principal" | "interest" | "other";
      to: RecipientStep[];
      untilReducedToZero: boolean;
    }
  | { kind: "writeDown"; amount: MExpr; from: RecipientStep[] };

/** A waterfall clause's wording in one version. */
export interface ClauseBody {
  kind: "clause";
  label: string;
  condition?: MExpr;
  /** Rounding of the amount due (default half-up to the cent). */
  rounding: RoundingRule;
  oddCents: OddCents;
  action: ClauseAction;
  text?: Words;
  reading?: Words;
  provenance?: Provenance;
  labelLoc: SourceLocation;
  /** Where the clause is written. */
  loc: SourceLocation;
}

/** A text provision's wording in one version. */
export interface TextBody {
  kind: "provision";
  title?: string;
  text: Words;
  provenance?: Provenance;
  /** Where the provision is written. */
  loc: SourceLocation;
}

/** A node of the same-date dependency graph: a term or a clause. */
export type DepNode = { kind: "term"; term: TermId } | { kind: "clause"; clause: ClauseId };

/** One version of one provision. */
export interface Version {
  id: VersionId;
  provision: ProvisionRef;
  change: "original" | "replaced" | "inserted" | "deleted";
  instrument: InstrumentId;
  /** The amendment item that made it; absent for the base agreement. */
  item?: number;
  /** First date (YYYY-MM-DD) this wording governs; absent for the base agreement. */
  effective?: string;
  /** Where the wording is written. */
  loc: SourceLocation;
  /** The wording; absent once deleted. */
  body?: TermBody | ClauseBody | TextBody;
}

/** A section as in force on a date: its clauses' versions, in order. */
export interface SectionInForce {
  section: SectionId;
  clauses: VersionId[];
}

/**
 * The agreement as in force from one date on: which version of each provision governs. The first
 * view has no `asOf` (the base agreement, from the start).
 */
export interface DateView {
  asOf?: string;
  /** The instruments with a change in force on `asOf`, base agreement first. */
  instruments: InstrumentId[];
  terms: Map<TermId, VersionId>;
  sections: SectionInForce[];
  provisions: Map<ProvisionId, VersionId>;
  /** Every clause in force: its section's position and its index within it. */
  clauseAt: Map<ClauseId, { section: number; index: number }>;
  /**
   * Terms whose value depends on no clause of the date, in an order where each comes after what it
   * reads (so they can be evaluated one by one without deep recursion).
   */
  pureTermOrder: TermId[];
  /** Each term's and clause's same-date dependencies (the checker's rule, src/semantics/graph.ts). */
  dependencies: Map<string, DepNode[]>;
  /**
   * For each section (in `sections` order), the loan groups whose collateral its source amount
   * reads, directly or through other terms: the groups whose collections it distributes. Empty for
   * a loss-allocation section.
   */
  sourceGroups: GroupId[][];
}

/** A deal, resolved: what `lower` returns. */
export interface DealModel {
  /** The deal's name (its directory name). */
  name: string;
  /** The agreement's title. */
  title: string;
  series?: string;
  calendar: CalendarModel;
  instruments: Instrument[];
  indexes: Map<IndexId, IndexModel>;
  groups: Map<GroupId, GroupModel>;
  /** Classes in declaration order. */
  classes: Map<ClassId, ClassModel>;
  sections: Map<SectionId, SectionModel>;
  terms: Map<TermId, TermSymbol>;
  clauses: Map<ClauseId, ClauseSymbol>;
  provisions: Map<ProvisionId, { id: ProvisionId; versions: VersionId[] }>;
  /** Every provision version, by VersionId. */
  versions: Version[];
  /** Views in date order, the base agreement's first. */
  views: DateView[];
}
