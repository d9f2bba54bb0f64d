/**
 * `lower(versioned) → DealModel`: the resolved form of an accepted deal. Runs once, after the
 * checks and the amend stage have accepted every instrument; from here on nothing looks a name up
 * as a string or parses a literal again.
 */
import { diag, type Diagnostic } from "../core/diagnostics.ts";
import { ids, type GroupId, type InstrumentId, type TermId, type VersionId } from "../core/ids.ts";
import { CENT_HALF_UP, Decimal, type RoundingRule } from "../core/money.ts";
import type { VersionedAgreement } from "../amend/amend.ts";
import { amendmentsInForce } from "../amend/in-force.ts";
import { poolTermsOf, pricingCurves } from "../collateral/from-agreement.ts";
import { dependencyGraph } from "../semantics/graph.ts";
import type { AgreementView, VersionLabel } from "../semantics/view.ts";
import type {
  Clause,
  Definition,
  Expr,
  LegalText,
  PeriodSelector,
  RecipientStep as AstStep,
  RoundingDecl,
  TextProvision,
} from "../syntax/ast.ts";
import type {
  ClassModel,
  ClauseBody,
  ClauseSymbol,
  DateSelector,
  DateView,
  DealModel,
  DepNode,
  GroupModel,
  IndexModel,
  Instrument,
  MExpr,
  ProvisionRef,
  RecipientStep,
  SectionModel,
  TermBody,
  TextBody,
  Version,
  Words,
} from "./types.ts";

/** What `lower` returns: the model, or the diagnostics that keep the deal from running. */
export interface LowerResult {
  model?: DealModel;
  diagnostics: Diagnostic[];
}

const words = (t: LegalText | undefined): Words | undefined => (t ? { text: t.text, loc: t.loc } : undefined);

function rule(r: RoundingDecl | undefined): RoundingRule | undefined {
  if (!r) return undefined;
  const out: RoundingRule = { mode: r.mode, places: r.places };
  if (r.oddCents) out.oddCents = r.oddCents;
  return out;
}

function selector(s: PeriodSelector): DateSelector {
  switch (s.kind) {
    case "first":
      return { kind: "first", count: s.count };
    case "range":
      return { kind: "range", from: s.from, to: s.to };
    case "onOrAfter":
      return { kind: "onOrAfter", ordinal: s.ordinal };
    case "single":
      return { kind: "single", ordinal: s.ordinal };
  }
}

/** Lowers a formula: literals to Decimals, names to ids, parentheses dropped. */
export function lowerExpr(e: Expr): MExpr {
  const loc = e.loc;
  switch (e.kind) {
    case "money":
    case "percent":
    case "rate":
    case "number":
      return { kind: "number", value: new Decimal(e.value), loc };
    case "boolean":
      return { kind: "boolean", value: e.value, loc };
    case "date":
      return { kind: "date", value: e.value, loc };
    case "term":
      return { kind: "term", term: ids.term(e.name), loc };
    case "index":
      return { kind: "index", index: ids.index(e.name), loc };
    case "paren":
      return lowerExpr(e.inner);
    case "binary":
      return { kind: "binary", op: e.op, left: lowerExpr(e.left), right: lowerExpr(e.right), loc };
    case "compare":
      return { kind: "compare", op: e.op, left: lowerExpr(e.left), right: lowerExpr(e.right), loc };
    case "logical":
      return { kind: "logical", op: e.op, left: lowerExpr(e.left), right: lowerExpr(e.right), loc };
    case "negate":
      return { kind: "negate", operand: lowerExpr(e.operand), loc };
    case "not":
      return { kind: "not", operand: lowerExpr(e.operand), loc };
    case "lesserOf":
    case "greaterOf":
    case "sumOf":
      return { kind: e.kind, args: e.args.map(lowerExpr), loc };
    case "excessOf":
      return { kind: "excessOf", minuend: lowerExpr(e.minuend), subtrahend: lowerExpr(e.subtrahend), loc };
    case "available":
    case "paid":
      return { kind: e.kind, clause: ids.clause(e.provision), loc };
    case "prior": {
      const out: MExpr = { kind: "prior", term: ids.term(e.name), loc };
      if (e.initially) out.initially = lowerExpr(e.initially);
      return out;
    }
    case "collateral":
      return { kind: "collateral", group: ids.group(e.group), field: e.field, loc };
    case "classField":
      return { kind: "classField", field: e.field, classes: e.classes.map((c) => ids.class(c.name)), loc };
    case "periodNumber":
      return { kind: "periodNumber", loc };
    case "dayCountFraction":
      return { kind: "dayCountFraction", convention: e.convention, loc };
    case "onOrAfter":
    case "before":
      return { kind: e.kind, ordinal: e.ordinal, loc };
    case "onOrAfterDate":
    case "beforeDate":
      return { kind: e.kind, date: e.date, loc };
    case "if":
      return { kind: "if", condition: lowerExpr(e.condition), then: lowerExpr(e.then), else: lowerExpr(e.else), loc };
    case "cases":
      return {
        kind: "cases",
        cases: e.cases.map((c) => ({ when: selector(c.when), value: lowerExpr(c.value) })),
        otherwise: lowerExpr(e.otherwise),
        loc,
      };
  }
}

function steps(s: readonly AstStep[]): RecipientStep[] {
  return s.map((st) => ({ classes: st.classes.map((c) => ids.class(c.name)), allocation: st.allocation }));
}

function termBody(d: Definition): TermBody {
  const b: TermBody = { kind: "term", means: lowerExpr(d.means), nameLoc: d.nameLoc, loc: d.loc };
  const r = rule(d.rounding);
  if (r) b.rounding = r;
  if (d.text) b.text = words(d.text)!;
  if (d.reading) b.reading = words(d.reading)!;
  if (d.provenance) b.provenance = d.provenance;
  return b;
}

function clauseBody(c: Clause): ClauseBody {
  const a = c.action;
  const b: ClauseBody = {
    kind: "clause",
    label: c.label,
    rounding: rule(c.rounding) ?? CENT_HALF_UP,
    oddCents: c.rounding?.oddCents ?? "largest remainder",
    action:
      a.kind === "writeDown"
        ? { kind: "writeDown", amount: lowerExpr(a.amount), from: steps(a.from) }
        : {
            kind: "pay",
            amount:
              a.amount.kind === "amount" ? { kind: "amount", expr: lowerExpr(a.amount.expr) } : { kind: a.amount.kind },
            as: a.as,
            to: steps(a.to),
            untilReducedToZero: a.untilReducedToZero,
          },
    labelLoc: c.labelLoc,
    loc: c.loc,
  };
  if (c.condition) b.condition = lowerExpr(c.condition);
  if (c.text) b.text = words(c.text)!;
  if (c.reading) b.reading = words(c.reading)!;
  if (c.provenance) b.provenance = c.provenance;
  return b;
}

function textBody(p: TextProvision): TextBody {
  const b: TextBody = { kind: "provision", text: words(p.text)!, loc: p.loc };
  if (p.title) b.title = p.title;
  if (p.provenance) b.provenance = p.provenance;
  return b;
}

/** The one place a history key ("definition:Name", "clause:4.02(d)(xiii)", "provision:11.01(a)(vi)") is read. */
function provisionOfKey(key: string): ProvisionRef {
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const name = key.slice(at + 1);
  if (kind === "definition") return { kind: "term", term: ids.term(name) };
  if (kind === "clause") return { kind: "clause", clause: ids.clause(name) };
  return { kind: "provision", provision: ids.provision(name) };
}

function nodeOfDep(key: string): DepNode {
  return key.startsWith("term:")
    ? { kind: "term", term: ids.term(key.slice(5)) }
    : { kind: "clause", clause: ids.clause(key.slice(7)) };
}

/**
 * Lowers an accepted versioned agreement into the resolved deal model. `name` is the deal's name
 * (its directory). Returns a PA2008 diagnostic, and no model, when the calendar is incomplete (a
 * deal that cannot be scheduled cannot run); otherwise never fails on a deal the checks accepted.
 */
export function lower(va: VersionedAgreement, name: string): LowerResult {
  const base = va.views[0]!;
  const cal = base.calendar;
  if (!cal?.firstDistributionDate || !cal.distributionDay || !cal.closingDate)
    return {
      diagnostics: [
        diag("PA2008", cal?.loc ?? va.base.loc, {
          message:
            "the agreement's calendar needs a closing date, a first Distribution Date and the day of the month of Distribution Dates",
          hint: "add a `calendar` with `closing date …`, `first Distribution Date …` and `Distribution Dates on day 25 of each month, or the next Business Day`",
        }),
      ],
    };

  const instruments: Instrument[] = [
    { id: ids.instrument(0), kind: "agreement", title: va.base.title, loc: va.base.loc },
    ...va.amendments.map((a, i): Instrument => ({
      id: ids.instrument(i + 1),
      kind: "amendment",
      title: a.title,
      dated: a.dated,
      loc: a.loc,
    })),
  ];
  if (va.base.datedAsOf) instruments[0]!.dated = va.base.datedAsOf;
  const instrumentOf = (label: VersionLabel): InstrumentId =>
    label.item === undefined
      ? ids.instrument(0)
      : (instruments.find((x) => x.kind === "amendment" && x.title === label.instrument)?.id ?? ids.instrument(0));

  const model: DealModel = {
    name,
    title: va.base.title,
    calendar: {
      closingDate: cal.closingDate,
      firstDistributionDate: cal.firstDistributionDate,
      distributionDay: cal.distributionDay,
      nextBusinessDay: cal.nextBusinessDay,
      loc: cal.loc,
    },
    instruments,
    indexes: new Map(),
    groups: new Map(),
    classes: new Map(),
    sections: new Map(),
    terms: new Map(),
    clauses: new Map(),
    provisions: new Map(),
    versions: [],
    views: [],
  };
  if (va.base.series) model.series = va.base.series;
  if (cal.cutoffDate) model.calendar.cutoffDate = cal.cutoffDate;

  for (const i of base.indexes.values()) {
    const m: IndexModel = { id: ids.index(i.name), assumed: new Decimal(i.assumed), loc: i.loc };
    if (i.text) m.text = words(i.text)!;
    model.indexes.set(m.id, m);
  }
  const pools = poolTermsOf(base.groups.values());
  const pricing = pricingCurves(base.groups.values());
  [...base.groups.values()].forEach((g, k) => {
    const m: GroupModel = { id: ids.group(g.name), pool: pools[k]!, loc: g.loc };
    if (pricing[g.name]) m.pricing = pricing[g.name]!;
    if (g.text) m.text = words(g.text)!;
    if (g.provenance) m.provenance = g.provenance;
    model.groups.set(m.id, m);
  });
  for (const c of base.classes.values()) {
    const m: ClassModel = {
      id: ids.class(c.name),
      residual: c.residual,
      rounding: rule(c.rounding) ?? CENT_HALF_UP,
      loc: c.loc,
    };
    if (c.group) m.group = ids.group(c.group.name);
    if (c.originalBalance !== undefined) m.originalBalance = new Decimal(c.originalBalance);
    if (c.notional) m.notional = lowerExpr(c.notional);
    if (c.rate) {
      m.rate = { expr: lowerExpr(c.rate.expr), dayCount: c.rate.dayCount };
      if (c.rate.cap) m.rate.cap = lowerExpr(c.rate.cap);
    }
    if (c.text) m.text = words(c.text)!;
    if (c.provenance) m.provenance = c.provenance;
    model.classes.set(m.id, m);
  }
  for (const sv of base.sections) {
    const s = sv.section;
    const m: SectionModel = { id: ids.section(s.id), loc: s.loc };
    if (s.title) m.title = s.title;
    if (s.source) m.source = { term: ids.term(s.source.name), loc: s.source.loc };
    if (s.remainderTo) m.remainderTo = ids.class(s.remainderTo.name);
    if (s.remainderLabel) m.remainderLabel = s.remainderLabel;
    if (s.remainderText) m.remainderText = words(s.remainderText)!;
    if (s.text) m.text = words(s.text)!;
    if (s.provenance) m.provenance = s.provenance;
    model.sections.set(m.id, m);
  }

  // ------------------------------------------------------------ versions
  const byNode = new Map<object, VersionId>();
  const addVersion = (
    provision: ProvisionRef,
    change: Version["change"],
    label: VersionLabel,
    node: Definition | Clause | TextProvision | undefined,
    sectionId?: string,
  ): VersionId => {
    const id = ids.version(model.versions.length);
    const v: Version = { id, provision, change, instrument: instrumentOf(label), loc: label.loc };
    if (label.item !== undefined) v.item = label.item;
    if (label.effective) v.effective = label.effective;
    if (node)
      v.body = node.kind === "definition" ? termBody(node) : node.kind === "clause" ? clauseBody(node) : textBody(node);
    model.versions.push(v);
    if (node) byNode.set(node, id);
    if (provision.kind === "term") {
      let t = model.terms.get(provision.term);
      if (!t) {
        t = { id: provision.term, unit: va.units.get(provision.term) ?? "Money", versions: [], loc: label.loc };
        model.terms.set(provision.term, t);
      }
      t.versions.push(id);
    } else if (provision.kind === "clause") {
      let c = model.clauses.get(provision.clause);
      if (!c) {
        const sec = sectionId ?? sectionOfClause(va.views, provision.clause);
        c = {
          id: provision.clause,
          section: ids.section(sec),
          label: provision.clause.slice(sec.length),
          versions: [],
        } satisfies ClauseSymbol;
        model.clauses.set(provision.clause, c);
      }
      c.versions.push(id);
    } else {
      let p = model.provisions.get(provision.provision);
      if (!p) model.provisions.set(provision.provision, (p = { id: provision.provision, versions: [] }));
      p.versions.push(id);
    }
    return id;
  };
  for (const [n, d] of base.definitions) addVersion({ kind: "term", term: ids.term(n) }, "original", d.version, d.node);
  for (const sv of base.sections)
    for (const c of sv.clauses)
      addVersion({ kind: "clause", clause: ids.clause(c.node.id) }, "original", c.version, c.node, sv.section.id);
  for (const [id, p] of base.provisions)
    addVersion({ kind: "provision", provision: ids.provision(id) }, "original", p.version, p.node);
  for (const [key, history] of va.history) {
    const ref = provisionOfKey(key);
    for (const h of history) {
      if (h.change === "original" || (h.node && byNode.has(h.node))) continue;
      addVersion(ref, h.change, h.version, h.node);
    }
  }

  // ------------------------------------------------------------ one table per date
  for (const view of va.views) model.views.push(dateView(va, view, byNode, instruments, model.versions));
  return { model, diagnostics: [] };
}

function sectionOfClause(views: readonly AgreementView[], clause: string): string {
  for (const v of views)
    for (const s of v.sections) if (s.clauses.some((c) => c.node.id === clause)) return s.section.id;
  // A clause only an amendment inserted into a section (and later deleted): the longest section id it starts with.
  const secs = views[0]!.sections.map((s) => s.section.id).filter((id) => clause.startsWith(id));
  return secs.sort((a, b) => b.length - a.length)[0] ?? clause;
}

function dateView(
  va: VersionedAgreement,
  view: AgreementView,
  byNode: Map<object, VersionId>,
  instruments: readonly Instrument[],
  versions: readonly Version[],
): DateView {
  const vid = (node: object): VersionId => {
    const v = byNode.get(node);
    // Every wording in a view comes from the base agreement or an amendment's history.
    if (v === undefined) throw new Error("internal error: a provision in force has no version");
    return v;
  };
  const titles = new Set(amendmentsInForce(va, view.asOf).map((a) => a.title));
  const dv: DateView = {
    instruments: instruments
      .filter((i) => i.kind === "agreement" || (view.asOf !== undefined && titles.has(i.title)))
      .map((i) => i.id),
    terms: new Map([...view.definitions].map(([n, d]) => [ids.term(n), vid(d.node)])),
    sections: view.sections.map((s) => ({
      section: ids.section(s.section.id),
      clauses: s.clauses.map((c) => vid(c.node)),
    })),
    provisions: new Map([...view.provisions].map(([n, p]) => [ids.provision(n), vid(p.node)])),
    clauseAt: new Map(),
    pureTermOrder: [],
    dependencies: new Map(),
    sourceGroups: [],
  };
  if (view.asOf !== undefined) dv.asOf = view.asOf;
  view.sections.forEach((s, section) =>
    s.clauses.forEach((c, index) => dv.clauseAt.set(ids.clause(c.node.id), { section, index })),
  );
  for (const [key, edges] of dependencyGraph(view)) {
    const seen = new Set<string>();
    const deps: DepNode[] = [];
    for (const e of edges) if (!seen.has(e.to)) (seen.add(e.to), deps.push(nodeOfDep(e.to)));
    dv.dependencies.set(key, deps);
  }
  dv.pureTermOrder = pureTerms(dv);
  dv.sourceGroups = dv.sections.map((s) => {
    const src = byNodeSection(view, s.section);
    return src ? groupsRead(dv, src, versions) : [];
  });
  return dv;
}

function byNodeSection(view: AgreementView, id: string): TermId | undefined {
  const s = view.sections.find((x) => x.section.id === id)?.section.source;
  return s ? ids.term(s.name) : undefined;
}

/** The loan groups whose collateral `start` reads, through every term it reads (iteratively). */
function groupsRead(dv: DateView, start: TermId, versions: readonly Version[]): GroupId[] {
  const groups = new Set<GroupId>();
  const seen = new Set<TermId>([start]);
  const terms: TermId[] = [start];
  while (terms.length) {
    const t = terms.pop()!;
    const v = dv.terms.get(t);
    const body = v === undefined ? undefined : versions[v]?.body;
    if (!body || body.kind !== "term") continue;
    const exprs: MExpr[] = [body.means];
    while (exprs.length) {
      const e = exprs.pop()!;
      if (e.kind === "collateral") groups.add(e.group);
      else if (e.kind === "term" || e.kind === "prior") {
        if (e.kind === "term" && !seen.has(e.term)) (seen.add(e.term), terms.push(e.term));
        if (e.kind === "prior" && e.initially) exprs.push(e.initially);
      } else exprs.push(...childrenOf(e));
    }
  }
  return [...groups].sort();
}

/** The sub-formulas of a formula. */
export function childrenOf(e: MExpr): MExpr[] {
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
    default:
      return [];
  }
}

/** The key of a dependency node in `DateView.dependencies`. */
export function depKey(n: DepNode): string {
  return n.kind === "term" ? `term:${n.term}` : `clause:${n.clause}`;
}

/**
 * The terms of `dv` that depend, directly or not, on no clause, each after the terms it reads.
 * Iterative, so a chain of thousands of definitions needs no deep recursion.
 */
function pureTerms(dv: DateView): TermId[] {
  const state = new Map<TermId, "visiting" | "pure" | "impure">();
  const out: TermId[] = [];
  for (const start of dv.terms.keys()) {
    if (state.has(start)) continue;
    const stack: { term: TermId; next: number; impure: boolean }[] = [{ term: start, next: 0, impure: false }];
    state.set(start, "visiting");
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const deps = dv.dependencies.get(`term:${top.term}`) ?? [];
      if (top.next < deps.length) {
        const d = deps[top.next++]!;
        if (d.kind === "clause") {
          top.impure = true;
          continue;
        }
        if (!dv.terms.has(d.term)) continue;
        const s = state.get(d.term);
        if (s === "impure" || s === "visiting")
          top.impure = true; // visiting: a cycle, left to the engine's backstop
        else if (s === undefined) {
          state.set(d.term, "visiting");
          stack.push({ term: d.term, next: 0, impure: false });
        }
        continue;
      }
      stack.pop();
      state.set(top.term, top.impure ? "impure" : "pure");
      if (!top.impure) out.push(top.term);
      const parent = stack[stack.length - 1];
      if (parent && top.impure) parent.impure = true;
    }
  }
  return out;
}
