/**
 * A stable text dump of the resolved model: every declaration, every version of every provision
 * with its formula in a bracketed prefix form, and the table of versions in force from each date.
 * Kept as a golden file for RS1 (test/model/__golden__/), it is the baseline between the language
 * and the engine: a change to lowering shows up here as a reviewed diff. Iterative over formulas,
 * so depth is bounded only by memory.
 */
import type { SourceLocation } from "../core/diagnostics.ts";
import type { Decimal, RoundingRule } from "../core/money.ts";
import type { ClauseAction, DealModel, MExpr, RecipientStep, Version } from "./types.ts";

const at = (l: SourceLocation) => `${l.file}:${l.line}:${l.column}`;
const num = (d: Decimal) => d.toString();
const rounding = (r: RoundingRule) =>
  `${r.mode} to ${r.places} places${r.oddCents ? `, odd cents: ${r.oddCents}` : ""}`;

/** A formula in prefix form: `(lesserOf (term "A") (number 0.5))`. */
export function printExpr(root: MExpr): string {
  // An explicit stack of pending pieces: a string to emit, or an expression to expand.
  const out: string[] = [];
  const stack: (string | MExpr)[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === "string") {
      out.push(x);
      continue;
    }
    const open = (head: string, kids: MExpr[]) => {
      stack.push(")");
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!, " ");
      stack.push(`(${head}`);
    };
    switch (x.kind) {
      case "number":
        out.push(num(x.value));
        break;
      case "boolean":
        out.push(String(x.value));
        break;
      case "date":
        out.push(`date ${x.value}`);
        break;
      case "term":
        out.push(`"${x.term}"`);
        break;
      case "index":
        out.push(`(index "${x.index}")`);
        break;
      case "binary":
      case "compare":
      case "logical":
        open(x.op, [x.left, x.right]);
        break;
      case "negate":
        open("-", [x.operand]);
        break;
      case "not":
        open("not", [x.operand]);
        break;
      case "lesserOf":
      case "greaterOf":
      case "sumOf":
        open(x.kind, x.args);
        break;
      case "excessOf":
        open("excessOf", [x.minuend, x.subtrahend]);
        break;
      case "available":
      case "paid":
        out.push(`(${x.kind} ${x.clause})`);
        break;
      case "prior":
        if (x.initially) open(`prior "${x.term}" initially`, [x.initially]);
        else out.push(`(prior "${x.term}")`);
        break;
      case "collateral":
        out.push(`(collateral "${x.group}" ${x.field})`);
        break;
      case "classField":
        out.push(`(class ${x.classes.join(",")} ${x.field})`);
        break;
      case "periodNumber":
        out.push("(date number)");
        break;
      case "dayCountFraction":
        out.push(`(day count fraction ${x.convention})`);
        break;
      case "onOrAfter":
      case "before":
        out.push(`(${x.kind} date ${x.ordinal})`);
        break;
      case "onOrAfterDate":
      case "beforeDate":
        out.push(`(${x.kind} ${x.date})`);
        break;
      case "if":
        open("if", [x.condition, x.then, x.else]);
        break;
      case "cases": {
        stack.push(")", x.otherwise, " otherwise ");
        for (let i = x.cases.length - 1; i >= 0; i--) {
          const c = x.cases[i]!;
          const w = c.when;
          const sel =
            w.kind === "first"
              ? `first ${w.count}`
              : w.kind === "range"
                ? `${w.from}-${w.to}`
                : w.kind === "onOrAfter"
                  ? `${w.ordinal}+`
                  : `${w.ordinal}`;
          stack.push(c.value, ` [${sel}] `);
        }
        stack.push("(cases");
        break;
      }
    }
  }
  return out.join("");
}

const stepText = (s: readonly RecipientStep[]) => s.map((x) => `${x.classes.join(",")} ${x.allocation}`).join(" then ");

function actionText(a: ClauseAction): string {
  if (a.kind === "writeDown") return `write down ${printExpr(a.amount)} from ${stepText(a.from)}`;
  const amount = a.amount.kind === "amount" ? printExpr(a.amount.expr) : a.amount.kind;
  return `pay ${amount} as ${a.as} to ${stepText(a.to)}${a.untilReducedToZero ? " until reduced to zero" : ""}`;
}

function versionLines(m: DealModel, v: Version): string[] {
  const p = v.provision;
  const what =
    p.kind === "term" ? `term "${p.term}"` : p.kind === "clause" ? `clause ${p.clause}` : `provision ${p.provision}`;
  const from = m.instruments[v.instrument]!.title;
  const head = `v${v.id} ${what}: ${v.change}, ${from}${v.item !== undefined ? ` item ${v.item}` : ""}${v.effective ? `, effective ${v.effective}` : ""} @ ${at(v.loc)}`;
  const b = v.body;
  if (!b) return [head];
  if (b.kind === "term")
    return [head, `  means ${printExpr(b.means)}${b.rounding ? `, rounded ${rounding(b.rounding)}` : ""}`];
  if (b.kind === "clause")
    return [
      head,
      ...(b.condition ? [`  when ${printExpr(b.condition)}`] : []),
      `  ${actionText(b.action)}`,
      `  rounded ${rounding(b.rounding)}; odd cents: ${b.oddCents}`,
    ];
  return [head, `  text (${b.text.text.length} characters)`];
}

/** The dump of a model, one fact per line, ending with a newline. */
export function printModel(m: DealModel): string {
  const out: string[] = [`deal ${m.name}: "${m.title}"${m.series ? ` series ${m.series}` : ""}`];
  const c = m.calendar;
  out.push(
    `calendar: cut-off ${c.cutoffDate ?? "-"}, closing ${c.closingDate}, first Distribution Date ${c.firstDistributionDate}, day ${c.distributionDay}${c.nextBusinessDay ? ", next Business Day" : ""}`,
  );
  out.push("", "instruments:");
  for (const i of m.instruments) out.push(`  #${i.id} ${i.kind} "${i.title}"${i.dated ? ` dated ${i.dated}` : ""}`);
  out.push("", "indexes:");
  for (const i of m.indexes.values()) out.push(`  "${i.id}" assumed ${num(i.assumed)}`);
  out.push("", "loan groups:");
  for (const g of m.groups.values()) {
    const p = g.pool;
    out.push(
      `  "${g.id}": cut-off ${num(p.cutoffBalance)}, rate ${num(p.mortgageRate)}, fee ${num(p.servicingFeeRate)}, term ${p.remainingTermMonths}${p.adjustable ? `, adjustable on "${p.adjustable.index}" + ${num(p.adjustable.grossMargin)}` : ""}`,
    );
    const q = g.pricing;
    if (q)
      out.push(
        q.kind === "constant"
          ? `    pricing: ${num(q.cpr)} CPR`
          : q.kind === "psa"
            ? `    pricing: ${q.multiplier ? num(q.multiplier) : "1"} × PSA`
            : `    pricing: ${num(q.startCpr)} to ${num(q.endCpr)} CPR over ${q.rampMonths} months × ${q.multiplier ? num(q.multiplier) : "1"}`,
      );
  }
  out.push("", "classes:");
  for (const k of m.classes.values()) {
    const parts = [
      k.group ? `group "${k.group}"` : "",
      k.originalBalance ? `balance ${num(k.originalBalance)}` : "",
      k.notional ? `notional ${printExpr(k.notional)}` : "",
      k.rate
        ? `rate ${printExpr(k.rate.expr)}${k.rate.cap ? ` capped ${printExpr(k.rate.cap)}` : ""} ${k.rate.dayCount}`
        : "",
      k.residual ? "residual" : "",
      `interest rounded ${rounding(k.rounding)}`,
    ].filter(Boolean);
    out.push(`  ${k.id}: ${parts.join("; ")}`);
  }
  out.push("", "sections:");
  for (const s of m.sections.values())
    out.push(
      `  ${s.id}${s.title ? ` "${s.title}"` : ""}${s.source ? ` from "${s.source.term}"` : " (losses)"}${s.remainderTo ? `, remainder${s.remainderLabel ? ` ${s.remainderLabel}` : ""} to ${s.remainderTo}` : ""}`,
    );
  out.push("", "terms:");
  for (const t of m.terms.values())
    out.push(`  "${t.id}": ${t.unit}; versions ${t.versions.map((v) => `v${v}`).join(", ")}`);
  out.push("", "versions:");
  for (const v of m.versions) out.push(...versionLines(m, v).map((l) => `  ${l}`));
  m.views.forEach((v, i) => {
    out.push(
      "",
      `view ${i}: ${v.asOf ? `from ${v.asOf}` : "from the start"}; instruments ${v.instruments.map((x) => `#${x}`).join(", ")}`,
    );
    const changed = (a: Map<string, number>, b: Map<string, number> | undefined) =>
      [...a].filter(([k, x]) => !b || b.get(k) !== x);
    const prev = i > 0 ? m.views[i - 1] : undefined;
    const terms = changed(v.terms, prev?.terms);
    out.push(
      `  terms in force: ${v.terms.size}${prev ? `; changed: ${terms.map(([k, x]) => `"${k}" v${x}`).join(", ") || "none"}` : ""}`,
    );
    v.sections.forEach((s, k) => {
      const groups = v.sourceGroups[k] ?? [];
      out.push(
        `  ${s.section}: ${s.clauses.map((x) => `v${x}`).join(" ")}${groups.length ? `; draws on ${groups.map((g) => `"${g}"`).join(", ")}` : ""}`,
      );
    });
    out.push(`  terms that read no clause: ${v.pureTermOrder.length}`);
    out.push("  same-date dependencies:");
    for (const [k, deps] of [...v.dependencies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (deps.length)
        out.push(
          `    ${k} <- ${deps.map((d) => (d.kind === "term" ? `term:${d.term}` : `clause:${d.clause}`)).join("; ")}`,
        );
  });
  return out.join("\n") + "\n";
}
