/**
 * The long fuzzing run, for nights and releases: `npm run fuzz -- --minutes N` (default 5).
 * Repeats the CI suite's properties (test/fuzz/fuzz.ts) with fresh seeds until the time is up,
 * then prints what it reached: agreements generated, mutants tried, scenarios and Distribution
 * Dates run, invariant violations and crashes. Every failing input is written to
 * test/fuzz/regressions/ (with its seed in a comment) and the run exits 1.
 */
import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { RS1, checkLoad, checkRun, dealArb, flowsArb, mutantArb } from "../test/fuzz/fuzz.ts";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "5" } } });
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error(`fuzz: --minutes must be a positive number, got "${values.minutes}"`);
  process.exit(2);
}
const until = Date.now() + minutes * 60_000;
const counts = { agreements: 0, mutants: 0, scenarios: 0, periods: 0, violations: 0, crashes: 0 };
const found: { what: string; text: string; problems: string[]; seed: number }[] = [];

const generated = fc.property(
  dealArb.chain((d) => fc.tuple(fc.constant(d), flowsArb(d))),
  ([deal, periods]) => {
    counts.agreements++;
    counts.scenarios++;
    counts.periods += periods.length;
    const bad = checkRun(deal.text, periods);
    if (bad.length) found.push({ what: "generated", text: deal.text, problems: bad, seed: 0 });
    counts.violations += bad.length;
  },
);
const mutants = (base: Record<string, string>, file: string) =>
  fc.property(mutantArb(base[file]!), (text) => {
    counts.mutants++;
    const bad = checkLoad({ ...base, [file]: text });
    if (bad.length) found.push({ what: `mutant of ${file}`, text, problems: bad, seed: 0 });
    counts.crashes += bad.filter((b) => b.includes("threw")).length;
    counts.violations += bad.filter((b) => !b.includes("threw")).length;
  });
const rs1 = { "agreement.pacta": RS1.agreement, "amendment-1.pacta": RS1.amendment };
const properties: fc.IProperty<never>[] = [
  generated,
  mutants(rs1, "agreement.pacta"),
  mutants(rs1, "amendment-1.pacta"),
] as never;

let round = 0;
while (Date.now() < until) {
  const seed = (Date.now() ^ (round * 2654435761)) | 0;
  const before = found.length;
  fc.check(properties[round % properties.length]!, { numRuns: 25, seed });
  for (const f of found.slice(before)) f.seed = seed;
  round++;
}

console.log(`fuzz: ${minutes} minute(s), ${round} rounds of 25 cases`);
for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(11)} ${v}`);
if (found.length) {
  mkdirSync("test/fuzz/regressions", { recursive: true });
  found.slice(0, 20).forEach((f, i) => {
    const file = `test/fuzz/regressions/found-${Date.now()}-${i}.pacta`;
    writeFileSync(file, `// ${f.what}, seed ${f.seed}: ${f.problems.join("; ").replace(/\n/g, " ")}\n${f.text}`);
    console.log(`  kept ${file}`);
  });
  process.exit(1);
}
