/** Source locations of tokens and CST nodes: 1-based line and column, offsets [start, end). */
import type { CstNode, IToken } from "chevrotain";
import type { SourceLocation } from "../core/diagnostics.ts";

/** The location of a token in `file`. */
export function tokenLocation(file: string, t: IToken): SourceLocation {
  return {
    file,
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endColumn: t.endColumn ?? t.startColumn ?? 1,
    startOffset: t.startOffset,
    endOffset: (t.endOffset ?? t.startOffset) + 1,
  };
}

/** The location of a CST node (built with nodeLocationTracking "full") in `file`. */
export function nodeLocation(file: string, n: CstNode): SourceLocation {
  const l = n.location!;
  return {
    file,
    line: l.startLine ?? 1,
    column: l.startColumn ?? 1,
    endLine: l.endLine ?? 1,
    endColumn: l.endColumn ?? 1,
    startOffset: l.startOffset,
    endOffset: (l.endOffset ?? l.startOffset) + 1,
  };
}
