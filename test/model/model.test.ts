/** The resolved model: RS1's dump as a golden file, and what lowering guarantees. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDeal, printModel, runDeal } from "../../src/api.ts";
import { printExpr } from "../../src/model/print.ts";
import type { TermBody } from "../../src/model/types.ts";
import { dealFromText } from "../helpers/deal.ts";

const rs1 = loadDeal("agreements/ramp-2002-rs1");
const model = rs1.model!;

describe("the resolved model of RS1", () => {
  it("matches its golden dump", async () => {
    await expect(printModel(model)).toMatchFileSnapshot("__golden__/rs1-model.txt");
  });

  it("gives Amendment One's items versions with their instrument, item and effective date", () => {
    const t = model.terms.get("Group I Overcollateralization Increase Amount" as never)!;
    const versions = t.versions.map((v) => model.versions[v]!);
    expect(versions.map((v) => [v.change, model.instruments[v.instrument]!.title, v.item, v.effective])).toEqual([
      ["original", "Pooling and Servicing Agreement, Series 2002-RS1", undefined, undefined],
      ["replaced", "Amendment Number One", 2, "2002-05-24"],
    ]);
    // The view from 2002-05-24 points at the amended version; the first view at the original.
    expect(model.views[0]!.terms.get(t.id)).toBe(versions[0]!.id);
    expect(model.views[1]!.terms.get(t.id)).toBe(versions[1]!.id);
    expect(model.views[1]!.asOf).toBe("2002-05-24");
  });

  it("parses every literal once, into a Decimal", () => {
    const cutoff = model.groups.get("Group I" as never)!.pool.cutoffBalance;
    expect(cutoff.toFixed(2)).toBe("300000000.00");
    const a = model.classes.get("A-I-1" as never)!;
    expect(a.originalBalance!.toFixed(2)).toBe(
      /class A-I-1[\s\S]*?original certificate principal balance \$([\d,.]+)/
        .exec(readFileSync("agreements/ramp-2002-rs1/agreement.pacta", "utf8"))![1]!
        .replace(/,/g, ""),
    );
  });

  it("records each provision's same-date dependencies by the checker's rule", () => {
    const deps = model.views[1]!.dependencies.get("term:Group I Overcollateralization Increase Amount")!;
    // The amended wording reads Group II's Excess Cash Flow as available at 4.02(d)(xi): clauses (i)–(x) of 4.02(d).
    const clauses = deps.filter((d) => d.kind === "clause").map((d) => (d as { clause: string }).clause);
    expect(clauses).toContain("4.02(d)(x)");
    expect(clauses).not.toContain("4.02(d)(xi)");
  });

  it("is printed the same for every deal and fixture, twice", () => {
    const dirs = ["agreements", "test/fixtures"].flatMap((d) =>
      readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(d, e.name)),
    );
    for (const dir of dirs) {
      const a = loadDeal(dir);
      if (!a.model) continue;
      expect(printModel(a.model)).toBe(printModel(loadDeal(dir).model!));
    }
  });
});

describe("evaluation of long chains", () => {
  it("runs a long chain of definitions without overflowing the stack", () => {
    const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
    const n = 5000;
    const chain = Array.from(
      { length: n },
      (_, i) => `definition "Step ${i + 1}"\n  means ${i === 0 ? "$1.00" : `"Step ${i}" plus $1.00`}\n`,
    ).join("");
    const text = toy.replace(
      /definition "Required Overcollateralization Amount"\n  means [^\n]*/,
      `definition "Required Overcollateralization Amount"\n  means "Step ${n}" times 0 plus 2.00% times cut-off balance of group "Pool"\n${chain}`,
    );
    const deal = dealFromText(text);
    expect(deal.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = runDeal(deal, { maxPeriods: 1 });
    expect(out.diagnostics).toEqual([]);
    expect(out.result!.periods[0]!.terms[`Step ${n}`]!.value.toString()).toBe(String(n));
  });
});

describe("printExpr", () => {
  it("prints nested formulas without recursion", () => {
    const deep = dealFromText(
      readFileSync("test/fixtures/toy/agreement.pacta", "utf8").replace(
        /definition "Required Overcollateralization Amount"\n  means [^\n]*/,
        'definition "Required Overcollateralization Amount"\n  means lesser of\n    (a) $1.00 and\n    (b) excess, if any, of $3.00 over $2.00',
      ),
    ).model!;
    const v = deep.versions[deep.views[0]!.terms.get("Required Overcollateralization Amount" as never)!]!;
    expect(printExpr((v.body as TermBody).means)).toBe("(lesserOf 1 (excessOf 3 2))");
  });
});
