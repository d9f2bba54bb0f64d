/** The conformed copy of RS1, as amended and as in force the day before Amendment Number One (golden). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dealFromText } from "../helpers/deal.ts";
import { loadDeal } from "../../src/deal/load.ts";
import { renderConformed } from "../../src/report/conformed.ts";

const va = loadDeal("agreements/ramp-2002-rs1").versioned!;

describe("the conformed copy", () => {
  const amended = renderConformed(va);
  const before = renderConformed(va, "2002-05-23");
  it("as amended by Amendment Number One", async () => {
    await expect(amended).toMatchFileSnapshot("./__golden__/rs1-conformed.txt");
  });
  it("as in force on 2002-05-23, the day before the amendment", async () => {
    await expect(before).toMatchFileSnapshot("./__golden__/rs1-conformed-2002-05-23.txt");
  });
  it("footnotes each of the four amended provisions with its item and effective date", () => {
    for (const [target, item] of [
      ["definition Group I Overcollateralization Increase Amount", 2],
      ["definition Group II Overcollateralization Increase Amount", 3],
      ["clause 4.02(d)(xiii)", 4],
      ["provision 11.01(a)(vi)", 5],
    ] as const)
      expect(amended.replace(/\s+/g, " ")).toContain(
        `${target}. Original wording: Agreement; Replaced: Amendment Number One, item ${item}, effective 2002-05-24.`,
      );
    expect(before).not.toContain("Replaced: Amendment Number One");
  });
  it("prints the amended words of 4.02(d)(xiii), and the original words the day before", () => {
    const flat = (s: string) => s.replace(/\s+/g, " ");
    expect(flat(amended)).toContain(
      "(xiii) [amendment] [3] on or after the eleventh Distribution Date, to the Class A-I Certificateholders",
    );
    expect(flat(before)).not.toContain(
      "on or after the eleventh Distribution Date, to the Class A-I Certificateholders",
    );
  });
});

describe("the conformed copy of deletions and later changes", () => {
  const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8").replace(
    'definition "Principal Remittance Amount"',
    'definition "Spare Amount"\n  text "An amount no provision uses."\n  means $0\n\ndefinition "Principal Remittance Amount"',
  );
  const deal = dealFromText(toy, [
    `amendment "Amendment Number One" to "Toy Trust Agreement" dated 2002-03-01
  item 1
    delete clause 4.02(a)(iv) effective as of the date hereof
  item 2
    delete definition "Spare Amount" effective as of the date hereof
  item 3
    replace definition "Required Overcollateralization Amount" effective 2002-09-01
      text "Three percent of the Cut-off Date balance."
      means 3.00% of cut-off balance of group "Pool"
`,
  ]);
  const va2 = deal.versioned!;
  it("keeps a deleted clause's place and a deleted definition's name, each footnoted", () => {
    const flat = renderConformed(va2, "2002-06-01").replace(/\s+/g, " ");
    expect(flat).toMatch(/\(iii\) \(no text\) \(iv\) \[Deleted\] \[\d+\] \(v\)/);
    expect(flat).toContain('"Spare Amount" [Deleted] [');
    expect(flat).toContain(
      "clause 4.02(a)(iv). Original wording: Agreement; Deleted: Amendment Number One, item 1, effective 2002-03-01.",
    );
  });
  it("does not footnote changes that take effect after the copy's date", () => {
    const early = renderConformed(va2, "2002-06-01").replace(/\s+/g, " ");
    expect(early).not.toContain("item 3");
    const late = renderConformed(va2, "2002-09-01").replace(/\s+/g, " ");
    expect(late).toContain("Replaced: Amendment Number One, item 3, effective 2002-09-01.");
  });
});
