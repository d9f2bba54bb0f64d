/**
 * The collateral stage: what each loan group collects, month by month, either projected from pool
 * terms under a CPR/CDR/severity scenario (`project`) or read from actual remittance data
 * (`readCollateralCsv`); and the Distribution Date calendar the engine accrues interest on.
 */
export { project, type ProjectionOptions } from "./projection.ts";
export { readCollateralCsv } from "./csv.ts";
export { writeCollateralCsv } from "./csv-write.ts";
export { cprForMonth, monthlyRate, prepaymentCurveFor } from "./prepayment.ts";
export { scheduledPrincipal } from "./amortization.ts";
export { adjustRate, isAdjustmentMonth } from "./rate-reset.ts";
export {
  accrualDays,
  accrualPeriod,
  scheduleDate,
  bankHolidays,
  dayCountFraction,
  days30360,
  daysBetween,
  distributionDate,
  followingBusinessDay,
  isBusinessDay,
  scheduledDistributionDate,
  type AccrualKind,
  type AccrualPeriod,
  type DateLike,
  type DayCountConvention,
  type DistributionSchedule,
} from "./calendar.ts";
export type * from "./types.ts";
