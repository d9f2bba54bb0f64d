/**
 * Calendar dates as pacta writes them: YYYY-MM-DD, years 0001 to 9999. One rule for the language's
 * date literals and every date a user gives on the command line.
 */

/** Why `iso` (YYYY-MM-DD) is not a calendar date ("there is no month 13"), or undefined if it is one. */
export function dateProblem(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return "dates are written YYYY-MM-DD";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return "there is no year 0";
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d < 1 || d > days) return `month ${mo} of ${y} has ${days} days`;
  return undefined;
}
