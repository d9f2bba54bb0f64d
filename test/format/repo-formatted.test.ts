/** Every agreement in the repository is formatted (what `pacta fmt --check agreements` checks in CI). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { pactaFiles } from "../../src/api.ts";
import { format } from "../../src/format/print.ts";

describe("the bundled agreements are formatted", () => {
  for (const f of pactaFiles("agreements")) {
    it(f, () => {
      const text = readFileSync(f, "utf8");
      expect(format(text, f) === text, `${f} is not formatted: run \`node bin/pacta.js fmt ${f}\``).toBe(true);
    });
  }
});
