/**
 * CST → AST. Walks the chevrotain CST of a file that parsed without errors and builds the plain
 * AST of `ast.ts`, attaching a source location to every node.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { SourceLocation } from "../core/diagnostics.ts";
import type * as A from "./ast.ts";
import { cardinalValue, ordinalValue } from "./tokens.ts";
import { nodeLocation, tokenLocation } from "./location.ts";

type Ctx = Record<string, CstElement[] | undefined>;

/** Builds the AST of one file from its CST. `file` names the source in locations. */
export function toAst(cst: CstNode, file: string): A.SourceFile {
  return new Builder(file).file(cst);
}

/** Resolves the escapes of a quoted text and drops the quotes. */
export function unquote(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** A quoted name (defined term, group, index, title): unquoted, its line breaks and runs of spaces made one space. */
export function unquoteName(image: string): string {
  return unquote(image).replace(/\s+/g, " ").trim();
}

/** Decimal string of a percent literal ("0.50%" → "0.005") without floating point. */
export function percentToDecimalString(image: string): string {
  const digits = image.replace("%", "");
  const [int, frac = ""] = digits.split(".");
  const all = (int ?? "0") + frac; // value = all × 10^-(frac.length) / 100
  const scale = frac.length + 2;
  const padded = all.padStart(scale + 1, "0");
  const head = padded.slice(0, padded.length - scale).replace(/^0+(?=\d)/, "");
  const tail = padded.slice(padded.length - scale).replace(/0+$/, "");
  return tail ? `${head}.${tail}` : head;
}

class Builder {
  constructor(private readonly fileName: string) {}

  // ---------------------------------------------------------------- helpers
  private tokLoc(t: IToken): SourceLocation {
    return tokenLocation(this.fileName, t);
  }
  private nodeLoc(n: CstNode): SourceLocation {
    return nodeLocation(this.fileName, n);
  }
  private toks(ctx: Ctx, name: string): IToken[] {
    return (ctx[name] ?? []) as IToken[];
  }
  private tok(ctx: Ctx, name: string, i = 0): IToken | undefined {
    return this.toks(ctx, name)[i];
  }
  private has(ctx: Ctx, name: string): boolean {
    return (ctx[name]?.length ?? 0) > 0;
  }
  private nodes(ctx: Ctx, name: string): CstNode[] {
    return (ctx[name] ?? []) as CstNode[];
  }
  private node(ctx: Ctx, name: string, i = 0): CstNode | undefined {
    return this.nodes(ctx, name)[i];
  }
  private kw(ctx: Ctx, word: string): IToken | undefined {
    return this.tok(ctx, "Kw_" + word.replace(/[^A-Za-z0-9]/g, "_"));
  }
  private provenance(ctx: Ctx): A.Provenance | undefined {
    const t = this.tok(ctx, "Provenance");
    return t ? (t.image.slice(1, -1) as A.Provenance) : undefined;
  }
  private legal(n: CstNode | undefined): A.LegalText | undefined {
    if (!n) return undefined;
    const t = this.tok(n.children as Ctx, "StringLiteral")!;
    return { text: unquote(t.image), loc: this.tokLoc(t) };
  }
  private rate(n: CstNode): string {
    return percentToDecimalString(this.tok(n.children as Ctx, "PercentLiteral")!.image);
  }
  /** All tokens of the listed names, in source order. */
  private ordered(ctx: Ctx, names: string[]): IToken[] {
    return names.flatMap((n) => this.toks(ctx, n)).sort((a, b) => a.startOffset - b.startOffset);
  }

  // ---------------------------------------------------------------- files
  file(cst: CstNode): A.SourceFile {
    const ctx = cst.children as Ctx;
    const ag = this.node(ctx, "agreement");
    if (ag) return this.agreement(ag);
    return this.amendment(this.node(ctx, "amendment")!);
  }

  private agreement(n: CstNode): A.Agreement {
    const ctx = n.children as Ctx;
    const title = this.tok(ctx, "StringLiteral")!;
    const out: A.Agreement = {
      kind: "agreement",
      title: unquoteName(title.image),
      titleLoc: this.tokLoc(title),
      parties: [],
      declarations: [],
      loc: this.nodeLoc(n),
    };
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    for (const h of this.nodes(ctx, "agreementHeader")) {
      const c = h.children as Ctx;
      if (this.has(c, "Kw_series")) out.series = unquoteName(this.tok(c, "StringLiteral")!.image);
      else if (this.has(c, "Kw_dated")) out.datedAsOf = this.tok(c, "DateLiteral")!.image;
      else if (this.has(c, "Kw_party")) {
        const [name, role] = this.toks(c, "StringLiteral");
        out.parties.push({ name: unquoteName(name!.image), role: unquoteName(role!.image), loc: this.nodeLoc(h) });
      } else out.text = this.legal(this.node(c, "textItem"));
    }
    for (const d of this.nodes(ctx, "declaration")) {
      const c = d.children as Ctx;
      const [name, inner] = Object.entries(c)[0]!;
      const node = inner![0] as CstNode;
      switch (name) {
        case "calendar":
          out.declarations.push(this.calendar(node));
          break;
        case "indexDecl":
          out.declarations.push(this.indexDecl(node));
          break;
        case "loanGroup":
          out.declarations.push(this.loanGroup(node));
          break;
        case "classDecl":
          out.declarations.push(this.classDecl(node));
          break;
        case "definition":
          out.declarations.push(this.definition(node));
          break;
        case "section":
          out.declarations.push(this.section(node));
          break;
        case "provision":
          out.declarations.push(this.provision(node));
          break;
      }
    }
    return out;
  }

  private calendar(n: CstNode): A.Calendar {
    const ctx = n.children as Ctx;
    const out: A.Calendar = { kind: "calendar", nextBusinessDay: false, loc: this.nodeLoc(n) };
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    for (const item of this.nodes(ctx, "calendarItem")) {
      const c = item.children as Ctx;
      const date = this.tok(c, "DateLiteral")?.image;
      if (this.has(c, "Kw_cut_off")) out.cutoffDate = date!;
      else if (this.has(c, "Kw_closing")) out.closingDate = date!;
      else if (this.has(c, "Kw_first")) out.firstDistributionDate = date!;
      else {
        out.distributionDay = Number(this.tok(c, "NumberLiteral")!.image);
        out.nextBusinessDay = this.has(c, "Kw_Business");
      }
    }
    return out;
  }

  private indexDecl(n: CstNode): A.IndexDecl {
    const ctx = n.children as Ctx;
    const name = this.tok(ctx, "StringLiteral")!;
    const out: A.IndexDecl = {
      kind: "index",
      name: unquoteName(name.image),
      nameLoc: this.tokLoc(name),
      assumed: this.rate(this.node(ctx, "annualRate")!),
      loc: this.nodeLoc(n),
    };
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    const t = this.legal(this.node(ctx, "textItem"));
    if (t) out.text = t;
    return out;
  }

  private loanGroup(n: CstNode): A.LoanGroup {
    const ctx = n.children as Ctx;
    const name = this.tok(ctx, "StringLiteral")!;
    const out: A.LoanGroup = {
      kind: "group",
      name: unquoteName(name.image),
      nameLoc: this.tokLoc(name),
      loc: this.nodeLoc(n),
    };
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    for (const item of this.nodes(ctx, "groupItem")) {
      const c = item.children as Ctx;
      if (this.has(c, "textItem")) out.text = this.legal(this.node(c, "textItem"))!;
      else if (this.has(c, "Kw_cut_off")) {
        const t = this.tok(c, "MoneyLiteral")!;
        out.cutoffBalance = t.image.replace(/[$,]/g, "");
        out.cutoffBalanceLoc = this.tokLoc(t);
      } else if (this.has(c, "Kw_mortgage")) {
        out.mortgageRate = this.rate(this.node(c, "annualRate")!);
        const adj = this.node(c, "adjustableTerms");
        if (adj) {
          const a = adj.children as Ctx;
          const rates = this.nodes(a, "annualRate").map((r) => this.rate(r));
          const nums = this.toks(a, "NumberLiteral").map((t) => Number(t.image));
          const idx = this.tok(a, "StringLiteral")!;
          out.adjustable = {
            index: unquoteName(idx.image),
            indexLoc: this.tokLoc(idx),
            grossMargin: rates[0]!,
            firstAdjustmentMonth: nums[0]!,
            resetMonths: nums[1]!,
            periodicCap: rates[1]!,
            lifetimeCap: rates[2]!,
            floor: rates[3]!,
          };
        }
      } else if (this.has(c, "Kw_servicing")) out.servicingFee = this.rate(this.node(c, "annualRate")!);
      else if (this.has(c, "Kw_remaining")) out.remainingTerm = Number(this.tok(c, "NumberLiteral")!.image);
      else if (this.has(c, "Kw_prepayment")) {
        const spec = this.node(c, "prepaymentSpec")!;
        const s = spec.children as Ctx;
        const pcts = this.toks(s, "PercentLiteral").map((t) => percentToDecimalString(t.image));
        out.prepayment = this.has(s, "Kw_PPC")
          ? {
              kind: "ramp",
              multiple: pcts[0]!,
              startCpr: pcts[1]!,
              endCpr: pcts[2]!,
              rampMonths: Number(this.tok(s, "NumberLiteral")!.image),
              loc: this.nodeLoc(spec),
            }
          : { kind: "cpr", cpr: pcts[0]!, loc: this.nodeLoc(spec) };
      }
    }
    return out;
  }

  private classDecl(n: CstNode): A.ClassDecl {
    const ctx = n.children as Ctx;
    const name = this.tok(ctx, "ClassName")!;
    const out: A.ClassDecl = {
      kind: "class",
      name: name.image,
      nameLoc: this.tokLoc(name),
      residual: false,
      loc: this.nodeLoc(n),
    };
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    for (const item of this.nodes(ctx, "classItem")) {
      const c = item.children as Ctx;
      if (this.has(c, "textItem")) out.text = this.legal(this.node(c, "textItem"))!;
      else if (this.has(c, "Kw_group")) {
        const g = this.tok(c, "StringLiteral")!;
        out.group = { name: unquoteName(g.image), loc: this.tokLoc(g) };
      } else if (this.has(c, "Kw_original")) {
        const t = this.tok(c, "MoneyLiteral")!;
        out.originalBalance = t.image.replace(/[$,]/g, "");
        out.originalBalanceLoc = this.tokLoc(t);
      } else if (this.has(c, "Kw_notional")) out.notional = this.expr(this.node(c, "expr")!);
      else if (this.has(c, "Kw_pass_through")) {
        const adds = this.nodes(c, "additive");
        const dc = this.tok(c, "DayCount")!.image as "30/360" | "actual/360";
        out.rate = { expr: this.additive(adds[0]!), dayCount: dc, loc: this.nodeLoc(item) };
        if (adds[1]) out.rate.cap = this.additive(adds[1]);
      } else if (this.has(c, "Kw_residual")) out.residual = true;
      else if (this.has(c, "rounding")) out.rounding = this.rounding(this.node(c, "rounding"))!;
    }
    return out;
  }

  private rounding(n: CstNode | undefined): A.RoundingDecl | undefined {
    if (!n) return undefined;
    const c = n.children as Ctx;
    const mode = this.has(c, "Kw_half_up")
      ? "half-up"
      : this.has(c, "Kw_half_even")
        ? "half-even"
        : this.has(c, "Kw_down")
          ? "down"
          : "up";
    const out: A.RoundingDecl = { mode, places: this.has(c, "Kw_dollar") ? 0 : 2, loc: this.nodeLoc(n) };
    if (this.has(c, "Kw_odd")) out.oddCents = this.has(c, "Kw_largest") ? "largest remainder" : "first class";
    return out;
  }

  private definitionFrom(nameTok: IToken, body: CstNode, loc: SourceLocation): A.Definition {
    const c = body.children as Ctx;
    const out: A.Definition = {
      kind: "definition",
      name: unquoteName(nameTok.image),
      nameLoc: this.tokLoc(nameTok),
      means: this.expr(this.node(c, "expr")!),
      loc,
    };
    const p = this.provenance(c);
    if (p) out.provenance = p;
    const t = this.legal(this.node(c, "textItem"));
    if (t) out.text = t;
    const r = this.legal(this.node(c, "readingItem"));
    if (r) out.reading = r;
    const rd = this.rounding(this.node(c, "rounding"));
    if (rd) out.rounding = rd;
    return out;
  }

  private definition(n: CstNode): A.Definition {
    const ctx = n.children as Ctx;
    return this.definitionFrom(this.tok(ctx, "StringLiteral")!, this.node(ctx, "definitionBody")!, this.nodeLoc(n));
  }

  private section(n: CstNode): A.Section {
    const ctx = n.children as Ctx;
    const id = this.tok(ctx, "ProvisionRef")!;
    const strings = this.toks(ctx, "StringLiteral");
    const fromTok = this.kw(ctx, "from");
    const out: A.Section = { kind: "section", id: id.image, idLoc: this.tokLoc(id), clauses: [], loc: this.nodeLoc(n) };
    for (const s of strings) {
      if (fromTok && s.startOffset > fromTok.startOffset)
        out.source = { name: unquoteName(s.image), loc: this.tokLoc(s) };
      else out.title = unquoteName(s.image);
    }
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    const [t, remainderText] = this.nodes(ctx, "textItem");
    const remainderKw = this.kw(ctx, "remainder");
    if (t && (!remainderKw || t.location!.startOffset < remainderKw.startOffset)) out.text = this.legal(t)!;
    else if (t) out.remainderText = this.legal(t)!;
    if (remainderText) out.remainderText = this.legal(remainderText)!;
    const remainderLabel = this.tok(ctx, "ClauseLabel");
    if (remainderLabel) out.remainderLabel = remainderLabel.image;
    for (const cl of this.nodes(ctx, "clause")) {
      const c = cl.children as Ctx;
      const label = this.tok(c, "ClauseLabel")!;
      out.clauses.push(this.clauseFrom(out.id + label.image, label, this.node(c, "clauseBody")!, this.nodeLoc(cl)));
    }
    const rem = this.tok(ctx, "ClassName");
    if (rem) out.remainderTo = { name: rem.image, loc: this.tokLoc(rem) };
    return out;
  }

  private clauseFrom(id: string, labelTok: IToken, body: CstNode, loc: SourceLocation): A.Clause {
    const c = body.children as Ctx;
    const label = /\([^()]+\)$/.exec(id)?.[0] ?? labelTok.image;
    const out: A.Clause = {
      kind: "clause",
      label,
      id,
      labelLoc: this.tokLoc(labelTok),
      action: this.action(c),
      loc,
    };
    const p = this.provenance(c);
    if (p) out.provenance = p;
    const t = this.legal(this.node(c, "textItem"));
    if (t) out.text = t;
    const r = this.legal(this.node(c, "readingItem"));
    if (r) out.reading = r;
    const cond = this.node(c, "expr");
    if (cond) out.condition = this.expr(cond);
    const rd = this.rounding(this.node(c, "rounding"));
    if (rd) out.rounding = rd;
    return out;
  }

  private action(c: Ctx): A.Action {
    const pay = this.node(c, "payAction");
    if (pay) {
      const p = pay.children as Ctx;
      const loc = this.nodeLoc(pay);
      const to = this.recipients(this.node(p, "recipients")!);
      const until = this.has(p, "Kw_until");
      const add = this.node(p, "additive");
      if (add) {
        const as = this.has(p, "Kw_principal") ? "principal" : this.has(p, "Kw_interest") ? "interest" : "other";
        return {
          kind: "pay",
          amount: { kind: "amount", expr: this.additive(add), loc: this.nodeLoc(add) },
          as,
          to,
          untilReducedToZero: until,
          loc,
        };
      }
      const first = this.toks(p, "Kw_pay")[0]!;
      const kind = this.has(p, "Kw_interest")
        ? ("interest due" as const)
        : this.has(p, "Kw_basis")
          ? ("basis risk shortfall carry-forward" as const)
          : ("unpaid realized losses" as const);
      return {
        kind: "pay",
        amount: { kind, loc: this.tokLoc(first) },
        as: "interest",
        to,
        untilReducedToZero: until,
        loc,
      };
    }
    const wd = this.node(c, "writeDownAction")!;
    const w = wd.children as Ctx;
    return {
      kind: "writeDown",
      amount: this.additive(this.node(w, "additive")!),
      from: this.recipients(this.node(w, "recipients")!),
      loc: this.nodeLoc(wd),
    };
  }

  private recipients(n: CstNode): A.RecipientStep[] {
    return this.nodes(n.children as Ctx, "recipientStep").map((s) => {
      const c = s.children as Ctx;
      const alloc = this.node(c, "allocation");
      let allocation: A.Allocation = "sequentially";
      if (alloc) {
        const a = alloc.children as Ctx;
        if (this.has(a, "Kw_pro"))
          allocation = this.has(a, "Kw_amount")
            ? "pro rata by amount due"
            : this.has(a, "Kw_balance")
              ? "pro rata by balance"
              : "pro rata";
      }
      return { classes: this.classList(this.node(c, "classList")!), allocation, loc: this.nodeLoc(s) };
    });
  }

  private classList(n: CstNode): A.ClassRef[] {
    return this.toks(n.children as Ctx, "ClassName").map((t) => ({ name: t.image, loc: this.tokLoc(t) }));
  }

  private provision(n: CstNode): A.TextProvision {
    const ctx = n.children as Ctx;
    const id = this.tok(ctx, "ProvisionRef")!;
    const out: A.TextProvision = {
      kind: "provision",
      id: id.image,
      idLoc: this.tokLoc(id),
      text: this.legal(this.node(ctx, "textItem"))!,
      loc: this.nodeLoc(n),
    };
    const title = this.tok(ctx, "StringLiteral");
    if (title) out.title = unquoteName(title.image);
    const p = this.provenance(ctx);
    if (p) out.provenance = p;
    return out;
  }

  // ---------------------------------------------------------------- amendments
  private amendment(n: CstNode): A.Amendment {
    const ctx = n.children as Ctx;
    const [title, to] = this.toks(ctx, "StringLiteral");
    const out: A.Amendment = {
      kind: "amendment",
      title: unquoteName(title!.image),
      titleLoc: this.tokLoc(title!),
      to: unquoteName(to!.image),
      toLoc: this.tokLoc(to!),
      dated: this.tok(ctx, "DateLiteral")!.image,
      items: [],
      loc: this.nodeLoc(n),
    };
    const pursuant = this.tok(ctx, "ProvisionRef");
    if (pursuant) {
      out.pursuantTo = pursuant.image;
      out.pursuantLoc = this.tokLoc(pursuant);
    }
    const t = this.legal(this.node(ctx, "textItem"));
    if (t) out.text = t;
    for (const it of this.nodes(ctx, "item")) out.items.push(this.item(it));
    return out;
  }

  private item(n: CstNode): A.AmendmentItem {
    const ctx = n.children as Ctx;
    const num = this.tok(ctx, "NumberLiteral")!;
    const out: A.AmendmentItem = {
      number: Number(num.image),
      numberLoc: this.tokLoc(num),
      patch: { kind: "statement" },
      loc: this.nodeLoc(n),
    };
    const t = this.legal(this.node(ctx, "textItem"));
    if (t) out.text = t;
    const r = this.legal(this.node(ctx, "readingItem"));
    if (r) out.reading = r;
    const patchNode = this.node(ctx, "patch");
    if (!patchNode) return out;
    const p = patchNode.children as Ctx;
    const eff = this.node(p, "effective")!;
    const effDate = this.tok(eff.children as Ctx, "DateLiteral");
    if (effDate) out.effective = effDate.image;
    const ploc = this.nodeLoc(patchNode);
    const verb = this.has(p, "Kw_replace") ? "replace" : this.has(p, "Kw_insert") ? "insert" : "delete";
    const name = this.tok(p, "StringLiteral");
    const refs = this.toks(p, "ProvisionRef");
    if (this.has(p, "Kw_definition")) {
      out.target = unquoteName(name!.image);
      out.targetLoc = this.tokLoc(name!);
      if (verb === "delete") out.patch = { kind: "delete definition", name: out.target, nameLoc: out.targetLoc };
      else {
        const def = this.definitionFrom(name!, this.node(p, "definitionBody")!, ploc);
        out.patch =
          verb === "replace"
            ? { kind: "replace definition", definition: def }
            : { kind: "insert definition", definition: def };
      }
    } else if (this.has(p, "Kw_clause")) {
      const ref = refs[0]!;
      out.target = ref.image;
      out.targetLoc = this.tokLoc(ref);
      if (verb === "delete") out.patch = { kind: "delete clause", id: ref.image, idLoc: out.targetLoc };
      else {
        const clause = this.clauseFrom(ref.image, ref, this.node(p, "clauseBody")!, ploc);
        if (verb === "replace") out.patch = { kind: "replace clause", clause };
        else
          out.patch = {
            kind: "insert clause",
            clause,
            position: this.has(p, "Kw_before") ? "before" : "after",
            anchor: refs[1]!.image,
            anchorLoc: this.tokLoc(refs[1]!),
          };
      }
    } else {
      const ref = refs[0]!;
      out.target = ref.image;
      out.targetLoc = this.tokLoc(ref);
      const prov: A.TextProvision = {
        kind: "provision",
        id: ref.image,
        idLoc: this.tokLoc(ref),
        text: this.legal(this.node(p, "textItem"))!,
        loc: ploc,
      };
      if (name) prov.title = unquoteName(name.image);
      const pv = this.provenance(p);
      if (pv) prov.provenance = pv;
      out.patch = { kind: "replace provision", provision: prov };
    }
    return out;
  }

  // ---------------------------------------------------------------- expressions
  expr(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const parts = this.nodes(ctx, "andExpr").map((a) => this.andExpr(a));
    return parts
      .slice(1)
      .reduce<A.Expr>(
        (l, r) => ({ kind: "logical", op: "or", left: l, right: r, loc: this.span(l.loc, r.loc) }),
        parts[0]!,
      );
  }

  private span(a: SourceLocation, b: SourceLocation): SourceLocation {
    return { ...a, endLine: b.endLine, endColumn: b.endColumn, endOffset: b.endOffset };
  }

  private andExpr(n: CstNode): A.Expr {
    const parts = this.nodes(n.children as Ctx, "notExpr").map((a) => this.notExpr(a));
    return parts
      .slice(1)
      .reduce<A.Expr>(
        (l, r) => ({ kind: "logical", op: "and", left: l, right: r, loc: this.span(l.loc, r.loc) }),
        parts[0]!,
      );
  }

  private notExpr(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const inner = this.node(ctx, "notExpr");
    if (inner) return { kind: "not", operand: this.notExpr(inner), loc: this.nodeLoc(n) };
    return this.comparison(this.node(ctx, "comparison")!);
  }

  private comparison(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const [l, r] = this.nodes(ctx, "additive");
    const left = this.additive(l!);
    if (!r) return left;
    const op = this.node(ctx, "compareOp")!.children as Ctx;
    const cmp: A.CompareOp =
      this.has(op, "Kw_less") || this.has(op, "Less")
        ? "<"
        : this.has(op, "Kw_greater") || this.has(op, "Greater") || this.has(op, "Kw_exceeds")
          ? ">"
          : this.has(op, "Kw_least") || this.has(op, "GreaterEq")
            ? ">="
            : this.has(op, "Kw_most") || this.has(op, "LessEq")
              ? "<="
              : "=";
    return { kind: "compare", op: cmp, left, right: this.additive(r), loc: this.nodeLoc(n) };
  }

  additive(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const operands = this.nodes(ctx, "multiplicative").map((m) => this.multiplicative(m));
    const ops = this.ordered(ctx, ["Kw_plus", "Kw_minus", "PlusSign", "MinusSign"]);
    return operands.slice(1).reduce<A.Expr>((l, r, i) => {
      const o = ops[i]!.image;
      return {
        kind: "binary",
        op: o === "plus" || o === "+" ? "+" : "-",
        left: l,
        right: r,
        loc: this.span(l.loc, r.loc),
      };
    }, operands[0]!);
  }

  private multiplicative(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const operands = this.nodes(ctx, "unary").map((m) => this.unary(m));
    const ops = this.ordered(ctx, ["Kw_times", "Kw_divided", "Star", "Slash", "Kw_of"]);
    return operands.slice(1).reduce<A.Expr>((l, r, i) => {
      const o = ops[i]!.image;
      return {
        kind: "binary",
        op: o === "divided" || o === "/" ? "/" : "*",
        left: l,
        right: r,
        loc: this.span(l.loc, r.loc),
      };
    }, operands[0]!);
  }

  private unary(n: CstNode): A.Expr {
    const ctx = n.children as Ctx;
    const inner = this.node(ctx, "unary");
    if (inner) return { kind: "negate", operand: this.unary(inner), loc: this.nodeLoc(n) };
    return this.primary(this.node(ctx, "primary")!);
  }

  private ordinal(n: CstNode): number {
    const t = Object.values(n.children)[0]![0] as IToken;
    return ordinalValue(t.image) ?? 0;
  }

  private primary(n: CstNode): A.Expr {
    const c = n.children as Ctx;
    const loc = this.nodeLoc(n);
    let t: IToken | undefined;
    if ((t = this.tok(c, "MoneyLiteral"))) return { kind: "money", value: t.image.replace(/[$,]/g, ""), loc };
    if ((t = this.tok(c, "PercentLiteral")))
      return { kind: this.has(c, "Kw_annum") ? "rate" : "percent", value: percentToDecimalString(t.image), loc };
    if ((t = this.tok(c, "NumberLiteral"))) return { kind: "number", value: t.image, loc };
    if (!this.has(c, "Kw_available") && !this.has(c, "Kw_paid") && (t = this.tok(c, "ProvisionRef")))
      return { kind: "number", value: t.image, loc }; // "1.25": a decimal that looks like a section number
    if ((t = this.tok(c, "DateLiteral")) && !this.has(c, "Kw_on") && !this.has(c, "Kw_before"))
      return { kind: "date", value: t.image, loc };
    if (this.has(c, "Kw_true")) return { kind: "boolean", value: true, loc };
    if (this.has(c, "Kw_false")) return { kind: "boolean", value: false, loc };
    if (this.has(c, "Kw_index")) return { kind: "index", name: unquoteName(this.tok(c, "StringLiteral")!.image), loc };
    if (this.has(c, "Kw_prior")) {
      const out: A.Expr = { kind: "prior", name: unquoteName(this.tok(c, "StringLiteral")!.image), loc };
      const init = this.node(c, "unary");
      if (init) out.initially = this.unary(init);
      return out;
    }
    if ((t = this.tok(c, "StringLiteral"))) return { kind: "term", name: unquoteName(t.image), loc };
    const list = this.node(c, "listFunction");
    if (list) {
      const lc = list.children as Ctx;
      const kind = this.has(lc, "Kw_lesser") ? "lesserOf" : this.has(lc, "Kw_greater") ? "greaterOf" : "sumOf";
      const args = this.nodes(lc, "listArgument");
      return {
        kind,
        args: args.map((a) => this.additive(this.node(a.children as Ctx, "additive")!)),
        labels: args.map((a) => this.tok(a.children as Ctx, "ClauseLabel")?.image),
        loc,
      };
    }
    if (this.has(c, "Kw_excess")) {
      const [a, b] = this.nodes(c, "additive");
      return { kind: "excessOf", minuend: this.additive(a!), subtrahend: this.additive(b!), loc };
    }
    if (this.has(c, "Kw_available") || this.has(c, "Kw_paid")) {
      const ref = this.tok(c, "ProvisionRef")!;
      return {
        kind: this.has(c, "Kw_available") ? "available" : "paid",
        provision: ref.image,
        provisionLoc: this.tokLoc(ref),
        loc,
      };
    }
    const cf = this.node(c, "collateralField");
    if (cf) return this.collateralField(cf);
    const kf = this.node(c, "classField");
    if (kf) return this.classField(kf);
    if (this.has(c, "Kw_number")) return { kind: "periodNumber", loc };
    if ((t = this.tok(c, "DayCount")))
      return { kind: "dayCountFraction", convention: t.image as "30/360" | "actual/360", loc };
    const onDate = this.tok(c, "DateLiteral");
    if (this.has(c, "Kw_on"))
      return onDate
        ? { kind: "onOrAfterDate", date: onDate.image, loc }
        : { kind: "onOrAfter", ordinal: this.ordinal(this.node(c, "ordinal")!), loc };
    if (this.has(c, "Kw_before"))
      return onDate
        ? { kind: "beforeDate", date: onDate.image, loc }
        : { kind: "before", ordinal: this.ordinal(this.node(c, "ordinal")!), loc };
    if (this.has(c, "Kw_if")) {
      const [a, b, d] = this.nodes(c, "expr");
      return { kind: "if", condition: this.expr(a!), then: this.expr(b!), else: this.expr(d!), loc };
    }
    const cases = this.node(c, "cases");
    if (cases) return this.cases(cases);
    return { kind: "paren", inner: this.expr(this.node(c, "expr")!), loc };
  }

  private cases(n: CstNode): A.Expr {
    const c = n.children as Ctx;
    const selectors = this.nodes(c, "periodSelector");
    const exprs = this.nodes(c, "expr");
    return {
      kind: "cases",
      cases: selectors.map((s, i) => ({ when: this.selector(s), value: this.expr(exprs[i]!) })),
      otherwise: this.expr(exprs[exprs.length - 1]!),
      loc: this.nodeLoc(n),
    };
  }

  private selector(n: CstNode): A.PeriodSelector {
    const c = n.children as Ctx;
    const loc = this.nodeLoc(n);
    const single = this.tok(c, "OrdinalWord") ?? this.tok(c, "OrdinalNumber");
    if (single) return { kind: "single", ordinal: ordinalValue(single.image) ?? 0, loc };
    if (this.has(c, "Kw_first") && !this.has(c, "ordinal")) {
      const card = this.node(c, "cardinal");
      let count = 1;
      if (card) {
        const t = Object.values(card.children)[0]![0] as IToken;
        count = cardinalValue(t.image) ?? Number(t.image);
      }
      return { kind: "first", count, loc };
    }
    const nums = this.toks(c, "NumberLiteral");
    if (nums.length === 2) return { kind: "range", from: Number(nums[0]!.image), to: Number(nums[1]!.image), loc };
    return { kind: "onOrAfter", ordinal: this.ordinal(this.node(c, "ordinal")!), loc };
  }

  private collateralField(n: CstNode): A.Expr {
    const c = n.children as Ctx;
    const g = this.tok(c, "StringLiteral")!;
    const after = this.has(c, "Kw_distributions");
    let field: A.CollateralField;
    if (this.has(c, "Kw_stated"))
      field = after ? "stated principal balance after distributions" : "stated principal balance";
    else if (this.has(c, "Kw_cut_off")) field = "cut-off balance";
    else if (this.has(c, "Kw_scheduled")) field = "scheduled principal";
    else if (this.has(c, "Kw_prepayments")) field = "principal prepayments";
    else if (this.has(c, "Kw_liquidation")) field = "net liquidation proceeds";
    else if (this.has(c, "Kw_realized")) field = "realized losses";
    else if (this.has(c, "Kw_collections")) field = "interest collections";
    else if (this.has(c, "Kw_servicing")) field = "servicing fee";
    else field = "net mortgage rate";
    return { kind: "collateral", field, group: unquoteName(g.image), groupLoc: this.tokLoc(g), loc: this.nodeLoc(n) };
  }

  private classField(n: CstNode): A.Expr {
    const c = n.children as Ctx;
    const after = this.has(c, "Kw_distributions");
    let field: A.ClassField;
    if (this.has(c, "Kw_original")) field = "original certificate principal balance";
    else if (this.has(c, "Kw_certificate"))
      field = after ? "certificate principal balance after distributions" : "certificate principal balance";
    else if (this.has(c, "Kw_interest")) field = "interest due";
    else if (this.has(c, "Kw_basis")) field = "basis risk shortfall carry-forward";
    else field = "unpaid realized losses";
    return { kind: "classField", field, classes: this.classList(this.node(c, "classList")!), loc: this.nodeLoc(n) };
  }
}
