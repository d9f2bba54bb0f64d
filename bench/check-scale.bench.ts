/**
 * How `check` (parse, check, amend, lower) grows with the size of an agreement: the toy deal plus
 * N generated definitions, as independent terms and as one chain (each reading the next), for
 * N = 1,000, 10,000 and 50,000. Prints medians of wall and CPU time over rounds run in rotating
 * order, and the ratio of each time to the 1,000-definition time: linear growth shows ratios
 * near 10 and 50.
 *
 * Run: `npx tsx bench/check-scale.bench.ts [rounds]` (part of `npm run bench`).
 */
import { readFileSync } from "node:fs";
import { loadDeal } from "../src/api.ts";

const rounds = Number(process.argv[2] ?? 3);
const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");

function agreement(n: number, chained: boolean): string {
  const defs = Array.from(
    { length: n },
    (_, i) =>
      `definition "Term ${i + 1}"\n  means ${chained && i > 0 ? `"Term ${i}" plus $1.00` : `interest collections of group "Pool" times ${(i % 97) + 1}%`}\n`,
  ).join("");
  // Chained: one term reads the last of the chain. Independent: the terms are unused, and check
  // reports a warning for each, which is part of what is measured.
  const used = chained ? `"Term ${n}"` : '"Term 1"';
  return toy.replace(
    /definition "Required Overcollateralization Amount"\n {2}means [^\n]*/,
    `definition "Required Overcollateralization Amount"\n  means 2.00% times cut-off balance of group "Pool"\n\ndefinition "Everything"\n  means ${used} times 0\n${defs}`,
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const sizes = [1000, 10000, 50000];
for (const chained of [false, true]) {
  const texts = sizes.map((n) => agreement(n, chained));
  const wall = sizes.map(() => [] as number[]);
  const cpu = sizes.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < sizes.length; k++) {
      const i = (k + r) % sizes.length;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const d = loadDeal({ "agreement.pacta": texts[i]! });
      wall[i]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpu[i]!.push((c.user + c.system) / 1000);
      const errors = d.diagnostics.filter((x) => x.severity === "error");
      if (errors.length) throw new Error(`${sizes[i]} definitions: ${errors[0]!.message}`);
    }
  console.log(`check of the toy deal plus N ${chained ? "chained" : "independent"} definitions (${rounds} rounds):`);
  const base = median(wall[0]!);
  sizes.forEach((n, i) =>
    console.log(
      `  N = ${String(n).padStart(6)}: wall ${median(wall[i]!).toFixed(0).padStart(6)} ms, CPU ${median(cpu[i]!).toFixed(0).padStart(6)} ms, × ${(median(wall[i]!) / base).toFixed(1)} the 1,000-definition time`,
    ),
  );
}
