/**
 * Before any test: build dist/ (incrementally), so the CLI tests run the same JavaScript that
 * `bin/pacta.js` and the published package run, never a stale build.
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { stdio: "inherit" });
}
