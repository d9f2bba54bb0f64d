/**
 * Plain data that the collateral stage hands to the engine: what each loan group collected in the
 * Due Period (and Prepayment Period) behind each Distribution Date. All money in dollars, rounded
 * to the cent; rates annual, as decimals.
 */
import type { Decimal, Money } from "../core/money.ts";

/** Adjustable-rate terms of a loan group (Group II of RS1): rate = index + gross margin, capped. */
export interface AdjustableRateTerms {
  /** Name of the index, as declared in the agreement ("Six-Month LIBOR"). */
  index: string;
  /** Gross margin, annual decimal (0.0610 = 6.10%). */
  grossMargin: Decimal;
  /** Months after the cut-off date until the first Adjustment Date. */
  firstAdjustmentMonth: number;
  /** Months between Adjustment Dates after the first. */
  resetMonths: number;
  /** Largest change of the mortgage rate on one Adjustment Date, annual decimal. */
  periodicCap: Decimal;
  /** Highest mortgage rate over the life of the loans, annual decimal. */
  lifetimeCap: Decimal;
  /** Lowest mortgage rate, annual decimal. */
  floor: Decimal;
}

/** A loan group's pool terms as stated (or reconstructed) in the agreement. */
export interface PoolTerms {
  /** "Group I". */
  name: string;
  /** Aggregate Stated Principal Balance as of the Cut-off Date, dollars. */
  cutoffBalance: Money;
  /** Weighted average mortgage rate at the cut-off date, annual decimal. */
  mortgageRate: Decimal;
  /** Servicing fee plus master servicing fee, annual decimal; the net mortgage rate is the mortgage rate less this. */
  servicingFeeRate: Decimal;
  /** Weighted average remaining term to maturity, months. */
  remainingTermMonths: number;
  /** Present for adjustable-rate groups; fixed-rate otherwise. */
  adjustable?: AdjustableRateTerms;
}

/**
 * A constant prepayment speed: `cpr` (annual decimal, 0.23 = 23% CPR) in every month, times
 * `multiplier` (decimal, default 1).
 */
export interface ConstantCpr {
  kind: "constant";
  /** Annual conditional prepayment rate, decimal in [0, 1]. */
  cpr: Decimal;
  /** Scales the curve (1.5 = 150% of it); default 1. The scaled CPR must stay within [0, 1]. */
  multiplier?: Decimal;
}

/**
 * A PPC-style ramp: `startCpr` in month 1 rising linearly to `endCpr` in month `rampMonths`, flat
 * at `endCpr` after, all times `multiplier`. Month 1 is the first Due Period after the Cut-off
 * Date (loan seasoning is not modelled). Example: the home-equity 100% PPC of a 2002 deal is
 * `{ kind: "ramp", startCpr: 0.04, endCpr: 0.23, rampMonths: 12 }`; 150% PPC adds `multiplier: 1.5`.
 */
export interface RampCpr {
  kind: "ramp";
  /** CPR in month 1, annual decimal in [0, 1]. */
  startCpr: Decimal;
  /** CPR in month `rampMonths` and every month after, annual decimal in [0, 1]. */
  endCpr: Decimal;
  /** Month at which the ramp reaches `endCpr`; a whole number ≥ 1 (1 = flat at `endCpr`). */
  rampMonths: number;
  /** Scales the curve (1.5 = 150% PPC); default 1. The scaled CPR must stay within [0, 1]. */
  multiplier?: Decimal;
}

/**
 * The PSA benchmark (Standard Formulas SF-6): 0.2% CPR in month 1 rising by 0.2% a month to 6% in
 * month 30, flat after, times `multiplier` (1.5 = 150% PSA). Months are projection months (loan
 * seasoning is not modelled: month 1 is the first Due Period after the Cut-off Date).
 */
export interface PsaCpr {
  kind: "psa";
  multiplier?: Decimal;
}

/** A prepayment curve: the CPR of each projection month. */
export type PrepaymentCurve = ConstantCpr | RampCpr | PsaCpr;

/**
 * The Standard Default Assumption (SF-20) at `multiple` (1 = 100% SDA): an annual default rate by
 * month rising 0.02% a month to 0.60% at month 30, flat to month 60, falling to 0.03% at month 120,
 * flat after; none in the last `recoveryLagMonths` months.
 */
export interface SdaCurve {
  kind: "sda";
  multiple: Decimal;
}

/** A prepayment / default scenario. */
export interface Assumptions {
  /**
   * Prepayment speed: one constant CPR (annual decimal, 0.23 = 23% CPR) or one curve for every
   * group; or, by group name, a CPR or curve per group (then every group must be present).
   * Read it through `cprForMonth` / `prepaymentCurveFor` (src/collateral/prepayment.ts).
   */
  cpr: Decimal | PrepaymentCurve | Record<string, Decimal | PrepaymentCurve>;
  /** Default rate for every group: a constant CDR, annual decimal in [0, 1] (0.05 = 5% CDR), or a multiple of the SDA curve. */
  cdr: Decimal | SdaCurve;
  /** Loss severity on liquidation, decimal in [0, 1] (0.35 = 35% of the defaulted balance is lost). */
  severity: Decimal;
  /** Months from default to liquidation, a whole number ≥ 0 (0 = liquidated in the month of default). */
  recoveryLagMonths: number;
  /**
   * Whether the servicer advances the principal and interest of defaulted loans until they are
   * liquidated (default true, as the Standard Formulas' sample pools and RS1's shelf assume).
   * Without advancing, loans in foreclosure pay nothing and do not amortise.
   */
  advancing?: boolean;
  /** Index values (annual decimal) by index name, held flat; e.g. { "One-Month LIBOR": 0.0186 }. */
  indexRates: Record<string, Decimal>;
}

/** One loan group's collections for one Distribution Date. */
export interface GroupCollections {
  /** Aggregate Stated Principal Balance at the start of the Due Period (after the prior Distribution Date). */
  beginningBalance: Money;
  /** Scheduled principal received in the Due Period. */
  scheduledPrincipal: Money;
  /** Principal prepayments in full and in part received in the Prepayment Period. */
  prepayments: Money;
  /** Net Liquidation Proceeds applied to principal of loans liquidated in the period. */
  netLiquidationProceeds: Money;
  /** Realized Losses: principal of liquidated loans not recovered. */
  realizedLoss: Money;
  /** Interest collected, net of the servicing fee (the Interest Remittance Amount before any deductions). */
  interest: Money;
  /** Servicing fee retained (for reporting). */
  servicingFee: Money;
  /** Weighted average Net Mortgage Rate of the loans for the Due Period, annual decimal. */
  netMortgageRate: Decimal;
  /** Stated Principal Balance of loans that defaulted in the period (for reporting). */
  newDefaults: Money;
  /** Aggregate Stated Principal Balance at the end of the Due Period: beginning less all principal and losses. */
  endingBalance: Money;
}

/** Collections of all groups for one Distribution Date (period number counts from 1). */
export interface CollateralPeriod {
  number: number;
  groups: Record<string, GroupCollections>;
  /** Index values in effect for the period (annual decimal), by index name. */
  indexRates: Record<string, Decimal>;
}
