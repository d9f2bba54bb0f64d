import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/print.ts";
import plugin from "../../src/format/prettier-plugin.ts";

const MESSY = "test/format/fixtures/messy.pacta";
const TOY = "test/fixtures/toy/agreement.pacta";

describe("the Prettier plugin", () => {
  it("formats with pacta's formatter", async () => {
    const text = readFileSync(MESSY, "utf8");
    expect(await prettier.format(text, { parser: "pacta", plugins: [plugin] })).toBe(format(text, MESSY));
  });

  it("picks the pacta parser for .pacta files", async () => {
    const text = 'agreement "A"\ndefinition "D" means $1 + $2\n';
    expect(await prettier.format(text, { filepath: "deal/agreement.pacta", plugins: [plugin] })).toBe(
      'agreement "A"\n\ndefinition "D"\n  means $1 plus $2\n',
    );
  });

  it("reports a syntax error as a Prettier syntax error (with a location), not a crash", async () => {
    const err = await prettier
      .format('agreement "A"\n  bogus\n', { parser: "pacta", plugins: [plugin] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("PA1002");
    expect((err as { loc?: unknown }).loc).toEqual({ start: { line: 2, column: 3 } });
  });
});

describe("prettier on the command line, with the repository's .prettierrc.json", () => {
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["node_modules/prettier/bin/prettier.cjs", ...args], { encoding: "utf8", input });

  it("loads the plugin and formats a .pacta file from stdin", () => {
    const r = cli(["--stdin-filepath", "x.pacta"], readFileSync(MESSY, "utf8"));
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(format(readFileSync(MESSY, "utf8"), MESSY));
  });

  it("--check passes on a formatted file and fails on an unformatted one", () => {
    expect(cli(["--check", TOY]).status).toBe(0);
    expect(cli(["--check", MESSY, "--ignore-path", ""]).status).toBe(1);
  });
});
