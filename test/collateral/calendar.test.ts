import { describe, expect, it } from "vitest";
import {
  accrualPeriod,
  bankHolidays,
  dayCountFraction,
  days30360,
  daysBetween,
  distributionDate,
  followingBusinessDay,
  isBusinessDay,
  scheduledDistributionDate,
} from "../../src/collateral/calendar.ts";
import { Decimal } from "../../src/core/money.ts";

const RS1 = { firstDistributionDate: "2002-02-25", dayOfMonth: 25, closingDate: "2002-01-30" };

describe("distributionDate", () => {
  it("gives the 2002 Distribution Dates of RS1", () => {
    // weekdays checked against an independent calendar: May 25 2002 is a Saturday and May 27
    // Memorial Day; Aug 25 a Sunday; Dec 25 Christmas; Jan 25 2003 a Saturday
    const expected = [
      "2002-02-25",
      "2002-03-25",
      "2002-04-25",
      "2002-05-28",
      "2002-06-25",
      "2002-07-25",
      "2002-08-26",
      "2002-09-25",
      "2002-10-25",
      "2002-11-25",
      "2002-12-26",
      "2003-01-27",
    ];
    expect(expected.map((_, i) => distributionDate("2002-02-25", 25, i + 1))).toEqual(expected);
  });

  it("adds months to the anchor instead of chaining from a rolled or clamped date", () => {
    // the 31st: Feb 2002 has 28 days (Thursday); Mar 31 2002 is a Sunday → Monday Apr 1
    expect(distributionDate("2002-01-31", 31, 2)).toBe("2002-02-28");
    expect(distributionDate("2002-01-31", 31, 3)).toBe("2002-04-01");
    expect(scheduledDistributionDate("2002-01-31", 31, 4)).toBe("2002-04-30");
    // the date after the May 28 roll is still the 25th
    expect(distributionDate("2002-02-25", 25, 5)).toBe("2002-06-25");
    expect(distributionDate("2002-02-25", 25, 13)).toBe("2003-02-25");
  });

  it("uses only the anchor's month", () => {
    expect(distributionDate("2002-02-01", 25, 4)).toBe("2002-05-28");
  });

  it("rejects a Distribution Date number below 1 and a bad day of month", () => {
    expect(() => distributionDate("2002-02-25", 25, 0)).toThrow(RangeError);
    expect(() => distributionDate("2002-02-25", 32, 1)).toThrow(RangeError);
    expect(() => distributionDate("2002-02-30", 25, 1)).toThrow(RangeError);
  });
});

describe("Business Days", () => {
  it("excludes Memorial Day and weekends", () => {
    expect(isBusinessDay("2002-05-24")).toBe(true); // Friday
    expect(isBusinessDay("2002-05-25")).toBe(false); // Saturday
    expect(isBusinessDay("2002-05-26")).toBe(false); // Sunday
    expect(isBusinessDay("2002-05-27")).toBe(false); // Memorial Day, last Monday of May
    expect(isBusinessDay("2002-05-28")).toBe(true);
    expect(followingBusinessDay("2002-05-25")).toBe("2002-05-28");
  });

  it("knows the 2002 Federal Reserve holidays", () => {
    expect(bankHolidays(2002)).toEqual([
      "2002-01-01",
      "2002-01-21",
      "2002-02-18",
      "2002-05-27",
      "2002-07-04",
      "2002-09-02",
      "2002-10-14",
      "2002-11-11",
      "2002-11-28",
      "2002-12-25",
    ]);
  });

  it("observes a Sunday holiday on Monday and drops a Saturday one", () => {
    expect(isBusinessDay("2022-06-20")).toBe(false); // Juneteenth 2022 fell on a Sunday
    expect(isBusinessDay("2022-12-26")).toBe(false); // Christmas 2022 on a Sunday
    expect(isBusinessDay("2020-07-03")).toBe(true); // July 4 2020 a Saturday: the Fed stays open Friday
    expect(isBusinessDay("2021-12-31")).toBe(true); // New Year's Day 2022 a Saturday
  });

  it("has Juneteenth only from 2022", () => {
    expect(isBusinessDay("2021-06-18")).toBe(true);
    expect(bankHolidays(2021)).not.toContain("2021-06-18");
    expect(bankHolidays(2023)).toContain("2023-06-19"); // a Monday
  });
});

describe("day counts", () => {
  it("counts actual days", () => {
    expect(daysBetween("2002-01-30", "2002-02-25")).toBe(26);
    expect(daysBetween("2004-02-25", "2004-03-25")).toBe(29); // leap year
    expect(daysBetween("2002-02-25", "2002-01-30")).toBe(-26);
  });

  it("counts 30/360 bond basis", () => {
    expect(days30360("2002-01-01", "2002-02-01")).toBe(30);
    expect(days30360("2002-02-01", "2002-03-01")).toBe(30);
    expect(days30360("2002-01-31", "2002-03-31")).toBe(60); // both 31sts become 30
    expect(days30360("2002-02-28", "2002-03-31")).toBe(33); // D2 stays 31 when D1 < 30
    expect(days30360("2002-12-15", "2003-01-15")).toBe(30);
    expect(days30360("2002-01-15", "2002-07-15")).toBe(180);
  });

  it("gives 30/360 and actual/360 fractions of February", () => {
    expect(dayCountFraction("30/360", "2002-02-01", "2002-03-01").eq(new Decimal(1).div(12))).toBe(true);
    expect(dayCountFraction("actual/360", "2002-02-01", "2002-03-01").eq(new Decimal(28).div(360))).toBe(true);
  });
});

describe("accrualPeriod", () => {
  it("runs floating classes from the Closing Date, then Distribution Date to Distribution Date", () => {
    const p1 = accrualPeriod("distribution-date", RS1, 1);
    expect([p1.start, p1.end, p1.days, p1.convention]).toEqual(["2002-01-30", "2002-02-25", 26, "actual/360"]);
    expect(p1.fraction.eq(new Decimal(26).div(360))).toBe(true);
    const p4 = accrualPeriod("distribution-date", RS1, 4);
    expect([p4.start, p4.end, p4.days]).toEqual(["2002-04-25", "2002-05-28", 33]);
    const p5 = accrualPeriod("distribution-date", RS1, 5);
    expect([p5.start, p5.end, p5.days]).toEqual(["2002-05-28", "2002-06-25", 28]);
  });

  it("runs fixed classes over the calendar month before the Distribution Date, 1/12 of a year", () => {
    const p = accrualPeriod("calendar-month", RS1, 4);
    expect([p.start, p.end, p.days, p.convention]).toEqual(["2002-04-01", "2002-05-01", 30, "30/360"]);
    expect(p.fraction.eq(new Decimal(1).div(12))).toBe(true);
    const jan = accrualPeriod("calendar-month", RS1, 12);
    expect([jan.start, jan.end]).toEqual(["2002-12-01", "2003-01-01"]);
  });

  it("lets the convention be overridden", () => {
    const p = accrualPeriod("calendar-month", RS1, 2, "actual/360");
    expect(p.days).toBe(28); // February 2002
  });
});
