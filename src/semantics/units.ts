/**
 * Units of values, checked before anything runs. Money is dollars; Rate an annual rate (needs a
 * day count fraction to become money for a period); Percentage a plain proportion; Count a whole
 * number (Distribution Date numbers); Fraction a day count fraction of a year; Date; Boolean.
 * `Money × Rate` is MoneyPerAnnum, which only a Fraction turns into Money.
 */
import { diag, type Diagnostic, type SourceLocation } from "../core/diagnostics.ts";
import type { Expr } from "../syntax/ast.ts";
import { Decimal } from "../core/money.ts";

import type { Unit } from "../core/vocabulary.ts";

export type { Unit };

/** How a unit reads in messages. */
export function unitName(u: Unit): string {
  switch (u) {
    case "Money":
      return "an amount of money";
    case "Rate":
      return "an annual rate";
    case "Percentage":
      return "a percentage";
    case "Count":
      return "a count";
    case "Fraction":
      return "a day count fraction";
    case "Date":
      return "a date";
    case "Boolean":
      return "a condition (true or false)";
    case "MoneyPerAnnum":
      return "money per annum (an amount times an annual rate, not yet times a day count fraction)";
  }
}

/** What the unit checker needs to know about names. */
export interface UnitEnv {
  /** Unit of a defined term, or undefined if unknown (reported elsewhere). */
  termUnit(name: string): Unit | undefined;
}

/** Result of inferring an expression's unit: the unit, or undefined after an error. */
export type Inferred = Unit | undefined;

function mulUnit(a: Unit, b: Unit): Unit | undefined {
  const key = `${a}*${b}`;
  const table: Record<string, Unit> = {
    "Money*Percentage": "Money",
    "Percentage*Money": "Money",
    "Money*Count": "Money",
    "Count*Money": "Money",
    "Money*Rate": "MoneyPerAnnum",
    "Rate*Money": "MoneyPerAnnum",
    "MoneyPerAnnum*Fraction": "Money",
    "Fraction*MoneyPerAnnum": "Money",
    "Rate*Fraction": "Percentage",
    "Fraction*Rate": "Percentage",
    "Percentage*Percentage": "Percentage",
    "Count*Count": "Count",
    "Rate*Percentage": "Rate",
    "Percentage*Rate": "Rate",
    "Rate*Count": "Rate",
    "Count*Rate": "Rate",
    "Percentage*Count": "Percentage",
    "Count*Percentage": "Percentage",
    "Money*Fraction": "Money",
    "Fraction*Money": "Money",
    "Percentage*Fraction": "Percentage",
    "Fraction*Percentage": "Percentage",
  };
  return table[key];
}

function divUnit(a: Unit, b: Unit): Unit | undefined {
  const table: Record<string, Unit> = {
    "Money/Money": "Percentage",
    "Money/Percentage": "Money",
    "Money/Count": "Money",
    "Rate/Rate": "Percentage",
    "Rate/Count": "Rate",
    "Rate/Percentage": "Rate",
    "Percentage/Percentage": "Percentage",
    "Percentage/Count": "Percentage",
    "Count/Count": "Percentage",
    "MoneyPerAnnum/Rate": "Money",
    "Money/Fraction": "MoneyPerAnnum",
    "Fraction/Fraction": "Percentage",
  };
  return table[`${a}/${b}`];
}

const NUMERIC: ReadonlySet<Unit> = new Set<Unit>(["Money", "Rate", "Percentage", "Count", "Fraction", "MoneyPerAnnum"]);

/**
 * Infers the unit of `e`, pushing a PA2012 diagnostic (with the location of each operand) for
 * every mismatch. Returns undefined where an error makes the unit unknown.
 */
export function inferUnit(e: Expr, env: UnitEnv, out: Diagnostic[]): Inferred {
  const mismatch = (
    message: string,
    hint: string,
    loc: SourceLocation,
    related: { message: string; location: SourceLocation }[] = [],
  ) => {
    out.push(diag("PA2012", loc, { message, hint }, related));
    return undefined;
  };
  const same = (parts: Expr[], what: string, loc: SourceLocation): Inferred => {
    const units = parts.map((p) => inferUnit(p, env, out));
    if (units.some((u) => u === undefined)) return undefined;
    const first = units[0]!;
    for (let i = 1; i < units.length; i++) {
      if (units[i] !== first) {
        return mismatch(
          `${what} mix ${unitName(first)} with ${unitName(units[i]!)}`,
          hintFor(first, units[i]!),
          parts[i]!.loc,
          [
            { message: `this is ${unitName(first)}`, location: parts[0]!.loc },
            { message: `this is ${unitName(units[i]!)}`, location: parts[i]!.loc },
          ],
        );
      }
    }
    return first;
  };
  switch (e.kind) {
    case "money":
      return "Money";
    case "percent":
      return "Percentage";
    case "rate":
      return "Rate";
    case "number":
      return "Count";
    case "date":
      return "Date";
    case "boolean":
      return "Boolean";
    case "term":
      return env.termUnit(e.name);
    case "index":
      return "Rate";
    case "collateral":
      return e.field === "net mortgage rate" ? "Rate" : "Money";
    case "classField":
      return "Money";
    case "available":
    case "paid":
      return "Money";
    case "periodNumber":
      return "Count";
    case "dayCountFraction":
      return "Fraction";
    case "onOrAfter":
    case "before":
    case "onOrAfterDate":
    case "beforeDate":
      return "Boolean";
    case "paren":
      return inferUnit(e.inner, env, out);
    case "prior": {
      // A term may read its own previous value: its unit is then still being inferred, and the
      // initial value's unit stands in for it.
      const u = env.termUnit(e.name);
      if (e.initially) {
        const i = inferUnit(e.initially, env, out);
        if (!u) return i;
        if (i && u !== i)
          return mismatch(
            `the initial value of prior "${e.name}" is ${unitName(i)}, but "${e.name}" is ${unitName(u)}`,
            hintFor(u, i),
            e.initially.loc,
          );
      }
      return u;
    }
    case "negate": {
      const u = inferUnit(e.operand, env, out);
      if (u && !NUMERIC.has(u))
        return mismatch(`cannot negate ${unitName(u)}`, "only amounts, rates and counts can be negative", e.loc);
      return u;
    }
    case "binary": {
      const l = inferUnit(e.left, env, out);
      const r = inferUnit(e.right, env, out);
      if (!l || !r) return undefined;
      const related = [
        { message: `left operand: ${unitName(l)}`, location: e.left.loc },
        { message: `right operand: ${unitName(r)}`, location: e.right.loc },
      ];
      if (l === "Date" || r === "Date")
        return mismatch(
          "a date cannot be used in arithmetic",
          "compare Distribution Dates with `on or after the Nth Distribution Date`",
          l === "Date" ? e.left.loc : e.right.loc,
          related,
        );
      if (l === "Boolean" || r === "Boolean")
        return mismatch(
          "a condition cannot be used in arithmetic",
          "use `if <condition> then <amount> else <amount>`",
          l === "Boolean" ? e.left.loc : e.right.loc,
          related,
        );
      if (e.op === "+" || e.op === "-") {
        if (l !== r)
          return mismatch(
            `cannot ${e.op === "+" ? "add" : "subtract"} ${unitName(r)} ${e.op === "+" ? "to" : "from"} ${unitName(l)}`,
            hintFor(l, r),
            e.loc,
            related,
          );
        return l;
      }
      const zero = (x: Expr): boolean =>
        x.kind === "paren"
          ? zero(x.inner)
          : (x.kind === "money" || x.kind === "number" || x.kind === "percent" || x.kind === "rate") &&
            new Decimal(x.value).isZero();
      if (e.op === "/" && zero(e.right)) {
        out.push(
          diag("PA2008", e.right.loc, {
            message: "division by zero",
            hint: "divide by an amount that cannot be zero, or guard it with `if … is greater than $0 then … else …`",
          }),
        );
        return undefined;
      }
      const u = e.op === "*" ? mulUnit(l, r) : divUnit(l, r);
      if (!u) {
        const hint =
          l === "Money" && r === "Money" && e.op === "*"
            ? "multiplying two amounts of money gives no meaningful unit"
            : "check the units of both sides";
        return mismatch(
          `cannot ${e.op === "*" ? "multiply" : "divide"} ${unitName(l)} by ${unitName(r)}`,
          hint,
          e.loc,
          related,
        );
      }
      return u;
    }
    case "compare": {
      const u = same([e.left, e.right], "the two sides of the comparison", e.loc);
      if (u === "Boolean")
        return mismatch(
          "cannot compare conditions with is less than / is greater than",
          "combine conditions with and / or",
          e.loc,
        );
      return u ? "Boolean" : undefined;
    }
    case "logical":
    case "not": {
      const parts = e.kind === "not" ? [e.operand] : [e.left, e.right];
      for (const p of parts) {
        const u = inferUnit(p, env, out);
        if (u && u !== "Boolean")
          mismatch(
            `"${e.kind === "not" ? "not" : e.op}" needs conditions, but this is ${unitName(u)}`,
            "compare an amount with `is less than`, `is at least` …",
            p.loc,
          );
      }
      return "Boolean";
    }
    case "lesserOf":
    case "greaterOf":
    case "sumOf": {
      const what = e.kind === "lesserOf" ? "lesser of" : e.kind === "greaterOf" ? "greater of" : "sum of";
      const u = same(e.args, `the amounts of "${what}"`, e.loc);
      if (u === "Boolean" || u === "Date") return mismatch(`"${what}" needs amounts, not ${unitName(u)}`, "", e.loc);
      return u;
    }
    case "excessOf": {
      const u = same([e.minuend, e.subtrahend], 'the two amounts of "excess of … over …"', e.loc);
      if (u === "Boolean" || u === "Date") return mismatch(`"excess of" needs amounts, not ${unitName(u)}`, "", e.loc);
      return u;
    }
    case "if": {
      const c = inferUnit(e.condition, env, out);
      if (c && c !== "Boolean")
        mismatch(
          `the condition after "if" is ${unitName(c)}`,
          "write a comparison, e.g. `X is less than Y`",
          e.condition.loc,
        );
      return same([e.then, e.else], "the two branches of the if", e.loc);
    }
    case "cases":
      return same([...e.cases.map((c) => c.value), e.otherwise], "the values of the `for … otherwise` cases", e.loc);
  }
}

function hintFor(a: Unit, b: Unit): string {
  const pair = new Set([a, b]);
  if (pair.has("Rate") && pair.has("Percentage"))
    return "an annual rate is written `0.50% per annum`; a plain proportion is `0.50%`";
  if (pair.has("Money") && pair.has("MoneyPerAnnum"))
    return "multiply the amount times rate by a day count fraction, e.g. `times day count fraction 30/360`";
  if (pair.has("Money") && pair.has("Rate"))
    return "an amount and a rate cannot be added; did you mean to multiply them (and by a day count fraction)?";
  if (pair.has("Money") && pair.has("Count")) return "write money with a dollar sign, e.g. `$0`";
  return "both sides must have the same unit";
}

/**
 * Checks that `e` has unit `want` (or one of `want`), reporting `what` in the message.
 * Returns the inferred unit.
 */
export function expectUnit(e: Expr, want: Unit | Unit[], what: string, env: UnitEnv, out: Diagnostic[]): Inferred {
  const u = inferUnit(e, env, out);
  const wants = Array.isArray(want) ? want : [want];
  if (u && !wants.includes(u)) {
    const hint =
      u === "MoneyPerAnnum"
        ? "multiply by a day count fraction, e.g. `times day count fraction 30/360`"
        : u === "Count" && wants.includes("Money")
          ? "write money with a dollar sign, e.g. `$0`"
          : u === "Percentage" && wants.includes("Rate")
            ? "an annual rate is written `0.50% per annum`"
            : `${what} must be ${wants.map(unitName).join(" or ")}`;
    out.push(
      diag("PA2012", e.loc, {
        message: `${what} must be ${wants.map(unitName).join(" or ")}, but this is ${unitName(u)}`,
        hint,
      }),
    );
  }
  return u;
}
