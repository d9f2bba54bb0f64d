/**
 * Comments and blank lines, attached to tokens. Each `//` comment belongs to one token:
 * - a comment on the same line as the token before it *trails* that token (`pay … // why`) and is
 *   printed at the end of the output line that token ends up on;
 * - a comment on a line of its own *leads* the next token, and is printed on its own line(s) just
 *   before it, at that token's indentation (so a comment above a declaration, clause or `plus`
 *   line stays above it);
 * - comments after the last token end the file.
 * A blank line in the source before a comment, or between comments and their token, is kept (one
 * at most); blank lines between the items of a block are decided by the block printer through
 * `blankBefore`.
 */
import type { IToken } from "chevrotain";
import { blankLine, breakParent, hardline, lineSuffix, newlineIfNeeded, type Doc } from "./doc.ts";

interface Attached {
  leading: IToken[];
  trailing: IToken[];
}

const BLANK = /\n[ \t\r]*\n/;

/** Prints tokens with their comments; remembers which tokens were printed. */
export class TokenPrinter {
  private readonly attached = new Map<IToken, Attached>();
  private readonly blank = new Set<IToken>(); // a blank line precedes this token or comment
  private readonly printed = new Set<IToken>();
  private readonly index = new Map<IToken, number>();
  /** Comments after the last token. */
  private readonly tail: IToken[] = [];

  constructor(
    source: string,
    private readonly tokens: IToken[],
    comments: IToken[],
  ) {
    const all = [...tokens.map((t) => ({ t, comment: false })), ...comments.map((t) => ({ t, comment: true }))].sort(
      (a, b) => a.t.startOffset - b.t.startOffset,
    );
    tokens.forEach((t, i) => this.index.set(t, i));
    let prevEnd = -1;
    let prevToken: IToken | undefined; // the last real token seen
    let pendingLeading: IToken[] = [];
    for (const { t, comment } of all) {
      const gap = prevEnd < 0 ? "" : source.slice(prevEnd, t.startOffset);
      if (BLANK.test(gap)) this.blank.add(t);
      if (comment) {
        const sameLine = prevToken !== undefined && prevEnd === this.end(prevToken) && !gap.includes("\n");
        if (sameLine) this.slot(prevToken!).trailing.push(t);
        else pendingLeading.push(t);
      } else {
        this.slot(t).leading.push(...pendingLeading);
        pendingLeading = [];
        prevToken = t;
      }
      prevEnd = this.end(t);
    }
    this.tail.push(...pendingLeading);
  }

  private end(t: IToken): number {
    return (t.endOffset ?? t.startOffset) + 1;
  }

  private slot(t: IToken): Attached {
    let a = this.attached.get(t);
    if (!a) {
      a = { leading: [], trailing: [] };
      this.attached.set(t, a);
    }
    return a;
  }

  /**
   * Moves `from`'s leading comments to `to` (a token printed earlier on a line of its own), so a
   * comment written between an operator and its operand is printed above the operator's line.
   */
  moveLeading(from: IToken, to: IToken): void {
    const a = this.attached.get(from);
    if (!a || a.leading.length === 0 || from === to) return;
    // Only across tokens without comments of their own, so comments keep their order.
    const [i, j] = [this.index.get(to)!, this.index.get(from)!];
    const [lo, hi] = i < j ? [i, j] : [j, i];
    for (let k = lo; k < hi; k++) {
      const c = this.attached.get(this.tokens[k]!);
      if (c && (c.trailing.length > 0 || (k > lo && c.leading.length > 0))) return;
    }
    const target = this.slot(to);
    target.leading = [...target.leading, ...a.leading].sort((x, y) => x.startOffset - y.startOffset);
    a.leading = [];
  }

  /** The token as a Doc: its leading comments, `text` (default: the token as written), its trailing comment. */
  tok(t: IToken, text: string = t.image): Doc {
    if (this.printed.has(t)) throw new Error(`internal: token "${t.image}" printed twice`);
    this.printed.add(t);
    const a = this.attached.get(t);
    if (!a) return text;
    const out: Doc[] = [];
    if (a.leading.length > 0) {
      out.push(breakParent);
      for (const c of a.leading) out.push(this.blank.has(c) ? blankLine : newlineIfNeeded, commentText(c));
      out.push(this.blank.has(t) ? blankLine : hardline);
    }
    out.push(text);
    for (const c of a.trailing) out.push(lineSuffix(" " + commentText(c)));
    return out;
  }

  /**
   * Whether the source has a blank line before `t`'s first leading comment (or before `t`, when it
   * has none): the author separated this item from the one before.
   */
  blankBefore(t: IToken): boolean {
    const first = this.attached.get(t)?.leading[0];
    return this.blank.has(first ?? t);
  }

  /** The comments after the last token, each on its own line. */
  tailDoc(): Doc {
    const out: Doc[] = [];
    for (const c of this.tail) out.push(this.blank.has(c) ? blankLine : newlineIfNeeded, commentText(c));
    return out;
  }

  /** Throws unless every token of the file was printed (a token not printed would lose its comments). */
  checkAllPrinted(): void {
    const missing = this.tokens.filter((t) => !this.printed.has(t));
    if (missing.length > 0) {
      const t = missing[0]!;
      throw new Error(`internal: the formatter did not print "${t.image}" at line ${t.startLine ?? "?"}`);
    }
  }
}

/** A comment's text without trailing blanks (the printer never leaves blanks at the end of a line). */
function commentText(c: IToken): string {
  return c.image.replace(/[ \t\r]+$/, "");
}
