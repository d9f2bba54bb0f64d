/**
 * Bad input through the `pacta` command: a located error (file:line:column, a hint), a non-zero
 * exit, no stack trace and no output file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function pacta(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/pacta.js", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the RS1 deal in a temp directory, with one file's text changed. */
function brokenRs1(file: string, edit: (s: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "pacta-cli-")), "rs1");
  cpSync("agreements/ramp-2002-rs1", dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

function expectCleanFailure(r: ReturnType<typeof pacta>, out: string, pattern: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(pattern);
  expect(r.err).toMatch(/hint: /);
  expect(r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  expect(existsSync(out)).toBe(false);
}

describe("pacta run on bad input", () => {
  const out = () => join(mkdtempSync(join(tmpdir(), "pacta-out-")), "run.json");

  it("a syntax error in the agreement", () => {
    const dir = brokenRs1("agreement.pacta", (s) =>
      s.replace('definition "Group I Excess Cash Flow"', 'definiton "Group I Excess Cash Flow"'),
    );
    const o = out();
    expectCleanFailure(
      pacta("run", dir, "--format", "json", "--out", o),
      o,
      /agreement\.pacta:\d+:1: error PA1002: .*"definiton"/,
    );
  });

  it("an unknown defined term, with a suggestion", () => {
    const dir = brokenRs1("agreement.pacta", (s) =>
      s.replace(
        'pay "Group I Overcollateralization Increase Amount" as principal',
        'pay "Group I Overcollateralisation Increase Amount" as principal',
      ),
    );
    const o = out();
    const r = pacta("run", dir, "--format", "json", "--out", o);
    expectCleanFailure(
      r,
      o,
      /agreement\.pacta:\d+:\d+: error PA2001: unknown defined term "Group I Overcollateralisation Increase Amount"/,
    );
    expect(r.err).toContain('did you mean "Group I Overcollateralization Increase Amount"?');
  });

  it("an amendment item naming a provision the agreement does not have", () => {
    const dir = brokenRs1("amendment-1.pacta", (s) =>
      s.replace("replace clause 4.02(d)(xiii)", "replace clause 4.02(e)(xiii)"),
    );
    const o = out();
    expectCleanFailure(
      pacta("run", dir, "--format", "json", "--out", o),
      o,
      /amendment-1\.pacta:\d+:\d+: error PA3001: amendment item 4: clause 4\.02\(e\)\(xiii\) does not exist/,
    );
  });

  it("a malformed row in the collateral CSV", () => {
    const tmp = mkdtempSync(join(tmpdir(), "pacta-csv-"));
    const csv = join(tmp, "flows.csv");
    expect(pacta("collateral", "agreements/ramp-2002-rs1", "--out", csv).code).toBe(0);
    const lines = readFileSync(csv, "utf8").split("\n");
    const fields = lines[3]!.split(",");
    fields[2] = "12x.50"; // scheduled_principal of the fourth line
    lines[3] = fields.join(",");
    writeFileSync(csv, lines.join("\n"));
    const o = out();
    expectCleanFailure(
      pacta("run", "agreements/ramp-2002-rs1", "--collateral", csv, "--out", o),
      o,
      /flows\.csv:4:\d+: error PA5001: /,
    );
  });

  it("a deal directory that does not exist", () => {
    const o = out();
    expectCleanFailure(
      pacta("run", "agreements/no-such-deal", "--out", o),
      o,
      /agreements\/no-such-deal:1:1: error PA5002: no deal found/,
    );
  });

  it("scenario options out of range or of the wrong form", () => {
    const o = out();
    expectCleanFailure(
      pacta("run", "agreements/ramp-2002-rs1", "--cdr", "150", "--out", o),
      o,
      /error PA5001: --cdr is 150, above 100%/,
    );
    expectCleanFailure(
      pacta("run", "agreements/ramp-2002-rs1", "--cpr", "fast", "--out", o),
      o,
      /error PA5001: --cpr must be a percentage/,
    );
    expectCleanFailure(
      pacta("run", "agreements/ramp-2002-rs1", "--format", "xml", "--out", o),
      o,
      /error PA5001: --format must be table, csv, json or html/,
    );
  });
});

describe("pacta on good input", () => {
  it("check passes on every bundled deal", () => {
    for (const d of ["agreements/ramp-2002-rs1", "test/fixtures/toy"]) {
      const r = pacta("check", d);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/0 errors, 0 warnings/);
    }
  });
  it("the remittance CSV of a projection reads back to the same run", () => {
    const tmp = mkdtempSync(join(tmpdir(), "pacta-csv-"));
    const csv = join(tmp, "flows.csv");
    pacta("collateral", "agreements/ramp-2002-rs1", "--cdr", "5", "--severity", "40", "--lag", "6", "--out", csv);
    const projected = pacta(
      "run",
      "agreements/ramp-2002-rs1",
      "--cdr",
      "5",
      "--severity",
      "40",
      "--lag",
      "6",
      "--format",
      "csv",
    );
    const replayed = pacta("run", "agreements/ramp-2002-rs1", "--collateral", csv, "--format", "csv");
    expect(replayed.code, replayed.err).toBe(0);
    expect(replayed.out).toBe(projected.out);
  });
  it("explain ties a figure to its clause, version and inputs", () => {
    const r = pacta(
      "explain",
      "agreements/ramp-2002-rs1",
      "Group I Overcollateralization Increase Amount",
      "--date",
      "4",
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("version: Amendment Number One, item 2");
    expect(r.out).toContain("available at 4.02(d)(xi)");
  });
  it("explain finds classes, sections and provisions, ignoring case, by date number or date", () => {
    const cls = pacta("explain", "agreements/ramp-2002-rs1", "a-i-1", "--date", "2002-05-28");
    expect(cls.code, cls.err).toBe(0);
    expect(cls.out).toMatch(/^Distribution Date 4 \(2002-05-28\)/);
    expect(cls.out).toMatch(/4\.02\(c\)\(xii\)\s+principal/);
    const holiday = pacta(
      "explain",
      "agreements/ramp-2002-rs1",
      "Group II Overcollateralization Increase Amount",
      "--date",
      "5",
    );
    expect(holiday.out).toContain("- Distribution Date number = 5");
    const prov = pacta("explain", "agreements/ramp-2002-rs1", "11.01(a)(vi)", "--date", "5");
    expect(prov.out).toContain("version: Amendment Number One, item 5, effective 2002-05-24");
    const none = pacta("explain", "agreements/ramp-2002-rs1", "4.02(c)(xii)", "--date", "2002-05-25");
    expect(none.err).toMatch(/2002-05-25 is not a Distribution Date of the deal/);
  });
});

describe("pacta's output and arguments, as a careless user gives them", () => {
  it("--out through a symbolic link writes the link's target and keeps the link", async () => {
    const { symlinkSync, lstatSync } = await import("node:fs");
    const tmp = mkdtempSync(join(tmpdir(), "pacta-link-"));
    const target = join(tmp, "target.csv");
    writeFileSync(target, "old");
    symlinkSync(target, join(tmp, "link.csv"));
    const r = pacta(
      "run",
      "agreements/ramp-2002-rs1",
      "--periods",
      "1",
      "--format",
      "csv",
      "--out",
      join(tmp, "link.csv"),
    );
    expect(r.code, r.err).toBe(0);
    expect(lstatSync(join(tmp, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toMatch(/^period,distribution_date,class/);
  });
  it("--out to a device writes to it and does not replace it", () => {
    const r = pacta("run", "agreements/ramp-2002-rs1", "--periods", "1", "--out", "/dev/null");
    expect(r.code, r.err).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
  it("a reader that stops early (| head) is not an error", () => {
    const r = spawnSync(
      "sh",
      ["-c", `${process.execPath} bin/pacta.js run agreements/ramp-2002-rs1 --format csv | head -1`],
      { encoding: "utf8" },
    );
    expect(r.stdout).toMatch(/^period,/);
    expect(r.stderr).toBe("");
  });
  it("--out into a directory that does not exist fails before running, with no temp file named", () => {
    const r = pacta("run", "agreements/ramp-2002-rs1", "--out", "/tmp/no-such-dir-pacta/x.json");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /error PA5001: --out \/tmp\/no-such-dir-pacta\/x\.json: the directory \/tmp\/no-such-dir-pacta does not exist/,
    );
  });
  it("--out never overwrites the deal's own files or the collateral it reads", () => {
    const dir = brokenRs1("agreement.pacta", (s) => s);
    const before = readFileSync(join(dir, "agreement.pacta"), "utf8");
    const r = pacta("run", dir, "--periods", "1", "--out", join(dir, "agreement.pacta"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--out .*agreement\.pacta is one of the command's own inputs/);
    expect(readFileSync(join(dir, "agreement.pacta"), "utf8")).toBe(before);
  });
  it("options that make no sense are refused with a hint", () => {
    expect(pacta("run", "agreements/ramp-2002-rs1", "--periods", "0").err).toMatch(/--periods must be at least 1/);
    expect(pacta("decrement", "agreements/ramp-2002-rs1", "--ppc", "100,,200").err).toMatch(
      /the list of speeds has an empty entry/,
    );
    expect(pacta("decrement", "agreements/ramp-2002-rs1", "--ppc", "100,fast").err).toMatch(
      /--ppc must be a percentage, got "fast"/,
    );
    expect(pacta("run", "agreements/ramp-2002-rs1", "--trace").err).toMatch(
      /--trace lists inputs in the JSON report only/,
    );
    expect(pacta("run", "agreements/ramp-2002-rs1", "--cpr", "-5").err).toMatch(/--cpr must not be negative/);
    expect(pacta("run", "agreements/ramp-2002-rs1", "--ppc", "400").err).toMatch(
      /--ppc 400 would prepay "Group II" at 112\.0% CPR/,
    );
    expect(pacta("conformed", "agreements/ramp-2002-rs1", "--as-of", "2002-02-30").err).toMatch(
      /--as-of must be a date/,
    );
    expect(pacta("explain", "agreements/ramp-2002-rs1", "4.02(c)(xii)", "--date", "4", "--depth", "abc").err).toMatch(
      /--depth must be a whole number/,
    );
  });
  it("an empty or binary agreement file gives one located error", () => {
    const dir = brokenRs1("agreement.pacta", () => "");
    const r = pacta("check", dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/agreement\.pacta:1:1: error PA1002: the file holds no agreement or amendment/);
    const bin = brokenRs1("agreement.pacta", () => "\u0000\u0001\u0002binary");
    expect(pacta("check", bin).err).toMatch(/agreement\.pacta:1:1: error PA1004: .*not UTF-8 text/);
  });
  it("the conformed copy before the amendment's date says no amendment is in force", () => {
    const r = pacta("conformed", "agreements/ramp-2002-rs1", "--as-of", "2002-05-23");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/CONFORMED COPY, as in force on 2002-05-23 \(no amendment in force\)/);
    expect(r.out).not.toMatch(/\[amendment\] \[1\]/);
  });
});

describe("runs that end early, and provisions not in force", () => {
  it("says when the collateral data ends before the certificates retire", () => {
    const tmp = mkdtempSync(join(tmpdir(), "pacta-short-"));
    const csv = join(tmp, "three.csv");
    pacta("collateral", "agreements/ramp-2002-rs1", "--out", csv);
    writeFileSync(csv, readFileSync(csv, "utf8").split("\n").slice(0, 7).join("\n") + "\n");
    const r = pacta("run", "agreements/ramp-2002-rs1", "--collateral", csv);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /The collateral data ends with Distribution Date 3 \(2002-04-25\); \$[\d,.]+ of Certificate Principal Balance is still outstanding\./,
    );
    const e = pacta("explain", "agreements/ramp-2002-rs1", "A-I-1", "--date", "2002-05-28", "--collateral", csv);
    expect(e.err).toMatch(/2002-05-28 is after the last Distribution Date the collateral data covers \(2002-04-25\)/);
  });
  it("explains the remainder clause, and says when a clause is deleted", () => {
    const r = pacta("explain", "agreements/ramp-2002-rs1", "4.02(c)(xvi)", "--date", "4");
    expect(r.out).toMatch(/Clause 4\.02\(c\)\(xvi\): released \$[\d,.]+ to class SB-I/);
    const dir = brokenRs1(
      "amendment-1.pacta",
      (s) => s + "\nitem 7\n  delete clause 4.02(c)(xiv) effective 2002-09-01\n",
    );
    const d = pacta("explain", dir, "4.02(c)(xiv)", "--date", "12");
    expect(d.err).toMatch(
      /4\.02\(c\)\(xiv\) is not in force on Distribution Date 12 \(2003-01-27\): it was deleted by Amendment Number One, item 7, effective 2002-09-01/,
    );
  });
});
