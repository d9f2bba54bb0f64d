/** The pipeline's boundaries, as the architecture states them (docs/architecture.md). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const importsOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), "utf8").matchAll(/^import[^;]*?from "([^"]+)"/gms)].map((m) => ({
        file: f,
        from: m[1]!,
      })),
    );

describe("stage boundaries", () => {
  it("the engine imports nothing from syntax/, semantics/ or amend/: it reads the resolved model", () => {
    const bad = importsOf("src/engine").filter((i) => /\/(syntax|semantics|amend)\//.test(i.from));
    expect(bad).toEqual([]);
  });

  it("the library API and the reports import nothing from the CLI", () => {
    const bad = [...importsOf("src/api"), ...importsOf("src/report"), ...importsOf("src/scenario")].filter((i) =>
      i.from.includes("/cli/"),
    );
    expect(bad).toEqual([]);
    expect(readFileSync("src/api.ts", "utf8")).not.toMatch(/from "\.\/cli\//);
  });
});
