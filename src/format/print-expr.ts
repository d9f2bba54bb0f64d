/**
 * Formulas: CST expression rules → Docs.
 *
 * Layout rules (each construct indents its own continuation lines, relative to the line it starts
 * on, so a reader can tell the parts apart):
 * - a chain of `plus`/`minus`, `times`/`divided by`/`of`, `and`, `or`, or a comparison stays on one
 *   line if it fits, else breaks before every operator of the chain, operators two spaces in;
 * - `lesser of`, `greater of`, `sum of` break after `of`, one argument a line, two spaces in,
 *   separated `, ` … ` and ` (`lesser of (i) A and (ii) B`, `sum of A, B and C`);
 * - `excess of A over B` breaks before `over` (two in); A's own breaks go four in;
 * - `if C then X else Y` breaks before `then` and `else` (two in);
 * - `for …: X … otherwise: Y` always takes one line per case, every case after the first two
 *   spaces in;
 * - class lists wrap like prose (`classes and M-1`), continuation two in.
 * Symbolic operators are written as words (`+` plus, `-` minus, `*` times, `/` divided by, `<` is
 * less than, `>` is greater than, `<=` is at most, `>=` is at least); a unary `-` stays `-`.
 */
import type { CstNode, IToken } from "chevrotain";
import type { TokenPrinter } from "./comments.ts";
import { ClauseLabel } from "../syntax/tokens.ts";
import { Cursor, elements, firstToken, tokensOf, type Element } from "./cst.ts";
import { group, indent, line, type Doc } from "./doc.ts";
import { nodeWords, OPERATOR_WORDS, words } from "./words.ts";

const CLAUSE_LABEL = new RegExp(`^(?:${(ClauseLabel.PATTERN as RegExp).source})$`);

/** Prints expressions; shares the file's TokenPrinter so every token's comments are printed. */
export class ExprPrinter {
  constructor(private readonly tp: TokenPrinter) {}

  /** Any expression rule (expr, additive, …) by its rule name. */
  print(node: CstNode): Doc {
    switch (node.name) {
      case "expr":
      case "andExpr":
        return this.chain(node);
      case "notExpr":
        return this.notExpr(node);
      case "comparison":
        return this.comparison(node);
      case "additive":
      case "multiplicative":
        return this.chain(node);
      case "unary":
        return this.unary(node);
      case "primary":
        return this.primary(node);
      default:
        // A rule this printer does not know yet: its words on one line (the meaning check in
        // format() still guards the result).
        return nodeWords(this.tp, node);
    }
  }

  /** An operand, operator, operand… rule: flat if it fits, else a line per operator. */
  private chain(node: CstNode): Doc {
    const els = elements(node);
    // A comment between an operator and its operand goes above the operator's line.
    els.forEach((e, i) => {
      const next = els[i + 1];
      if (e.token && next?.node) this.tp.moveLeading(firstToken(next), e.token);
    });
    const c = new Cursor(els);
    const first = this.print(c.node());
    const rest: Doc[] = [];
    while (c.more()) {
      const op = this.operator(c);
      rest.push(line, op, " ", this.print(c.node()));
    }
    if (rest.length === 0) return first;
    return group(indent([first, ...rest]));
  }

  /** The operator at the cursor (`plus`, `divided by`, `of`…), symbols respelt as words. */
  private operator(c: Cursor): Doc {
    const toks = c.takeWhile((e) => e.token !== undefined).map((e) => e.token!);
    const only = toks.length === 1 ? toks[0]! : undefined;
    if (only) return this.tp.tok(only, OPERATOR_WORDS[only.tokenType.name] ?? only.image);
    return words(this.tp, toks);
  }

  private notExpr(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    if (c.at("Kw_not")) return [this.tp.tok(c.token()), " ", this.print(c.node("notExpr"))];
    return this.print(c.node("comparison"));
  }

  private comparison(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const left = this.print(c.node("additive"));
    if (!c.more()) return left;
    const op = c.node("compareOp");
    this.tp.moveLeading(firstToken(c.peek()!), firstToken(elements(op)[0]!));
    const opDoc = this.operator(new Cursor(elements(op)));
    const right = this.print(c.node("additive"));
    return group(indent([left, line, opDoc, " ", right]));
  }

  private unary(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    if (c.at("MinusSign")) return [this.tp.tok(c.token()), this.print(c.node("unary"))];
    return this.print(c.node("primary"));
  }

  private primary(node: CstNode): Doc {
    const els = elements(node);
    const c = new Cursor(els);
    const head = els[0]!;
    switch (els.some((e) => e.name === "Kw_excess") ? "Kw_excess" : head.name) {
      case "listFunction":
        return this.listFunction(c.node());
      case "Kw_excess": {
        // [the] excess[, if any,] of A over B
        const kw = words(
          this.tp,
          c.takeWhile((e) => e.token !== undefined).map((e) => e.token!),
        );
        const a = this.print(c.node("additive"));
        const overTok = c.token("Kw_over");
        this.tp.moveLeading(firstToken(c.peek()!), overTok);
        const over = this.tp.tok(overTok);
        const b = this.print(c.node("additive"));
        return group([kw, " ", indent(a), indent([line, over, " ", b])]);
      }
      case "Kw_prior": {
        const head = words(this.tp, [c.token(), c.token("StringLiteral")]);
        if (!c.more()) return head;
        const comma = this.tp.tok(c.token("Comma"));
        const initially = this.tp.tok(c.token("Kw_initially"));
        return group([head, comma, indent([line, initially, " ", this.print(c.node())])]);
      }
      case "classField":
        return this.classField(c.node());
      case "Kw_if": {
        const kIf = this.tp.tok(c.token());
        const cond = this.print(c.node("expr"));
        const thenTok = c.token("Kw_then");
        this.tp.moveLeading(firstToken(c.peek()!), thenTok);
        const kThen = this.tp.tok(thenTok);
        const then = this.print(c.node("expr"));
        const elseTok = c.token(); // "else", or "otherwise" as written
        this.tp.moveLeading(firstToken(c.peek()!), elseTok);
        const kElse = this.tp.tok(elseTok);
        const otherwise = this.print(c.node("expr"));
        return group([kIf, " ", indent(cond), indent([line, kThen, " ", then, line, kElse, " ", otherwise])]);
      }
      case "cases":
        return this.cases(c.node());
      case "LParen": {
        const open = this.tp.tok(c.token());
        const innerNode = c.node("expr");
        const inner = this.print(innerNode);
        const close = this.tp.tok(c.token("RParen"));
        // `(12)` or `(A)` would read as a clause label: keep such a lone value apart from its parentheses.
        const only = tokensOf(innerNode);
        if (only.length === 1 && CLAUSE_LABEL.test(`(${only[0]!.image})`)) return [open, " ", inner, " ", close];
        return [open, inner, close];
      }
      default:
        // Literals, defined terms, `available at 4.02(c)(xii)`, collateral fields, `on or after the
        // eleventh Distribution Date`…: words on one line.
        return nodeWords(this.tp, node);
    }
  }

  /**
   * `lesser of (i) A and (ii) B`, `sum of A, B and C`: one argument a line when broken. The
   * separators are canonical: commas, and `and` before the last argument (a serial comma, `, and`,
   * is kept where the author wrote one).
   */
  private listFunction(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const head = words(
      this.tp,
      c.takeWhile((e) => e.token !== undefined).map((e) => e.token!),
    );
    const argNodes: CstNode[] = [c.node("listArgument")];
    const seps: IToken[][] = [];
    while (c.more()) {
      seps.push(c.takeWhile((e) => e.token !== undefined).map((e) => e.token!));
      argNodes.push(c.node("listArgument"));
    }
    // Comments go above the line they are about: the last argument's line starts with `and`;
    // the others start with the argument (the comma ends the line before).
    seps.forEach((sep, i) => {
      const arg = firstToken({ name: "listArgument", node: argNodes[i + 1]! });
      if (i === seps.length - 1) this.tp.moveLeading(arg, sep[sep.length - 1]!);
      else this.tp.moveLeading(sep[0]!, arg);
    });
    const args = argNodes.map((n) => this.listArgument(n));
    const body: Doc[] = [line, args[0]!];
    for (let i = 1; i < args.length; i++) {
      const sep = seps[i - 1]!;
      if (sep.length === 1) {
        // A lone separator is respelt: `and` before the last argument, a comma before the others.
        if (i === args.length - 1) body.push(line, this.tp.tok(sep[0]!, "and"), " ", args[i]!);
        else body.push(this.tp.tok(sep[0]!, ","), line, args[i]!);
      } else {
        // A serial comma (`, and`) is kept as written.
        const [comma, ...rest] = sep;
        body.push(this.tp.tok(comma!), line, words(this.tp, rest), " ", args[i]!);
      }
    }
    return group([head, indent(body)]);
  }

  private listArgument(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    if (c.at("ClauseLabel")) return [this.tp.tok(c.token()), " ", this.print(c.node("additive"))];
    return this.print(c.node("additive"));
  }

  /** `for the first two Distribution Dates: $0` … `otherwise: X`, a case a line. */
  private cases(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const lines: Doc[] = [];
    while (c.at("Kw_for")) {
      const kFor = this.tp.tok(c.token());
      const sel = nodeWords(this.tp, c.node("periodSelector"));
      const colon = this.tp.tok(c.token("Colon"));
      lines.push([kFor, " ", sel, colon, " ", this.print(c.node("expr"))]);
    }
    const kOtherwise = this.tp.tok(c.token("Kw_otherwise"));
    const colon = this.tp.tok(c.token("Colon"));
    lines.push([kOtherwise, colon, " ", this.print(c.node("expr"))]);
    const out: Doc[] = [];
    lines.forEach((l, i) => {
      if (i > 0) out.push({ t: "line", hard: true });
      out.push(l);
    });
    return indent(out);
  }

  /** `certificate principal balance of classes and M-1 after distributions`, wrapped like prose. */
  private classField(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const field = words(
      this.tp,
      c.takeWhile((e) => e.token !== undefined).map((e) => e.token!),
    );
    const parts = classListParts(this.tp, c.node("classList"));
    parts[0] = [field, " ", parts[0]!];
    if (c.more())
      parts.push(
        words(
          this.tp,
          c.rest().map((e: Element) => e.token!),
        ),
      );
    return indent(fillParts(parts));
  }
}

/**
 * The phrases of a class list, for a fill: `classes A-1,` `A-2` `and M-1` (the keyword stays with
 * the first class, a comma with the class before it, `and` with the class after it).
 */
export function classListParts(tp: TokenPrinter, node: CstNode): Doc[][] {
  const parts: Doc[][] = [];
  let open: Doc[] | undefined; // a part waiting for its class: `classes …`, `and …`
  for (const e of elements(node)) {
    const t = e.token!;
    if (t.tokenType.name === "Comma") (parts[parts.length - 1] ?? (parts[0] = [])).push(tp.tok(t));
    else if (t.tokenType.name === "ClassName") {
      if (open) open.push(tp.tok(t));
      else parts.push([tp.tok(t)]);
      open = undefined;
    } else {
      // `class`, `classes`, `and`: kept with the class that follows
      if (!open) parts.push((open = []));
      open.push(tp.tok(t), " ");
    }
  }
  return parts;
}

/** Phrases separated by `line`s, as a `fill`. */
function fillParts(parts: Doc[]): Doc {
  const out: Doc[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(line);
    out.push(p);
  });
  return { t: "fill", parts: out };
}
