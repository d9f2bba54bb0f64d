/**
 * Benchmark: the pacta engine against a hand-written TypeScript waterfall of the same deal (the
 * toy deal of test/fixtures/toy) on the same collections. Checks first that both give the same
 * balances on every Distribution Date, then times each and prints the ratio; then times a whole
 * RS1 run. Run with `npm run bench`.
 */
import { Decimal, ZERO, cents, max, min, splitProRata, sum } from "../src/core/money.ts";
import { project } from "../src/collateral/projection.ts";
import type { CollateralPeriod } from "../src/collateral/types.ts";
import { loadDeal } from "../src/deal/load.ts";
import { run } from "../src/engine/run.ts";
import { loadDeal as loadViaApi, runDeal } from "../src/api.ts";

const deal = loadDeal("test/fixtures/toy");
const va = deal.model!;
const pools = [...va.groups.values()].map((g) => g.pool);
const flows = project(pools, {
  cpr: new Decimal("0.10"),
  cdr: new Decimal("0.03"),
  severity: new Decimal("0.40"),
  recoveryLagMonths: 6,
  indexRates: {},
});

/** The toy deal's Section 4.02(a) and 4.05, by hand. Returns each date's class balances. */
function handWritten(periods: readonly CollateralPeriod[]): string[][] {
  const rate = [new Decimal("0.05"), new Decimal("0.06"), new Decimal("0.07")];
  const bal = [new Decimal(600000), new Decimal(300000), new Decimal(90000)];
  const unpaidInt = [ZERO, ZERO, ZERO];
  let unpaidLoss = ZERO; // M-1's unreimbursed write-downs
  const out: string[][] = [];
  for (let n = 1; n <= periods.length; n++) {
    const g = periods[n - 1]!.groups["Pool"]!;
    const begin = bal.slice();
    const due = bal.map((b, i) => unpaidInt[i]!.plus(cents(b.times(rate[i]!).div(12))));
    const pra = g.scheduledPrincipal.plus(g.prepayments).plus(g.netLiquidationProceeds);
    let cash = g.interest.plus(pra);
    const payInterest = (idx: number[]) => {
      const dues = idx.map((i) => due[i]!);
      const pay = min(cash, sum(dues));
      splitProRata(pay, dues).forEach((s, k) => (due[idx[k]!] = due[idx[k]!]!.minus(s)));
      cash = cash.minus(pay);
    };
    payInterest([0, 1]);
    payInterest([2]);
    const payPrincipal = (amount: Decimal) => {
      let left = min(cents(amount), cash);
      const paid = left;
      for (let i = 0; i < 3; i++) {
        const t = min(left, bal[i]!);
        bal[i] = bal[i]!.minus(t);
        left = left.minus(t);
      }
      cash = cash.minus(paid.minus(left));
    };
    payPrincipal(pra);
    payPrincipal(g.realizedLoss);
    const oc = max(g.beginningBalance.minus(sum(begin)), ZERO);
    const ocia = n <= 2 ? ZERO : min(cash, max(new Decimal(20000).minus(oc), ZERO));
    payPrincipal(ocia);
    const reimb = min(cash, unpaidLoss);
    unpaidLoss = unpaidLoss.minus(reimb);
    cash = cash.minus(reimb);
    let writeDown = max(sum(bal).minus(g.endingBalance), ZERO);
    const m = min(writeDown, bal[2]!);
    bal[2] = bal[2]!.minus(m);
    unpaidLoss = unpaidLoss.plus(m);
    writeDown = writeDown.minus(m);
    const a = min(writeDown, bal[0]!.plus(bal[1]!));
    splitProRata(a, [bal[0]!, bal[1]!]).forEach((s, i) => (bal[i] = bal[i]!.minus(s)));
    for (let i = 0; i < 3; i++) unpaidInt[i] = due[i]!;
    out.push(bal.map((b) => b.toFixed(2)));
    if (bal.every((b) => b.isZero())) break;
  }
  return out;
}

function viaPacta(periods: readonly CollateralPeriod[]): string[][] {
  const r = run(va, { collateral: periods, collateralSource: "bench" });
  return r.periods.map((p) => ["A-1", "A-2", "M-1"].map((c) => p.classes[c]!.balance.toFixed(2)));
}

function time(label: string, f: () => unknown, iterations: number): number {
  f(); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / iterations;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms per run`);
  return ms;
}

const a = handWritten(flows);
const b = viaPacta(flows);
if (JSON.stringify(a) !== JSON.stringify(b)) {
  const i = a.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b[k]));
  console.error(`the two waterfalls disagree on Distribution Date ${i + 1}: hand-written ${a[i]} vs pacta ${b[i]}`);
  process.exit(1);
}
console.log(`toy deal, ${a.length} Distribution Dates, 3% CDR: both waterfalls give the same balances on every date`);
const hand = time("hand-written TypeScript waterfall", () => handWritten(flows), 50);
const dsl = time("pacta engine (compiled agreement)", () => viaPacta(flows), 50);
console.log(`ratio pacta / hand-written: ${(dsl / hand).toFixed(2)}×`);
const rs1 = time(
  "RS1 as amended, whole run (load + project + run)",
  () => runDeal(loadViaApi("agreements/ramp-2002-rs1")).result!,
  3,
);
const dates = runDeal(loadViaApi("agreements/ramp-2002-rs1")).result!.periods.length;
console.log(`RS1: ${dates} Distribution Dates, ${(rs1 / dates).toFixed(2)} ms per Distribution Date`);
