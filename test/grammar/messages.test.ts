/**
 * The message-code table of the language reference (grammar/README.md, "Messages and their
 * codes") lists every code of the catalogue, `MESSAGES` in src/core/diagnostics.ts, once, with
 * its severity, and names no code the catalogue does not have. The reference and the guide
 * mention no code outside the catalogue either.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/core/diagnostics.ts";
import { repoPath } from "../../scripts/generate-grammar.ts";

const README = "grammar/README.md";
const text = readFileSync(repoPath(README), "utf8");

/** The rows of the message table: the lines `| PA1234 | error | … |` of the section on messages. */
function tableRows(): { code: string; severity: string; line: number }[] {
  const start = text.search(/^## \d+\. Messages and their codes$/m);
  if (start < 0) return [];
  const next = text.slice(start + 1).search(/^## /m);
  const section = next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
  const firstLine = text.slice(0, start).split("\n").length;
  return section.split("\n").flatMap((l, i) => {
    const m = /^\|\s*(PA\d{4})\s*\|\s*([a-z]+)\s*\|/.exec(l);
    return m ? [{ code: m[1]!, severity: m[2]!, line: firstLine + i }] : [];
  });
}

const catalogue = Object.keys(MESSAGES).sort();
const rows = tableRows();
const listed = rows.map((r) => r.code);

describe(`the message table of ${README}`, () => {
  it("exists", () => {
    expect(
      rows.length,
      `no "Messages and their codes" table with rows like "| PA1001 | error | …" in ${README}`,
    ).toBeGreaterThan(0);
  });

  it("lists every code of MESSAGES (src/core/diagnostics.ts)", () => {
    const missing = catalogue.filter((c) => !listed.includes(c));
    expect(missing, `codes missing from the table in ${README}: add a row for each`).toEqual([]);
  });

  it("names no code that MESSAGES does not have", () => {
    const unknown = rows.filter((r) => !(r.code in MESSAGES)).map((r) => `${r.code} (${README}:${r.line})`);
    expect(unknown, `the table in ${README} names codes that do not exist`).toEqual([]);
  });

  it("lists each code once", () => {
    const twice = listed.filter((c, i) => listed.indexOf(c) !== i);
    expect(twice, `codes listed twice in ${README}`).toEqual([]);
  });

  it("gives each code its severity", () => {
    const wrong = rows
      .filter((r) => r.code in MESSAGES)
      .filter((r) => MESSAGES[r.code as keyof typeof MESSAGES].severity !== r.severity)
      .map(
        (r) =>
          `${r.code}: table says ${r.severity}, MESSAGES says ${MESSAGES[r.code as keyof typeof MESSAGES].severity}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe("codes mentioned in the grammar documents", () => {
  it.each(["grammar/README.md", "grammar/guide.md"])("%s mentions only codes that exist", (doc) => {
    const body = readFileSync(repoPath(doc), "utf8");
    const mentioned = [...new Set(body.match(/\bPA\d{4}\b/g) ?? [])];
    expect(mentioned.filter((c) => !(c in MESSAGES))).toEqual([]);
  });
});
