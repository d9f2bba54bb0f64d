/**
 * Every static check against a small broken agreement: `pacta check`'s text report of each
 * directory under cases/ is compared with the golden expected.txt beside it
 * (regenerate on purpose with `npm run test:update`).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDeal, renderCheck } from "../../src/api.ts";

const root = "test/check/cases";
const WARNINGS_ONLY = ["unused-definition", "amendment-dates-and-authority"];
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("pacta check on broken agreements", () => {
  it("has a case for every check", () => expect(cases.length).toBeGreaterThanOrEqual(19));
  for (const name of cases) {
    it(name, async () => {
      const r = renderCheck(loadDeal(`${root}/${name}`));
      await expect(r.text).toMatchFileSnapshot(`./cases/${name}/expected.txt`);
      // Every case but the warning-only ones is an error.
      expect(r.errors > 0).toBe(!WARNINGS_ONLY.includes(name));
    });
  }
  it("reports diagnostics as JSON for editors and CI", () => {
    const r = JSON.parse(renderCheck(loadDeal(`${root}/unknown-defined-term`), "json").text);
    expect(r.errors).toBe(1);
    expect(r.diagnostics.find((d: { code: string }) => d.code === "PA2001")).toMatchObject({
      line: 52,
      column: 9,
      severity: "error",
      message: 'unknown defined term "Excess Cashflow"',
      hint: 'did you mean "Excess Cash Flow"?',
    });
  });
});
