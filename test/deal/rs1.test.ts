/**
 * The main job: RAMP 2002-RS1 with Amendment Number One applied as a patch, run on every
 * Distribution Date at the pricing assumption (`pacta run agreements/ramp-2002-rs1`).
 */
import { describe, expect, it } from "vitest";
import { Decimal, ZERO, cents, min, max, sum } from "../../src/core/money.ts";
import { checkedDeal, runOrFail } from "../helpers/deal.ts";
import { lower } from "../../src/model/lower.ts";
import { versionLabel } from "../../src/report/describe.ts";
import { run } from "../../src/engine/run.ts";
import { amend } from "../../src/amend/amend.ts";
import { renderJson } from "../../src/report/json.ts";
import { renderCsv } from "../../src/report/csv.ts";
import type { PeriodResult } from "../../src/engine/result.ts";

const DIR = "agreements/ramp-2002-rs1";
const result = runOrFail(DIR);
const P = (n: number): PeriodResult => result.periods[n - 1]!;
const clause = (n: number, id: string) =>
  P(n)
    .sections.flatMap((s) => s.clauses)
    .find((c) => c.id === id)!;
const term = (n: number, name: string) => P(n).terms[name]!;
const money = (n: number, name: string) => term(n, name).value as Decimal;
const d = (x: string) => new Decimal(x);

describe("RS1 at the pricing assumption: golden files", () => {
  it("matches the golden JSON of the first twelve Distribution Dates", async () => {
    await expect(renderJson(result, { periods: (n) => n <= 12 })).toMatchFileSnapshot(
      "./__golden__/rs1-dates-1-12.json",
    );
  });
  it("matches the golden cash-flow table of the whole run", async () => {
    await expect(renderCsv(result)).toMatchFileSnapshot("./__golden__/rs1-cashflows.csv");
  });
  it("runs until the certificates are retired", () => {
    const last = P(result.periods.length);
    for (const [name, c] of Object.entries(last.classes)) expect(c.balance.toFixed(2), name).toBe("0.00");
    expect(result.periods.length).toBeGreaterThan(100);
  });
});

describe("RS1 Distribution Date 1 (2002-02-25), checked by hand", () => {
  const g1 = P(1).collateral.groups["Group I"]!;
  it("falls on the calendar of the Agreement", () => {
    expect(result.periods.slice(0, 5).map((p) => p.distributionDate)).toEqual([
      "2002-02-25",
      "2002-03-25",
      "2002-04-25",
      "2002-05-28",
      "2002-06-25",
    ]);
  });
  it("collects Group I interest at the net mortgage rate: $300,000,000 × (8.90% − 0.50%) / 12 = $2,100,000.00", () => {
    expect(g1.interest.toFixed(2)).toBe("2100000.00");
  });
  it("accrues the fixed classes 30/360 and the floating class actual/360 from the Closing Date", () => {
    // A-I-2: $40,000,000 × 4.47% / 12 = $149,000.00; A-I-3: $50,000,000 × 5.08% / 12 = $211,666.67
    expect(P(1).classes["A-I-2"]!.interest.toFixed(2)).toBe("149000.00");
    expect(P(1).classes["A-I-3"]!.interest.toFixed(2)).toBe("211666.67");
    // A-I-1: $100,000,000 × (1.86% + 0.09%) × 26 / 360 (Jan 30 → Feb 25) = $140,833.33
    expect(P(1).classes["A-I-1"]!.interest.toFixed(2)).toBe("140833.33");
    // A-I-IO: notional $60,000,000 × 6.00% / 12 = $300,000.00
    expect(P(1).classes["A-I-IO"]!.interest.toFixed(2)).toBe("300000.00");
  });
  it("distributes the Group I Available Distribution Amount clause by clause", () => {
    const principal = g1.scheduledPrincipal.plus(g1.prepayments).plus(g1.netLiquidationProceeds);
    const available = g1.interest.plus(principal);
    expect(P(1).sections[0]!.available.toFixed(2)).toBe(available.toFixed(2));
    // (i): interest on A-I-1…A-I-6 and A-I-IO
    const seniorInterest = ["A-I-1", "A-I-2", "A-I-3", "A-I-4", "A-I-5", "A-I-6", "A-I-IO"].map(
      (c) => P(1).classes[c]!.accruedInterest,
    );
    expect(clause(1, "4.02(c)(i)").paid.toFixed(2)).toBe(sum(seniorInterest).toFixed(2));
    // (ii)-(iv): M-I-1 $13,500,000 × 6.90% / 12 = $77,625.00; M-I-2 $54,375.00; M-I-3 $37,500.00
    expect(clause(1, "4.02(c)(ii)").paid.toFixed(2)).toBe("77625.00");
    expect(clause(1, "4.02(c)(iii)").paid.toFixed(2)).toBe("54375.00");
    expect(clause(1, "4.02(c)(iv)").paid.toFixed(2)).toBe("37500.00");
    // (v): before the Stepdown Date all principal collected goes to Class A-I
    expect(clause(1, "4.02(c)(v)").paid.toFixed(2)).toBe(principal.toFixed(2));
    // Excess Cash Flow = what is left; the OC deficiency is $6,000,000 − $500,000, far above it,
    // so (xii) pays all of it to A-I-1 under the original wording.
    const ecf = available.minus(sum(seniorInterest)).minus("169500").minus(principal);
    expect(money(1, "Group I Excess Cash Flow").toFixed(2)).toBe(ecf.toFixed(2));
    expect(clause(1, "4.02(c)(xii)").paid.toFixed(2)).toBe(ecf.toFixed(2));
    expect(P(1).classes["A-I-1"]!.principal.toFixed(2)).toBe(principal.plus(ecf).toFixed(2));
    expect(P(1).sections[0]!.released.toFixed(2)).toBe("0.00");
  });
});

describe("Amendment Number One, item by item", () => {
  const I = "Group I Overcollateralization Increase Amount";
  const II = "Group II Overcollateralization Increase Amount";
  const deficiency = (n: number, g: "I" | "II") =>
    max(
      money(n, `Group ${g} Required Overcollateralization Amount`).minus(
        money(n, `Group ${g} Overcollateralization Amount`),
      ),
      ZERO,
    );

  it("governs Distribution Dates 1–3 by the original wording and 4 onward by the amended wording", () => {
    for (const n of [1, 2, 3]) {
      expect(versionLabel(result.model, term(n, I).version)).toBe("Agreement");
      expect(versionLabel(result.model, term(n, II).version)).toBe("Agreement");
      expect(versionLabel(result.model, clause(n, "4.02(d)(xiii)").version)).toBe("Agreement");
    }
    for (const n of [4, 5, 11, 40]) {
      expect(versionLabel(result.model, term(n, I).version)).toBe("Amendment Number One, item 2");
      expect(versionLabel(result.model, term(n, II).version)).toBe("Amendment Number One, item 3");
      expect(versionLabel(result.model, clause(n, "4.02(d)(xiii)").version)).toBe("Amendment Number One, item 4");
    }
  });

  it("Distribution Date 3: the original Increase Amount is capped by Group I's own Excess Cash Flow", () => {
    const own = clause(3, "4.02(c)(xii)").remainingBefore;
    expect(money(3, I).toFixed(2)).toBe(cents(min(own, deficiency(3, "I"))).toFixed(2));
  });

  it("Distribution Date 4: the amended Increase Amount adds Group II's Excess Cash Flow at 4.02(d)(xi)", () => {
    const own = clause(4, "4.02(c)(xii)").remainingBefore;
    const other = clause(4, "4.02(d)(xi)").remainingBefore;
    const expected = min(own.plus(other), deficiency(4, "I"));
    expect(money(4, I).toFixed(2)).toBe(cents(expected).toFixed(2));
    expect(money(4, I).gt(own)).toBe(true); // the cross-group cash makes a difference on this date
  });

  it("the Group II Overcollateralization Increase Amount is $0 on Distribution Dates 4–10, and not after", () => {
    for (let n = 4; n <= 10; n++) expect(money(n, II).toFixed(2), `date ${n}`).toBe("0.00");
    const own = clause(11, "4.02(d)(xii)").remainingBefore;
    const other = clause(11, "4.02(c)(xi)").remainingBefore;
    expect(money(11, II).toFixed(2)).toBe(cents(min(own.plus(other), deficiency(11, "II"))).toFixed(2));
    expect(money(11, II).gt(ZERO)).toBe(true);
  });

  it("the amended 4.02(d)(xiii) pays nothing on Distribution Dates 4–10 and applies from the eleventh", () => {
    for (let n = 4; n <= 10; n++) {
      expect(clause(n, "4.02(d)(xiii)").applies, `date ${n}`).toBe(false);
      expect(clause(n, "4.02(d)(xiii)").paid.toFixed(2)).toBe("0.00");
    }
    expect(clause(11, "4.02(d)(xiii)").applies).toBe(true);
    // It pays the Group I Increase Amount not covered by Group I Excess Cash Flow.
    const uncovered = max(money(11, I).minus(clause(11, "4.02(c)(xii)").paid), ZERO);
    expect(clause(11, "4.02(d)(xiii)").due.toFixed(2)).toBe(uncovered.toFixed(2));
  });

  it("changes nothing before its effective date, and something after it", () => {
    const deal = checkedDeal(DIR);
    const unamended = amend(deal.versioned.base, []).versioned!;
    const col = { periods: result.periods.map((x) => x.collateral), source: result.collateralSource };
    const original = run(lower(unamended, "rs1-unamended").model!, {
      collateral: col.periods,
      collateralSource: col.source,
      maxPeriods: 12,
    });
    for (const n of [1, 2, 3])
      expect(renderJson({ ...original, periods: [original.periods[n - 1]!] })).toBe(
        renderJson({ ...original, periods: [P(n)] }),
      );
    expect((original.periods[3]!.terms[II]!.value as Decimal).gt(ZERO)).toBe(true); // the original wording has no $0 holiday
    expect(money(4, II).isZero()).toBe(true);
  });

  it("keeps provision 11.01(a)(vi) as text: the amended words from item 5", () => {
    const view = checkedDeal(DIR).versioned.views.at(-1)!;
    const p = view.provisions.get("11.01(a)(vi)")!;
    expect(p.version.label).toBe("Amendment Number One, item 5");
    expect(p.node.text.text.replace(/\s+/g, " ")).toContain(
      "shall not, as evidenced by an Opinion of Counsel, adversely affect in any material respect",
    );
  });
});

describe("RS1 invariants on every Distribution Date", () => {
  it("each payment section pays out exactly what it had: paid + released = available, to the cent", () => {
    for (const p of result.periods)
      for (const s of p.sections.filter((x) => x.id.startsWith("4.02"))) {
        const paid = sum(s.clauses.map((c) => c.paid));
        expect(paid.plus(s.released).toFixed(2), `date ${p.number} ${s.id}`).toBe(s.available.toFixed(2));
      }
  });
  it("no Certificate Principal Balance goes below zero, and balances only fall", () => {
    for (const p of result.periods)
      for (const [name, c] of Object.entries(p.classes)) {
        expect(c.balance.gte(ZERO), `date ${p.number} ${name}`).toBe(true);
        if (name !== "A-I-IO") expect(c.balance.lte(c.beginningBalance)).toBe(true);
      }
  });
  it("each class's JSON carries the fields of the issue's shape", () => {
    const json = JSON.parse(renderJson({ ...result, periods: [P(4)] }));
    const p = json.periods[0];
    expect(Object.keys(p.classes["A-I-1"])).toEqual(
      expect.arrayContaining(["interest", "principal", "balance", "interestShortfall", "realizedLoss"]),
    );
    expect(p.sections[0]).toMatchObject({ id: "4.02(c)", available: expect.any(String), released: expect.any(String) });
    expect(p.sections[0].clauses[0]).toMatchObject({
      id: "4.02(c)(i)",
      version: "Agreement",
      due: expect.any(String),
      paid: expect.any(String),
      remaining: expect.any(String),
    });
    expect(p.terms[I_NAME]).toMatchObject({
      version: "Amendment Number One, item 2",
      value: expect.stringMatching(/^\d+\.\d{2}$/),
    });
  });
});
const I_NAME = "Group I Overcollateralization Increase Amount";

describe("RS1 readable report", () => {
  it("matches the golden table of the first two Distribution Dates", async () => {
    const { renderTable } = await import("../../src/report/table.ts");
    await expect(
      renderTable({ ...result, stopped: "period limit", periods: result.periods.slice(0, 2) }),
    ).toMatchFileSnapshot("./__golden__/rs1-dates-1-2.txt");
  });
});
