/** Amendments as patches on the toy deal: every kind of item, effective dates, history, rejection. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { viewOn } from "../../src/amend/amend.ts";
import { run } from "../../src/engine/run.ts";
import { versionLabel, viewWords } from "../../src/report/describe.ts";
import { collateral, dealFromText } from "../helpers/deal.ts";

const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
const head = (dated: string) => `amendment "Amendment Number One" to "Toy Trust Agreement" dated ${dated}\n`;
const flows = collateral(
  "Pool",
  "1000000",
  Array.from({ length: 6 }, () => ({ interest: "6000.00", scheduled: "5000.00", prepay: "5000.00" })),
);

describe("amendment items", () => {
  it("replace a definition from its effective date; earlier Distribution Dates keep the original", () => {
    const deal = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1
    text "The definition of \\"Required Overcollateralization Amount\\" is replaced."
    replace definition "Required Overcollateralization Amount" effective as of the date hereof
      means 3.00% of cut-off balance of group "Pool"
`,
    ]);
    expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const va = deal.versioned!;
    expect(va.views.map((v) => v.asOf)).toEqual([undefined, "2002-03-01"]);
    expect(viewOn(va, "2002-02-25").definitions.get("Required Overcollateralization Amount")!.version.label).toBe(
      "Agreement",
    );
    expect(viewOn(va, "2002-03-25").definitions.get("Required Overcollateralization Amount")!.version.label).toBe(
      "Amendment Number One, item 1",
    );
    const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
    // $1,000,000 × 2.00% before, × 3.00% after.
    expect(r.periods[0]!.terms["Required Overcollateralization Amount"]!.value.toString()).toBe("20000");
    expect(r.periods[1]!.terms["Required Overcollateralization Amount"]!.value.toString()).toBe("30000");
    const h = va.history.get("definition:Required Overcollateralization Amount")!;
    expect(h.map((x) => `${x.change}: ${x.version.label}`)).toEqual([
      "original: Agreement",
      "replaced: Amendment Number One, item 1",
    ]);
  });

  it("insert a clause after another, and delete a clause, each from its own effective date", () => {
    const deal = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1
    insert clause 4.02(a)(vii) after 4.02(a)(vi) effective 2002-04-01
      text "to Class A-1, $100 of principal"
      pay $100.00 as principal to class A-1
  item 2
    delete clause 4.02(a)(vi) effective 2002-05-01
`,
    ]);
    expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
    const ids = (n: number) => r.periods[n - 1]!.sections[0]!.clauses.map((c) => c.id.replace("4.02(a)", ""));
    expect(ids(2)).toEqual(["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)"]); // 2002-03-25: neither yet
    expect(ids(3)).toEqual(["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)"]); // 2002-04-25
    expect(ids(4)).toEqual(["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vii)"]); // 2002-05-28
    expect(versionLabel(r.model, r.periods[2]!.sections[0]!.clauses.at(-1)!.version)).toBe(
      "Amendment Number One, item 1",
    );
  });

  it("a later amendment replaces the wording of an earlier one: three versions in the history", () => {
    const def = (n: string) => `      means ${n}% of cut-off balance of group "Pool"\n`;
    const deal = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1\n    replace definition "Required Overcollateralization Amount" effective as of the date hereof\n` +
        def("3.00"),
      `amendment "Amendment Number Two" to "Toy Trust Agreement" dated 2002-04-10\n  item 1\n    replace definition "Required Overcollateralization Amount" effective as of the date hereof\n` +
        def("4.00"),
    ]);
    const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
    expect(
      r.periods
        .slice(0, 4)
        .map((p) => versionLabel(r.model, p.terms["Required Overcollateralization Amount"]!.version)),
    ).toEqual([
      "Agreement",
      "Amendment Number One, item 1",
      "Amendment Number Two, item 1",
      "Amendment Number Two, item 1",
    ]);
    expect(deal.versioned!.history.get("definition:Required Overcollateralization Amount")!.length).toBe(3);
  });

  it("insert and delete a definition; deleting one still in use is rejected whole", () => {
    const ok = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1\n    insert definition "Senior Interest" effective as of the date hereof\n      means interest due on classes A-1 and A-2\n` +
        `  item 2\n    replace clause 4.02(a)(i) effective as of the date hereof\n      pay "Senior Interest" as interest to classes A-1 and A-2 pro rata\n`,
    ]);
    expect(ok.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bad = dealFromText(toy, [
      head("2002-03-01") +
        `  item 3\n    delete definition "Principal Remittance Amount" effective as of the date hereof\n`,
    ]);
    expect(bad.versioned).toBeUndefined();
    const codes = bad.diagnostics.map((d) => d.code);
    expect(codes).toContain("PA3004");
    expect(codes).toContain("PA2001");
    expect(bad.diagnostics.find((d) => d.code === "PA3004")!.message).toBe(
      "amendment item 3 is rejected: the agreement as amended effective 2002-03-01 fails its checks",
    );
  });

  it("names a missing target with a suggestion, and refuses to insert what exists", () => {
    const deal = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1\n    replace definition "Required Overcollateralisation Amount" effective as of the date hereof\n      means $0\n` +
        `  item 2\n    insert clause 4.02(a)(vi) after 4.02(a)(v) effective as of the date hereof\n      pay $1.00 as principal to class A-1\n`,
    ]);
    const msgs = deal.diagnostics.map((d) => `${d.code} ${d.message} | ${d.hint ?? ""}`);
    expect(msgs).toContain(
      'PA3001 amendment item 1: definition "Required Overcollateralisation Amount" does not exist in the agreement | did you mean "Required Overcollateralization Amount"?',
    );
    expect(msgs.some((m) => m.startsWith("PA3005 amendment item 2: clause 4.02(a)(vi) already exists"))).toBe(true);
  });
});

describe("inserting a clause before another", () => {
  it("puts it ahead of the named clause from its effective date", () => {
    const deal = dealFromText(toy, [
      head("2002-03-01") +
        `  item 1\n    insert clause 4.02(a)(iii-a) before 4.02(a)(iii) effective as of the date hereof\n      pay $10.00 as principal to class M-1\n`,
    ]);
    expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
    expect(r.periods[1]!.sections[0]!.clauses.map((c) => c.id.replace("4.02(a)", "")).slice(0, 4)).toEqual([
      "(i)",
      "(ii)",
      "(iii-a)",
      "(iii)",
    ]);
  });
});

describe("two instruments changing one provision", () => {
  it("warns when the later instrument's change takes effect before the earlier one's", () => {
    const def = (n: string, eff: string) =>
      `  item 1\n    replace definition "Required Overcollateralization Amount" effective ${eff}\n      means ${n}% of cut-off balance of group "Pool"\n`;
    const deal = dealFromText(toy, [
      head("2002-03-01") + def("3.00", "2002-06-01"),
      `amendment "Amendment Number Two" to "Toy Trust Agreement" dated 2002-04-01\n` + def("4.00", "2002-04-01"),
    ]);
    const w = deal.diagnostics.find((d) => d.code === "PA3006")!;
    expect(w.severity).toBe("warning");
    expect(w.message).toBe(
      "Amendment Number Two, item 1 changes Required Overcollateralization Amount effective 2002-04-01, before Amendment Number One, item 1 (an earlier instrument) changes it effective 2002-06-01; from 2002-06-01 the earlier instrument's wording governs again",
    );
    const r = run(deal.model!, { collateral: flows, collateralSource: "test" });
    // 2002-04-25: only Amendment Number Two's patch governs, and the header says so.
    expect(viewWords(r.model, r.periods[2]!.view)).toBe("Agreement as amended by Amendment Number Two");
  });
});
