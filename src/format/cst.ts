/**
 * The formatter reads the concrete syntax tree, not the AST: the CST keeps every token as
 * written (the order of a class's lines, `8.00%` rather than 0.08, `eleventh` rather than 11),
 * so printing it loses nothing the author chose except what the layout rules canonicalise.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";

/** One child of a CST node: a token or a sub-rule, with the name chevrotain files it under. */
export type Element =
  { name: string; token: IToken; node?: undefined } | { name: string; node: CstNode; token?: undefined };

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function startOf(e: CstElement): number {
  return isToken(e) ? e.startOffset : (e.location?.startOffset ?? Number.MAX_SAFE_INTEGER);
}

/** The children of `node` in source order. */
export function elements(node: CstNode): Element[] {
  const out: { e: Element; at: number }[] = [];
  for (const [name, list] of Object.entries(node.children)) {
    for (const c of list) {
      if (isToken(c)) {
        // Tokens inserted by error recovery have no offset; a file that parsed cleanly has none.
        out.push({ e: { name, token: c }, at: c.startOffset });
      } else out.push({ e: { name, node: c }, at: startOf(c) });
    }
  }
  out.sort((a, b) => a.at - b.at);
  return out.map((x) => x.e);
}

/** Every token under `node`, in source order. */
export function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const visit = (n: CstNode) => {
    for (const list of Object.values(n.children)) {
      for (const c of list) {
        if (isToken(c)) out.push(c);
        else visit(c);
      }
    }
  };
  visit(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The first token of an element. */
export function firstToken(e: Element): IToken {
  if (e.token) return e.token;
  const t = tokensOf(e.node)[0];
  if (!t) throw new Error(`internal: empty CST node ${e.node.name}`);
  return t;
}

/** A reader over a node's children in order, for printers that walk a rule's shape. */
export class Cursor {
  private i = 0;
  constructor(private readonly els: Element[]) {}

  /** The element at the cursor, or undefined at the end. */
  peek(): Element | undefined {
    return this.els[this.i];
  }

  /** Whether the element at the cursor is filed under `name` (a token type or rule name). */
  at(name: string): boolean {
    return this.els[this.i]?.name === name;
  }

  /** Whether any elements are left. */
  more(): boolean {
    return this.i < this.els.length;
  }

  /** Takes the next element; throws if there is none or it is not `name` (when given). */
  next(name?: string): Element {
    const e = this.els[this.i];
    if (!e || (name !== undefined && e.name !== name)) {
      throw new Error(`internal: expected ${name ?? "an element"} but found ${e?.name ?? "the end"}`);
    }
    this.i++;
    return e;
  }

  /** Takes the next token (checked against `name` when given). */
  token(name?: string): IToken {
    const e = this.next(name);
    if (!e.token) throw new Error(`internal: expected a token but found rule ${e.name}`);
    return e.token;
  }

  /** Takes the next sub-rule node (checked against `name` when given). */
  node(name?: string): CstNode {
    const e = this.next(name);
    if (!e.node) throw new Error(`internal: expected a rule but found token ${e.name}`);
    return e.node;
  }

  /** Takes elements while `pred` holds. */
  takeWhile(pred: (e: Element) => boolean): Element[] {
    const out: Element[] = [];
    while (this.more() && pred(this.peek()!)) out.push(this.next());
    return out;
  }

  /** Takes every element left. */
  rest(): Element[] {
    return this.takeWhile(() => true);
  }
}
