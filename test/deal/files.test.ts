/** Which files make a deal: every .pacta file counts, told apart by what it holds, not by its name. */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadDeal, runDeal, versionLabel } from "../../src/api.ts";

const RS1 = "agreements/ramp-2002-rs1";
const agreement = readFileSync(`${RS1}/agreement.pacta`, "utf8");
const amendment = readFileSync(`${RS1}/amendment-1.pacta`, "utf8");
const errors = (d: ReturnType<typeof loadDeal>) => d.diagnostics.filter((x) => x.severity === "error");

describe("the files of a deal", () => {
  it("applies an amendment whatever its file is called", () => {
    const deal = loadDeal({ "agreement.pacta": agreement, "amendment_1.pacta": amendment });
    expect(errors(deal)).toEqual([]);
    const r = runDeal(deal, { maxPeriods: 4 }).result!;
    const t = r.periods[3]!.terms["Group I Overcollateralization Increase Amount"]!;
    expect(versionLabel(r.model, t.version)).toBe("Amendment Number One, item 2");
    // The same figures as the deal with its files named as usual.
    const usual = runDeal(loadDeal(RS1), { maxPeriods: 4 }).result!;
    expect(t.value.toString()).toBe(
      usual.periods[3]!.terms["Group I Overcollateralization Increase Amount"]!.value.toString(),
    );
  });

  it("refuses an amendment supplied twice, naming both files", () => {
    const deal = loadDeal({ "agreement.pacta": agreement, "amendment-1.pacta": amendment, "copy.pacta": amendment });
    const e = errors(deal);
    expect(e.map((x) => x.code)).toEqual(["PA3007"]);
    expect(e[0]!.message).toBe(
      'amendment "Amendment Number One" dated 2002-05-24 is supplied twice: deal/copy.pacta and deal/amendment-1.pacta',
    );
    expect(deal.model).toBeUndefined();
  });

  it("refuses a second agreement", () => {
    const deal = loadDeal({ "agreement.pacta": agreement, "other.pacta": agreement });
    expect(errors(deal).map((x) => x.code)).toEqual(["PA5003"]);
  });

  it("reads every .pacta file: one that is not pacta is an error, not a file left out", () => {
    const deal = loadDeal({ "agreement.pacta": agreement, "notes.pacta": "these are my notes\n" });
    expect(errors(deal).length).toBeGreaterThan(0);
    expect(errors(deal)[0]!.location.file).toBe("deal/notes.pacta");
  });

  it("does not follow a symbolic link out of the deal directory, and shows nothing of its target", () => {
    const dir = mkdtempSync(join(tmpdir(), "pacta-links-"));
    cpSync(RS1, join(dir, "deal"), { recursive: true });
    const outside = join(dir, "secret.pacta");
    writeFileSync(outside, "SECRET LINE\n");
    symlinkSync(outside, join(dir, "deal", "amendment-2.pacta"));
    const deal = loadDeal(join(dir, "deal"));
    const e = errors(deal);
    expect(e.map((x) => x.code)).toEqual(["PA1004"]);
    expect(e[0]!.message).toMatch(/amendment-2\.pacta: it is a symbolic link to a file outside the deal directory/);
    expect(formatDiagnostic(e[0]!)).not.toContain("SECRET");
  });

  it("follows a symbolic link that stays inside the deal directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "pacta-links-"));
    cpSync(RS1, join(dir, "deal"), { recursive: true });
    writeFileSync(join(dir, "deal", "text.txt"), "");
    symlinkSync(join(dir, "deal", "amendment-1.pacta"), join(dir, "deal", "amendment.link.pacta"));
    // The link is a second copy of Amendment One: followed, and so refused as supplied twice.
    expect(errors(loadDeal(join(dir, "deal"))).map((x) => x.code)).toEqual(["PA3007"]);
  });
});
