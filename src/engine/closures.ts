/**
 * Formulas → closures. Each resolved expression (src/model/types.ts `MExpr`) is turned once
 * (cached per node) into a function of the Distribution Date being evaluated, so a run of hundreds
 * of periods never re-walks a tree or parses a literal. Units were checked before lowering, so a
 * closure trusts that an amount is a Decimal and a condition a boolean.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import type { ClassId, ClauseId, GroupId, IndexId, TermId } from "../core/ids.ts";
import { Decimal, ZERO, max, min, sum } from "../core/money.ts";
import type { ClassField, CollateralField, DayCount } from "../core/vocabulary.ts";
import type { DateSelector, MExpr } from "../model/types.ts";
import type { Value } from "./result.ts";

/** What a closure may ask of the Distribution Date being evaluated. */
export interface EvalContext {
  /** 1 for the first Distribution Date. */
  readonly periodNumber: number;
  /** The Distribution Date's number, read by a formula (recorded in the trace). */
  dateNumber(): number;
  /** The Distribution Date itself (YYYY-MM-DD), read by a formula (recorded in the trace). */
  dateOfDistribution(): string;
  term(id: TermId): Value;
  prior(id: TermId, initially: (() => Value) | undefined, at: MExpr): Value;
  index(id: IndexId): Decimal;
  collateral(group: GroupId, field: CollateralField): Decimal;
  classField(field: ClassField, classes: readonly ClassId[]): Decimal;
  available(clause: ClauseId): Decimal;
  paid(clause: ClauseId): Decimal;
  dayCountFraction(convention: DayCount): Decimal;
}

/** A formula as a closure. */
export type Closure = (ctx: EvalContext) => Value;

const cache = new WeakMap<MExpr, Closure>();

function selects(s: DateSelector, n: number): boolean {
  switch (s.kind) {
    case "first":
      return n <= s.count;
    case "range":
      return n >= s.from && n <= s.to;
    case "onOrAfter":
      return n >= s.ordinal;
    case "single":
      return n === s.ordinal;
  }
}

/** The closure of `e` (cached: the same node always gives the same closure). */
export function closure(e: MExpr): Closure {
  let c = cache.get(e);
  if (!c) {
    c = build(e);
    cache.set(e, c);
  }
  return c;
}

/** The closure of an amount (a formula the checker typed as a number). */
export function amount(e: MExpr): (ctx: EvalContext) => Decimal {
  return closure(e) as (ctx: EvalContext) => Decimal;
}

/** The closure of a condition (a formula the checker typed as a condition). */
export function condition(e: MExpr): (ctx: EvalContext) => boolean {
  return closure(e) as (ctx: EvalContext) => boolean;
}

function build(e: MExpr): Closure {
  switch (e.kind) {
    case "number":
    case "boolean": {
      const v = e.value;
      return () => v;
    }
    case "date":
      // The unit checker allows dates only where they are compared with a Distribution Date.
      return () => {
        throw new PactaError([
          diag("PA4002", e.loc, {
            message: "a date cannot be evaluated as an amount",
            hint: "compare Distribution Dates with `on or after the Nth Distribution Date`",
          }),
        ]);
      };
    case "term": {
      const id = e.term;
      return (ctx) => ctx.term(id);
    }
    case "index": {
      const id = e.index;
      return (ctx) => ctx.index(id);
    }
    case "negate": {
      const f = amount(e.operand);
      return (ctx) => f(ctx).neg();
    }
    case "binary": {
      const l = amount(e.left);
      const r = amount(e.right);
      switch (e.op) {
        case "+":
          return (ctx) => l(ctx).plus(r(ctx));
        case "-":
          return (ctx) => l(ctx).minus(r(ctx));
        case "*":
          return (ctx) => l(ctx).times(r(ctx));
        case "/": {
          const at = e.right.loc;
          return (ctx) => {
            const d = r(ctx);
            if (d.isZero())
              throw new PactaError([
                diag("PA4002", at, {
                  message: `division by zero on Distribution Date ${ctx.periodNumber}`,
                  hint: "guard the division, e.g. `if X is greater than $0 then … else …`",
                }),
              ]);
            return l(ctx).div(d);
          };
        }
      }
    }
    // falls through: unreachable, every operator returns
    case "compare": {
      const l = amount(e.left);
      const r = amount(e.right);
      switch (e.op) {
        case "<":
          return (ctx) => l(ctx).lt(r(ctx));
        case "<=":
          return (ctx) => l(ctx).lte(r(ctx));
        case ">":
          return (ctx) => l(ctx).gt(r(ctx));
        case ">=":
          return (ctx) => l(ctx).gte(r(ctx));
        case "=":
          return (ctx) => l(ctx).eq(r(ctx));
      }
    }
    // falls through: unreachable
    case "logical": {
      const l = condition(e.left);
      const r = condition(e.right);
      return e.op === "and" ? (ctx) => l(ctx) && r(ctx) : (ctx) => l(ctx) || r(ctx);
    }
    case "not": {
      const f = condition(e.operand);
      return (ctx) => !f(ctx);
    }
    case "lesserOf":
    case "greaterOf":
    case "sumOf": {
      const fs = e.args.map(amount);
      const pick = e.kind === "lesserOf" ? min : e.kind === "greaterOf" ? max : undefined;
      return pick ? (ctx) => fs.map((f) => f(ctx)).reduce((a, b) => pick(a, b)) : (ctx) => sum(fs.map((f) => f(ctx)));
    }
    case "excessOf": {
      const a = amount(e.minuend);
      const b = amount(e.subtrahend);
      return (ctx) => max(a(ctx).minus(b(ctx)), ZERO);
    }
    case "available": {
      const id = e.clause;
      return (ctx) => ctx.available(id);
    }
    case "paid": {
      const id = e.clause;
      return (ctx) => ctx.paid(id);
    }
    case "prior": {
      const id = e.term;
      const init = e.initially ? closure(e.initially) : undefined;
      return (ctx) => ctx.prior(id, init ? () => init(ctx) : undefined, e);
    }
    case "collateral": {
      const { group, field } = e;
      return (ctx) => ctx.collateral(group, field);
    }
    case "classField": {
      const { field, classes } = e;
      return (ctx) => ctx.classField(field, classes);
    }
    case "periodNumber":
      return (ctx) => new Decimal(ctx.dateNumber());
    case "dayCountFraction": {
      const conv = e.convention;
      return (ctx) => ctx.dayCountFraction(conv);
    }
    case "onOrAfter": {
      const n = e.ordinal;
      return (ctx) => ctx.dateNumber() >= n;
    }
    case "before": {
      const n = e.ordinal;
      return (ctx) => ctx.dateNumber() < n;
    }
    case "onOrAfterDate": {
      const d = e.date;
      return (ctx) => ctx.dateOfDistribution() >= d;
    }
    case "beforeDate": {
      const d = e.date;
      return (ctx) => ctx.dateOfDistribution() < d;
    }
    case "if": {
      const c = condition(e.condition);
      const t = closure(e.then);
      const f = closure(e.else);
      return (ctx) => (c(ctx) ? t(ctx) : f(ctx));
    }
    case "cases": {
      const cases = e.cases.map((c) => ({ when: c.when, value: closure(c.value) }));
      const otherwise = closure(e.otherwise);
      return (ctx) => {
        const n = ctx.dateNumber();
        for (const c of cases) if (selects(c.when, n)) return c.value(ctx);
        return otherwise(ctx);
      };
    }
  }
}
