/** Source locations of tokens and CST nodes: 1-based line and column, offsets [start, end). */
import type { CstNode, IToken } from "chevrotain";
import type { SourceLocation } from "../core/diagnostics.ts";

/** The location of a token in `file`. */
export function tokenLocation(file: string, t: IToken): SourceLocation {
  // The end-of-file token of an empty file has no position: call it line 1, column 1.
  const n = (x: number | undefined, d: number) => (x === undefined || Number.isNaN(x) ? d : x);
  const line = n(t.startLine, 1);
  const column = n(t.startColumn, 1);
  return {
    file,
    line,
    column,
    endLine: n(t.endLine, line),
    endColumn: n(t.endColumn, column),
    startOffset: n(t.startOffset, 0),
    endOffset: n(t.endOffset, n(t.startOffset, 0)) + 1,
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
