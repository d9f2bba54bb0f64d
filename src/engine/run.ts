/**
 * The engine's entry point: evaluates a versioned agreement on collateral cash flows, one
 * Distribution Date after another, each under the agreement's wording in force on that date,
 * until the certificates are retired or the collateral runs out.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { Decimal, ZERO } from "../core/money.ts";
import { scheduleDate, type DistributionSchedule } from "../collateral/calendar.ts";
import type { CollateralPeriod } from "../collateral/types.ts";
import { viewOn, type VersionedAgreement } from "../amend/amend.ts";
import { amendmentsInForce } from "../amend/in-force.ts";
import type { AgreementView } from "../semantics/view.ts";
import { DistributionDateRun, type Carry } from "./period.ts";
import type { RunResult } from "./result.ts";

/** Options of `run`. */
export interface RunOptions {
  /** The deal's name in the result (its directory name). */
  deal: string;
  /** Collections for Distribution Dates 1, 2, … (from the projection or a CSV). */
  collateral: readonly CollateralPeriod[];
  /** How the collateral was obtained, for the report. */
  collateralSource: string;
  /** Stop after this many Distribution Dates at most. */
  maxPeriods?: number;
  /** Index values (annual decimals) overriding the agreement's assumed values. */
  indexRates?: Record<string, Decimal>;
}

/** The Distribution Date calendar of the agreement. @throws PactaError if the calendar is incomplete. */
export function scheduleOf(va: VersionedAgreement): DistributionSchedule {
  const cal = va.views[0]!.calendar;
  if (!cal?.firstDistributionDate || !cal.distributionDay || !cal.closingDate)
    throw new PactaError([
      diag("PA2008", cal?.loc ?? va.base.loc, {
        message:
          "the agreement's calendar needs a closing date, a first Distribution Date and the day of the month of Distribution Dates",
        hint: "add a `calendar` with `closing date …`, `first Distribution Date …` and `Distribution Dates on day 25 of each month, or the next Business Day`",
      }),
    ]);
  return {
    firstDistributionDate: cal.firstDistributionDate,
    dayOfMonth: cal.distributionDay,
    closingDate: cal.closingDate,
    rollToBusinessDay: cal.nextBusinessDay,
  };
}

function viewLabel(va: VersionedAgreement, view: AgreementView): string {
  if (view.asOf === undefined) return "Agreement";
  return `Agreement as amended by ${amendmentsInForce(va, view.asOf)
    .map((a) => a.title)
    .join(", ")}`;
}

/**
 * Runs the deal. Returns every Distribution Date's result.
 * @throws PactaError (PA4001 cycle, PA4002 evaluation error) with the Distribution Date and location.
 */
export function run(va: VersionedAgreement, opts: RunOptions): RunResult {
  const schedule = scheduleOf(va);
  const base = va.views[0]!;
  const classes = [...base.classes.values()];
  const cutoffBalances = new Map([...base.groups.values()].map((g) => [g.name, new Decimal(g.cutoffBalance ?? 0)]));
  const indexRates = new Map([...base.indexes.values()].map((i) => [i.name, new Decimal(i.assumed)]));
  for (const [k, v] of Object.entries(opts.indexRates ?? {})) indexRates.set(k, v);
  const debtClasses = classes.filter((c) => !c.residual && c.originalBalance !== undefined);

  const result: RunResult = {
    deal: opts.deal,
    agreement: va.base.title,
    amendments: va.amendments.map((a) => ({ title: a.title, dated: a.dated })),
    collateralSource: opts.collateralSource,
    stopped: "collateral exhausted",
    periods: [],
  };
  let carry: Carry = { classes: new Map(), terms: new Map() };
  const last = Math.min(opts.collateral.length, opts.maxPeriods ?? Infinity);
  for (let n = 1; n <= last; n++) {
    const date = scheduleDate(schedule, n);
    const view = viewOn(va, date);
    const period = new DistributionDateRun({
      view,
      viewLabel: viewLabel(va, view),
      units: va.units,
      schedule,
      classes,
      cutoffBalances,
      indexRates,
      number: n,
      distributionDate: date,
      collateral: opts.collateral[n - 1]!,
      carry,
    }).evaluate();
    result.periods.push(period.result);
    carry = period.carry;
    const retired = debtClasses.every((c) => (carry.classes.get(c.name)?.balance ?? ZERO).isZero());
    if (retired) {
      result.stopped = "certificates retired";
      break;
    }
    if (n === last && last < opts.collateral.length) result.stopped = "period limit";
  }
  return result;
}
