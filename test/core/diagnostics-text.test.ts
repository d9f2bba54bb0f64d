/** What a diagnostic prints: user text made terminal-safe, and the right source line whatever the line endings. */
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadDeal, parse } from "../../src/api.ts";

describe("a diagnostic's text", () => {
  it("escapes control characters from a deal file, so it cannot drive the terminal", () => {
    const evil = 'agreement "A\u001b]0;pwned\u0007\u001b[2J"\n  definition "X" meens $1\n';
    const r = parse(evil, "evil\u001b[31m.pacta");
    const text = r.diagnostics.map((d) => formatDiagnostic(d, evil)).join("\n");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain("evil\\x1B[31m.pacta");
  });

  it("shows the right source line under a location for LF, CRLF and lone CR files", () => {
    const lines = ['agreement "A"', "", 'definition "X"', "  meens $1"];
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = lines.join(eol) + eol;
      const d = parse(text, "a.pacta").diagnostics[0]!;
      expect(d.location.line).toBe(4);
      const shown = formatDiagnostic(d, text).split("\n");
      expect(shown[1]).toBe("  4 |   meens $1");
      expect(shown[2]).toBe("    |   ^^^^^");
    }
  });

  it("of a deal loaded from memory names its files as the host shows them", () => {
    const d = loadDeal({ "agreement.pacta": 'agreement "A"\n  definition "X" meens $1\n' }).diagnostics[0]!;
    expect(d.location.file).toBe("deal/agreement.pacta");
  });
});
