/**
 * Meaning, for the formatter's purposes: the AST without source locations. Two texts mean the
 * same if their ASTs are equal once every `loc`/`…Loc` field is dropped.
 */
import type { SourceFile } from "../syntax/ast.ts";

/** A deep copy of `value` without location fields (`loc`, `nameLoc`, `idLoc`, …). */
export function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "loc" || k.endsWith("Loc")) continue;
      out[k] = withoutLocations(v);
    }
    return out;
  }
  return value;
}

/** Whether two ASTs are equal modulo locations. */
export function sameMeaning(a: SourceFile, b: SourceFile): boolean {
  return JSON.stringify(withoutLocations(a)) === JSON.stringify(withoutLocations(b));
}
