/** Test helpers: load a deal from text, and hand-made collateral. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "../../src/core/money.ts";
import type { CollateralPeriod, GroupCollections } from "../../src/collateral/types.ts";
import { loadDeal, type LoadedDeal } from "../../src/deal/load.ts";

/** Writes an agreement (and amendments) to a fresh directory and loads it. */
export function dealFromText(agreement: string, amendments: string[] = []): LoadedDeal {
  const dir = mkdtempSync(join(tmpdir(), "pacta-test-"));
  writeFileSync(join(dir, "agreement.pacta"), agreement);
  amendments.forEach((a, i) => writeFileSync(join(dir, `amendment-${i + 1}.pacta`), a));
  return loadDeal(dir);
}

/** One period's collections of one group, in dollars as strings. */
export interface Flow {
  interest: string;
  scheduled?: string;
  prepay?: string;
  liquidation?: string;
  loss?: string;
  rate?: string;
}

/**
 * Builds collateral periods for one group from per-period flows, chaining balances from `start`.
 */
export function collateral(
  group: string,
  start: string,
  flows: Flow[],
  indexRates: Record<string, Decimal> = {},
): CollateralPeriod[] {
  let bal = new Decimal(start);
  return flows.map((f, i) => {
    const g: GroupCollections = {
      beginningBalance: bal,
      scheduledPrincipal: new Decimal(f.scheduled ?? 0),
      prepayments: new Decimal(f.prepay ?? 0),
      netLiquidationProceeds: new Decimal(f.liquidation ?? 0),
      realizedLoss: new Decimal(f.loss ?? 0),
      interest: new Decimal(f.interest),
      servicingFee: new Decimal(0),
      netMortgageRate: new Decimal(f.rate ?? "0.075"),
      newDefaults: new Decimal(0),
      endingBalance: new Decimal(0),
    };
    g.endingBalance = bal
      .minus(g.scheduledPrincipal)
      .minus(g.prepayments)
      .minus(g.netLiquidationProceeds)
      .minus(g.realizedLoss);
    bal = g.endingBalance;
    return { number: i + 1, groups: { [group]: g }, indexRates };
  });
}
