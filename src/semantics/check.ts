/**
 * The semantics stage's entry point: every static check of an agreement view, before anything
 * runs — names (defined terms, classes, loan groups, indexes, provisions), units, the dependency
 * graph's cycles, clauses that can never pay, unused definitions.
 */
import { diag, didYouMean, type Diagnostic, type SourceLocation } from "../core/diagnostics.ts";
import type { Agreement, Clause, ClassRef, Expr, RecipientStep } from "../syntax/ast.ts";
import { walk } from "../syntax/walk.ts";
import { Decimal, ZERO, formatMoney } from "../core/money.ts";
import { checkCash } from "./cash.ts";
import { clauseExprs, cycles, dependencyGraph, describeNode } from "./graph.ts";
import { expectUnit, inferUnit, type Unit, type UnitEnv } from "./units.ts";
import { clauseIds, findClause, type AgreementView } from "./view.ts";

/**
 * The defined terms of `view`, each after every term its formula names (a cycle's members in any
 * order: the cycle check reports them). Iterative: no recursion, whatever the length of a chain.
 */
export function termsBottomUp(view: AgreementView): string[] {
  const out: string[] = [];
  const state = new Map<string, 1 | 2>(); // 1: on the stack, 2: done
  const namesIn = (name: string): string[] => {
    const d = view.definitions.get(name);
    if (!d) return [];
    const names: string[] = [];
    walk(d.node.means, (x) => {
      if (x.kind === "term" && view.definitions.has(x.name)) names.push(x.name);
    });
    return names;
  };
  for (const start of view.definitions.keys()) {
    if (state.has(start)) continue;
    const stack: { name: string; deps: string[]; next: number }[] = [{ name: start, deps: namesIn(start), next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.deps.length) {
        const d = top.deps[top.next++]!;
        if (!state.has(d)) {
          state.set(d, 1);
          stack.push({ name: d, deps: namesIn(d), next: 0 });
        }
        continue;
      }
      stack.pop();
      state.set(top.name, 2);
      out.push(top.name);
    }
  }
  return out;
}

/** The longest run checked for dates: forty years of monthly Distribution Dates, or a group's term and a year. */
const MAX_PROJECTION_MONTHS = 480;

/** Money literals may have at most this many digits of dollars (below $1,000 trillion). */
export const MAX_DOLLAR_DIGITS = 15;

/** What `check` returns: all diagnostics (errors and warnings) and the unit of every defined term. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  units: Map<string, Unit>;
}

/** Reports names declared twice in the base agreement (PA2005, PA2006). */
export function checkDeclarations(ag: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, SourceLocation>();
  const once = (key: string, what: string, name: string, loc: SourceLocation, code: "PA2005" | "PA2006") => {
    const prev = seen.get(key);
    if (prev) out.push(diag(code, loc, { what, name }, [{ message: "first declared here", location: prev }]));
    else seen.set(key, loc);
  };
  for (const d of ag.declarations) {
    switch (d.kind) {
      case "definition":
        once(`def:${d.name}`, "definition", d.name, d.nameLoc, "PA2005");
        break;
      case "class":
        once(`class:${d.name}`, "class", d.name, d.nameLoc, "PA2006");
        break;
      case "group":
        once(`group:${d.name}`, "loan group", `"${d.name}"`, d.nameLoc, "PA2006");
        break;
      case "index":
        once(`index:${d.name}`, "index", `"${d.name}"`, d.nameLoc, "PA2006");
        break;
      case "section":
        once(`section:${d.id}`, "section", d.id, d.idLoc, "PA2006");
        for (const c of d.clauses) once(`clause:${c.id}`, "clause", c.id, c.labelLoc, "PA2006");
        break;
      case "provision":
        once(`prov:${d.id}`, "provision", d.id, d.idLoc, "PA2006");
        break;
      case "calendar":
        once("calendar", "calendar", "", d.loc, "PA2006");
        break;
    }
  }
  return out;
}

/**
 * Checks one view. `unitsOf` may carry units already inferred for other views, so an amended
 * definition is checked against the units its users expect.
 */
export function check(view: AgreementView): CheckResult {
  const out: Diagnostic[] = [];
  const units = new Map<string, Unit>();
  const inProgress = new Set<string>();
  const env: UnitEnv = {
    termUnit(name) {
      if (units.has(name)) return units.get(name);
      const d = view.definitions.get(name);
      if (!d || inProgress.has(name)) return undefined;
      inProgress.add(name);
      const u = inferUnit(d.node.means, env, out);
      inProgress.delete(name);
      if (u) units.set(name, u);
      return u;
    },
  };
  // Units bottom-up: each term after the terms it names, so inferring one term's unit never
  // recurses through a chain of definitions (a chain of thousands is fine).
  for (const name of termsBottomUp(view)) env.termUnit(name);
  const used = new Set<string>();
  const termNames = [...view.definitions.keys()];
  const groupNames = [...view.groups.keys()];
  const classNames = [...view.classes.keys()];
  const ids = clauseIds(view);

  const checkClassRef = (c: ClassRef) => {
    if (!view.classes.has(c.name))
      out.push(
        diag("PA2002", c.loc, {
          name: c.name,
          hint: didYouMean(c.name, classNames, "declare it with `class " + c.name + "`", ""),
        }),
      );
  };
  const checkNames = (e: Expr) =>
    walk(e, (x) => {
      switch (x.kind) {
        case "term":
        case "prior":
          used.add(x.name);
          if (!view.definitions.has(x.name))
            out.push(
              diag("PA2001", x.loc, {
                name: x.name,
                hint: didYouMean(x.name, termNames, `define it with \`definition "${x.name}" means …\``),
              }),
            );
          break;
        case "index":
          if (!view.indexes.has(x.name))
            out.push(
              diag("PA2009", x.loc, {
                name: x.name,
                hint: didYouMean(
                  x.name,
                  view.indexes.keys(),
                  `declare it with \`index "${x.name}" assumed …% per annum\``,
                ),
              }),
            );
          break;
        case "collateral":
          if (!view.groups.has(x.group))
            out.push(
              diag("PA2003", x.groupLoc, {
                name: x.group,
                hint: didYouMean(x.group, groupNames, `declare it with \`loan group "${x.group}"\``),
              }),
            );
          break;
        case "classField":
          x.classes.forEach(checkClassRef);
          break;
        case "available":
        case "paid":
          if (!findClause(view, x.provision))
            out.push(
              diag("PA2004", x.provisionLoc, {
                name: x.provision,
                hint: didYouMean(x.provision, ids, "name a clause of a section, e.g. 4.02(c)(xii)", ""),
              }),
            );
          break;
        case "cases": {
          // Bands of Distribution Dates in order: none may overlap another, and consecutive
          // bands leave no dates between them (those would silently take the `otherwise` value).
          const span = (w: (typeof x.cases)[number]["when"]) =>
            w.kind === "first"
              ? [1, w.count]
              : w.kind === "range"
                ? [w.from, w.to]
                : w.kind === "single"
                  ? [w.ordinal, w.ordinal]
                  : [w.ordinal, Number.POSITIVE_INFINITY];
          const bands = x.cases.map((c) => ({ when: c.when, span: span(c.when) as [number, number] }));
          const sorted = [...bands].sort((p, q) => p.span[0] - q.span[0]);
          const words = (b: [number, number]) =>
            b[1] === Number.POSITIVE_INFINITY
              ? `Distribution Dates ${b[0]} on`
              : b[0] === b[1]
                ? `Distribution Date ${b[0]}`
                : `Distribution Dates ${b[0]} through ${b[1]}`;
          for (let k = 1; k < sorted.length; k++) {
            const prev = sorted[k - 1]!;
            const cur = sorted[k]!;
            if (cur.span[0] <= prev.span[1])
              out.push(
                diag("PA2019", cur.when.loc, {
                  message: `the bands of this schedule overlap: ${words(cur.span)} and ${words(prev.span)}`,
                  hint: "each Distribution Date belongs to one band; the first band that matches would win silently",
                }),
              );
            else if (cur.span[0] > prev.span[1] + 1)
              out.push(
                diag("PA2019", cur.when.loc, {
                  message: `the bands of this schedule leave a gap: Distribution Dates ${prev.span[1] + 1} through ${cur.span[0] - 1} fall in no band`,
                  hint: "make the bands meet (e.g. 1 through 12, then 13 through 24), or give those dates their own band",
                }),
              );
          }
          for (const c of x.cases) {
            const n = c.when.kind === "first" ? c.when.count : c.when.kind === "range" ? c.when.from : c.when.ordinal; // "single" and "onOrAfter" carry an ordinal
            if (n < 1 || (c.when.kind === "range" && c.when.to < c.when.from))
              out.push(
                diag("PA2008", c.when.loc, {
                  message: "these Distribution Dates do not exist",
                  hint: "Distribution Dates are numbered from 1 (the first)",
                }),
              );
          }
          break;
        }
        case "onOrAfter":
        case "before":
          if (x.ordinal < 1)
            out.push(
              diag("PA2008", x.loc, {
                message: `there is no ${x.ordinal}th Distribution Date`,
                hint: "Distribution Dates are numbered from the first (1st)",
              }),
            );
          break;
      }
    });

  // Money literals: whole cents (a provision can round to the cent or the dollar, never finer); no more than 15
  // digits of dollars, so every sum and product of them stays exact in 34 significant digits.
  const moneyLiteral = (value: string, loc: SourceLocation, places: number, where: string) => {
    const [whole = "", frac = ""] = value.split(".");
    const digits = whole.replace(/^0+(?=\d)/, "").length;
    if (digits > MAX_DOLLAR_DIGITS)
      out.push(
        diag("PA2017", loc, {
          message: `${where} ($${value}) has more than ${MAX_DOLLAR_DIGITS} digits of dollars`,
          hint: "pacta keeps amounts below $1,000 trillion exact to the cent; check the figure",
        }),
      );
    else if (frac.replace(/0+$/, "").length > places)
      out.push(
        diag("PA2017", loc, {
          message: `${where} ($${value}) is written to a fraction of a cent`,
          hint: "write whole cents (two decimals): amounts of money in pacta are exact to the cent",
        }),
      );
  };
  const moneyIn = (e: Expr, places: number, where: string) =>
    walk(e, (x) => {
      if (x.kind === "money") moneyLiteral(x.value, x.loc, places, where);
    });
  for (const [name, d] of view.definitions)
    moneyIn(d.node.means, Math.max(2, d.node.rounding?.places ?? 2), `an amount in "${name}"`);
  for (const { clauses } of view.sections)
    for (const { node: c } of clauses)
      for (const e of clauseExprs(c)) moneyIn(e, Math.max(2, c.rounding?.places ?? 2), `an amount in clause ${c.id}`);
  for (const c of view.classes.values()) {
    if (c.originalBalance !== undefined)
      moneyLiteral(c.originalBalance, c.originalBalanceLoc ?? c.nameLoc, 2, `the balance of class ${c.name}`);
    if (c.notional) moneyIn(c.notional, 2, `the notional amount of class ${c.name}`);
  }
  for (const g of view.groups.values())
    if (g.cutoffBalance !== undefined)
      moneyLiteral(g.cutoffBalance, g.cutoffBalanceLoc ?? g.nameLoc, 2, `the cut-off balance of "${g.name}"`);

  // Definitions.
  for (const [name, d] of view.definitions) {
    if (d.node.rounding?.oddCents)
      out.push(
        diag("PA2015", d.node.rounding.loc, {
          message: `odd cents are placed only when a clause splits an amount pro rata; "${name}" splits nothing`,
          hint: "put `, odd cents …` on the rounding of the clause that pays pro rata",
        }),
      );
    checkNames(d.node.means);
    const u = env.termUnit(name);
    if (u === "MoneyPerAnnum")
      out.push(
        diag("PA2012", d.node.means.loc, {
          message: `"${name}" is money per annum`,
          hint: "multiply by a day count fraction, e.g. `times day count fraction 30/360`",
        }),
      );
  }

  // Classes.
  for (const c of view.classes.values()) {
    if (c.group && !view.groups.has(c.group.name))
      out.push(
        diag("PA2003", c.group.loc, {
          name: c.group.name,
          hint: didYouMean(c.group.name, groupNames, "declare the loan group"),
        }),
      );
    if (!c.residual && c.originalBalance === undefined && !c.notional)
      out.push(
        diag("PA2008", c.nameLoc, {
          message: `class ${c.name} has neither an original certificate principal balance nor a notional amount`,
          hint: "add `original certificate principal balance $…`, `notional amount means …`, or mark it `residual`",
        }),
      );
    if (c.rounding?.oddCents)
      out.push(
        diag("PA2015", c.rounding.loc, {
          message: `odd cents are placed only when a clause splits an amount pro rata; class ${c.name}'s interest is not split`,
          hint: "put `, odd cents …` on the rounding of the clause that pays pro rata",
        }),
      );
    if (!c.residual && !c.rate)
      out.push(
        diag("PA2008", c.nameLoc, {
          message: `class ${c.name} has no pass-through rate`,
          hint: "add `pass-through rate …% per annum, 30/360`",
        }),
      );
    if (c.notional) {
      checkNames(c.notional);
      expectUnit(c.notional, "Money", `the notional amount of class ${c.name}`, env, out);
    }
    if (c.rate) {
      checkNames(c.rate.expr);
      expectUnit(c.rate.expr, "Rate", `the pass-through rate of class ${c.name}`, env, out);
      if (c.rate.cap) {
        checkNames(c.rate.cap);
        expectUnit(c.rate.cap, "Rate", `the cap on the pass-through rate of class ${c.name}`, env, out);
      }
    }
  }

  // Sections and clauses.
  const groupOf = (name: string) => view.classes.get(name)?.group?.name;
  const drawnBy = new Map<string, string>();
  for (const { section } of view.sections) {
    if (!section.source) continue;
    const first = drawnBy.get(section.source.name);
    if (first)
      out.push(
        diag("PA2008", section.source.loc, {
          message: `sections ${first} and ${section.id} both distribute "${section.source.name}": the same cash would be paid twice`,
          hint: "each section draws on its own amount (e.g. the Group I and Group II Available Distribution Amounts)",
        }),
      );
    else drawnBy.set(section.source.name, section.id);
  }
  out.push(...checkCash(view));
  for (const { section, clauses } of view.sections) {
    if (section.source) {
      used.add(section.source.name);
      if (!view.definitions.has(section.source.name))
        out.push(
          diag("PA2001", section.source.loc, {
            name: section.source.name,
            hint: didYouMean(section.source.name, termNames, "a section draws on a defined amount"),
          }),
        );
      else if (env.termUnit(section.source.name) && env.termUnit(section.source.name) !== "Money")
        out.push(
          diag("PA2012", section.source.loc, {
            message: `the source of section ${section.id} must be an amount of money`,
            hint: "name the defined amount the section distributes",
          }),
        );
    }
    let sectionGroup: string | undefined;
    if (section.remainderTo) {
      checkClassRef(section.remainderTo);
      const rc = view.classes.get(section.remainderTo.name);
      if (rc && !rc.residual)
        out.push(
          diag("PA2008", section.remainderTo.loc, {
            message: `class ${rc.name} receives the remainder of section ${section.id} but is not residual`,
            hint: "mark the class `residual` (e.g. Class SB-I)",
          }),
        );
      sectionGroup = rc?.group?.name;
    }
    for (const { node: c } of clauses) checkClause(c, section.source !== undefined, sectionGroup);
  }

  function checkClause(c: Clause, isPayment: boolean, sectionGroup: string | undefined) {
    for (const e of clauseExprs(c)) checkNames(e);
    if (c.condition) {
      expectUnit(c.condition, "Boolean", `the condition of clause ${c.id}`, env, out);
      const never = neverTrue(c.condition);
      if (never) out.push(diag("PA2011", c.condition.loc, { name: c.id, reason: never }));
    }
    const steps: RecipientStep[] = c.action.kind === "pay" ? c.action.to : c.action.from;
    const listed = new Map<string, SourceLocation>();
    for (const s of steps)
      for (const x of s.classes) {
        const first = listed.get(x.name);
        if (first)
          out.push(
            diag("PA2016", x.loc, { name: x.name, clause: c.id }, [{ message: "first listed here", location: first }]),
          );
        else listed.set(x.name, x.loc);
      }
    for (const s of steps) {
      s.classes.forEach(checkClassRef);
      const groups = new Set(s.classes.map((x) => groupOf(x.name)).filter((g) => g !== undefined));
      if (groups.size > 1)
        out.push(
          diag("PA2008", s.loc, {
            message: `one step of clause ${c.id} pays classes of different loan groups (${[...groups].join(", ")})`,
            hint: "split the recipients into steps with `, then classes …`",
          }),
        );
    }
    if (c.action.kind === "pay") {
      if (!isPayment)
        out.push(
          diag("PA2008", c.action.loc, {
            message: `clause ${c.id} pays, but its section has no source of cash`,
            hint: 'add `from "…Available Distribution Amount"` to the section',
          }),
        );
      if (c.action.amount.kind === "amount")
        expectUnit(c.action.amount.expr, "Money", `the amount paid by clause ${c.id}`, env, out);
      const perClass = c.action.amount.kind !== "amount" || c.action.as === "interest";
      for (const s of c.action.to) {
        if (perClass && s.allocation === "pro rata by balance")
          out.push(
            diag("PA2008", s.loc, {
              message: `clause ${c.id} pays amounts due class by class, so its pro rata shares follow the amounts due, not the balances`,
              hint: "write `pro rata` or `pro rata by amount due`",
            }),
          );
        if (!perClass && s.allocation === "pro rata by amount due")
          out.push(
            diag("PA2008", s.loc, {
              message: `clause ${c.id} pays ${c.action.as === "principal" ? "principal" : "an amount"}, which is shared pro rata by Certificate Principal Balance, not by amount due`,
              hint: "write `pro rata` or `pro rata by balance`",
            }),
          );
      }
      if (c.action.amount.kind === "amount" && c.action.as === "other") {
        out.push(diag("PA2014", c.action.loc, { name: c.id }));
        if (c.action.to.length > 1)
          out.push(
            diag("PA2008", c.action.to[1]!.loc, {
              message: `clause ${c.id} pays an amount that is neither principal nor interest, to one group of classes only`,
              hint: "say `as principal` or `as interest`, or name one step of classes",
            }),
          );
      }
      if (c.action.amount.kind === "interest due" && sectionGroup)
        for (const s of c.action.to)
          for (const x of s.classes) {
            const g = groupOf(x.name);
            if (g && g !== sectionGroup)
              out.push(diag("PA2013", x.loc, { name: x.name, actual: `"${g}"`, expected: `"${sectionGroup}"` }));
          }
      for (const s of c.action.to)
        for (const x of s.classes)
          if (view.classes.get(x.name)?.residual)
            out.push(
              diag("PA2008", x.loc, {
                message: `clause ${c.id} pays residual class ${x.name}`,
                hint: "a residual class receives what a section releases: use `remainder to class …`",
              }),
            );
    } else {
      if (isPayment)
        out.push(
          diag("PA2008", c.action.loc, {
            message: `clause ${c.id} writes down balances inside a payment section`,
            hint: "put write-downs in a section without `from` (e.g. Section 4.05)",
          }),
        );
      expectUnit(c.action.amount, "Money", `the amount written down by clause ${c.id}`, env, out);
      for (const s of c.action.from)
        if (s.allocation === "pro rata by amount due")
          out.push(
            diag("PA2008", s.loc, {
              message: `clause ${c.id} writes down balances, which are shared pro rata by Certificate Principal Balance, not by amount due`,
              hint: "write `pro rata` or `pro rata by balance`",
            }),
          );
    }
  }

  out.push(...checkDealTerms(view));

  // Cycles.
  for (const chain of cycles(dependencyGraph(view))) {
    const first = chain[0]!;
    const loc = first.startsWith("term:")
      ? view.definitions.get(first.slice(5))!.node.nameLoc
      : findClause(view, first.slice(7))!.section.clauses[findClause(view, first.slice(7))!.index]!.node.labelLoc;
    out.push(diag("PA2007", loc, { chain: [...chain, chain[0]!].map(describeNode).join(" → ") }));
  }

  // Unused definitions.
  for (const [name, d] of view.definitions) {
    if (!used.has(name)) out.push(diag("PA2010", d.node.nameLoc, { name }));
  }
  return { diagnostics: dedupe(out), units };
}

/** Why a condition can never hold, if it visibly cannot. */
function neverTrue(e: Expr): string | undefined {
  if (e.kind === "boolean" && !e.value) return "its condition is false";
  if (e.kind === "before" && e.ordinal <= 1) return "no Distribution Date comes before the first";
  if (e.kind === "paren") return neverTrue(e.inner);
  if (e.kind === "logical" && e.op === "and") return neverTrue(e.left) ?? neverTrue(e.right);
  return undefined;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}:${d.location.file}:${d.location.line}:${d.location.column}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The calendar, pool terms and class sizes: what a run needs before any formula is evaluated. */
function checkDealTerms(view: AgreementView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (loc: SourceLocation, message: string, hint: string) => out.push(diag("PA2008", loc, { message, hint }));
  const warn = (loc: SourceLocation, message: string, hint: string) => out.push(diag("PA2015", loc, { message, hint }));
  const ag = view.agreement;
  const cal = view.calendar;
  if (!cal) {
    err(
      ag.titleLoc,
      "the agreement has no calendar",
      "add `calendar` with its closing date, first Distribution Date and `Distribution Dates on day 25 of each month, or the next Business Day`",
    );
  } else {
    if (!cal.closingDate)
      err(
        cal.loc,
        "the calendar has no closing date",
        "add `closing date YYYY-MM-DD`: floating-rate interest accrues from it",
      );
    if (!cal.firstDistributionDate)
      err(cal.loc, "the calendar has no first Distribution Date", "add `first Distribution Date YYYY-MM-DD`");
    if (cal.distributionDay === undefined)
      err(
        cal.loc,
        "the calendar does not say on which day Distribution Dates fall",
        "add `Distribution Dates on day 25 of each month, or the next Business Day`",
      );
    else if (cal.distributionDay < 1 || cal.distributionDay > 31)
      err(
        cal.loc,
        `there is no day ${cal.distributionDay} of a month`,
        "Distribution Dates fall on a day from 1 to 31",
      );
    if (cal.closingDate && cal.firstDistributionDate && cal.closingDate >= cal.firstDistributionDate)
      err(
        cal.loc,
        `the closing date ${cal.closingDate} is not before the first Distribution Date ${cal.firstDistributionDate}`,
        "the first Interest Accrual Period runs from the closing date to the first Distribution Date",
      );
    if (cal.cutoffDate && cal.closingDate && cal.cutoffDate > cal.closingDate)
      err(
        cal.loc,
        `the cut-off date ${cal.cutoffDate} is after the closing date ${cal.closingDate}`,
        "the pool is cut off on or before the closing date",
      );
    if (cal.firstDistributionDate) {
      // Every Distribution Date the loans can need must be a date pacta can write (years up to 9999).
      const months = Math.max(
        MAX_PROJECTION_MONTHS,
        ...[...view.groups.values()].map((g) => (g.remainingTerm ?? 0) + 12),
      );
      const [y, m] = cal.firstDistributionDate.split("-").map(Number) as [number, number];
      const last = y * 12 + (m - 1) + months - 1;
      if (last > 9999 * 12 + 11)
        err(
          cal.loc,
          `Distribution Dates from ${cal.firstDistributionDate} for ${months} months run past the year 9999`,
          "check the first Distribution Date's year",
        );
    }
    if (cal.firstDistributionDate && cal.distributionDay !== undefined) {
      const day = Number(cal.firstDistributionDate.slice(8));
      if (day < cal.distributionDay || day > cal.distributionDay + 6)
        warn(
          cal.loc,
          `the first Distribution Date ${cal.firstDistributionDate} is not on day ${cal.distributionDay} (or the Business Day after it)`,
          "pacta counts Distribution Dates from the first one's month, on the stated day",
        );
    }
  }
  const classTotals = new Map<string, Decimal>();
  for (const c of view.classes.values())
    if (c.group && c.originalBalance)
      classTotals.set(c.group.name, (classTotals.get(c.group.name) ?? ZERO).plus(c.originalBalance));
  for (const g of view.groups.values()) {
    if (g.cutoffBalance !== undefined && new Decimal(g.cutoffBalance).lte(0))
      err(
        g.nameLoc,
        `loan group "${g.name}" has a cut-off balance of $0`,
        "the aggregate Stated Principal Balance at the Cut-off Date must be above $0",
      );
    else if (g.cutoffBalance === undefined)
      err(
        g.nameLoc,
        `loan group "${g.name}" has no cut-off balance`,
        "add `cut-off balance $…`, the aggregate Stated Principal Balance at the Cut-off Date",
      );
    if (g.mortgageRate === undefined)
      err(
        g.nameLoc,
        `loan group "${g.name}" has no mortgage rate`,
        "add `mortgage rate …% per annum fixed` (or adjustable …)",
      );
    else if (new Decimal(g.mortgageRate).gt("0.25"))
      warn(
        g.nameLoc,
        `loan group "${g.name}" has a mortgage rate of ${new Decimal(g.mortgageRate).times(100).toFixed(2)}% per annum`,
        "check the figure: rates are written like 8.90% per annum",
      );
    const pp = g.prepayment;
    if (pp) {
      const cprs = pp.kind === "cpr" ? [pp.cpr] : [pp.startCpr, pp.endCpr];
      const k = pp.kind === "ramp" ? new Decimal(pp.multiple) : new Decimal(1);
      if (cprs.some((c) => new Decimal(c).times(k).gt(1)))
        err(
          pp.loc,
          `the prepayment assumption of loan group "${g.name}" exceeds 100% CPR`,
          "a CPR is the share of the balance prepaid in a year: at most 100%",
        );
      if (pp.kind === "ramp" && pp.rampMonths < 1)
        err(
          pp.loc,
          `the prepayment ramp of loan group "${g.name}" lasts ${pp.rampMonths} months`,
          "the ramp reaches its final CPR after at least 1 month",
        );
    }
    if (g.remainingTerm === undefined || g.remainingTerm < 1)
      err(g.nameLoc, `loan group "${g.name}" has no remaining term`, "add `remaining term N months`, N at least 1");
    if (g.servicingFee !== undefined && g.mortgageRate !== undefined && new Decimal(g.servicingFee).gte(g.mortgageRate))
      err(
        g.nameLoc,
        `the servicing fee of loan group "${g.name}" is not below its mortgage rate`,
        "the net mortgage rate is the mortgage rate less the servicing fee",
      );
    const certs = classTotals.get(g.name) ?? ZERO;
    if (g.cutoffBalance !== undefined && certs.gt(g.cutoffBalance))
      warn(
        g.nameLoc,
        `the classes of loan group "${g.name}" start at ${formatMoney(certs)}, more than its cut-off balance ${formatMoney(new Decimal(g.cutoffBalance))}`,
        "check the class sizes: the certificates would be written down on the first Distribution Date",
      );
  }
  return out;
}
