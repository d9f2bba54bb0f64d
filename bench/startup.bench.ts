/**
 * Start-up and check speed (issue: "the missing middle"). Whole processes, run in rotating order
 * (A B C, B C A, C A B, …) so that load on this shared machine falls on every case alike:
 *   - bare `node -e 0`, the floor;
 *   - `pacta --version` (target: within 150 ms of bare node);
 *   - `pacta check agreements/ramp-2002-rs1` (target: under 500 ms).
 * And in-process, warm: parse + check + amend + lower of RS1 from memory (target: under 20 ms).
 * Prints medians of wall time and of CPU time (user + system, from /usr/bin/time), and the
 * median of the paired differences against bare node measured in the same round.
 *
 * Run: `npm run build && npx tsx bench/startup.bench.ts [rounds]` (part of `npm run bench`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDeal, memoryHost } from "../src/api.ts";

const rounds = Number(process.argv[2] ?? 15);
const node = process.execPath;
const haveTime = existsSync("/usr/bin/time");
const scratch = mkdtempSync(join(tmpdir(), "pacta-bench-"));

interface Case {
  name: string;
  args: string[];
  target?: { ms: number; against: "absolute" | "node" };
}
const cases: Case[] = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "pacta --version", args: ["bin/pacta.js", "--version"], target: { ms: 150, against: "node" } },
  {
    name: "pacta check agreements/ramp-2002-rs1",
    args: ["bin/pacta.js", "check", "agreements/ramp-2002-rs1"],
    target: { ms: 500, against: "absolute" },
  },
];

function once(c: Case): { wall: number; cpu: number } {
  const out = join(scratch, "time.txt");
  const t0 = process.hrtime.bigint();
  const r = haveTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", out, node, ...c.args], { stdio: "ignore" })
    : spawnSync(node, c.args, { stdio: "ignore" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}`);
  let cpu = NaN;
  if (haveTime) {
    const [u, s] = readFileSync(out, "utf8").trim().split(/\s+/).slice(-2).map(Number);
    cpu = (u! + s!) * 1000;
  }
  return { wall, cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

if (!existsSync("dist/bin/main.js")) {
  console.error("bench/startup: run `npm run build` first");
  process.exit(2);
}
for (const c of cases) once(c); // warm the file cache
const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
const diffs = cases.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  const round: { wall: number; cpu: number }[] = [];
  for (let k = 0; k < cases.length; k++) {
    const i = (k + r) % cases.length;
    round[i] = once(cases[i]!);
  }
  round.forEach((m, i) => {
    samples[i]!.wall.push(m.wall);
    samples[i]!.cpu.push(m.cpu);
    diffs[i]!.push(m.wall - round[0]!.wall);
  });
}

console.log(`Start-up, ${rounds} rounds in rotating order (medians; CPU = user + system of the process)`);
console.log(`${"".padEnd(40)} ${"wall ms".padStart(9)} ${"CPU ms".padStart(9)} ${"− node ms".padStart(10)}  target`);
cases.forEach((c, i) => {
  const wall = median(samples[i]!.wall);
  const cpu = median(samples[i]!.cpu);
  const over = median(diffs[i]!);
  let verdict = "";
  if (c.target) {
    const v = c.target.against === "node" ? over : wall;
    verdict = `${c.target.against === "node" ? "within" : "under"} ${c.target.ms} ms: ${v <= c.target.ms ? "met" : "NOT met"}`;
  }
  console.log(
    `${c.name.padEnd(40)} ${wall.toFixed(1).padStart(9)} ${Number.isNaN(cpu) ? "n/a".padStart(9) : cpu.toFixed(0).padStart(9)} ${i === 0 ? "".padStart(10) : over.toFixed(1).padStart(10)}  ${verdict}`,
  );
});

// In-process, warm: the front half of the pipeline on RS1's text held in memory.
const dir = "agreements/ramp-2002-rs1";
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith(".pacta"))
    .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
);
const host = memoryHost(files, "ramp-2002-rs1");
for (let i = 0; i < 10; i++) if (!loadDeal(host).model) throw new Error("RS1 did not load");
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 40; i++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  loadDeal(host);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const w = median(wall);
console.log(
  `${"parse + check + amend + lower RS1, warm".padEnd(40)} ${w.toFixed(1).padStart(9)} ${median(cpu).toFixed(1).padStart(9)} ${"".padStart(10)}  under 20 ms: ${w <= 20 ? "met" : "NOT met"}`,
);
