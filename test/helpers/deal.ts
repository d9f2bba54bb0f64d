/** Test helpers: load a deal from text, and hand-made collateral. */
import { Decimal } from "../../src/core/money.ts";
import type { CollateralPeriod, GroupCollections } from "../../src/collateral/types.ts";
import type { LoadedDeal } from "../../src/deal/load.ts";
import * as api from "../../src/api.ts";
import type { DealModel, RunResult } from "../../src/api.ts";

/** Loads an agreement (and amendments) from text, through the library API's in-memory host. */
export function dealFromText(agreement: string, amendments: string[] = []): LoadedDeal {
  const files: Record<string, string> = { "agreement.pacta": agreement };
  amendments.forEach((a, i) => (files[`amendment-${i + 1}.pacta`] = a));
  return api.loadDeal(files);
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

/** A deal loaded through the library API, with its model; fails the test on any error. */
export function checkedDeal(
  dir: string,
): LoadedDeal & { model: DealModel; versioned: NonNullable<LoadedDeal["versioned"]> } {
  const deal = api.loadDeal(dir);
  if (!deal.model || !deal.versioned) throw new Error(deal.diagnostics.map((d) => api.formatDiagnostic(d)).join("\n"));
  return deal as LoadedDeal & { model: DealModel; versioned: NonNullable<LoadedDeal["versioned"]> };
}

/** Runs a deal through the library API; fails the test on any diagnostic. */
export function runOrFail(deal: string | LoadedDeal, input: api.RunInput = {}): RunResult {
  const out = api.runDeal(typeof deal === "string" ? api.loadDeal(deal) : deal, input);
  if (!out.result) throw new Error(out.diagnostics.map((d) => api.formatDiagnostic(d)).join("\n"));
  return out.result;
}
