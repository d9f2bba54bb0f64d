/**
 * The fuzzing kit, shared by the CI-sized suite (fuzz.test.ts) and the long run
 * (`npm run fuzz -- --minutes N`, scripts/fuzz.ts):
 * - `dealArb`: grammar-aware generation of valid agreements: one or two loan groups, senior and
 *   subordinate classes, interest pro rata or sequential, principal sequential, an
 *   overcollateralization clause with a condition on the Distribution Date, a loss section;
 * - `flowsArb`: random, feasible collections for every group;
 * - `mutantArb`: random edits of a bundled or generated agreement (delete, duplicate, swap,
 *   insert characters or words);
 * - `runInvariants` and `rejectionInvariants`: what must hold of every run and every refusal.
 * Each returns a list of violations (empty when all hold), so a runner can count them.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { formatDiagnostic, loadDeal, renderJson, runDeal, type RunResult } from "../../src/api.ts";
import { ZERO, sum } from "../../src/core/money.ts";
import type { CollateralPeriod } from "../../src/collateral/types.ts";
import { collateral, type Flow } from "../helpers/deal.ts";

/** A generated deal: its agreement text and the loan groups' cut-off balances (whole dollars). */
export interface GeneratedDeal {
  text: string;
  groups: { name: string; cutoff: number }[];
}

const classNames = (g: number, n: number) => Array.from({ length: n }, (_, i) => `${g === 0 ? "A" : "B"}-${i + 1}`);

/** Agreements that pacta must accept: valid by construction. */
export const dealArb: fc.Arbitrary<GeneratedDeal> = fc
  .record({
    groups: fc.integer({ min: 1, max: 2 }),
    classes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 2 }),
    rates: fc.array(fc.integer({ min: 100, max: 900 }), { minLength: 8, maxLength: 8 }),
    cutoff: fc.array(fc.integer({ min: 100_000, max: 50_000_000 }), { minLength: 2, maxLength: 2 }),
    share: fc.array(fc.integer({ min: 80, max: 99 }), { minLength: 2, maxLength: 2 }),
    proRata: fc.boolean(),
    ocFrom: fc.integer({ min: 1, max: 6 }),
    ocPercent: fc.integer({ min: 0, max: 300 }),
    writeDown: fc.boolean(),
  })
  .map((p) => {
    const lines: string[] = [
      'agreement "Fuzz Trust Agreement"',
      "  dated as of 2002-01-01",
      "",
      "calendar",
      "  cut-off date 2002-01-01",
      "  closing date 2002-01-30",
      "  first Distribution Date 2002-02-25",
      "  Distribution Dates on day 25 of each month, or the next Business Day",
      "",
    ];
    const groups: GeneratedDeal["groups"] = [];
    for (let g = 0; g < p.groups; g++) {
      const name = `Pool ${g + 1}`;
      const cutoff = p.cutoff[g]!;
      groups.push({ name, cutoff });
      lines.push(
        `loan group "${name}"`,
        `  cut-off balance $${cutoff.toLocaleString("en-US")}.00`,
        "  mortgage rate 8.00% per annum fixed",
        "  servicing fee 0.50% per annum",
        "  remaining term 120 months",
        "  prepayment assumption 10% CPR",
        "",
      );
      const names = classNames(g, p.classes[g]!);
      // Classes share `share`% of the pool, the last (subordinate) class the odd dollars.
      const total = Math.floor((cutoff * p.share[g]!) / 100);
      const each = Math.floor(total / names.length);
      names.forEach((c, i) =>
        lines.push(
          `class ${c}`,
          `  group "${name}"`,
          `  original certificate principal balance $${(i === names.length - 1 ? total - each * (names.length - 1) : each).toLocaleString("en-US")}.00`,
          `  pass-through rate ${(p.rates[g * 4 + i]! / 100).toFixed(2)}% per annum, 30/360`,
          "",
        ),
      );
      lines.push(`class R-${g + 1}`, `  group "${name}"`, "  residual", "");
    }
    for (let g = 0; g < p.groups; g++) {
      const name = `Pool ${g + 1}`;
      const names = classNames(g, p.classes[g]!);
      const list = names.join(", ");
      const sec = `4.02(${"ab"[g]})`;
      lines.push(
        `definition "${name} Principal"`,
        `  means scheduled principal of group "${name}" plus principal prepayments of group "${name}"`,
        `    plus net liquidation proceeds of group "${name}"`,
        "",
        `definition "${name} Available Amount"`,
        `  means interest collections of group "${name}" plus "${name} Principal"`,
        "",
        `definition "${name} OC Deficiency"`,
        `  means excess of ${(p.ocPercent / 100).toFixed(2)}% of cut-off balance of group "${name}"`,
        `    over excess of stated principal balance of group "${name}" after distributions`,
        `    over certificate principal balance of classes ${list}`,
        "",
        `section ${sec} "${name} distributions" from "${name} Available Amount"`,
        "  clause (i)",
        `    pay interest due to classes ${list} ${p.proRata ? "pro rata" : "sequentially"}`,
        "  clause (ii)",
        `    pay "${name} Principal" as principal to classes ${list} sequentially until reduced to zero`,
        "  clause (iii)",
        `    when on or after the ${p.ocFrom}${["th", "st", "nd", "rd"][p.ocFrom] ?? "th"} Distribution Date`,
        `    pay "${name} OC Deficiency" as principal to classes ${list} sequentially until reduced to zero`,
        "  clause (iv)",
        `    pay unpaid realized losses to classes ${list} sequentially`,
        `  remainder to class R-${g + 1}`,
        "",
      );
    }
    if (p.writeDown) {
      lines.push('section 4.05 "Allocation of Realized Losses"');
      for (let g = 0; g < p.groups; g++) {
        const name = `Pool ${g + 1}`;
        const names = classNames(g, p.classes[g]!);
        lines.push(
          `  clause (${"ab"[g]})`,
          `    write down excess of certificate principal balance of classes ${names.join(", ")} after distributions`,
          `      over stated principal balance of group "${name}" after distributions`,
          `      from classes ${[...names].reverse().join(", ")} sequentially`,
        );
      }
      lines.push("");
    }
    return { text: lines.join("\n"), groups };
  });

/** Random collections for the deal's groups, scaled so no pool's balance goes below zero. */
export function flowsArb(deal: GeneratedDeal): fc.Arbitrary<CollateralPeriod[]> {
  const share = fc.integer({ min: 0, max: 1000 }); // tenths of a percent of the pool
  const month = fc.record({ interest: share, scheduled: share, prepay: share, liquidation: share, loss: share });
  return fc
    .array(fc.array(month, { minLength: deal.groups.length, maxLength: deal.groups.length }), {
      minLength: 1,
      maxLength: 18,
    })
    .map((months) => {
      const perGroup = deal.groups.map((g, gi) => {
        let bal = g.cutoff * 100;
        const flows: Flow[] = months.map((m) => {
          const f = m[gi]!;
          const part = (x: number) => {
            const take = Math.min(Math.floor((g.cutoff * x) / 10), bal); // cents
            bal -= take;
            return (take / 100).toFixed(2);
          };
          const interest = (Math.floor((g.cutoff * f.interest) / 1000) / 100).toFixed(2);
          return {
            interest,
            scheduled: part(f.scheduled / 4),
            prepay: part(f.prepay / 2),
            liquidation: part(f.liquidation / 8),
            loss: part(f.loss / 8),
          };
        });
        return collateral(g.name, String(g.cutoff), flows);
      });
      return perGroup[0]!.map((p, i) => ({
        ...p,
        groups: Object.assign({}, ...perGroup.map((x) => x[i]!.groups)) as CollateralPeriod["groups"],
      }));
    });
}

/** The invariants of one run, every Distribution Date; returns the violations found. */
export function runInvariants(r: RunResult, periods: readonly CollateralPeriod[]): string[] {
  const bad: string[] = [];
  for (const p of r.periods) {
    const at = `date ${p.number}`;
    const c = periods[p.number - 1]!;
    const collected = sum(
      Object.values(c.groups).map((g) =>
        g.interest.plus(g.scheduledPrincipal).plus(g.prepayments).plus(g.netLiquidationProceeds),
      ),
    );
    let distributed = ZERO;
    for (const s of p.sections) {
      const paid = sum(s.clauses.map((x) => x.paid));
      if (s.available.gt(ZERO) || paid.gt(ZERO)) {
        if (
          s.clauses.some((x) => x.payments.some((y) => y.kind !== "write-down")) &&
          !paid.plus(s.released).eq(s.available)
        )
          bad.push(`${at} section ${s.id}: paid ${paid} + released ${s.released} ≠ available ${s.available}`);
      }
      distributed = distributed.plus(s.available);
      for (const x of s.clauses) {
        if (x.paid.lt(ZERO) || x.due.lt(ZERO)) bad.push(`${at} clause ${x.id}: negative amount`);
        for (const y of x.payments)
          if (y.amount.lt(ZERO)) bad.push(`${at} clause ${x.id}: negative payment to ${y.class}`);
        if (!sum(x.payments.map((y) => y.amount)).eq(x.paid))
          bad.push(`${at} clause ${x.id}: payments do not add up to paid`);
      }
    }
    if (distributed.gt(collected.plus("0.05"))) bad.push(`${at}: distributed ${distributed} > collected ${collected}`);
    for (const [name, k] of Object.entries(p.classes)) {
      if (k.balance.lt(ZERO)) bad.push(`${at} class ${name}: negative balance ${k.balance}`);
      if (k.principal.gt(k.beginningBalance) && !k.notional)
        bad.push(`${at} class ${name}: principal above its balance`);
    }
  }
  return bad;
}

/** Runs a deal twice; returns the violations of the run invariants and of determinism. */
export function checkRun(text: string, periods: CollateralPeriod[]): string[] {
  const deal = loadDeal({ "agreement.pacta": text });
  const errors = deal.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return [`a generated agreement was refused: ${formatDiagnostic(errors[0]!)}`];
  const a = runDeal(deal, { collateral: { periods, source: "fuzz" } });
  if (!a.result) return [`a run failed: ${a.diagnostics.map((d) => d.message).join("; ")}`];
  const b = runDeal(loadDeal({ "agreement.pacta": text }), { collateral: { periods, source: "fuzz" } });
  const bad = runInvariants(a.result, periods);
  if (!b.result || renderJson(a.result, { trace: true }) !== renderJson(b.result, { trace: true }))
    bad.push("two runs of the same deal differ");
  return bad;
}

/** RS1's files, the mutation seeds. */
export const RS1 = {
  agreement: readFileSync("agreements/ramp-2002-rs1/agreement.pacta", "utf8"),
  amendment: readFileSync("agreements/ramp-2002-rs1/amendment-1.pacta", "utf8"),
};

const WORDS = [
  "means",
  "pay",
  "to",
  "class",
  "of",
  "plus",
  "$0",
  "(",
  ")",
  '"',
  "lesser",
  "if",
  "then",
  "A-I-1",
  "\n",
  "4.02(c)(xii)",
  "2002-13-45",
];

/** A random edit of `text`: delete, duplicate or insert a span, or swap two words. */
export function mutantArb(text: string): fc.Arbitrary<string> {
  const n = text.length;
  return fc.oneof(
    fc.tuple(fc.nat(n - 1), fc.integer({ min: 1, max: 40 })).map(([i, len]) => text.slice(0, i) + text.slice(i + len)),
    fc
      .tuple(fc.nat(n - 1), fc.integer({ min: 1, max: 40 }))
      .map(([i, len]) => text.slice(0, i) + text.slice(i, i + len) + text.slice(i)),
    fc.tuple(fc.nat(n), fc.constantFrom(...WORDS)).map(([i, w]) => text.slice(0, i) + w + text.slice(i)),
    fc
      .tuple(fc.nat(n), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
    fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).map(([i, j]) => {
      const words = text.split(" ");
      const a = i % words.length;
      const b = j % words.length;
      [words[a], words[b]] = [words[b]!, words[a]!];
      return words.join(" ");
    }),
  );
}

/**
 * What must hold of a deal pacta loads (refused or not): no exception escapes; every error has a
 * location inside its file and a hint; a refused deal yields no model. Returns the violations.
 */
export function checkLoad(files: Record<string, string>): string[] {
  let deal: ReturnType<typeof loadDeal>;
  try {
    deal = loadDeal(files);
  } catch (e) {
    return [`loadDeal threw: ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`];
  }
  const bad: string[] = [];
  for (const d of deal.diagnostics) {
    if (d.severity !== "error") continue;
    const text = files[d.location.file.replace(/^deal\//, "")];
    const lines = text === undefined ? 1 : text.split(/\r\n|\r|\n/).length;
    if (!(d.location.line >= 1 && d.location.line <= lines && d.location.column >= 1))
      bad.push(`${d.code} at ${d.location.file}:${d.location.line}:${d.location.column} is outside the file`);
    if (!d.hint) bad.push(`${d.code} "${d.message}" has no hint`);
  }
  if (deal.diagnostics.some((d) => d.severity === "error") && deal.model) bad.push("a refused deal has a model");
  if (deal.model) {
    // A deal that loads must also run (or stop with a located diagnostic) on its own projection.
    try {
      const out = runDeal(deal, { maxPeriods: 3 });
      for (const d of out.diagnostics) if (!d.hint) bad.push(`${d.code} "${d.message}" (run) has no hint`);
    } catch (e) {
      bad.push(`runDeal threw: ${(e as Error).message}`);
    }
  }
  return bad;
}
