import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDeal } from "../../src/deal/load.ts";
import { run } from "../../src/engine/run.ts";
import { collateral } from "../helpers/deal.ts";

const toy = loadDeal("test/fixtures/toy");
const va = toy.model!;

describe("the toy deal, by hand", () => {
  it("loads without errors", () => {
    expect(toy.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(va).toBeDefined();
  });

  // Pool $1,000,000; A-1 $600,000 at 5%, A-2 $300,000 at 6%, M-1 $90,000 at 7%, all 30/360.
  const flows = collateral("Pool", "1000000", [
    { interest: "6250.00", scheduled: "5000.00", prepay: "10000.00" },
    { interest: "6156.25", scheduled: "5000.00", prepay: "10000.00" },
    { interest: "6062.50", scheduled: "5000.00", prepay: "10000.00" },
    { interest: "5968.75", scheduled: "5000.00", prepay: "0", liquidation: "2000.00", loss: "3000.00" },
  ]);
  const r = run(va, { collateral: flows, collateralSource: "hand-made" });
  const p = (n: number) => r.periods[n - 1]!;
  const clause = (n: number, id: string) => p(n).sections[0]!.clauses.find((c) => c.id === id)!;

  it("pays interest at the pass-through rates on the balances before distributions (30/360: one twelfth)", () => {
    // 600,000 × 5% / 12 = 2,500.00; A-2: 300,000 × 6% / 12 = 1,500.00; M-1: 90,000 × 7% / 12 = 525.00
    expect(p(1).classes["A-1"]!.interest.toFixed(2)).toBe("2500.00");
    expect(p(1).classes["A-2"]!.interest.toFixed(2)).toBe("1500.00");
    expect(p(1).classes["M-1"]!.interest.toFixed(2)).toBe("525.00");
    expect(clause(1, "4.02(a)(i)").due.toFixed(2)).toBe("4000.00");
  });

  it("pays the Principal Remittance Amount sequentially and releases the rest to SB-1", () => {
    // Available 6,250 + 15,000 = 21,250; interest 4,525; principal 15,000; released 1,725.
    expect(p(1).sections[0]!.available.toFixed(2)).toBe("21250.00");
    expect(p(1).classes["A-1"]!.principal.toFixed(2)).toBe("15000.00");
    expect(p(1).classes["A-1"]!.balance.toFixed(2)).toBe("585000.00");
    expect(p(1).sections[0]!.released.toFixed(2)).toBe("1725.00");
    expect(p(1).classes["SB-1"]!.other.toFixed(2)).toBe("1725.00");
  });

  it("holds the Overcollateralization Increase Amount at $0 on the first two Distribution Dates", () => {
    expect(p(1).terms["Overcollateralization Increase Amount"]!.value.toString()).toBe("0");
    expect(p(2).terms["Overcollateralization Increase Amount"]!.value.toString()).toBe("0");
  });

  it("turns Excess Cash Flow into principal from the third Distribution Date, up to the OC target", () => {
    // Before date 3: pool 970,000; certificates 990,000 − 30,000 = 960,000 → OC 10,000.
    // Required OC = 2% × 1,000,000 = 20,000 → deficiency 10,000.
    // Date 3 cash: 6,062.50 + 15,000 = 21,062.50. Interest: A-1 on 570,000 = 2,375.00; A-2 1,500; M-1 525.
    // Left at (v): 21,062.50 − 4,400 − 15,000 = 1,662.50 < 10,000 → OCIA 1,662.50, all of it to A-1.
    expect(p(3).terms["Overcollateralization Amount"]!.value.toString()).toBe("10000");
    expect(clause(3, "4.02(a)(v)").due.toFixed(2)).toBe("1662.50");
    expect(clause(3, "4.02(a)(v)").paid.toFixed(2)).toBe("1662.50");
    expect(p(3).classes["A-1"]!.principal.toFixed(2)).toBe("16662.50");
    expect(p(3).sections[0]!.released.toFixed(2)).toBe("0.00");
  });

  it("covers a Realized Loss from excess cash first (clause (iv))", () => {
    // Date 4: cash 5,968.75 + 7,000 = 12,968.75; A-1 balance 553,337.50 × 5%/12 = 2,305.572… → 2,305.57;
    // interest 2,305.57 + 1,500 + 525 = 4,330.57; principal 7,000; left 1,638.18 pays the $3,000 loss in part.
    expect(clause(4, "4.02(a)(i)").due.toFixed(2)).toBe("3805.57");
    expect(clause(4, "4.02(a)(iv)").due.toFixed(2)).toBe("3000.00");
    expect(clause(4, "4.02(a)(iv)").paid.toFixed(2)).toBe("1638.18");
    expect(clause(4, "4.02(a)(iv)").shortfall.toFixed(2)).toBe("1361.82");
  });

  it("conserves cash in every section: available = paid + released", () => {
    for (const per of r.periods)
      for (const s of per.sections.filter((s) => s.id.startsWith("4.02"))) {
        const paid = s.clauses.reduce((a, c) => a.plus(c.paid), s.available.minus(s.available));
        expect(paid.plus(s.released).toFixed(2)).toBe(s.available.toFixed(2));
      }
  });

  it("the toy fixture is the file on disk", () => {
    expect(readFileSync("test/fixtures/toy/agreement.pacta", "utf8")).toContain("Toy Trust Agreement");
  });
});

describe("cash that was never collected", () => {
  it("refuses, before running, a section whose source is not made of collections", async () => {
    const { dealFromText } = await import("../helpers/deal.ts");
    const text = readFileSync("test/fixtures/toy/agreement.pacta", "utf8")
      .replace('from "Available Distribution Amount"', 'from "Windfall"')
      .replace(
        'definition "Available Distribution Amount"',
        'definition "Windfall"\n  means $5,000,000.00\n\ndefinition "Available Distribution Amount"',
      )
      .replace(
        "  means interest collections of group",
        '  means "Windfall" times 0% plus interest collections of group',
      );
    const deal = dealFromText(text);
    const errors = deal.diagnostics.filter((d) => d.severity === "error");
    expect(errors[0]!.message).toBe(
      'section 4.02(a) distributes "Windfall", which is made of no loan group\'s collections: it is not cash the trust has',
    );
    expect(deal.model).toBeUndefined();
  });
});
