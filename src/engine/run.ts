/**
 * The engine's entry point: evaluates a resolved deal (src/model/) on collateral cash flows, one
 * Distribution Date after another, each under the wording in force on that date, until the
 * certificates are retired or the collateral runs out.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import type { IndexId } from "../core/ids.ts";
import { Decimal, ZERO } from "../core/money.ts";
import type { DayCount } from "../core/vocabulary.ts";
import { accrualPeriod, scheduleDate, type DistributionSchedule } from "../collateral/calendar.ts";
import type { CollateralPeriod } from "../collateral/types.ts";
import type { DealModel } from "../model/types.ts";
import type { Scenario } from "../scenario/scenario.ts";
import { DistributionDateRun, type Accruals, type Carry } from "./period.ts";
import type { RunResult } from "./result.ts";

/** Options of `run`. */
export interface RunOptions {
  /** Collections for Distribution Dates 1, 2, … (from the projection or a CSV). */
  collateral: readonly CollateralPeriod[];
  /** How the collateral was obtained, for the report. */
  collateralSource: string;
  /** The scenario the collateral was made under, when it was (reports and analytics read it). */
  scenario?: Scenario;
  /** Stop after this many Distribution Dates at most. */
  maxPeriods?: number;
  /** Index values (annual decimals) overriding the agreement's assumed values, by index name. */
  indexRates?: Record<string, Decimal>;
}

/** The Distribution Date calendar of a deal. */
export function scheduleOf(model: DealModel): DistributionSchedule {
  const c = model.calendar;
  return {
    firstDistributionDate: c.firstDistributionDate,
    dayOfMonth: c.distributionDay,
    closingDate: c.closingDate,
    rollToBusinessDay: c.nextBusinessDay,
  };
}

/** Day count fractions of a schedule, each computed once (calendar arithmetic is the costly part of a date). */
function accrualsOf(schedule: DistributionSchedule): Accruals {
  const memo = new Map<string, Decimal>();
  return {
    fraction(convention: DayCount, n: number): Decimal {
      const key = `${convention}|${n}`;
      let v = memo.get(key);
      if (!v) {
        const kind = convention === "30/360" ? "calendar-month" : "distribution-date";
        v = accrualPeriod(kind, schedule, n, convention).fraction;
        memo.set(key, v);
      }
      return v;
    },
  };
}

/** The index of the view in force on `date` (YYYY-MM-DD): the last whose effective date is on or before it. */
export function viewIndexOn(model: DealModel, date: string): number {
  let out = 0;
  model.views.forEach((v, i) => {
    if (v.asOf === undefined || v.asOf <= date) out = i;
  });
  return out;
}

/**
 * Runs the deal. Returns every Distribution Date's result.
 * @throws PactaError (PA4001 cycle, PA4002 evaluation error) with the Distribution Date and location.
 */
export function run(model: DealModel, opts: RunOptions): RunResult {
  const schedule = scheduleOf(model);
  const accruals = accrualsOf(schedule);
  const indexRates = new Map<IndexId, Decimal>([...model.indexes.values()].map((i) => [i.id, i.assumed]));
  for (const [k, v] of Object.entries(opts.indexRates ?? {})) indexRates.set(k as IndexId, v);
  const debtClasses = [...model.classes.values()].filter((c) => !c.residual && c.originalBalance !== undefined);

  const result: RunResult = {
    model,
    ...(opts.scenario ? { scenario: opts.scenario } : {}),
    collateralSource: opts.collateralSource,
    stopped: "collateral exhausted",
    periods: [],
  };
  let carry: Carry = { classes: new Map(), terms: new Map() };
  const last = Math.min(opts.collateral.length, opts.maxPeriods ?? Infinity);
  for (let n = 1; n <= last; n++) {
    const date = scheduleDate(schedule, n);
    let period: ReturnType<DistributionDateRun["evaluate"]>;
    try {
      period = new DistributionDateRun({
        model,
        viewIndex: viewIndexOn(model, date),
        accruals,
        indexRates,
        number: n,
        distributionDate: date,
        collateral: opts.collateral[n - 1]!,
        carry,
      }).evaluate();
    } catch (e) {
      // Terms that read clause amounts are evaluated on demand, recursively; a chain of thousands of them can exhaust the stack.
      if (!(e instanceof RangeError)) throw e;
      throw new PactaError([
        diag("PA4002", model.instruments[0]!.loc, {
          message: `Distribution Date ${n} (${date}): the chain of definitions that read clause amounts is too long to evaluate`,
          hint: "shorten the chain: give intermediate amounts that read no clause their own definitions",
        }),
      ]);
    }
    result.periods.push(period.result);
    carry = period.carry;
    if (debtClasses.every((c) => (carry.classes.get(c.id)?.balance ?? ZERO).isZero())) {
      result.stopped = "certificates retired";
      break;
    }
    if (n === last && last < opts.collateral.length) result.stopped = "period limit";
  }
  return result;
}
