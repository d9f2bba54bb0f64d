/**
 * Expressions → closures. Each AST expression is compiled once (cached per node) into a function
 * of the Distribution Date being evaluated, so a run of hundreds of periods never re-walks the
 * syntax tree.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { Decimal, ZERO, max, min, sum } from "../core/money.ts";
import type { ClassField, CollateralField, Expr, PeriodSelector } from "../syntax/ast.ts";
import type { Value } from "./result.ts";

/** What a compiled expression may ask of the Distribution Date being evaluated. */
export interface EvalContext {
  /** 1 for the first Distribution Date. */
  readonly periodNumber: number;
  /** The Distribution Date's number, read by a formula (recorded in the trace). */
  dateNumber(): number;
  /** The Distribution Date itself (YYYY-MM-DD), read by a formula (recorded in the trace). */
  dateOfDistribution(): string;
  term(name: string): Value;
  prior(name: string, initially: (() => Value) | undefined, at: Expr): Value;
  index(name: string): Decimal;
  collateral(group: string, field: CollateralField): Decimal;
  classField(field: ClassField, classes: readonly string[]): Decimal;
  available(clauseId: string): Decimal;
  paid(clauseId: string): Decimal;
  dayCountFraction(convention: "30/360" | "actual/360"): Decimal;
}

/** A compiled expression. */
export type Compiled = (ctx: EvalContext) => Value;

const cache = new WeakMap<Expr, Compiled>();

function num(v: Value, e: Expr): Decimal {
  if (typeof v === "boolean")
    throw new PactaError([
      diag("PA4002", e.loc, {
        message: "expected an amount but found a condition",
        hint: "run `pacta check` to see unit errors",
      }),
    ]);
  return v;
}
function bool(v: Value, e: Expr): boolean {
  if (typeof v !== "boolean")
    throw new PactaError([
      diag("PA4002", e.loc, {
        message: "expected a condition but found an amount",
        hint: "run `pacta check` to see unit errors",
      }),
    ]);
  return v;
}

function selects(s: PeriodSelector, n: number): boolean {
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

/** Compiles `e` (cached: compiling the same node twice returns the same closure). */
export function compile(e: Expr): Compiled {
  let c = cache.get(e);
  if (!c) {
    c = build(e);
    cache.set(e, c);
  }
  return c;
}

function build(e: Expr): Compiled {
  switch (e.kind) {
    case "money":
    case "percent":
    case "rate":
    case "number": {
      const v = new Decimal(e.value);
      return () => v;
    }
    case "boolean": {
      const v = e.value;
      return () => v;
    }
    case "date":
      return () => {
        throw new PactaError([
          diag("PA4002", e.loc, {
            message: "a date cannot be evaluated as an amount",
            hint: "compare Distribution Dates with `on or after the Nth Distribution Date`",
          }),
        ]);
      };
    case "term": {
      const name = e.name;
      return (ctx) => ctx.term(name);
    }
    case "index": {
      const name = e.name;
      return (ctx) => ctx.index(name);
    }
    case "paren":
      return compile(e.inner);
    case "negate": {
      const f = compile(e.operand);
      return (ctx) => num(f(ctx), e).neg();
    }
    case "binary": {
      const l = compile(e.left);
      const r = compile(e.right);
      switch (e.op) {
        case "+":
          return (ctx) => num(l(ctx), e.left).plus(num(r(ctx), e.right));
        case "-":
          return (ctx) => num(l(ctx), e.left).minus(num(r(ctx), e.right));
        case "*":
          return (ctx) => num(l(ctx), e.left).times(num(r(ctx), e.right));
        case "/":
          return (ctx) => {
            const d = num(r(ctx), e.right);
            if (d.isZero())
              throw new PactaError([
                diag("PA4002", e.right.loc, {
                  message: `division by zero on Distribution Date ${ctx.periodNumber}`,
                  hint: "guard the division, e.g. `if X is greater than $0 then … else …`",
                }),
              ]);
            return num(l(ctx), e.left).div(d);
          };
      }
    }
    // falls through: unreachable, every operator returns
    case "compare": {
      const l = compile(e.left);
      const r = compile(e.right);
      const op = e.op;
      return (ctx) => {
        const c = num(l(ctx), e.left).comparedTo(num(r(ctx), e.right));
        switch (op) {
          case "<":
            return c < 0;
          case "<=":
            return c <= 0;
          case ">":
            return c > 0;
          case ">=":
            return c >= 0;
          case "=":
            return c === 0;
        }
      };
    }
    case "logical": {
      const l = compile(e.left);
      const r = compile(e.right);
      return e.op === "and"
        ? (ctx) => bool(l(ctx), e.left) && bool(r(ctx), e.right)
        : (ctx) => bool(l(ctx), e.left) || bool(r(ctx), e.right);
    }
    case "not": {
      const f = compile(e.operand);
      return (ctx) => !bool(f(ctx), e.operand);
    }
    case "lesserOf":
    case "greaterOf":
    case "sumOf": {
      const fs = e.args.map(compile);
      const args = e.args;
      const pick = e.kind === "lesserOf" ? min : e.kind === "greaterOf" ? max : undefined;
      return pick
        ? (ctx) => fs.map((f, i) => num(f(ctx), args[i]!)).reduce((a, b) => pick(a, b))
        : (ctx) => sum(fs.map((f, i) => num(f(ctx), args[i]!)));
    }
    case "excessOf": {
      const a = compile(e.minuend);
      const b = compile(e.subtrahend);
      return (ctx) => max(num(a(ctx), e.minuend).minus(num(b(ctx), e.subtrahend)), ZERO);
    }
    case "available": {
      const id = e.provision;
      return (ctx) => ctx.available(id);
    }
    case "paid": {
      const id = e.provision;
      return (ctx) => ctx.paid(id);
    }
    case "prior": {
      const name = e.name;
      const init = e.initially ? compile(e.initially) : undefined;
      return (ctx) => ctx.prior(name, init ? () => init(ctx) : undefined, e);
    }
    case "collateral": {
      const { group, field } = e;
      return (ctx) => ctx.collateral(group, field);
    }
    case "classField": {
      const names = e.classes.map((c) => c.name);
      const field = e.field;
      return (ctx) => ctx.classField(field, names);
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
    case "onOrAfterDate":
    case "beforeDate": {
      const d = e.date;
      return e.kind === "onOrAfterDate"
        ? (ctx) => ctx.dateOfDistribution() >= d
        : (ctx) => ctx.dateOfDistribution() < d;
    }
    case "before": {
      const n = e.ordinal;
      return (ctx) => ctx.dateNumber() < n;
    }
    case "if": {
      const c = compile(e.condition);
      const t = compile(e.then);
      const f = compile(e.else);
      return (ctx) => (bool(c(ctx), e.condition) ? t(ctx) : f(ctx));
    }
    case "cases": {
      const cases = e.cases.map((c) => ({ when: c.when, value: compile(c.value) }));
      const otherwise = compile(e.otherwise);
      return (ctx) => {
        const n = ctx.dateNumber();
        for (const c of cases) if (selects(c.when, n)) return c.value(ctx);
        return otherwise(ctx);
      };
    }
  }
}
