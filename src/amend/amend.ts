/**
 * The amend stage: applies amendment instruments, as patches, to a base agreement. The result
 * keeps every provision's history and one view of the agreement per effective date, so the
 * engine can evaluate each Distribution Date under the wording in force on that date.
 *
 * A patch that names a missing provision, or that leaves the agreement failing its checks, is
 * rejected whole: no view is produced and the diagnostics name the item.
 */
import { diag, didYouMean, hasErrors, type Diagnostic } from "../core/diagnostics.ts";
import type { Agreement, Amendment, AmendmentItem, Clause, Definition, TextProvision } from "../syntax/ast.ts";
import { check, checkDeclarations } from "../semantics/check.ts";
import type { Unit } from "../semantics/units.ts";
import { baseView, clauseIds, findClause, type AgreementView, type VersionLabel } from "../semantics/view.ts";

/** One version of a provision: the wording (absent once deleted) and where it comes from. */
export interface ProvisionVersion {
  change: "original" | "replaced" | "inserted" | "deleted";
  version: VersionLabel;
  node?: Definition | Clause | TextProvision;
}

/** An agreement with its amendments applied. */
export interface VersionedAgreement {
  base: Agreement;
  amendments: Amendment[];
  /** Views in date order: the base agreement first (asOf undefined), then one per effective date. */
  views: AgreementView[];
  /** History of each amended provision, keyed `definition:Name`, `clause:4.02(d)(xiii)`, `provision:11.01(a)(vi)`. */
  history: Map<string, ProvisionVersion[]>;
  /** Unit of every defined term (from the last view's check). */
  units: Map<string, Unit>;
}

/** What `amend` returns: the versioned agreement when nothing was rejected, and all diagnostics (warnings included). */
export interface AmendResult {
  versioned?: VersionedAgreement;
  diagnostics: Diagnostic[];
}

interface Event {
  effective: string;
  amendment: Amendment;
  item: AmendmentItem;
}

function cloneView(v: AgreementView, asOf: string): AgreementView {
  return {
    ...v,
    asOf,
    definitions: new Map(v.definitions),
    provisions: new Map(v.provisions),
    sections: v.sections.map((s) => ({ section: s.section, clauses: s.clauses.slice() })),
  };
}

/** The view in force on `date` (YYYY-MM-DD): the last view whose effective date is on or before it. */
export function viewOn(va: VersionedAgreement, date: string): AgreementView {
  let out = va.views[0]!;
  for (const v of va.views) if (v.asOf === undefined || v.asOf <= date) out = v;
  return out;
}

/**
 * Checks the base agreement, then applies `amendments` in the order of their dates.
 * Never throws on user input: problems come back as diagnostics.
 */
export function amend(base: Agreement, amendments: readonly Amendment[]): AmendResult {
  const diagnostics: Diagnostic[] = [...checkDeclarations(base)];
  const first = baseView(base);
  const baseCheck = check(first);
  diagnostics.push(...baseCheck.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const history = new Map<string, ProvisionVersion[]>();
  const record = (key: string, v: ProvisionVersion, original?: ProvisionVersion) => {
    let h = history.get(key);
    if (!h) history.set(key, (h = original ? [original] : []));
    h.push(v);
  };

  const ordered = [...amendments].sort((a, b) => a.dated.localeCompare(b.dated));
  const events: Event[] = [];
  for (const am of ordered) {
    if (am.to !== base.title) {
      diagnostics.push(diag("PA3002", am.toLoc, { title: am.title, target: am.to, actual: base.title }));
      continue;
    }
    if (base.datedAsOf && am.dated < base.datedAsOf)
      diagnostics.push(
        diag("PA3006", am.loc, {
          message: `"${am.title}" is dated ${am.dated}, before the agreement it amends (dated as of ${base.datedAsOf})`,
          hint: "check the amendment's date",
        }),
      );
    if (am.pursuantTo && !first.provisions.has(am.pursuantTo))
      diagnostics.push(
        diag("PA3006", am.pursuantLoc ?? am.loc, {
          message: `"${am.title}" is made pursuant to Section ${am.pursuantTo}, which the agreement does not state`,
          hint: 'add the provision to the agreement (as `provision … text "…"`), or check its number',
        }),
      );
    for (const item of am.items)
      if (item.effective && item.effective < am.dated)
        diagnostics.push(
          diag("PA3006", item.numberLoc, {
            message: `item ${item.number} takes effect ${item.effective}, before the amendment's date ${am.dated}`,
            hint: "an amendment usually takes effect as of its date; check the date",
          }),
        );
    const byTarget = new Map<string, AmendmentItem>();
    const numbers = new Map<number, AmendmentItem>();
    for (const item of am.items) {
      const prevNum = numbers.get(item.number);
      if (prevNum)
        diagnostics.push(
          diag(
            "PA3004",
            item.numberLoc,
            {
              item: item.number,
              reason: `item ${item.number} appears twice`,
              hint: "number the items as in the signed instrument",
            },
            [{ message: "first here", location: prevNum.numberLoc }],
          ),
        );
      numbers.set(item.number, item);
      if (item.patch.kind === "statement") continue;
      const key = `${item.patch.kind.split(" ")[1]}:${item.target}`;
      const prev = byTarget.get(key);
      if (prev)
        diagnostics.push(
          diag("PA3003", item.targetLoc!, { first: prev.number, second: item.number, target: item.target! }, [
            { message: `item ${prev.number} changes it here`, location: prev.targetLoc! },
          ]),
        );
      byTarget.set(key, item);
      events.push({ effective: item.effective ?? am.dated, amendment: am, item });
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  // A later instrument whose change to a provision takes effect before an earlier instrument's
  // change to it: the earlier instrument's wording returns when its date comes. Say so.
  const byProvision = new Map<string, Event[]>();
  for (const ev of events) {
    const key = `${ev.item.patch.kind.split(" ")[1]}:${ev.item.target}`;
    byProvision.set(key, [...(byProvision.get(key) ?? []), ev]);
  }
  for (const evs of byProvision.values())
    for (let i = 1; i < evs.length; i++) {
      const [a, b] = [evs[i - 1]!, evs[i]!];
      if (b.amendment !== a.amendment && b.effective < a.effective)
        diagnostics.push(
          diag("PA3006", b.item.numberLoc, {
            message: `${b.amendment.title}, item ${b.item.number} changes ${b.item.target} effective ${b.effective}, before ${a.amendment.title}, item ${a.item.number} (an earlier instrument) changes it effective ${a.effective}; from ${a.effective} the earlier instrument's wording governs again`,
            hint: "check the effective dates: usually a later instrument's wording should govern from its effective date on",
          }),
        );
    }
  events.sort((a, b) => a.effective.localeCompare(b.effective));
  const views: AgreementView[] = [first];
  let units = baseCheck.units;
  for (let i = 0; i < events.length;) {
    const date = events[i]!.effective;
    const view = cloneView(views[views.length - 1]!, date);
    const errorsBefore = diagnostics.length;
    for (; i < events.length && events[i]!.effective === date; i++) applyEvent(view, events[i]!, diagnostics, record);
    if (diagnostics.length > errorsBefore) return { diagnostics };
    const res = check(view);
    const fresh = res.diagnostics.filter((d) => d.severity === "error" || d.location.file !== base.loc.file);
    if (hasErrors(fresh)) {
      const items = events.filter((e) => e.effective === date).map((e) => e.item);
      const first = items[0]!;
      diagnostics.push(
        diag("PA3004", first.numberLoc, {
          item: items.map((x) => x.number).join(", "),
          reason: `the agreement as amended effective ${date} fails its checks`,
          hint: "the other errors name what fails; the amendment is not applied",
        }),
        ...fresh,
      );
      return { diagnostics };
    }
    diagnostics.push(...fresh.filter((d) => !diagnostics.some((x) => x.code === d.code && x.message === d.message)));
    units = new Map([...units, ...res.units]);
    views.push(view);
  }
  return { versioned: { base, amendments: ordered, views, history, units }, diagnostics };
}

function applyEvent(
  view: AgreementView,
  ev: Event,
  out: Diagnostic[],
  record: (key: string, v: ProvisionVersion, original?: ProvisionVersion) => void,
): void {
  const { item, amendment } = ev;
  const version: VersionLabel = {
    label: `${amendment.title}, item ${item.number}`,
    instrument: amendment.title,
    item: item.number,
    effective: ev.effective,
    loc: item.loc,
  };
  const missing = (target: string, candidates: Iterable<string>, quote: string): void => {
    out.push(
      diag("PA3001", item.targetLoc ?? item.loc, {
        item: item.number,
        target,
        hint: didYouMean(
          target.replace(/^.*? /, "").replace(/"/g, ""),
          candidates,
          "check the provision's name or number against the agreement",
          quote,
        ),
      }),
    );
  };
  const p = item.patch;
  switch (p.kind) {
    case "statement":
      return;
    case "replace definition":
    case "delete definition": {
      const name = p.kind === "replace definition" ? p.definition.name : p.name;
      const cur = view.definitions.get(name);
      if (!cur) return missing(`definition "${name}"`, view.definitions.keys(), '"');
      const original: ProvisionVersion = { change: "original", version: cur.version, node: cur.node };
      if (p.kind === "replace definition") {
        view.definitions.set(name, { node: p.definition, version });
        record(`definition:${name}`, { change: "replaced", version, node: p.definition }, original);
      } else {
        view.definitions.delete(name);
        record(`definition:${name}`, { change: "deleted", version }, original);
      }
      return;
    }
    case "insert definition": {
      if (view.definitions.has(p.definition.name)) {
        out.push(diag("PA3005", item.targetLoc!, { item: item.number, target: `definition "${p.definition.name}"` }));
        return;
      }
      view.definitions.set(p.definition.name, { node: p.definition, version });
      record(`definition:${p.definition.name}`, { change: "inserted", version, node: p.definition });
      return;
    }
    case "replace clause":
    case "delete clause": {
      const id = p.kind === "replace clause" ? p.clause.id : p.id;
      const f = findClause(view, id);
      if (!f) return missing(`clause ${id}`, clauseIds(view), "");
      const cur = f.section.clauses[f.index]!;
      const original: ProvisionVersion = { change: "original", version: cur.version, node: cur.node };
      if (p.kind === "replace clause") {
        f.section.clauses[f.index] = { node: p.clause, version };
        record(`clause:${id}`, { change: "replaced", version, node: p.clause }, original);
      } else {
        f.section.clauses.splice(f.index, 1);
        record(`clause:${id}`, { change: "deleted", version }, original);
      }
      return;
    }
    case "insert clause": {
      if (findClause(view, p.clause.id)) {
        out.push(diag("PA3005", item.targetLoc!, { item: item.number, target: `clause ${p.clause.id}` }));
        return;
      }
      const f = findClause(view, p.anchor);
      if (!f) {
        out.push(
          diag("PA3001", p.anchorLoc, {
            item: item.number,
            target: `clause ${p.anchor}`,
            hint: didYouMean(p.anchor, clauseIds(view), `name an existing clause to insert ${p.position}`, ""),
          }),
        );
        return;
      }
      if (!p.clause.id.startsWith(f.section.section.id)) {
        out.push(
          diag("PA3004", item.targetLoc!, {
            item: item.number,
            reason: `clause ${p.clause.id} is not in section ${f.section.section.id}`,
            hint: `insert a clause ${p.position} another clause of its own section`,
          }),
        );
        return;
      }
      f.section.clauses.splice(p.position === "after" ? f.index + 1 : f.index, 0, { node: p.clause, version });
      record(`clause:${p.clause.id}`, { change: "inserted", version, node: p.clause });
      return;
    }
    case "replace provision": {
      const cur = view.provisions.get(p.provision.id);
      if (!cur) return missing(`provision ${p.provision.id}`, view.provisions.keys(), "");
      const original: ProvisionVersion = { change: "original", version: cur.version, node: cur.node };
      // The same node in the view and the history: one version, one object (the model keys versions by node).
      const node = { ...p.provision, title: p.provision.title ?? cur.node.title };
      view.provisions.set(p.provision.id, { node, version });
      record(`provision:${p.provision.id}`, { change: "replaced", version, node }, original);
      return;
    }
  }
}
