/**
 * `pacta explain`: why a figure is what it is. For a defined term or a clause on one Distribution
 * Date: its value, the version in force, its legal text, and the inputs it was computed from,
 * recursively down to collateral data, as an indented tree.
 */
import { formatMoney } from "../core/money.ts";
import type { PeriodResult, TraceInput, Value } from "../engine/result.ts";
import type { Unit } from "../semantics/units.ts";
import type { AgreementView } from "../semantics/view.ts";
import { flowText } from "./conformed.ts";

function show(v: Value, unit?: Unit): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (unit === "Rate" || unit === "Percentage") return `${v.times(100).toDecimalPlaces(6).toString()}%`;
  if (unit === "Count") return v.toFixed(0);
  return formatMoney(v);
}

function inputUnit(i: TraceInput, p: PeriodResult): Unit | undefined {
  if (i.kind === "term" || i.kind === "prior") return p.terms[/"(.*)"/.exec(i.what)?.[1] ?? ""]?.unit;
  if (i.kind === "index" || /rate/.test(i.what)) return "Rate";
  if (i.kind === "calendar") return "Percentage";
  return "Money";
}

/**
 * The explanation of `target` (a defined term's name, or a clause id such as 4.02(c)(xii)) on
 * Distribution Date `p`, `depth` levels of inputs deep. Returns undefined if `target` is neither.
 */
export function explain(p: PeriodResult, view: AgreementView, target: string, depth = 3): string | undefined {
  const lines: string[] = [`Distribution Date ${p.number} (${p.distributionDate}), ${p.agreementVersion}`];
  const walkInputs = (inputs: TraceInput[], level: number, seen: Set<string>) => {
    for (const i of inputs) {
      const pad = "  ".repeat(level);
      lines.push(`${pad}- ${i.what} = ${show(i.value, inputUnit(i, p))}`);
      if (i.kind !== "term" || level >= depth) continue;
      const name = /^"(.*)"$/.exec(i.what)?.[1];
      const t = name ? p.terms[name] : undefined;
      if (!t || seen.has(name!)) continue;
      walkInputs(t.inputs, level + 1, new Set([...seen, name!]));
    }
  };
  const term = p.terms[target];
  if (term) {
    const def = view.definitions.get(target);
    lines.push(`"${target}" = ${show(term.value, term.unit)}`);
    lines.push(`  version: ${term.version}; defined at ${term.loc.file}:${term.loc.line}:${term.loc.column}`);
    if (def?.node.text) lines.push(`  text: ${flowText(def.node.text.text)}`);
    if (def?.node.reading) lines.push(`  reading: ${flowText(def.node.reading.text)}`);
    lines.push("  computed from:");
    walkInputs(term.inputs, 2, new Set([target]));
    return lines.join("\n") + "\n";
  }
  for (const s of p.sections) {
    const c = s.clauses.find((x) => x.id === target);
    if (!c) continue;
    const node = view.sections.flatMap((x) => x.clauses).find((x) => x.node.id === target)?.node;
    lines.push(
      `Clause ${c.id}: ${c.applies ? `due ${formatMoney(c.due)}, paid ${formatMoney(c.paid)}, shortfall ${formatMoney(c.shortfall)}` : "its condition does not hold on this date"}`,
    );
    lines.push(`  version: ${c.version}; written at ${c.loc.file}:${c.loc.line}:${c.loc.column}`);
    if (node?.text) lines.push(`  text: ${flowText(node.text.text)}`);
    lines.push(
      `  section ${s.id} had ${formatMoney(c.remainingBefore)} before this clause and ${formatMoney(c.remaining)} after it`,
    );
    for (const x of c.payments) lines.push(`  paid ${formatMoney(x.amount)} to class ${x.class} as ${x.kind}`);
    lines.push("  computed from:");
    walkInputs(c.inputs, 2, new Set());
    return lines.join("\n") + "\n";
  }
  return undefined;
}
