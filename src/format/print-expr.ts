/**
 * Formulas: CST expression rules → Docs.
 *
 * Layout rules (each construct indents its own continuation lines, relative to the line it starts
 * on, so a reader can tell the parts apart):
 * - a chain of `plus`/`minus`, `times`/`divided by`, `and`, `or`, or a comparison stays on one
 *   line if it fits, else breaks before every operator of the chain, operators two spaces in;
 * - `lesser of`, `greater of`, `sum of` break after `of`, one argument a line, two spaces in,
 *   separated `, ` … ` and ` (`lesser of (i) A and (ii) B`, `sum of A, B and C`);
 * - `excess of A over B` breaks before `over` (two in); A's own breaks go four in;
 * - `if C then X else Y` breaks before `then` and `else` (two in);
 * - `for …: X … otherwise: Y` always takes one line per case, the cases after the first two in;
 * - class lists wrap like prose (`classes and M-1`), continuation two in.
 * Symbolic operators are written as words (`+` plus, `-` minus, `*` times, `/` divided by, `<` is
 * less than, `>` is greater than, `<=` is at most, `>=` is at least); a unary `-` stays `-`.
 */
import type { CstNode, IToken } from "chevrotain";
import type { TokenPrinter } from "./comments.ts";
import { Cursor, elements, type Element } from "./cst.ts";
import { group, indent, line, type Doc } from "./doc.ts";
import { nodeWords, OPERATOR_WORDS, words } from "./words.ts";

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
        throw new Error(`internal: not an expression rule: ${node.name}`);
    }
  }

  /** An operand, operator, operand… rule: flat if it fits, else a line per operator. */
  private chain(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const first = this.print(c.node());
    const rest: Doc[] = [];
    while (c.more()) {
      const op = this.operator(c);
      rest.push(line, op, " ", this.print(c.node()));
    }
    if (rest.length === 0) return first;
    return group(indent([first, ...rest]));
  }

  /** The operator at the cursor, in words (`divided by` takes two tokens). */
  private operator(c: Cursor): Doc {
    const t = c.token();
    if (t.tokenType.name === "Kw_divided") return [this.tp.tok(t), " ", this.tp.tok(c.token("Kw_by"))];
    return this.tp.tok(t, OPERATOR_WORDS[t.tokenType.name] ?? t.image);
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
    const opToks = new Cursor(elements(op)).rest().map((e) => e.token!);
    const opDoc = opToks.length === 1 ? this.tp.tok(opToks[0]!, OPERATOR_WORDS[opToks[0]!.tokenType.name] ?? opToks[0]!.image) : words(this.tp, opToks);
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
    switch (head.name) {
      case "listFunction":
        return this.listFunction(c.node());
      case "Kw_excess": {
        const kw = words(this.tp, [c.token(), c.token("Kw_of")]);
        const a = this.print(c.node("additive"));
        const over = this.tp.tok(c.token("Kw_over"));
        const b = this.print(c.node("additive"));
        return group([kw, " ", indent(a), indent([line, over, " ", b])]);
      }
      case "Kw_prior": {
        const head = words(this.tp, [c.token(), c.token("StringLiteral")]);
        if (!c.more()) return head;
        const comma = this.tp.tok(c.token("Comma"));
        const initially = this.tp.tok(c.token("Kw_initially"));
        return group([head, comma, indent([line, initially, " ", this.print(c.node("additive"))])]);
      }
      case "classField":
        return this.classField(c.node());
      case "Kw_if": {
        const kIf = this.tp.tok(c.token());
        const cond = this.print(c.node("expr"));
        const kThen = this.tp.tok(c.token("Kw_then"));
        const then = this.print(c.node("expr"));
        const kElse = this.tp.tok(c.token("Kw_else"));
        const otherwise = this.print(c.node("expr"));
        return group([kIf, " ", indent(cond), indent([line, kThen, " ", then, line, kElse, " ", otherwise])]);
      }
      case "cases":
        return this.cases(c.node());
      case "LParen": {
        const open = this.tp.tok(c.token());
        const inner = this.print(c.node("expr"));
        return [open, inner, this.tp.tok(c.token("RParen"))];
      }
      default:
        // Literals, defined terms, `available at 4.02(c)(xii)`, collateral fields, `on or after the
        // eleventh Distribution Date`…: words on one line.
        return nodeWords(this.tp, node);
    }
  }

  /** `lesser of (i) A and (ii) B`, `sum of A, B and C`: one argument a line when broken. */
  private listFunction(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const head = words(this.tp, [c.token(), c.token("Kw_of")]);
    const args: Doc[] = [this.listArgument(c.node("listArgument"))];
    const seps: IToken[] = [];
    while (c.more()) {
      seps.push(c.token());
      args.push(this.listArgument(c.node("listArgument")));
    }
    const body: Doc[] = [line, args[0]!];
    for (let i = 1; i < args.length; i++) {
      const sep = seps[i - 1]!;
      if (i === args.length - 1) body.push(line, this.tp.tok(sep, "and"), " ", args[i]!);
      else body.push(this.tp.tok(sep, ","), line, args[i]!);
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
    const field = words(this.tp, c.takeWhile((e) => e.token !== undefined).map((e) => e.token!));
    const parts = classListParts(this.tp, c.node("classList"));
    parts[0] = [field, " ", parts[0]!];
    if (c.more()) parts.push(words(this.tp, c.rest().map((e: Element) => e.token!)));
    return indent(fillParts(parts));
  }
}

/**
 * The phrases of a class list, for a fill: `classes A-1,` `A-2` `and M-1` (the keyword stays with
 * the first class, a comma with the class before it, `and` with the class after it).
 */
export function classListParts(tp: TokenPrinter, node: CstNode): Doc[][] {
  const c = new Cursor(elements(node));
  const parts: Doc[][] = [[tp.tok(c.token()), " ", tp.tok(c.token("ClassName"))]];
  while (c.more()) {
    if (c.at("Comma")) {
      parts[parts.length - 1]!.push(tp.tok(c.token()));
      parts.push([tp.tok(c.token("ClassName"))]);
    } else {
      const and = tp.tok(c.token("Kw_and"));
      parts.push([and, " ", tp.tok(c.token("ClassName"))]);
    }
  }
  return parts;
}

/** Phrases separated by `line`s, for `fill`. */
export function fillParts(parts: Doc[]): Doc {
  const out: Doc[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(line);
    out.push(p);
  });
  return { t: "fill", parts: out };
}
