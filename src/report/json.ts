/**
 * The JSON report of a run: the shape documented in docs/output.md, with money as decimal strings
 * to the cent. With `trace`, every term and clause also lists the inputs it was computed from.
 */
import { moneyString } from "../core/money.ts";
import type { RunResult, TraceInput } from "../engine/result.ts";
import type { Ref } from "../model/refs.ts";
import { amendmentList, describeRef, inputKind, versionLabel, viewWords, type InputKind } from "./describe.ts";
import { valueJson } from "./values.ts";

/** The version of the JSON report's shape (docs/output.md, docs/run.schema.json). */
export const SCHEMA_VERSION = 2;

/** Options of `toJson`. */
export interface JsonOptions {
  /** Include each term's and clause's inputs (the audit trace). */
  trace?: boolean;
  /** Only these Distribution Dates (1-based numbers); default all. */
  periods?: (n: number) => boolean;
}

/** The trace inputs of a clause or term, values as decimal strings (full precision) or booleans. */
function inputsJson(
  inputs: readonly TraceInput[],
): { kind: InputKind; what: string; ref: Ref; value: string | boolean }[] {
  return inputs.map((i) => ({
    kind: inputKind(i.ref),
    what: describeRef(i.ref),
    ref: i.ref,
    value: typeof i.value === "boolean" ? i.value : i.value.toString(),
  }));
}

/** The run as a plain JSON-ready object. */
export function toJson(r: RunResult, opts: JsonOptions = {}): unknown {
  const m = moneyString;
  const model = r.model;
  return {
    schemaVersion: SCHEMA_VERSION,
    deal: model.name,
    agreement: model.title,
    amendments: amendmentList(model),
    collateral: r.collateralSource,
    stopped: r.stopped,
    periods: r.periods
      .filter((p) => !opts.periods || opts.periods(p.number))
      .map((p) => ({
        number: p.number,
        distributionDate: p.distributionDate,
        agreementVersion: viewWords(model, p.view),
        collateral: Object.fromEntries(
          Object.entries(p.collateral.groups).map(([g, c]) => [
            g,
            {
              beginningBalance: m(c.beginningBalance),
              scheduledPrincipal: m(c.scheduledPrincipal),
              prepayments: m(c.prepayments),
              netLiquidationProceeds: m(c.netLiquidationProceeds),
              realizedLoss: m(c.realizedLoss),
              interest: m(c.interest),
              endingBalance: m(c.endingBalance),
              netMortgageRate: c.netMortgageRate.toDecimalPlaces(10).toString(),
            },
          ]),
        ),
        classes: Object.fromEntries(
          Object.entries(p.classes).map(([name, c]) => [
            name,
            {
              beginningBalance: m(c.beginningBalance),
              ...(c.notional ? { notional: true } : {}),
              rate: c.rate.toDecimalPlaces(10).toString(),
              accruedInterest: m(c.accruedInterest),
              interest: m(c.interest),
              principal: m(c.principal),
              balance: m(c.balance),
              interestShortfall: m(c.interestShortfall),
              realizedLoss: m(c.realizedLoss),
              unpaidRealizedLoss: m(c.unpaidRealizedLoss),
              lossReimbursement: m(c.lossReimbursement),
              basisRiskShortfall: m(c.basisRiskShortfall),
              basisRiskPaid: m(c.basisRiskPaid),
              basisRiskCarryForward: m(c.basisRiskCarryForward),
              other: m(c.other),
            },
          ]),
        ),
        sections: p.sections.map((s) => ({
          id: s.id,
          ...(s.title ? { title: s.title } : {}),
          available: m(s.available),
          released: m(s.released),
          ...(s.releasedTo ? { releasedTo: s.releasedTo } : {}),
          ...(s.releasedBy ? { releasedBy: s.releasedBy } : {}),
          clauses: s.clauses.map((c) => ({
            id: c.id,
            version: versionLabel(model, c.version),
            applies: c.applies,
            due: m(c.due),
            paid: m(c.paid),
            shortfall: m(c.shortfall),
            remainingBefore: m(c.remainingBefore),
            remaining: m(c.remaining),
            payments: c.payments.map((x) => ({ class: x.class, kind: x.kind, amount: m(x.amount) })),
            ...(opts.trace ? { inputs: inputsJson(c.inputs) } : {}),
          })),
        })),
        terms: Object.fromEntries(
          Object.entries(p.terms)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, t]) => [
              name,
              {
                value: valueJson(t.value, t.unit),
                unit: t.unit,
                version: versionLabel(model, t.version),
                ...(opts.trace ? { inputs: inputsJson(t.inputs) } : {}),
              },
            ]),
        ),
      })),
  };
}

/** The run as JSON text (two-space indentation, trailing newline). */
export function renderJson(r: RunResult, opts: JsonOptions = {}): string {
  return JSON.stringify(toJson(r, opts), null, 2) + "\n";
}
