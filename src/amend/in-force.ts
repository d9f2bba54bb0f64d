/**
 * What of an amended agreement is in force on a date: which instruments, which versions of a
 * provision, and in what order a section's clauses stand across all its versions. Reports and the
 * engine ask these questions; the answers live here, next to the history they read.
 */
import type { Amendment } from "../syntax/ast.ts";
import type { ProvisionVersion, VersionedAgreement } from "./amend.ts";

/**
 * The amendments with at least one patch in force on `date` (YYYY-MM-DD), in date order; every
 * amendment when `date` is undefined. An instrument whose patches all take effect later is not in
 * force yet, even if it is already signed.
 */
export function amendmentsInForce(va: VersionedAgreement, date?: string): Amendment[] {
  return va.amendments.filter(
    (a) => !date || a.items.some((i) => i.patch.kind !== "statement" && (i.effective ?? a.dated) <= date),
  );
}

/**
 * The versions of the provision keyed `key` ("definition:Name", "clause:4.02(d)(xiii)",
 * "provision:11.01(a)(vi)") that have taken effect by `date` (all when undefined), oldest first;
 * empty for a provision no amendment touched. The last one governs on `date`.
 */
export function versionsOn(va: VersionedAgreement, key: string, date?: string): ProvisionVersion[] {
  return (va.history.get(key) ?? []).filter((x) => !date || !x.version.effective || x.version.effective <= date);
}

/**
 * Every clause id section `sectionId` has had in any version, in agreement order: the latest order,
 * with a clause only earlier versions had (a deleted one) placed after its nearest predecessor there.
 */
export function clauseOrder(va: VersionedAgreement, sectionId: string): string[] {
  const lists = va.views.map(
    (v) => v.sections.find((x) => x.section.id === sectionId)?.clauses.map((c) => c.node.id) ?? [],
  );
  const out = [...(lists[lists.length - 1] ?? [])];
  for (let k = lists.length - 2; k >= 0; k--) {
    const l = lists[k]!;
    l.forEach((id, i) => {
      if (out.includes(id)) return;
      let at = 0;
      for (let j = i - 1; j >= 0; j--) {
        const pos = out.indexOf(l[j]!);
        if (pos >= 0) {
          at = pos + 1;
          break;
        }
      }
      out.splice(at, 0, id);
    });
  }
  return out;
}
