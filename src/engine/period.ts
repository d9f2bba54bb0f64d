/**
 * One Distribution Date. Sections run lazily and interleaved: a clause runs when something needs
 * it (`available at`, `paid at`, `… after distributions`) or when its section is completed, so
 * Amendment One's cross-group Increase Amounts evaluate in whatever order their dependencies
 * allow. A true cycle (a clause needing, directly or through terms, an amount only known after it
 * runs) is reported as PA4001 with the chain of terms and clauses.
 *
 * Rounding (docs/rounding.md): terms keep full precision unless their definition declares a
 * rounding; a section's available amount, each clause's amount due (half-up to the cent unless
 * the clause declares otherwise), each class's Accrued Certificate Interest and each share of a
 * pro rata split (largest remainder) are in cents.
 */
import { diag, PactaError, type SourceLocation } from "../core/diagnostics.ts";
import type { ClassId, ClauseId, GroupId, IndexId, TermId } from "../core/ids.ts";
import { Decimal, ZERO, cents, min, max, round, splitProRata, sum } from "../core/money.ts";
import type { ClassField, CollateralField, DayCount, OddCents, PerClassDue } from "../core/vocabulary.ts";
import type { CollateralPeriod, GroupCollections } from "../collateral/types.ts";
import type { Ref } from "../model/refs.ts";
import { refKey } from "../model/refs.ts";
import type {
  ClassModel,
  ClauseBody,
  DateView,
  DealModel,
  MExpr,
  RecipientStep,
  SectionModel,
  TermBody,
  Version,
} from "../model/types.ts";
import { amount, condition, closure, type EvalContext } from "./closures.ts";
import type {
  ClassPayment,
  ClassResult,
  ClauseResult,
  PeriodResult,
  SectionResult,
  TermResult,
  TraceInput,
  Value,
} from "./result.ts";

/** What a class carries from one Distribution Date to the next. */
export interface ClassCarry {
  balance: Decimal;
  unpaidInterest: Decimal;
  basisRiskCarryForward: Decimal;
  unpaidRealizedLoss: Decimal;
}

/** What the next Distribution Date inherits: class positions and every term's value (for `prior`). */
export interface Carry {
  classes: Map<ClassId, ClassCarry>;
  terms: Map<TermId, Value>;
}

/** Day count fractions of the deal's calendar, computed once per run (src/engine/run.ts). */
export interface Accruals {
  /** The fraction of a year of the accrual period ending on Distribution Date `n`: a class's (calendar month for 30/360, else Distribution Date to Distribution Date). */
  fraction(convention: DayCount, n: number): Decimal;
}

/** The fixed facts of a deal a Distribution Date needs. */
export interface PeriodInputs {
  model: DealModel;
  /** The wording in force: an index into `model.views`. */
  viewIndex: number;
  accruals: Accruals;
  /** Index values assumed when the collateral gives none, annual decimals. */
  indexRates: Map<IndexId, Decimal>;
  number: number;
  distributionDate: string;
  collateral: CollateralPeriod;
  carry: Carry;
}

interface ClassState {
  decl: ClassModel;
  begin: Decimal;
  notional?: Decimal;
  balance: Decimal;
  accrued: Decimal;
  rate: Decimal;
  interestDueStart: Decimal;
  interestOutstanding: Decimal;
  brNew: Decimal;
  brStart: Decimal;
  brOutstanding: Decimal;
  rlStart: Decimal;
  rlOutstanding: Decimal;
  interestPaid: Decimal;
  principalPaid: Decimal;
  brPaid: Decimal;
  reimbursed: Decimal;
  writtenDown: Decimal;
  other: Decimal;
}

interface InForce {
  version: Version;
  body: ClauseBody;
}

interface SectionRun {
  section: SectionModel;
  clauses: InForce[];
  started: boolean;
  starting: boolean;
  running: boolean;
  next: number;
  available: Decimal;
  remaining: Decimal;
  results: ClauseResult[];
}

type Frame =
  | { kind: "term"; id: TermId; loc: SourceLocation }
  | { kind: "clause"; id: ClauseId; loc: SourceLocation; run: SectionRun };

/** The inputs one evaluation has read so far, each once. */
class Reads {
  readonly list: TraceInput[] = [];
  private readonly seen = new Set<string>();
  add(ref: Ref, value: Value): void {
    const k = refKey(ref);
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.list.push({ ref, value });
  }
}

const FIELD: Record<Exclude<CollateralField, "cut-off balance">, keyof GroupCollections> = {
  "stated principal balance": "beginningBalance",
  "stated principal balance after distributions": "endingBalance",
  "scheduled principal": "scheduledPrincipal",
  "principal prepayments": "prepayments",
  "net liquidation proceeds": "netLiquidationProceeds",
  "realized losses": "realizedLoss",
  "interest collections": "interest",
  "servicing fee": "servicingFee",
  "net mortgage rate": "netMortgageRate",
};

/** Evaluates one Distribution Date; `evaluate()` returns its result and the carry for the next. */
export class DistributionDateRun implements EvalContext {
  readonly periodNumber: number;
  private readonly view: DateView;
  private readonly terms = new Map<TermId, TermResult>();
  private readonly frames: Frame[] = [];
  private readonly reads: Reads[] = [];
  private readonly sections: SectionRun[];
  private readonly classes = new Map<ClassId, ClassState>();
  private afterDistributions?: Map<ClassId, Decimal>;

  constructor(private readonly p: PeriodInputs) {
    this.periodNumber = p.number;
    this.view = p.model.views[p.viewIndex]!;
    this.sections = this.view.sections.map((s) => ({
      section: p.model.sections.get(s.section)!,
      clauses: s.clauses.map((v) => {
        const version = p.model.versions[v]!;
        return { version, body: version.body as ClauseBody };
      }),
      started: false,
      starting: false,
      running: false,
      next: 0,
      available: ZERO,
      remaining: ZERO,
      results: [],
    }));
  }

  // ---------------------------------------------------------------- EvalContext
  term(id: TermId): Value {
    const memo = this.terms.get(id);
    if (memo) {
      this.read({ kind: "term", term: id }, memo.value);
      return memo.value;
    }
    const vid = this.view.terms.get(id);
    if (vid === undefined) throw this.internal(`"${id}" is not defined in the agreement in force`);
    const body = this.p.model.versions[vid]!.body as TermBody;
    if (this.frames.some((f) => f.kind === "term" && f.id === id))
      throw this.cycle({ kind: "term", id, loc: body.nameLoc });
    this.frames.push({ kind: "term", id, loc: body.nameLoc });
    this.reads.push(new Reads());
    let value = closure(body.means)(this);
    const inputs = this.reads.pop()!.list;
    this.frames.pop();
    if (body.rounding && typeof value !== "boolean") value = round(value, body.rounding);
    this.terms.set(id, { value, unit: this.p.model.terms.get(id)!.unit, version: vid, inputs });
    this.read({ kind: "term", term: id }, value);
    return value;
  }

  prior(id: TermId, initially: (() => Value) | undefined, at: MExpr): Value {
    const v = this.p.carry.terms.get(id);
    if (v !== undefined) {
      this.read({ kind: "prior", term: id, initially: false }, v);
      return v;
    }
    if (!initially)
      throw this.evalError(
        `prior "${id}" has no value on the first Distribution Date`,
        `give its first value: prior "${id}", initially $0`,
        at.loc,
      );
    const init = initially();
    this.read({ kind: "prior", term: id, initially: true }, init);
    return init;
  }

  index(id: IndexId): Decimal {
    const v = this.p.collateral.indexRates[id] ?? this.p.indexRates.get(id);
    if (v === undefined)
      throw this.evalError(
        `no value for index "${id}" on this date`,
        "declare it with `index … assumed …` or give it in the collateral data",
      );
    this.read({ kind: "index", index: id }, v);
    return v;
  }

  collateral(group: GroupId, field: CollateralField): Decimal {
    let v: Decimal;
    if (field === "cut-off balance") v = this.p.model.groups.get(group)?.pool.cutoffBalance ?? ZERO;
    else {
      const g = this.p.collateral.groups[group];
      if (!g)
        throw this.evalError(
          `the collateral data has no figures for "${group}" on this date`,
          "give every loan group's collections for every period",
        );
      v = g[FIELD[field]] as Decimal;
    }
    this.read({ kind: "collateral", group, field }, v);
    return v;
  }

  classField(field: ClassField, names: readonly ClassId[]): Decimal {
    if (field === "certificate principal balance after distributions") this.completePayments();
    const v = sum(
      names.map((n) => {
        const s = this.classes.get(n)!;
        switch (field) {
          case "certificate principal balance":
            return s.begin;
          case "certificate principal balance after distributions":
            return this.afterDistributions!.get(n)!;
          case "original certificate principal balance":
            return s.decl.originalBalance ?? ZERO;
          case "interest due":
            return s.interestDueStart;
          case "basis risk shortfall carry-forward":
            return s.brStart;
          case "unpaid realized losses":
            return s.rlStart;
        }
      }),
    );
    this.read({ kind: "classField", field, classes: [...names] }, v);
    return v;
  }

  available(id: ClauseId): Decimal {
    const at = this.clauseAt(id);
    this.advance(at.run, at.index);
    const v = at.run.next > at.index ? at.run.results[at.index]!.remainingBefore : at.run.remaining;
    this.read({ kind: "available", clause: id }, v);
    return v;
  }

  paid(id: ClauseId): Decimal {
    const at = this.clauseAt(id);
    this.advance(at.run, at.index + 1);
    const v = at.run.results[at.index]!.paid;
    this.read({ kind: "paid", clause: id }, v);
    return v;
  }

  dateNumber(): number {
    this.read({ kind: "dateNumber" }, new Decimal(this.periodNumber));
    return this.periodNumber;
  }

  dateOfDistribution(): string {
    this.read({ kind: "distributionDate", date: this.p.distributionDate }, new Decimal(this.periodNumber));
    return this.p.distributionDate;
  }

  dayCountFraction(convention: DayCount): Decimal {
    const v = this.p.accruals.fraction(convention, this.periodNumber);
    this.read({ kind: "dayCountFraction", convention }, v);
    return v;
  }

  // ---------------------------------------------------------------- the date
  /** Runs every section and returns the date's result and the carry for the next date. */
  evaluate(): { result: PeriodResult; carry: Carry } {
    this.setUpClasses();
    // Terms that read no clause, bottom-up: a long chain of definitions needs no deep recursion.
    for (const id of this.view.pureTermOrder) this.term(id);
    this.completePayments();
    for (const run of this.sections) if (!run.section.source) this.advance(run, run.clauses.length);
    for (const id of this.view.terms.keys()) this.term(id);
    return { result: this.result(), carry: this.carry() };
  }

  private clauseAt(id: ClauseId): { run: SectionRun; index: number } {
    const at = this.view.clauseAt.get(id);
    if (!at) throw this.internal(`clause ${id} is not in force`);
    return { run: this.sections[at.section]!, index: at.index };
  }

  private setUpClasses(): void {
    const n = this.periodNumber;
    for (const decl of this.p.model.classes.values()) {
      const c = this.p.carry.classes.get(decl.id) ?? {
        balance: decl.originalBalance ?? ZERO,
        unpaidInterest: ZERO,
        basisRiskCarryForward: ZERO,
        unpaidRealizedLoss: ZERO,
      };
      const s: ClassState = {
        decl,
        begin: c.balance,
        balance: c.balance,
        accrued: ZERO,
        rate: ZERO,
        interestDueStart: c.unpaidInterest,
        interestOutstanding: c.unpaidInterest,
        brNew: ZERO,
        brStart: c.basisRiskCarryForward,
        brOutstanding: c.basisRiskCarryForward,
        rlStart: c.unpaidRealizedLoss,
        rlOutstanding: c.unpaidRealizedLoss,
        interestPaid: ZERO,
        principalPaid: ZERO,
        brPaid: ZERO,
        reimbursed: ZERO,
        writtenDown: ZERO,
        other: ZERO,
      };
      this.classes.set(decl.id, s);
    }
    for (const s of this.classes.values()) {
      const r = s.decl.rate;
      if (!r || s.decl.residual) continue;
      this.reads.push(new Reads());
      const basis = s.decl.notional ? amount(s.decl.notional)(this) : s.begin;
      if (s.decl.notional) s.notional = basis;
      const rate = amount(r.expr)(this);
      const capped = r.cap ? min(rate, amount(r.cap)(this)) : rate;
      this.reads.pop();
      const fraction = this.p.accruals.fraction(r.dayCount, n);
      s.rate = capped;
      const rule = s.decl.rounding;
      s.accrued = round(max(basis.times(capped).times(fraction), ZERO), rule);
      const uncapped = round(max(basis.times(rate).times(fraction), ZERO), rule);
      s.brNew = max(uncapped.minus(s.accrued), ZERO);
      s.interestDueStart = s.interestDueStart.plus(s.accrued);
      s.interestOutstanding = s.interestDueStart;
      s.brStart = s.brStart.plus(s.brNew);
      s.brOutstanding = s.brStart;
    }
  }

  /** Runs every payment section to its end, releases what is left, and snapshots balances. */
  private completePayments(): void {
    if (this.afterDistributions) return;
    const busy = this.frames.find((f) => f.kind === "clause");
    if (busy && busy.kind === "clause")
      throw this.cycle({ kind: "clause", id: busy.id, loc: busy.loc, run: busy.run }, true);
    for (const run of this.sections) if (run.section.source) this.advance(run, run.clauses.length);
    if (this.afterDistributions) return;
    for (const run of this.sections) {
      const to = run.section.remainderTo;
      if (!run.section.source || !to) continue;
      if (run.remaining.gt(ZERO)) this.classes.get(to)!.other = this.classes.get(to)!.other.plus(run.remaining);
    }
    this.afterDistributions = new Map([...this.classes].map(([k, s]) => [k, s.balance]));
    this.checkCashCollected();
  }

  /**
   * The payment sections may not distribute more than the loans collected (interest, principal
   * and net liquidation proceeds): pacta models no other source of cash, so more would mean a
   * section draws on an amount that is not cash, or on the same cash twice. Checked for every set
   * of loan groups whose collections the same sections draw on (a section whose source reads Group
   * I's collateral is held to Group I's collections), and for all sections together.
   */
  private checkCashCollected(): void {
    const collectedBy = (g: GroupCollections) =>
      g.interest.plus(g.scheduledPrincipal).plus(g.prepayments).plus(g.netLiquidationProceeds);
    const payments = this.sections
      .map((r, i) => ({ r, groups: this.view.sourceGroups[i] ?? [] }))
      .filter((x) => x.r.section.source);
    const tolerance = (n: number) => new Decimal("0.01").times(n);
    const fail = (what: string, distributed: Decimal, collected: Decimal, runs: SectionRun[]) =>
      this.evalError(
        `${what} distribute ${distributed.toFixed(2)} but the loans collected only ${collected.toFixed(2)}`,
        `check the sources of sections ${runs.map((r) => r.section.id).join(", ")}: each must be cash collected (an Available Distribution Amount), and no cash may be drawn twice`,
        runs[0]?.section.source?.loc,
      );
    // Groups drawn on by one section belong together (union-find over group names).
    const parent = new Map<string, string>();
    const find = (g: string): string => {
      let x = g;
      while (parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    for (const { groups } of payments)
      for (const g of groups) {
        if (!parent.has(g)) parent.set(g, g);
        parent.set(find(g), find(groups[0]!));
      }
    const components = new Map<string, { groups: Set<string>; runs: SectionRun[] }>();
    for (const { r, groups } of payments) {
      if (!groups.length) continue;
      const root = find(groups[0]!);
      let c = components.get(root);
      if (!c) components.set(root, (c = { groups: new Set(), runs: [] }));
      c.runs.push(r);
    }
    for (const g of parent.keys()) components.get(find(g))?.groups.add(g);
    const all = Object.keys(this.p.collateral.groups).length;
    const whole = components.size === 1 && [...components.values()][0]!.groups.size >= all;
    if (!whole)
      for (const c of components.values()) {
        const collected = sum(
          [...c.groups].map((g) => (this.p.collateral.groups[g] ? collectedBy(this.p.collateral.groups[g]!) : ZERO)),
        );
        const distributed = sum(c.runs.map((r) => r.available));
        if (distributed.gt(collected.plus(tolerance(c.runs.length))))
          throw fail(
            `the sections drawing on the collections of ${[...c.groups].map((g) => `"${g}"`).join(", ")}`,
            distributed,
            collected,
            c.runs,
          );
      }
    const collected = sum(Object.values(this.p.collateral.groups).map(collectedBy));
    const runs = payments.map((x) => x.r);
    const distributed = sum(runs.map((r) => r.available));
    if (distributed.gt(collected.plus(tolerance(runs.length))))
      throw fail("the sections", distributed, collected, runs);
  }

  private advance(run: SectionRun, upTo: number): void {
    if (!run.started) {
      const source = run.section.source;
      if (run.starting) throw this.cycle({ kind: "term", id: source!.term, loc: source!.loc });
      run.starting = true;
      if (source) {
        run.available = cents(this.term(source.term) as Decimal);
        if (run.available.lt(ZERO))
          throw this.evalError(
            `the source of section ${run.section.id}, "${source.term}", is negative (${run.available.toFixed(2)})`,
            "an amount available for distribution cannot be below $0",
            source.loc,
          );
      }
      run.remaining = run.available;
      run.started = true;
      run.starting = false;
    }
    while (run.next < upTo) {
      const { version } = run.clauses[run.next]!;
      const id = clauseIdOf(version);
      const body = run.clauses[run.next]!.body;
      if (run.running) {
        // Blocked: the section is in the middle of a clause, and a later clause was asked for.
        const wanted = run.clauses[upTo - 1]!;
        throw this.cycle({ kind: "clause", id: clauseIdOf(wanted.version), loc: wanted.body.labelLoc, run });
      }
      run.running = true;
      this.frames.push({ kind: "clause", id, loc: body.labelLoc, run });
      this.reads.push(new Reads());
      const r = this.runClause(run, run.next);
      r.inputs = this.reads.pop()!.list;
      this.frames.pop();
      run.results.push(r);
      run.running = false;
      run.next++;
    }
  }

  private runClause(run: SectionRun, i: number): ClauseResult {
    const { version, body: c } = run.clauses[i]!;
    const before = run.remaining;
    const result: ClauseResult = {
      id: clauseIdOf(version),
      version: version.id,
      applies: true,
      due: ZERO,
      paid: ZERO,
      shortfall: ZERO,
      remainingBefore: before,
      remaining: before,
      payments: [],
      inputs: [],
    };
    if (c.condition) result.applies = condition(c.condition)(this);
    if (!result.applies) return result;
    const odd = c.oddCents;
    const a = c.action;
    if (a.kind === "writeDown") {
      result.due = this.amountDue(c, a.amount);
      result.paid = this.allocateBalances(result.due, a.from, "write-down", odd, result.payments);
    } else if (a.amount.kind === "amount") {
      result.due = this.amountDue(c, a.amount.expr);
      // "until reduced to zero": what is due is no more than the balances left to reduce.
      if (a.as === "principal" && a.untilReducedToZero)
        result.due = min(
          result.due,
          this.total(a.to, (s) => s.balance),
        );
      // Interest is paid up to the classes' interest due: what is due is no more than that.
      if (a.as === "interest")
        result.due = min(
          result.due,
          this.total(a.to, (s) => s.interestOutstanding),
        );
      const cash = min(result.due, run.remaining);
      result.paid =
        a.as === "principal"
          ? this.allocateBalances(cash, a.to, "principal", odd, result.payments)
          : a.as === "interest"
            ? this.allocateDue(cash, a.to, "interest due", odd, result.payments)
            : this.allocateOther(cash, a.to, odd, result.payments);
    } else {
      const kind = a.amount.kind;
      for (const st of a.to)
        for (const x of st.classes)
          this.read({ kind: "classField", field: kind, classes: [x] }, this.outstanding(x, kind));
      result.due = this.total(a.to, (s) => this.outstanding(s.decl.id, kind));
      result.paid = this.allocateDue(min(result.due, run.remaining), a.to, kind, odd, result.payments);
    }
    result.shortfall = result.due.minus(result.paid);
    if (run.section.source) run.remaining = run.remaining.minus(result.paid);
    result.remaining = run.remaining;
    return result;
  }

  private amountDue(c: ClauseBody, e: MExpr): Decimal {
    return max(round(amount(e)(this), c.rounding), ZERO);
  }

  private outstanding(id: ClassId, kind: PerClassDue): Decimal {
    const s = this.classes.get(id)!;
    return kind === "interest due"
      ? s.interestOutstanding
      : kind === "unpaid realized losses"
        ? s.rlOutstanding
        : s.brOutstanding;
  }

  /** The sum of `pick` over every class the recipient steps name. */
  private total(steps: readonly RecipientStep[], pick: (s: ClassState) => Decimal): Decimal {
    return sum(steps.flatMap((st) => st.classes.map((x) => pick(this.classes.get(x)!))));
  }

  /**
   * Spends `amount` over the recipient steps in order. Within a step each class takes up to its
   * `cap` (what it is owed, or its balance): in list order if sequential, else pro rata to the caps
   * (shares in cents, odd cents placed by `odd`). `apply` books each share; returns the total spent.
   */
  private allocate(
    amount: Decimal,
    steps: readonly RecipientStep[],
    cap: (s: ClassState) => Decimal,
    odd: OddCents,
    apply: (s: ClassState, amt: Decimal) => void,
  ): Decimal {
    let left = amount;
    for (const step of steps) {
      const states = step.classes.map((c) => this.classes.get(c)!);
      const caps = states.map(cap);
      const stepPay = min(left, sum(caps));
      const shares = step.allocation === "sequentially" ? sequential(stepPay, caps) : splitProRata(stepPay, caps, odd);
      shares.forEach((amt, i) => {
        if (!amt.isZero()) apply(states[i]!, amt);
      });
      left = left.minus(stepPay);
    }
    return amount.minus(left);
  }

  /** Pays per-class amounts due (interest, basis risk, loss reimbursement) step by step; returns the total. */
  private allocateDue(
    cash: Decimal,
    steps: RecipientStep[],
    kind: PerClassDue,
    odd: OddCents,
    out: ClassPayment[],
  ): Decimal {
    const payKind: ClassPayment["kind"] =
      kind === "interest due" ? "interest" : kind === "unpaid realized losses" ? "loss reimbursement" : "basis risk";
    return this.allocate(
      cash,
      steps,
      (s) => this.outstanding(s.decl.id, kind),
      odd,
      (s, amt) => {
        if (kind === "interest due") {
          s.interestOutstanding = s.interestOutstanding.minus(amt);
          s.interestPaid = s.interestPaid.plus(amt);
        } else if (kind === "unpaid realized losses") {
          s.rlOutstanding = s.rlOutstanding.minus(amt);
          s.reimbursed = s.reimbursed.plus(amt);
        } else {
          s.brOutstanding = s.brOutstanding.minus(amt);
          s.brPaid = s.brPaid.plus(amt);
        }
        out.push({ class: s.decl.id, kind: payKind, amount: amt });
      },
    );
  }

  /** Pays principal (or writes down) up to the classes' balances, step by step; returns the total. */
  private allocateBalances(
    amount: Decimal,
    steps: RecipientStep[],
    kind: "principal" | "write-down",
    odd: OddCents,
    out: ClassPayment[],
  ): Decimal {
    return this.allocate(
      amount,
      steps,
      (s) => s.balance,
      odd,
      (s, amt) => {
        s.balance = s.balance.minus(amt);
        if (kind === "principal") s.principalPaid = s.principalPaid.plus(amt);
        else {
          s.writtenDown = s.writtenDown.plus(amt);
          s.rlOutstanding = s.rlOutstanding.plus(amt);
        }
        out.push({ class: s.decl.id, kind, amount: amt });
      },
    );
  }

  /**
   * Pays an amount that is neither principal nor interest (a distribution that reduces no balance)
   * to the classes of the first recipient step: all to the first class if sequential, else pro rata
   * by Certificate Principal Balance. (`pacta check` warns about such clauses and allows one step.)
   */
  private allocateOther(amount: Decimal, steps: RecipientStep[], odd: OddCents, out: ClassPayment[]): Decimal {
    const step = steps[0]!;
    const names = step.classes;
    const weights = names.map((n) => this.classes.get(n)!.balance);
    const shares =
      step.allocation === "sequentially"
        ? names.map((_, i) => (i === 0 ? amount : ZERO))
        : splitProRata(amount, weights, odd);
    shares.forEach((amt, i) => {
      if (amt.isZero()) return;
      const s = this.classes.get(names[i]!)!;
      s.other = s.other.plus(amt);
      out.push({ class: names[i]!, kind: "other", amount: amt });
    });
    return amount;
  }

  // ---------------------------------------------------------------- results
  private result(): PeriodResult {
    const classes: Record<string, ClassResult> = {};
    for (const [name, s] of this.classes) {
      classes[name] = {
        beginningBalance: s.notional ?? s.begin,
        notional: s.notional !== undefined,
        accruedInterest: s.accrued,
        interest: s.interestPaid,
        principal: s.principalPaid,
        interestShortfall: s.interestOutstanding,
        basisRiskShortfall: s.brNew,
        basisRiskCarryForward: s.brOutstanding,
        basisRiskPaid: s.brPaid,
        realizedLoss: s.writtenDown,
        lossReimbursement: s.reimbursed,
        unpaidRealizedLoss: s.rlOutstanding,
        other: s.other,
        balance: s.balance,
        rate: s.rate,
      };
    }
    const sections: SectionResult[] = this.sections.map((run) => {
      const r: SectionResult = {
        id: run.section.id,
        available: run.available,
        released: run.section.source ? run.remaining : ZERO,
        clauses: run.results,
      };
      if (run.section.title) r.title = run.section.title;
      if (run.section.remainderTo) r.releasedTo = run.section.remainderTo;
      if (run.section.remainderLabel) r.releasedBy = run.section.id + run.section.remainderLabel;
      return r;
    });
    // Terms in the order the agreement in force defines them, whatever order they were evaluated in.
    const terms: Record<string, TermResult> = {};
    for (const id of this.view.terms.keys()) terms[id] = this.terms.get(id)!;
    return {
      number: this.periodNumber,
      distributionDate: this.p.distributionDate,
      view: this.p.viewIndex,
      collateral: this.p.collateral,
      classes,
      sections,
      terms,
    };
  }

  private carry(): Carry {
    const classes = new Map<ClassId, ClassCarry>();
    for (const [name, s] of this.classes)
      classes.set(name, {
        balance: s.balance,
        unpaidInterest: s.interestOutstanding,
        basisRiskCarryForward: s.brOutstanding,
        unpaidRealizedLoss: s.rlOutstanding,
      });
    return { classes, terms: new Map([...this.terms].map(([k, t]) => [k, t.value])) };
  }

  // ---------------------------------------------------------------- helpers
  private read(ref: Ref, value: Value): void {
    this.reads.at(-1)?.add(ref, value);
  }

  private where(loc?: SourceLocation): SourceLocation {
    return loc ?? this.frames.at(-1)?.loc ?? this.p.model.instruments[0]!.loc;
  }

  private evalError(message: string, hint: string, loc?: SourceLocation): PactaError {
    return new PactaError([
      diag("PA4002", this.where(loc), {
        message: `Distribution Date ${this.periodNumber} (${this.p.distributionDate}): ${message}`,
        hint,
      }),
    ]);
  }

  /** What the checks guarantee did not hold: a defect of pacta, reported with where it happened. */
  private internal(message: string): PactaError {
    return this.evalError(`internal error: ${message}`, "please report this deal to pacta's maintainers");
  }

  private cycle(again: Frame, allSections = false): PactaError {
    const key = (f: Frame) => (f.kind === "term" ? `term:${f.id}` : `section:${f.run.section.id}`);
    const k = key(again);
    let start = allSections
      ? this.frames.findIndex((f) => f.kind === "clause")
      : this.frames.findIndex((f) => key(f) === k);
    if (start < 0) start = 0;
    const chain = this.frames.slice(start).map((f) => (f.kind === "term" ? `"${f.id}"` : `clause ${f.id}`));
    chain.push(again.kind === "term" ? `"${again.id}"` : allSections ? "all payment sections" : `clause ${again.id}`);
    const first = this.frames[start] ?? again;
    return new PactaError([
      diag("PA4001", first.loc, {
        period: `${this.periodNumber} (${this.p.distributionDate})`,
        chain: chain.join(" → "),
      }),
    ]);
  }
}

function clauseIdOf(v: Version): ClauseId {
  return (v.provision as { kind: "clause"; clause: ClauseId }).clause;
}

/** Sequential allocation: each in turn takes up to its cap until the amount is spent. */
function sequential(amount: Decimal, caps: readonly Decimal[]): Decimal[] {
  let left = amount;
  return caps.map((cap) => {
    const take = min(left, cap);
    left = left.minus(take);
    return take;
  });
}
