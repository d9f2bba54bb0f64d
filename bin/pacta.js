#!/usr/bin/env node
// The `pacta` command: runs the bundled JavaScript in dist/bin/ (`npm run build`; `npm ci` builds
// it through the `prepare` script, and the published package ships it).
import { existsSync } from "node:fs";

const main = new URL("../dist/bin/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "pacta: the built JavaScript is missing (dist/bin/main.js)\n  hint: run `npm run build` in the pacta checkout\n",
  );
  process.exit(2);
}
await import(main.href);
