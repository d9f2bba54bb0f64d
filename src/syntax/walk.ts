/** Traversal of expression trees. */
import type { Expr } from "./ast.ts";

/** The direct sub-expressions of `e`, in source order. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "binary":
    case "compare":
    case "logical":
      return [e.left, e.right];
    case "negate":
    case "not":
      return [e.operand];
    case "lesserOf":
    case "greaterOf":
    case "sumOf":
      return e.args;
    case "excessOf":
      return [e.minuend, e.subtrahend];
    case "prior":
      return e.initially ? [e.initially] : [];
    case "if":
      return [e.condition, e.then, e.else];
    case "cases":
      return [...e.cases.map((c) => c.value), e.otherwise];
    case "paren":
      return [e.inner];
    default:
      return [];
  }
}

/** Calls `visit` on `e` and every expression inside it, parents first. */
export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of children(e)) walk(c, visit);
}
