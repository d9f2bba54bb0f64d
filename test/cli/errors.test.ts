/**
 * Bad input through the `pacta` command: a located error (file:line:column, a hint), a non-zero
 * exit, no stack trace and no output file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
      /error PA5001: --format must be table, csv or json/,
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
});
