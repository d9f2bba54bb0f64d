/** Command-line inputs checked before any work: dates (one calendar rule), and where --out may write. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateProblem } from "../../src/core/dates.ts";

const pacta = (...args: string[]) => spawnSync(process.execPath, ["bin/pacta.js", ...args], { encoding: "utf8" });

describe("dates", () => {
  it("are calendar dates: months 1-12, the month's days, leap years", () => {
    expect(dateProblem("2002-05-28")).toBeUndefined();
    expect(dateProblem("2004-02-29")).toBeUndefined();
    expect(dateProblem("2002-13-45")).toBe("there is no month 13");
    expect(dateProblem("2100-02-29")).toBe("month 2 of 2100 has 28 days");
    expect(dateProblem("2002-5-28")).toBe("dates are written YYYY-MM-DD");
    expect(dateProblem("0000-01-01")).toBe("there is no year 0");
  });

  it("given to explain --date and conformed --as-of, get a located error with a hint, never a stack trace", () => {
    const e = pacta("explain", "agreements/ramp-2002-rs1", "A-I-1", "--date", "2002-13-45");
    expect(e.status).toBe(1);
    expect(e.stderr).toBe(
      "<command line>:1:1: error PA5001: --date 2002-13-45 is not a date: there is no month 13\n  hint: e.g. --date 2002-05-28\n",
    );
    const c = pacta("conformed", "agreements/ramp-2002-rs1", "--as-of", "2002-02-30");
    expect(c.status).toBe(1);
    expect(c.stderr).toContain("month 2 of 2002 has 28 days");
    expect(c.stderr).toContain("hint:");
  });
});

describe("--out", () => {
  it("refuses a file inside the deal directory, which the deal would read next time", () => {
    const r = pacta(
      "run",
      "agreements/ramp-2002-rs1",
      "--periods",
      "1",
      "--out",
      "agreements/ramp-2002-rs1/amendment-2.pacta",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--out agreements/ramp-2002-rs1/amendment-2.pacta is inside the deal directory");
    expect(existsSync("agreements/ramp-2002-rs1/amendment-2.pacta")).toBe(false);
  });
});

describe("PSA and SDA scenarios", () => {
  it("run RS1 at 150% PSA and 100% SDA, and say so", () => {
    const r = pacta(
      "run",
      "agreements/ramp-2002-rs1",
      "--psa",
      "150",
      "--sda",
      "100",
      "--periods",
      "2",
      "--format",
      "json",
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).collateral).toBe(
      "projection at 150% PSA, 100% SDA, 35% severity, 12-month recovery lag",
    );
  });

  it("refuse two prepayment speeds or two default assumptions", () => {
    expect(pacta("run", "agreements/ramp-2002-rs1", "--psa", "150", "--cpr", "10").stderr).toContain(
      "give one of --cpr, --ppc and --psa",
    );
    expect(pacta("run", "agreements/ramp-2002-rs1", "--sda", "100", "--cdr", "2").stderr).toContain(
      "give either --cdr or --sda, not both",
    );
  });
});
