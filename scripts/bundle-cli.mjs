// Bundles the built CLI (dist/cli/main.js) with its dependencies into dist/bin/, one file per
// command (esbuild code splitting keeps each command's dynamic import lazy). Loading chevrotain
// through its hundreds of ES modules costs ~300 ms a start; one bundled file costs a few.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/cli/main.js"],
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // CommonJS dependencies (commander, csv-*) call require(): give the bundle one.
  banner: {
    js: 'import { createRequire as __pactaRequire } from "node:module"; const require = __pactaRequire(import.meta.url);',
  },
});
