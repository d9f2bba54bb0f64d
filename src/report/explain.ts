/**
 * `pacta explain`: why a figure is what it is. For a defined term or a clause on one Distribution
 * Date: its value, the version in force, its legal text, and the inputs it was computed from,
 * recursively down to collateral data, as an indented tree.
 */
import { formatMoney } from "../core/money.ts";
import type { PeriodResult, TraceInput } from "../engine/result.ts";
import type { ClauseBody, DealModel, TermBody, TextBody } from "../model/types.ts";
import { describeRef, refUnit, versionLabel, versionWords, viewWords } from "./describe.ts";
import { flowText, showValue } from "./values.ts";

/** What `target` names on a date: a defined term, a clause, a section, a class, or a text provision. */
function resolve(model: DealModel, p: PeriodResult, target: string): { kind: string; key: string } | undefined {
  const norm = (x: string) => x.replace(/\s+/g, " ").trim().toLowerCase();
  const t = norm(target.replace(/^"|"$/g, ""));
  const term = Object.keys(p.terms).find((k) => norm(k) === t);
  if (term) return { kind: "term", key: term };
  for (const s of p.sections) {
    if (norm(s.id) === t || norm(`section ${s.id}`) === t) return { kind: "section", key: s.id };
    if (s.releasedBy && norm(s.releasedBy) === t) return { kind: "release", key: s.id };
    const c = s.clauses.find((x) => norm(x.id) === t);
    if (c) return { kind: "clause", key: c.id };
  }
  const cls = Object.keys(p.classes).find((k) => norm(k) === t || norm(`class ${k}`) === t);
  if (cls) return { kind: "class", key: cls };
  const prov = [...model.views[p.view]!.provisions.keys()].find((k) => norm(k) === t);
  if (prov) return { kind: "provision", key: prov };
  return undefined;
}

/**
 * The explanation of `target` on Distribution Date `p`: a defined term (its value, version, text
 * and inputs, `depth` levels deep), a clause (due, paid, what the section had, payments, inputs),
 * a section (available, each clause, released), a class (its figures and every payment it got),
 * or a text provision (its words and version). Names match ignoring case and spacing.
 * Returns undefined if `target` names none of these.
 */
export function explain(model: DealModel, p: PeriodResult, target: string, depth = 3): string | undefined {
  const lines: string[] = [`Distribution Date ${p.number} (${p.distributionDate}), ${viewWords(model, p.view)}`];
  const view = model.views[p.view]!;
  const walkInputs = (inputs: TraceInput[], level: number, seen: Set<string>) => {
    if (inputs.length === 0) lines.push(`${"  ".repeat(level)}(nothing: a fixed amount or condition)`);
    for (const i of inputs) {
      const pad = "  ".repeat(level);
      lines.push(`${pad}- ${describeRef(i.ref)} = ${showValue(i.value, refUnit(model, i.ref))}`);
      if (i.ref.kind !== "term" || level >= depth) continue;
      const name = i.ref.term;
      const t = p.terms[name];
      if (!t || seen.has(name) || t.inputs.length === 0) continue;
      walkInputs(t.inputs, level + 1, new Set([...seen, name]));
    }
  };
  const found = resolve(model, p, target);
  if (!found) return undefined;
  const at = (l: { file: string; line: number; column: number }) => `${l.file}:${l.line}:${l.column}`;
  switch (found.kind) {
    case "term": {
      const term = p.terms[found.key]!;
      const def = model.versions[term.version]!.body as TermBody;
      lines.push(`"${found.key}" = ${showValue(term.value, term.unit)}`);
      lines.push(`  version: ${versionLabel(model, term.version)}; defined at ${at(def.loc)}`);
      if (def.text) lines.push(`  text: ${flowText(def.text.text)}`);
      if (def.reading) lines.push(`  reading: ${flowText(def.reading.text)}`);
      lines.push("  computed from:");
      walkInputs(term.inputs, 2, new Set([found.key]));
      break;
    }
    case "clause": {
      const s = p.sections.find((x) => x.clauses.some((c) => c.id === found.key))!;
      const c = s.clauses.find((x) => x.id === found.key)!;
      const node = model.versions[c.version]!.body as ClauseBody;
      lines.push(
        `Clause ${c.id}: ${c.applies ? `due ${formatMoney(c.due)}, paid ${formatMoney(c.paid)}, shortfall ${formatMoney(c.shortfall)}` : "its condition does not hold on this date"}`,
      );
      lines.push(`  version: ${versionLabel(model, c.version)}; written at ${at(node.loc)}`);
      if (node.text) lines.push(`  text: ${flowText(node.text.text)}`);
      if (node.reading) lines.push(`  reading: ${flowText(node.reading.text)}`);
      lines.push(
        `  section ${s.id} had ${formatMoney(c.remainingBefore)} before this clause and ${formatMoney(c.remaining)} after it`,
      );
      for (const x of c.payments) lines.push(`  paid ${formatMoney(x.amount)} to class ${x.class} as ${x.kind}`);
      lines.push("  computed from:");
      walkInputs(c.inputs, 2, new Set());
      break;
    }
    case "section": {
      const s = p.sections.find((x) => x.id === found.key)!;
      lines.push(`Section ${s.id}${s.title ? ` ${s.title}` : ""}: available ${formatMoney(s.available)}`);
      for (const c of s.clauses)
        lines.push(
          `  ${c.id.padEnd(16)} ${c.applies ? `due ${formatMoney(c.due)}, paid ${formatMoney(c.paid)}, remaining ${formatMoney(c.remaining)}` : "not applicable"}  (${versionLabel(model, c.version)})`,
        );
      if (s.releasedTo) lines.push(`  released to class ${s.releasedTo}: ${formatMoney(s.released)}`);
      break;
    }
    case "release": {
      const s = p.sections.find((x) => x.id === found.key)!;
      const sv = model.sections.get(s.id);
      lines.push(
        `Clause ${s.releasedBy}: released ${formatMoney(s.released)} to class ${s.releasedTo}, what section ${s.id} had left after its last clause`,
      );
      if (sv?.remainderText) lines.push(`  text: ${flowText(sv.remainderText.text)}`);
      break;
    }
    case "class": {
      const c = p.classes[found.key]!;
      lines.push(
        `Class ${found.key}: beginning balance ${formatMoney(c.beginningBalance)}, ending balance ${formatMoney(c.balance)}`,
      );
      lines.push(
        `  pass-through rate ${c.rate.times(100).toDecimalPlaces(6).toString()}% per annum; accrued interest ${formatMoney(c.accruedInterest)}`,
      );
      lines.push(
        `  interest ${formatMoney(c.interest)}, principal ${formatMoney(c.principal)}, realized loss ${formatMoney(c.realizedLoss)}, interest unpaid ${formatMoney(c.interestShortfall)}`,
      );
      for (const s of p.sections)
        for (const cl of s.clauses)
          for (const x of cl.payments)
            if (x.class === found.key)
              lines.push(
                `  ${cl.id.padEnd(16)} ${x.kind.padEnd(18)} ${formatMoney(x.amount)}  (${versionLabel(model, cl.version)})`,
              );
      const sec = p.sections.find((s) => s.releasedTo === found.key);
      if (sec && !c.other.isZero()) lines.push(`  released by section ${sec.id}: ${formatMoney(sec.released)}`);
      break;
    }
    case "provision": {
      const vid = view.provisions.get(found.key as never)!;
      const pr = model.versions[vid]!.body as TextBody;
      lines.push(`Section ${found.key}${pr.title ? ` (${pr.title})` : ""}: a text provision`);
      lines.push(`  version: ${versionWords(model, vid)}; written at ${at(pr.loc)}`);
      lines.push(`  text: ${flowText(pr.text.text)}`);
      break;
    }
  }
  return lines.join("\n") + "\n";
}
