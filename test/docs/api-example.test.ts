/** docs/api.md's example, run as written (the package name mapped to the sources). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMoney, loadDeal, runDeal } from "../../src/api.ts";

describe("docs/api.md", () => {
  it("its example runs and prints what the API computes", () => {
    const doc = readFileSync("docs/api.md", "utf8");
    const code = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;
    // Inside the checkout (.tmp/ is ignored), so tsx resolves packages as the sources do.
    mkdirSync(".tmp", { recursive: true });
    const dir = mkdtempSync(join(".tmp", "doc-"));
    const file = join(dir, "example.ts");
    writeFileSync(file, code.replace('from "pacta-lang"', `from ${JSON.stringify(resolve("src/api.ts"))}`));
    const out = execFileSync(process.execPath, ["--import", "tsx", file], {
      encoding: "utf8",
      env: { ...process.env, PACTA_DEAL: resolve("agreements/ramp-2002-rs1") },
    });
    const r = runDeal(loadDeal("agreements/ramp-2002-rs1"), {
      scenario: { ppc: "150", cdr: "5" },
      maxPeriods: 4,
    }).result!;
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe(`2002-02-25  A-I-1 principal ${formatMoney(r.periods[0]!.classes["A-I-1"]!.principal)}`);
    expect(lines[3]).toMatch(/^Increase Amount on 2002-05-28: \$[\d,.]+ \(Amendment Number One, item 2\)$/);
    expect(lines.slice(4).length).toBe(
      r.periods[3]!.terms["Group I Overcollateralization Increase Amount"]!.inputs.length,
    );
    expect(lines[4]).toMatch(/^ {2}from /);
  });
});
