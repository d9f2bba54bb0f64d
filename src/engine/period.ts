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
import { Decimal, ZERO, cents, min, max, round, splitProRata, sum, CENT_HALF_UP } from "../core/money.ts";
import { accrualPeriod, type DistributionSchedule } from "../collateral/calendar.ts";
import type { CollateralPeriod, GroupCollections } from "../collateral/types.ts";
import type { ClassDecl, ClassField, Clause, CollateralField, Expr, RecipientStep } from "../syntax/ast.ts";
import type { Unit } from "../semantics/units.ts";
import type { AgreementView, SectionView } from "../semantics/view.ts";
import { compile, type EvalContext } from "./compile.ts";
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

/** Where the odd cents of a pro rata split go (a clause's declared rounding). */
type OddCents = "largest remainder" | "first class";

/** The per-class amounts a clause can pay as due. */
type PerClassDue = "interest due" | "basis risk shortfall carry-forward" | "unpaid realized losses";

/** What a class carries from one Distribution Date to the next. */
export interface ClassCarry {
  balance: Decimal;
  unpaidInterest: Decimal;
  basisRiskCarryForward: Decimal;
  unpaidRealizedLoss: Decimal;
}

/** What the next Distribution Date inherits: class positions and every term's value (for `prior`). */
export interface Carry {
  classes: Map<string, ClassCarry>;
  terms: Map<string, Value>;
}

/** The fixed facts of a deal a Distribution Date needs. */
export interface PeriodInputs {
  view: AgreementView;
  /** How the view's provisions read in reports: "Agreement", or the amendments in force. */
  viewLabel: string;
  units: Map<string, Unit>;
  schedule: DistributionSchedule;
  classes: ClassDecl[];
  cutoffBalances: Map<string, Decimal>;
  /** Index values assumed when the collateral gives none, annual decimals. */
  indexRates: Map<string, Decimal>;
  number: number;
  distributionDate: string;
  collateral: CollateralPeriod;
  carry: Carry;
}

interface ClassState {
  decl: ClassDecl;
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

interface SectionRun {
  sv: SectionView;
  started: boolean;
  starting: boolean;
  running: boolean;
  next: number;
  available: Decimal;
  remaining: Decimal;
  results: ClauseResult[];
}

type Frame =
  | { kind: "term"; name: string; loc: SourceLocation }
  | { kind: "clause"; id: string; loc: SourceLocation; run: SectionRun };

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
  private readonly terms = new Map<string, TermResult>();
  private readonly frames: Frame[] = [];
  private readonly reads: TraceInput[][] = [];
  private readonly sections: SectionRun[];
  private readonly clauseAt = new Map<string, { run: SectionRun; index: number }>();
  private readonly classes = new Map<string, ClassState>();
  private afterDistributions?: Map<string, Decimal>;

  constructor(private readonly p: PeriodInputs) {
    this.periodNumber = p.number;
    this.sections = p.view.sections.map((sv) => ({
      sv,
      started: false,
      starting: false,
      running: false,
      next: 0,
      available: ZERO,
      remaining: ZERO,
      results: [],
    }));
    for (const run of this.sections) run.sv.clauses.forEach((c, index) => this.clauseAt.set(c.node.id, { run, index }));
  }

  // ---------------------------------------------------------------- EvalContext
  term(name: string): Value {
    const memo = this.terms.get(name);
    if (memo) {
      this.read({ kind: "term", what: `"${name}"`, value: memo.value });
      return memo.value;
    }
    const def = this.p.view.definitions.get(name);
    if (!def)
      throw this.evalError(
        `"${name}" is not defined in the agreement in force on this date`,
        "run `pacta check`",
        this.frames.at(-1)?.loc,
      );
    if (this.frames.some((f) => f.kind === "term" && f.name === name))
      throw this.cycle({ kind: "term", name, loc: def.node.nameLoc });
    this.frames.push({ kind: "term", name, loc: def.node.nameLoc });
    this.reads.push([]);
    let value = compile(def.node.means)(this);
    const inputs = this.reads.pop()!;
    this.frames.pop();
    if (def.node.rounding && typeof value !== "boolean") value = round(value, def.node.rounding);
    this.terms.set(name, {
      value,
      unit: this.p.units.get(name) ?? "Money",
      version: def.version.label,
      loc: def.node.loc,
      inputs,
    });
    this.read({ kind: "term", what: `"${name}"`, value });
    return value;
  }

  prior(name: string, initially: (() => Value) | undefined, at: Expr): Value {
    const v = this.p.carry.terms.get(name);
    if (v !== undefined) {
      this.read({ kind: "prior", what: `prior "${name}"`, value: v });
      return v;
    }
    if (!initially)
      throw this.evalError(
        `prior "${name}" has no value on the first Distribution Date`,
        `give its first value: prior "${name}", initially $0`,
        at.loc,
      );
    const init = initially();
    this.read({ kind: "prior", what: `prior "${name}" (initially)`, value: init });
    return init;
  }

  index(name: string): Decimal {
    const v = this.p.collateral.indexRates[name] ?? this.p.indexRates.get(name);
    if (v === undefined)
      throw this.evalError(
        `no value for index "${name}" on this date`,
        "declare it with `index … assumed …` or give it in the collateral data",
      );
    this.read({ kind: "index", what: `index "${name}"`, value: v });
    return v;
  }

  collateral(group: string, field: CollateralField): Decimal {
    let v: Decimal;
    if (field === "cut-off balance") v = this.p.cutoffBalances.get(group) ?? ZERO;
    else {
      const g = this.p.collateral.groups[group];
      if (!g)
        throw this.evalError(
          `the collateral data has no figures for "${group}" on this date`,
          "give every loan group's collections for every period",
        );
      v = g[FIELD[field]] as Decimal;
    }
    this.read({ kind: "collateral", what: `${field} of group "${group}"`, value: v });
    return v;
  }

  classField(field: ClassField, names: readonly string[]): Decimal {
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
            return new Decimal(s.decl.originalBalance ?? 0);
          case "interest due":
            return s.interestDueStart;
          case "basis risk shortfall carry-forward":
            return s.brStart;
          case "unpaid realized losses":
            return s.rlStart;
        }
      }),
    );
    this.read({
      kind: "class",
      what: `${field} of ${names.length === 1 ? "class" : "classes"} ${names.join(", ")}`,
      value: v,
    });
    return v;
  }

  available(id: string): Decimal {
    const at = this.clauseAt.get(id);
    if (!at) throw this.evalError(`clause ${id} is not in force on this date`, "run `pacta check`");
    this.advance(at.run, at.index);
    const v = at.run.next > at.index ? at.run.results[at.index]!.remainingBefore : at.run.remaining;
    this.read({ kind: "clause", what: `available at ${id}`, value: v });
    return v;
  }

  paid(id: string): Decimal {
    const at = this.clauseAt.get(id);
    if (!at) throw this.evalError(`clause ${id} is not in force on this date`, "run `pacta check`");
    this.advance(at.run, at.index + 1);
    const v = at.run.results[at.index]!.paid;
    this.read({ kind: "clause", what: `paid at ${id}`, value: v });
    return v;
  }

  dateNumber(): number {
    this.read({ kind: "calendar", what: "Distribution Date number", value: new Decimal(this.periodNumber) });
    return this.periodNumber;
  }

  dateOfDistribution(): string {
    this.read({
      kind: "calendar",
      what: `Distribution Date ${this.p.distributionDate}`,
      value: new Decimal(this.periodNumber),
    });
    return this.p.distributionDate;
  }

  dayCountFraction(convention: "30/360" | "actual/360"): Decimal {
    const kind = convention === "30/360" ? "calendar-month" : "distribution-date";
    const v = accrualPeriod(kind, this.p.schedule, this.periodNumber, convention).fraction;
    this.read({ kind: "calendar", what: `day count fraction ${convention}`, value: v });
    return v;
  }

  // ---------------------------------------------------------------- the date
  /** Runs every section and returns the date's result and the carry for the next date. */
  evaluate(): { result: PeriodResult; carry: Carry } {
    this.setUpClasses();
    this.completePayments();
    for (const run of this.sections) if (!run.sv.section.source) this.advance(run, run.sv.clauses.length);
    for (const name of this.p.view.definitions.keys()) this.term(name);
    return { result: this.result(), carry: this.carry() };
  }

  private setUpClasses(): void {
    const n = this.periodNumber;
    for (const decl of this.p.classes) {
      const c = this.p.carry.classes.get(decl.name) ?? {
        balance: new Decimal(decl.originalBalance ?? 0),
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
      this.classes.set(decl.name, s);
    }
    for (const s of this.classes.values()) {
      const r = s.decl.rate;
      if (!r || s.decl.residual) continue;
      this.reads.push([]);
      const basis = s.decl.notional ? this.num(compile(s.decl.notional)(this), s.decl.notional) : s.begin;
      if (s.decl.notional) s.notional = basis;
      const rate = this.num(compile(r.expr)(this), r.expr);
      const capped = r.cap ? min(rate, this.num(compile(r.cap)(this), r.cap)) : rate;
      this.reads.pop();
      const kind = r.dayCount === "30/360" ? "calendar-month" : "distribution-date";
      const fraction = accrualPeriod(kind, this.p.schedule, n, r.dayCount).fraction;
      s.rate = capped;
      const rule = s.decl.rounding ?? CENT_HALF_UP;
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
      throw this.cycle({ kind: "clause", id: "(all payment sections)", loc: busy.loc, run: busy.run }, true);
    for (const run of this.sections) if (run.sv.section.source) this.advance(run, run.sv.clauses.length);
    if (this.afterDistributions) return;
    for (const run of this.sections) {
      if (!run.sv.section.source) continue;
      const to = run.sv.section.remainderTo?.name;
      if (to && run.remaining.gt(ZERO)) this.classes.get(to)!.other = this.classes.get(to)!.other.plus(run.remaining);
    }
    this.afterDistributions = new Map([...this.classes].map(([k, s]) => [k, s.balance]));
    this.checkCashCollected();
  }

  /**
   * The payment sections together may not distribute more than the loans collected (interest,
   * principal and net liquidation proceeds): pacta models no other source of cash, so more would
   * mean a section draws on an amount that is not cash, or on the same cash twice.
   */
  private checkCashCollected(): void {
    const collected = sum(
      Object.values(this.p.collateral.groups).map((g) =>
        g.interest.plus(g.scheduledPrincipal).plus(g.prepayments).plus(g.netLiquidationProceeds),
      ),
    );
    const payments = this.sections.filter((r) => r.sv.section.source);
    const distributed = sum(payments.map((r) => r.available));
    if (distributed.gt(collected.plus(new Decimal("0.01").times(payments.length))))
      throw this.evalError(
        `the sections distribute ${distributed.toFixed(2)} but the loans collected only ${collected.toFixed(2)}`,
        `check the sources of sections ${payments.map((r) => r.sv.section.id).join(", ")}: each must be cash collected (an Available Distribution Amount), and no cash may be drawn twice`,
        payments[0]?.sv.section.source?.loc,
      );
  }

  private advance(run: SectionRun, upTo: number): void {
    if (!run.started) {
      if (run.starting)
        throw this.cycle({ kind: "term", name: run.sv.section.source!.name, loc: run.sv.section.source!.loc });
      run.starting = true;
      if (run.sv.section.source) {
        const v = this.term(run.sv.section.source.name);
        run.available = cents(this.num(v, undefined, run.sv.section.source.loc));
        if (run.available.lt(ZERO))
          throw this.evalError(
            `the source of section ${run.sv.section.id}, "${run.sv.section.source.name}", is negative (${run.available.toFixed(2)})`,
            "an amount available for distribution cannot be below $0",
            run.sv.section.source.loc,
          );
      }
      run.remaining = run.available;
      run.started = true;
      run.starting = false;
    }
    while (run.next < upTo) {
      const { node } = run.sv.clauses[run.next]!;
      if (run.running) {
        // Blocked: the section is in the middle of `node`, and a later clause was asked for.
        const wanted = run.sv.clauses[upTo - 1]!.node;
        throw this.cycle({ kind: "clause", id: wanted.id, loc: wanted.labelLoc, run });
      }
      run.running = true;
      this.frames.push({ kind: "clause", id: node.id, loc: node.labelLoc, run });
      this.reads.push([]);
      const r = this.runClause(run, run.next);
      r.inputs = this.reads.pop()!;
      this.frames.pop();
      run.results.push(r);
      run.running = false;
      run.next++;
    }
  }

  private runClause(run: SectionRun, i: number): ClauseResult {
    const { node: c, version } = run.sv.clauses[i]!;
    const before = run.remaining;
    const result: ClauseResult = {
      id: c.id,
      version: version.label,
      loc: c.loc,
      applies: true,
      due: ZERO,
      paid: ZERO,
      shortfall: ZERO,
      remainingBefore: before,
      remaining: before,
      payments: [],
      inputs: [],
    };
    if (c.condition) result.applies = this.bool(compile(c.condition)(this), c.condition);
    if (!result.applies) return result;
    const odd = c.rounding?.oddCents ?? "largest remainder";
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
          this.read({ kind: "class", what: `${kind} of class ${x.name}`, value: this.outstanding(x.name, kind) });
      result.due = this.total(a.to, (s) => this.outstanding(s.decl.name, kind));
      result.paid = this.allocateDue(min(result.due, run.remaining), a.to, kind, odd, result.payments);
    }
    result.shortfall = result.due.minus(result.paid);
    if (run.sv.section.source) run.remaining = run.remaining.minus(result.paid);
    result.remaining = run.remaining;
    return result;
  }

  private amountDue(c: Clause, e: Expr): Decimal {
    const raw = this.num(compile(e)(this), e);
    return max(round(raw, c.rounding ?? CENT_HALF_UP), ZERO);
  }

  private outstanding(name: string, kind: PerClassDue): Decimal {
    const s = this.classes.get(name)!;
    return kind === "interest due"
      ? s.interestOutstanding
      : kind === "unpaid realized losses"
        ? s.rlOutstanding
        : s.brOutstanding;
  }

  /** The sum of `pick` over every class the recipient steps name. */
  private total(steps: readonly RecipientStep[], pick: (s: ClassState) => Decimal): Decimal {
    return sum(steps.flatMap((st) => st.classes.map((x) => pick(this.classes.get(x.name)!))));
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
      const states = step.classes.map((c) => this.classes.get(c.name)!);
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
      (s) => this.outstanding(s.decl.name, kind),
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
        out.push({ class: s.decl.name, kind: payKind, amount: amt });
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
        out.push({ class: s.decl.name, kind, amount: amt });
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
    const names = step.classes.map((c) => c.name);
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
        id: run.sv.section.id,
        available: run.available,
        released: run.sv.section.source ? run.remaining : ZERO,
        clauses: run.results,
      };
      if (run.sv.section.title) r.title = run.sv.section.title;
      if (run.sv.section.remainderTo) r.releasedTo = run.sv.section.remainderTo.name;
      if (run.sv.section.remainderLabel) r.releasedBy = run.sv.section.id + run.sv.section.remainderLabel;
      return r;
    });
    return {
      number: this.periodNumber,
      distributionDate: this.p.distributionDate,
      agreementVersion: this.p.viewLabel,
      collateral: this.p.collateral,
      classes,
      sections,
      terms: Object.fromEntries(this.terms),
    };
  }

  private carry(): Carry {
    const classes = new Map<string, ClassCarry>();
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
  private read(i: TraceInput): void {
    const top = this.reads.at(-1);
    if (top && !top.some((x) => x.what === i.what)) top.push(i);
  }

  private num(v: Value, e?: Expr, loc?: SourceLocation): Decimal {
    if (typeof v === "boolean")
      throw this.evalError(
        "expected an amount but found a condition",
        "run `pacta check` to see unit errors",
        e?.loc ?? loc,
      );
    return v;
  }

  private bool(v: Value, e: Expr): boolean {
    if (typeof v !== "boolean")
      throw this.evalError("expected a condition but found an amount", "run `pacta check` to see unit errors", e.loc);
    return v;
  }

  private evalError(message: string, hint: string, loc?: SourceLocation): PactaError {
    const at = loc ?? this.frames.at(-1)?.loc ?? this.p.view.agreement.loc;
    return new PactaError([
      diag("PA4002", at, {
        message: `Distribution Date ${this.periodNumber} (${this.p.distributionDate}): ${message}`,
        hint,
      }),
    ]);
  }

  private cycle(again: Frame, allSections = false): PactaError {
    const key = (f: Frame) => (f.kind === "term" ? `term:${f.name}` : `section:${f.run.sv.section.id}`);
    const k = key(again);
    let start = allSections
      ? this.frames.findIndex((f) => f.kind === "clause")
      : this.frames.findIndex((f) => key(f) === k);
    if (start < 0) start = 0;
    const chain = this.frames.slice(start).map((f) => (f.kind === "term" ? `"${f.name}"` : `clause ${f.id}`));
    chain.push(again.kind === "term" ? `"${again.name}"` : allSections ? "all payment sections" : `clause ${again.id}`);
    const first = this.frames[start] ?? again;
    return new PactaError([
      diag("PA4001", first.loc, {
        period: `${this.periodNumber} (${this.p.distributionDate})`,
        chain: chain.join(" → "),
      }),
    ]);
  }
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
