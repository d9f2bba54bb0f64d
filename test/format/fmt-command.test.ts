import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { format, pactaFiles } from "../../src/api.ts";

const MESSY = readFileSync("test/format/fixtures/messy.pacta", "utf8");
const FORMATTED = format(MESSY, "messy.pacta");
const BROKEN = 'agreement "A"\ndefinition "D" meens $1\n';

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
});

/** Runs `pacta fmt [--check] paths…` as a user would; returns the exit code and keeps its output in `out` and `err`. */
function fmtCommand(paths: string[], opts: { check?: boolean }): number {
  const r = spawnSync(process.execPath, ["bin/pacta.js", "fmt", ...(opts.check ? ["--check"] : []), ...paths], {
    encoding: "utf8",
  });
  out += r.stdout;
  err += r.stderr;
  return r.status ?? -1;
}

/** A fresh directory holding `files` (relative path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pacta-fmt-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe("pactaFiles", () => {
  it("lists a directory's .pacta files recursively and sorted, skipping node_modules and dot-directories", () => {
    const dir = tree({
      "b/agreement.pacta": "",
      "a/z.pacta": "",
      "a/y/amendment-1.pacta": "",
      "a/notes.txt": "",
      "node_modules/x/agreement.pacta": "",
      ".hidden/agreement.pacta": "",
    });
    expect(pactaFiles(dir).map((p) => p.slice(dir.length + 1))).toEqual([
      "a/y/amendment-1.pacta",
      "a/z.pacta",
      "b/agreement.pacta",
    ]);
  });

  it("takes a named file as it is", () => {
    const dir = tree({ "x.txt": "" });
    expect(pactaFiles(join(dir, "x.txt"))).toEqual([join(dir, "x.txt")]);
  });
});

describe("fmtCommand --check", () => {
  it("returns 0 and prints nothing when every file is formatted", () => {
    const dir = tree({ "deal/agreement.pacta": FORMATTED });
    expect(fmtCommand([dir], { check: true })).toBe(0);
    expect(out).toBe("");
    expect(err).toBe("");
  });

  it("returns 1, names each unformatted file, and writes nothing", () => {
    const dir = tree({
      "deal/agreement.pacta": FORMATTED,
      "deal/amendment-1.pacta": MESSY,
      "other/agreement.pacta": MESSY,
    });
    expect(fmtCommand([dir], { check: true })).toBe(1);
    expect(out).toBe(`${join(dir, "deal/amendment-1.pacta")}\n${join(dir, "other/agreement.pacta")}\n`);
    expect(readFileSync(join(dir, "other/agreement.pacta"), "utf8")).toBe(MESSY);
  });
});

describe("fmtCommand", () => {
  it("rewrites the unformatted files, names them, and leaves no temporary file", () => {
    const dir = tree({ "agreement.pacta": MESSY, "amendment-1.pacta": FORMATTED });
    expect(fmtCommand([dir], {})).toBe(0);
    expect(out).toBe(`${join(dir, "agreement.pacta")}\n`);
    expect(readFileSync(join(dir, "agreement.pacta"), "utf8")).toBe(FORMATTED);
    expect(readdirSync(dir).sort()).toEqual(["agreement.pacta", "amendment-1.pacta"]);
    out = "";
    expect(fmtCommand([dir], { check: true })).toBe(0);
    expect(out).toBe("");
  });

  it("prints the diagnostics of a file with syntax errors, returns 1, leaves it alone and still formats the others", () => {
    const dir = tree({ "a/agreement.pacta": BROKEN, "b/agreement.pacta": MESSY });
    expect(fmtCommand([dir], {})).toBe(1);
    expect(err).toContain(`${join(dir, "a/agreement.pacta")}:2:16: error PA1002`);
    expect(err).toContain("meens");
    expect(readFileSync(join(dir, "a/agreement.pacta"), "utf8")).toBe(BROKEN);
    expect(readFileSync(join(dir, "b/agreement.pacta"), "utf8")).toBe(FORMATTED);
    expect(out).toBe(`${join(dir, "b/agreement.pacta")}\n`);
  });

  it("in check mode, a syntax error also makes the result 1", () => {
    const dir = tree({ "agreement.pacta": BROKEN });
    expect(fmtCommand([dir], { check: true })).toBe(1);
    expect(err).toContain("PA1002");
    expect(out).toBe("");
  });

  it("reports a path that does not exist and goes on with the others", () => {
    const dir = tree({ "agreement.pacta": FORMATTED });
    expect(fmtCommand([join(dir, "missing"), dir], { check: true })).toBe(1);
    expect(err).toContain("PA1004");
    expect(err).toContain("ENOENT");
  });
});
