/** The conformed copy of RS1, as amended and as in force the day before Amendment Number One (golden). */
import { describe, expect, it } from "vitest";
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
