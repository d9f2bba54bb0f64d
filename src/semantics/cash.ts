/**
 * Who distributes each group's cash. A payment section distributes the amount its source names;
 * that amount is cash only as far as it is made of collections (interest, scheduled principal,
 * prepayments, net liquidation proceeds of a loan group). Three rules, checked before anything
 * runs: every section's source is made of some group's collections; no group's collections are
 * drawn on by the sources of two sections (the same cash paid twice); and every group's
 * collections are drawn on by some section (cash never distributed). Each error
 * names the chain of defined terms from the section's source to the collections it reads.
 */
import { diag, type Diagnostic, type SourceLocation } from "../core/diagnostics.ts";
import type { CollateralField, Expr } from "../syntax/ast.ts";
import { walk } from "../syntax/walk.ts";
import type { AgreementView } from "./view.ts";

/** The collateral fields that are cash collected in the period. */
const CASH: ReadonlySet<CollateralField> = new Set<CollateralField>([
  "interest collections",
  "scheduled principal",
  "principal prepayments",
  "net liquidation proceeds",
]);

/** For one source term: each group whose cash it reads, with the chain of terms that leads there. */
function cashRead(view: AgreementView, source: string): Map<string, { chain: string[]; loc: SourceLocation }> {
  const out = new Map<string, { chain: string[]; loc: SourceLocation }>();
  const parent = new Map<string, string | undefined>([[source, undefined]]);
  const queue = [source];
  const chainTo = (t: string) => {
    const c: string[] = [];
    for (let x: string | undefined = t; x !== undefined; x = parent.get(x)) c.unshift(x);
    return c;
  };
  while (queue.length) {
    const t = queue.shift()!;
    const d = view.definitions.get(t);
    if (!d) continue;
    walk(d.node.means, (x: Expr) => {
      if (x.kind === "collateral" && CASH.has(x.field) && !out.has(x.group))
        out.set(x.group, { chain: [...chainTo(t), `${x.field} of group "${x.group}"`], loc: x.loc });
      if (x.kind === "term" && !parent.has(x.name)) {
        parent.set(x.name, t);
        queue.push(x.name);
      }
    });
  }
  return out;
}

/** The diagnostics of the two cash rules for `view` (PA2018). */
export function checkCash(view: AgreementView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owner = new Map<string, { section: string; source: string; chain: string[]; loc: SourceLocation }>();
  const words = (chain: string[]) => chain.map((c, i) => (i < chain.length - 1 ? `"${c}"` : c)).join(" → ");
  for (const { section } of view.sections) {
    if (!section.source || !view.definitions.has(section.source.name)) continue;
    const reads = cashRead(view, section.source.name);
    if (reads.size === 0) {
      out.push(
        diag("PA2018", section.source.loc, {
          message: `section ${section.id} distributes "${section.source.name}", which is made of no loan group's collections: it is not cash the trust has`,
          hint: "a section's source is built from interest collections, scheduled principal, prepayments and net liquidation proceeds of its loan group",
        }),
      );
      continue;
    }
    for (const [group, read] of reads) {
      const first = owner.get(group);
      if (!first) {
        owner.set(group, { section: section.id, source: section.source.name, ...read });
        continue;
      }
      if (first.source === section.source.name) continue; // one amount drawn by two sections: PA2008 says so
      out.push(
        diag(
          "PA2018",
          section.source.loc,
          {
            message: `sections ${first.section} and ${section.id} both distribute the collections of group "${group}": the same cash would be paid twice (${words(read.chain)})`,
            hint: `each group's collections belong to one section's source; section ${first.section} draws on them through ${words(first.chain)}`,
          },
          [{ message: `section ${first.section} draws on group "${group}" here`, location: first.loc }],
        ),
      );
    }
  }
  const paying = view.sections.some((s) => s.section.source);
  if (paying)
    for (const g of view.groups.values())
      if (!owner.has(g.name))
        out.push(
          diag("PA2018", g.nameLoc, {
            message: `no section distributes the collections of group "${g.name}": its interest and principal would never be paid out`,
            hint: `name them in a section's source, e.g. \`definition "${g.name} Available Distribution Amount" means interest collections of group "${g.name}" plus …\``,
          }),
        );
  return out;
}
