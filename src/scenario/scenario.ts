/**
 * A run's assumptions as one typed value: what the projection assumes (a prepayment speed, a
 * default rate, a loss severity and a recovery lag), or the remittance data that replaces it.
 * Built and validated in one place (`scenarioFromOptions`), turned into collections by
 * `collateralFor`, and worded once (`describeScenario`); nothing parses the words back.
 */
import type { Decimal } from "../core/money.ts";

/** The prepayment assumption: a constant CPR, or a multiple of the deal's pricing curve (100% PPC = 1). */
export type PrepaymentAssumption =
  /** Constant prepayment rate, annual decimal (0.20 = 20% CPR), for every group. */
  | { kind: "cpr"; cpr: Decimal }
  /** A multiple of each group's stated pricing assumption (1.5 = 150% PPC). */
  | { kind: "pricing"; multiple: Decimal }
  /** A multiple of the PSA benchmark (1.5 = 150% PSA), by projection month. */
  | { kind: "psa"; multiple: Decimal };

/** A projection of the loans under assumptions. */
export interface ProjectionScenario {
  kind: "projection";
  prepayment: PrepaymentAssumption;
  /** Constant default rate, annual decimal (0.05 = 5% CDR); ignored when `sda` is given. */
  cdr: Decimal;
  /** A multiple of the Standard Default Assumption curve (1 = 100% SDA), instead of a constant CDR. */
  sda?: Decimal;
  /** Loss severity on liquidation, decimal (0.35 = 35%). */
  severity: Decimal;
  /** Months from default to liquidation. */
  recoveryLagMonths: number;
  /** Whether the servicer advances principal and interest on defaulted loans until liquidation (default true). */
  advancing: boolean;
  /**
   * The optional termination (clean-up call), when the run goes to the call: exercised on the
   * first Distribution Date whose aggregate Stated Principal Balance is at or below this share of
   * the aggregate Cut-off Date balance (0.10 = 10%, RS1's shelf), the loans being purchased at
   * their unpaid principal balance.
   */
  cleanUpCall?: Decimal;
}

/** Actual collections, read from a remittance CSV (docs/collateral.md). */
export interface RemittanceScenario {
  kind: "remittance";
  /** The CSV's path, as given. */
  file: string;
}

/** What a run assumes about the collateral. */
export type Scenario = ProjectionScenario | RemittanceScenario;
