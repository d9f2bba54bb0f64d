#!/usr/bin/env node
// The `pacta` command: runs the built JavaScript in dist/ (`npm run build`; `npm ci` and `npm pack`
// build it through the `prepare` script).
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "pacta: the built JavaScript is missing (dist/cli/main.js)\n  hint: run `npm run build` in the pacta checkout\n",
  );
  process.exit(2);
}
await import(main.href);
