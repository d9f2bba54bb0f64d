/**
 * Business Days: New York banking days, following the holiday schedule of the Federal Reserve
 * (the calendar RFC agreements use for "Business Day"). A fixed-date holiday that falls on a
 * Sunday is observed the Monday after; one that falls on a Saturday is not observed at all (the
 * Fed stays open the Friday before), so that Friday is a Business Day.
 */
import { Temporal } from "temporal-polyfill";

/** A calendar date, as an ISO string ("2002-05-28") or a Temporal.PlainDate. */
export type DateLike = string | Temporal.PlainDate;

/**
 * Reads a date. Strings must be exactly `YYYY-MM-DD` and a real calendar date.
 * @throws RangeError on anything else (callers validate user-written dates before this point).
 */
export function toPlainDate(date: DateLike): Temporal.PlainDate {
  if (typeof date !== "string") return date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return Temporal.PlainDate.from(date, { overflow: "reject" });
}

function nthWeekday(year: number, month: number, weekday: number, n: number): Temporal.PlainDate {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + 7 * (n - 1) });
}

function lastWeekday(year: number, month: number, weekday: number): Temporal.PlainDate {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const last = first.with({ day: first.daysInMonth });
  return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
}

/** Sunday → the Monday after; Saturday → not observed (Federal Reserve rule). */
function observed(year: number, month: number, day: number): Temporal.PlainDate | undefined {
  const d = Temporal.PlainDate.from({ year, month, day });
  if (d.dayOfWeek === 7) return d.add({ days: 1 });
  if (d.dayOfWeek === 6) return undefined;
  return d;
}

const MON = 1;
const THU = 4;
const cache = new Map<number, readonly string[]>();

/**
 * The observed New York bank (Federal Reserve) holidays of `year`, as sorted ISO dates: New Year's
 * Day, Martin Luther King Jr. Day (3rd Monday of January), Presidents Day (3rd Monday of
 * February), Memorial Day (last Monday of May), Juneteenth (June 19, from 2022), Independence
 * Day, Labor Day (1st Monday of September), Columbus Day (2nd Monday of October), Veterans Day,
 * Thanksgiving (4th Thursday of November) and Christmas. Fixed-date holidays move from Sunday to
 * Monday and are dropped when on a Saturday.
 */
export function bankHolidays(year: number): readonly string[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: (Temporal.PlainDate | undefined)[] = [
    observed(year, 1, 1),
    nthWeekday(year, 1, MON, 3),
    nthWeekday(year, 2, MON, 3),
    lastWeekday(year, 5, MON),
    year >= 2022 ? observed(year, 6, 19) : undefined,
    observed(year, 7, 4),
    nthWeekday(year, 9, MON, 1),
    nthWeekday(year, 10, MON, 2),
    observed(year, 11, 11),
    nthWeekday(year, 11, THU, 4),
    observed(year, 12, 25),
  ];
  const list = days
    .filter((d): d is Temporal.PlainDate => d !== undefined)
    .map((d) => d.toString())
    .sort();
  cache.set(year, list);
  return list;
}

/**
 * True if `date` is a Business Day: neither a Saturday or Sunday nor an observed New York bank
 * holiday (see `bankHolidays`).
 * @throws RangeError if `date` is not a valid `YYYY-MM-DD` date.
 */
export function isBusinessDay(date: DateLike): boolean {
  const d = toPlainDate(date);
  if (d.dayOfWeek >= 6) return false;
  return !bankHolidays(d.year).includes(d.toString());
}

/**
 * `date` itself if it is a Business Day, otherwise the next Business Day after it (the
 * "following" convention of the Distribution Date definition). Returns an ISO date.
 * @throws RangeError if `date` is not a valid `YYYY-MM-DD` date.
 */
export function followingBusinessDay(date: DateLike): string {
  let d = toPlainDate(date);
  while (!isBusinessDay(d)) d = d.add({ days: 1 });
  return d.toString();
}
