/**
 * The run-time backstop for cycles: if a view that was never checked has a clause needing an
 * amount only known after it runs, the engine stops with PA4001 naming the chain, instead of
 * looping or producing a number.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PactaError } from "../../src/core/diagnostics.ts";
import { run } from "../../src/engine/run.ts";
import { lower } from "../../src/model/lower.ts";
import { baseView } from "../../src/semantics/view.ts";
import { check } from "../../src/semantics/check.ts";
import { parse } from "../../src/syntax/parse.ts";
import type { Agreement } from "../../src/syntax/ast.ts";
import { collateral } from "../helpers/deal.ts";

const text = readFileSync("test/fixtures/toy/agreement.pacta", "utf8").replace(
  /definition "Overcollateralization Increase Amount"[\s\S]*?(?=\nsection)/,
  'definition "Overcollateralization Increase Amount"\n  means paid at 4.02(a)(vi)\n',
);

describe("cycles", () => {
  const ast = parse(text, "cyclic.pacta").ast as Agreement;
  const view = baseView(ast);

  it("are found statically, naming the chain of terms and clauses", () => {
    const d = check(view).diagnostics.find((x) => x.code === "PA2007")!;
    expect(d.message).toBe(
      'these provisions depend on each other in a cycle: "Overcollateralization Increase Amount" → clause 4.02(a)(v) → "Overcollateralization Increase Amount"',
    );
  });

  it("stop a run with PA4001 when a view was never checked", () => {
    const va = { base: ast, amendments: [], views: [view], history: new Map(), units: new Map() };
    const flows = collateral("Pool", "1000000", [{ interest: "6000.00", scheduled: "5000.00" }]);
    let err: unknown;
    try {
      run(lower(va as never, "toy").model!, { collateral: flows, collateralSource: "test" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PactaError);
    const d = (err as PactaError).diagnostics[0]!;
    expect(d.code).toBe("PA4001");
    expect(d.message).toBe(
      'cycle while evaluating Distribution Date 1 (2002-02-25): clause 4.02(a)(v) → "Overcollateralization Increase Amount" → clause 4.02(a)(vi)',
    );
  });
});
