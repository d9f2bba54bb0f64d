/**
 * Files, declarations, clauses and amendment items: CST → Docs.
 *
 * Layout rules:
 * - an agreement's or amendment's first line at column 0, its own lines (series, dated as of,
 *   party, text) two spaces in; then each declaration (or amendment item) at column 0, one blank
 *   line between them;
 * - a declaration's header (`definition "Name" [shelf]`, `section 4.02(c) "Title" [shelf] from
 *   "Source"`) on one line if it fits in 100 columns, else wrapped before the provenance tag or
 *   `from`, two spaces in; its lines (text, reading, means, clauses, …) two spaces in, one a line;
 *   a clause's lines two spaces further in; an amendment item's patch body two further in;
 * - inside a declaration, one blank line is kept where the author left one (between clauses, say);
 * - a `pay` or `write down` line wraps like prose at phrase boundaries (`as principal`,
 *   `to classes …`, `, then classes …`, `until reduced to zero`), continuation two spaces in;
 * - a pool line with commas (adjustable-rate terms, a prepayment ramp) wraps after its commas;
 * - `text "…"` and `reading "…"`: the string is printed byte for byte, newlines and all; only the
 *   indentation of its first line changes.
 */
import type { CstNode, IToken } from "chevrotain";
import type { TokenPrinter } from "./comments.ts";
import { Cursor, elements, firstToken, tokensOf, type Element } from "./cst.ts";
import { blankLine, hardline, indent, line, type Doc } from "./doc.ts";
import { classListParts, ExprPrinter } from "./print-expr.ts";
import { nodeWords, words } from "./words.ts";

/** One line (or block of lines) of a declaration, with the token it starts with. */
interface Item {
  doc: Doc;
  first: IToken;
}

/** Prints a whole file's CST. */
export class DeclPrinter {
  private readonly expr: ExprPrinter;

  constructor(private readonly tp: TokenPrinter) {
    this.expr = new ExprPrinter(tp);
  }

  /** The `file` rule: an agreement or an amendment, ending with the file's last comments. */
  file(cst: CstNode): Doc {
    const c = new Cursor(elements(cst));
    const body = c.at("agreement") ? this.agreement(c.node()) : this.amendment(c.node("amendment"));
    return [body, this.tp.tailDoc(), hardline];
  }

  // ------------------------------------------------------------------ layout helpers

  /** Items, each on a line of its own (one blank line before it where the source had one). */
  private block(items: Item[]): Doc {
    return items.map((it) => [this.tp.blankBefore(it.first) ? blankLine : hardline, it.doc]);
  }

  /** A header line: its phrases on one line if they fit, else wrapped, continuation two in. */
  private header(parts: Doc[]): Doc {
    return this.prose(parts);
  }

  /** Phrases wrapped like prose; separators break two spaces in; the first phrase keeps the current indentation. */
  private prose(parts: Doc[]): Doc {
    const out: Doc[] = [];
    parts.forEach((p, i) => {
      if (i > 0) out.push(indent(line));
      // Later phrases sit two in: a phrase that wraps on its own (a long class list) goes two further.
      out.push(i > 0 ? indent(p) : p);
    });
    return { t: "fill", parts: out };
  }

  /** Tokens as phrases split after each comma (`adjustable at …, first adjustment after 24 months, …`). */
  private commaProse(tokens: IToken[]): Doc {
    const phrases: IToken[][] = [[]];
    for (const t of tokens) {
      phrases[phrases.length - 1]!.push(t);
      if (t.tokenType.name === "Comma") phrases.push([]);
    }
    return this.prose(phrases.filter((p) => p.length > 0).map((p) => words(this.tp, p)));
  }

  private item(e: Element, doc: Doc): Item {
    return { doc, first: firstToken(e) };
  }

  /** `text "…"` / `reading "…"` / `rounded …`: words; the string verbatim. */
  private wordsItem(e: Element): Item {
    return this.item(e, e.node ? nodeWords(this.tp, e.node) : this.tp.tok(e.token));
  }

  // ------------------------------------------------------------------ agreement

  private agreement(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const parts: Doc[] = [words(this.tp, [c.token("Kw_agreement"), c.token("StringLiteral")])];
    if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
    const items = c.takeWhile((e) => e.name === "agreementHeader").map((e) => this.agreementHeader(e));
    const decls = c.rest().map((e) => [blankLine, this.declaration(e.node!)]);
    return [this.header(parts), indent(this.block(items)), decls];
  }

  private agreementHeader(e: Element): Item {
    return this.item(e, nodeWords(this.tp, e.node!));
  }

  private declaration(node: CstNode): Doc {
    const inner = new Cursor(elements(node)).node();
    switch (inner.name) {
      case "calendar":
        return this.simple(inner, (e) => this.item(e, this.commaProse(tokensOf(e.node!))));
      case "indexDecl":
        return this.indexDecl(inner);
      case "loanGroup":
        return this.simple(inner, (e) => this.groupItem(e));
      case "classDecl":
        return this.simple(inner, (e) => this.classItem(e));
      case "definition":
        return this.definition(inner);
      case "section":
        return this.section(inner);
      case "provision":
        return this.provision(inner);
      default:
        throw new Error(`internal: unknown declaration ${inner.name}`);
    }
  }

  /** A declaration whose header is its tokens up to the provenance tag and whose items are sub-rules. */
  private simple(node: CstNode, item: (e: Element) => Item): Doc {
    const c = new Cursor(elements(node));
    const head = c.takeWhile((e) => e.token !== undefined && e.name !== "Provenance").map((e) => e.token!);
    const parts: Doc[] = [words(this.tp, head)];
    if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
    return [this.header(parts), indent(this.block(c.rest().map(item)))];
  }

  private indexDecl(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const parts: Doc[] = [words(this.tp, [c.token("Kw_index"), c.token("StringLiteral")])];
    if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
    parts.push([this.tp.tok(c.token("Kw_assumed")), " ", nodeWords(this.tp, c.node("annualRate"))]);
    return [this.header(parts), indent(this.block(c.rest().map((e) => this.wordsItem(e))))];
  }

  private groupItem(e: Element): Item {
    return this.item(e, this.commaProse(tokensOf(e.node!)));
  }

  private classItem(e: Element): Item {
    const c = new Cursor(elements(e.node!));
    if (c.at("Kw_notional")) {
      const kw = words(this.tp, [c.token(), c.token("Kw_amount"), c.token("Kw_means")]);
      return this.item(e, [kw, " ", this.expr.print(c.node("expr"))]);
    }
    if (c.at("Kw_pass_through")) {
      const head = words(this.tp, [c.token(), c.token("Kw_rate")]);
      const parts: Doc[] = [];
      let phrase: Doc[] = [head, " ", this.expr.print(c.node("additive"))];
      while (c.more()) {
        const el = c.next();
        if (el.name === "Comma") {
          phrase.push(this.tp.tok(el.token!));
          parts.push(phrase);
          phrase = [];
        } else if (el.node) phrase.push(" ", this.expr.print(el.node));
        else {
          if (phrase.length > 0) phrase.push(" ");
          phrase.push(this.tp.tok(el.token!));
        }
      }
      if (phrase.length > 0) parts.push(phrase);
      return this.item(e, this.prose(parts));
    }
    return this.wordsItem(e);
  }

  // ------------------------------------------------------------------ definitions and clauses

  private definition(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const name = words(this.tp, [c.token("Kw_definition"), c.token("StringLiteral")]);
    const body = this.definitionBody(c.node("definitionBody"));
    return [this.header([name, ...body.head]), indent(this.block(body.items))];
  }

  /** The parts of a definition after its name: the provenance tag (for the header) and the lines. */
  private definitionBody(node: CstNode): { head: Doc[]; items: Item[] } {
    const c = new Cursor(elements(node));
    const head: Doc[] = c.at("Provenance") ? [this.tp.tok(c.token())] : [];
    const items: Item[] = [];
    while (c.more()) {
      const e = c.next();
      if (e.name === "Kw_means")
        items.push({ first: e.token!, doc: [this.tp.tok(e.token!), " ", this.expr.print(c.node("expr"))] });
      else items.push(this.wordsItem(e));
    }
    return { head, items };
  }

  private section(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const id: IToken[] = [c.token("Kw_section"), c.token("ProvisionRef")];
    if (c.at("StringLiteral")) id.push(c.token());
    const parts: Doc[] = [words(this.tp, id)];
    if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
    if (c.at("Kw_from")) parts.push(words(this.tp, [c.token(), c.token("StringLiteral")]));
    const items: Item[] = [];
    while (c.more()) {
      const e = c.next();
      if (e.name === "textItem") items.push(this.wordsItem(e));
      else if (e.name === "clause") items.push(this.item(e, this.clause(e.node!)));
      else if (e.token) {
        // remainder [(xvi)] to class X, then its own text two spaces further in
        const toks = [e.token, ...c.takeWhile((r) => r.token !== undefined).map((r) => r.token!)];
        const lines = c.rest().map((r) => this.wordsItem(r));
        items.push({ first: e.token, doc: [words(this.tp, toks), indent(this.block(lines))] });
      } else items.push(this.wordsItem(e));
    }
    return [this.header(parts), indent(this.block(items))];
  }

  private clause(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const label = words(this.tp, [c.token("Kw_clause"), c.token("ClauseLabel")]);
    const body = this.clauseBody(c.node("clauseBody"));
    return [this.header([label, ...body.head]), indent(this.block(body.items))];
  }

  /** The parts of a clause after its label: the provenance tag (for the header) and the lines. */
  private clauseBody(node: CstNode): { head: Doc[]; items: Item[] } {
    const c = new Cursor(elements(node));
    const head: Doc[] = c.at("Provenance") ? [this.tp.tok(c.token())] : [];
    const items: Item[] = [];
    while (c.more()) {
      const e = c.next();
      if (e.name === "Kw_when")
        items.push({ first: e.token!, doc: [this.tp.tok(e.token!), " ", this.expr.print(c.node("expr"))] });
      else if (e.name === "payAction" || e.name === "writeDownAction") items.push(this.item(e, this.action(e.node!)));
      else items.push(this.wordsItem(e));
    }
    return { head, items };
  }

  /** `pay … as principal to classes …, then classes … until reduced to zero`, wrapped at phrases. */
  private action(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const before = c.takeWhile((e) => e.name !== "recipients");
    const recipients = c.node("recipients");
    const until = c.rest().map((e) => e.token!);

    // Before the recipients: `pay <amount> [as principal] to`, `pay interest due to`, `write down <amount> from`.
    const lead = before.pop()!.token!; // the `to` or `from` that introduces the recipients
    const parts: Doc[] = [];
    const first: Doc[] = [];
    const bc = new Cursor(before);
    while (bc.more() && !bc.at("Kw_as")) {
      const e = bc.next();
      if (first.length > 0) first.push(" ");
      first.push(e.node ? this.expr.print(e.node) : this.tp.tok(e.token));
    }
    parts.push(first);
    if (bc.more())
      parts.push(
        words(
          this.tp,
          bc.rest().map((e) => e.token!),
        ),
      );

    let prefix: Doc = [this.tp.tok(lead), " "];
    const rc = new Cursor(elements(recipients));
    while (rc.more()) {
      const step = new Cursor(elements(rc.node("recipientStep")));
      // One step (`to classes sequentially,`) is one phrase if it fits on a line, else
      // its classes wrap like prose.
      const classes = classListParts(this.tp, step.node("classList"));
      classes[0] = [prefix, ...classes[0]!];
      if (step.more()) classes.push([nodeWords(this.tp, step.node("allocation"))]);
      if (rc.at("Comma")) {
        classes[classes.length - 1]!.push(this.tp.tok(rc.token()));
        prefix = [this.tp.tok(rc.token("Kw_then")), " "];
      }
      parts.push(this.prose(classes));
    }
    if (until.length > 0) parts.push(words(this.tp, until));
    return this.prose(parts);
  }

  private provision(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const id: IToken[] = [c.token("Kw_provision"), c.token("ProvisionRef")];
    if (c.at("StringLiteral")) id.push(c.token());
    const parts: Doc[] = [words(this.tp, id)];
    if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
    return [this.header(parts), indent(this.block(c.rest().map((e) => this.wordsItem(e))))];
  }

  // ------------------------------------------------------------------ amendments

  private amendment(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const title = words(this.tp, [c.token("Kw_amendment"), c.token("StringLiteral")]);
    const to = words(this.tp, [c.token("Kw_to"), c.token("StringLiteral")]);
    const lines: Item[] = [];
    const dated = c.takeWhile((e) => e.token !== undefined).map((e) => e.token!);
    lines.push({ first: dated[0]!, doc: words(this.tp, dated) });
    if (c.at("textItem")) lines.push(this.wordsItem(c.next()));
    const items = c.rest().map((e) => [blankLine, this.amendmentItem(e.node!)]);
    return [this.header([title, to]), indent(this.block(lines)), items];
  }

  private amendmentItem(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const head = words(this.tp, [c.token("Kw_item"), c.token("NumberLiteral")]);
    const lines: Item[] = [];
    while (c.more()) {
      const e = c.next();
      lines.push(e.name === "patch" ? this.item(e, this.patch(e.node!)) : this.wordsItem(e));
    }
    return [head, indent(this.block(lines))];
  }

  /** `replace definition "X" effective … [amendment]` and the replacement's lines, two spaces further in. */
  private patch(node: CstNode): Doc {
    const c = new Cursor(elements(node));
    const target = c.takeWhile((e) => e.name !== "effective").map((e) => e.token!);
    const parts: Doc[] = [words(this.tp, target), nodeWords(this.tp, c.node("effective"))];
    let items: Item[] = [];
    if (c.at("definitionBody") || c.at("clauseBody")) {
      const body = c.at("definitionBody") ? this.definitionBody(c.node()) : this.clauseBody(c.node());
      parts.push(...body.head);
      items = body.items;
    } else {
      if (c.at("StringLiteral")) parts.push(this.tp.tok(c.token()));
      if (c.at("Provenance")) parts.push(this.tp.tok(c.token()));
      items = c.rest().map((e) => this.wordsItem(e));
    }
    return [this.header(parts), indent(this.block(items))];
  }
}
