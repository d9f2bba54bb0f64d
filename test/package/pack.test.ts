/**
 * The published package, as an engineer gets it: `npm pack`, installed into a fresh project,
 * imported by its name from TypeScript checked by plain `tsc --strict` (no TypeScript-extension
 * imports allowed), run by plain `node` (no tsx). It must give the CLI's JSON, byte for byte.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(".");
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });

describe("the npm package", () => {
  it("installs from its tarball, type-checks under tsc --strict and runs RS1 under node like the CLI", () => {
    const work = mkdtempSync(join(tmpdir(), "pacta-pack-"));
    npm(["pack", "--pack-destination", work, "--ignore-scripts"], root);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
    const files = execFileSync("tar", ["tzf", join(work, tarball)], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/dist/api.js");
    expect(files).toContain("package/dist/api.d.ts");
    expect(files).toContain("package/agreements/ramp-2002-rs1/agreement.pacta");
    expect(files.filter((f) => /^package\/(test|bench)\//.test(f) || f.includes("__golden__"))).toEqual([]);

    const proj = join(work, "consumer");
    execFileSync("mkdir", [proj]);
    writeFileSync(join(proj, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
    npm(
      ["install", join(work, tarball), join(root, "node_modules/typescript"), join(root, "node_modules/@types/node")],
      proj,
    );
    writeFileSync(
      join(proj, "main.ts"),
      [
        'import { loadDeal, runDeal, renderJson, type RunResult, type Diagnostic } from "pacta-lang";',
        'const deal = loadDeal(process.argv[2] ?? "");',
        "const out = runDeal(deal, { maxPeriods: 3 });",
        "const result: RunResult | undefined = out.result;",
        "const problems: Diagnostic[] = out.diagnostics;",
        "if (!result) throw new Error(problems.map((d) => d.message).join('\\n'));",
        "process.stdout.write(renderJson(result));",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(proj, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          outDir: "out",
          types: ["node"],
        },
        include: ["main.ts"],
      }),
    );
    execFileSync(process.execPath, [join(proj, "node_modules/typescript/bin/tsc"), "-p", proj], { encoding: "utf8" });
    const deal = join(proj, "node_modules/pacta-lang/agreements/ramp-2002-rs1");
    const viaLibrary = execFileSync(process.execPath, [join(proj, "out/main.js"), deal], { encoding: "utf8" });
    const viaCli = execFileSync(
      process.execPath,
      ["bin/pacta.js", "run", "agreements/ramp-2002-rs1", "--format", "json", "--periods", "3"],
      { encoding: "utf8" },
    );
    expect(viaLibrary).toBe(viaCli);
    // The installed command runs the built JavaScript too.
    const version = execFileSync(process.execPath, [join(proj, "node_modules/pacta-lang/bin/pacta.js"), "--version"], {
      encoding: "utf8",
    });
    expect(version.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  }, 240_000);
});
