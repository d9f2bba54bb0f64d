/**
 * Words for references, in one place: every report (table, JSON, HTML, `explain`) says what a
 * trace input read, what unit it has, and which version of a provision was in force, through
 * these functions. Nothing turns the words back into data: reports that need the thing itself read
 * the reference.
 */
import type { VersionId } from "../core/ids.ts";
import type { Unit } from "../core/vocabulary.ts";
import type { Ref } from "../model/refs.ts";
import type { DealModel, Version } from "../model/types.ts";

/** The kind of a trace input as the JSON report names it (docs/output.md). */
export type InputKind = "term" | "prior" | "collateral" | "clause" | "class" | "index" | "calendar";

/** The JSON kind of a reference. */
export function inputKind(r: Ref): InputKind {
  switch (r.kind) {
    case "term":
    case "prior":
    case "index":
    case "collateral":
      return r.kind;
    case "available":
    case "paid":
      return "clause";
    case "classField":
      return "class";
    case "dateNumber":
    case "distributionDate":
    case "dayCountFraction":
      return "calendar";
  }
}

/** What a reference reads, as a reader would say it: `"Group I Excess Cash Flow"`, `available at 4.02(c)(xii)`. */
export function describeRef(r: Ref): string {
  switch (r.kind) {
    case "term":
      return `"${r.term}"`;
    case "prior":
      return `prior "${r.term}"${r.initially ? " (initially)" : ""}`;
    case "index":
      return `index "${r.index}"`;
    case "collateral":
      return `${r.field} of group "${r.group}"`;
    case "available":
    case "paid":
      return `${r.kind} at ${r.clause}`;
    case "classField":
      return `${r.field} of ${r.classes.length === 1 ? "class" : "classes"} ${r.classes.join(", ")}`;
    case "dateNumber":
      return "Distribution Date number";
    case "distributionDate":
      return `Distribution Date ${r.date}`;
    case "dayCountFraction":
      return `day count fraction ${r.convention}`;
  }
}

/** The unit of the value a reference reads. */
export function refUnit(model: DealModel, r: Ref): Unit {
  switch (r.kind) {
    case "term":
    case "prior":
      return model.terms.get(r.term)?.unit ?? "Money";
    case "index":
      return "Rate";
    case "collateral":
      return r.field === "net mortgage rate" ? "Rate" : "Money";
    case "available":
    case "paid":
    case "classField":
      return "Money";
    case "dateNumber":
    case "distributionDate":
      return "Count";
    case "dayCountFraction":
      return "Fraction";
  }
}

/** A version's instrument title. */
export function instrumentTitle(model: DealModel, v: Version): string {
  return model.instruments[v.instrument]!.title;
}

/** A version as reports label it: "Agreement", or "Amendment Number One, item 2". */
export function versionLabel(model: DealModel, id: VersionId): string {
  const v = model.versions[id]!;
  return v.item === undefined ? "Agreement" : `${instrumentTitle(model, v)}, item ${v.item}`;
}

/** A version as a reader names it in full: "Amendment Number One, item 2, effective 2002-05-24". */
export function versionWords(model: DealModel, id: VersionId): string {
  const v = model.versions[id]!;
  return `${versionLabel(model, id)}${v.effective ? `, effective ${v.effective}` : ""}`;
}

/** The wording that governs a view: "Agreement", or "Agreement as amended by Amendment Number One". */
export function viewWords(model: DealModel, view: number): string {
  const v = model.views[view]!;
  if (v.asOf === undefined) return "Agreement";
  const titles = v.instruments.filter((i) => i !== 0).map((i) => model.instruments[i]!.title);
  return `Agreement as amended by ${titles.join(", ")}`;
}

/** The amendments of a deal, in date order, as the JSON report lists them. */
export function amendmentList(model: DealModel): { title: string; dated: string }[] {
  return model.instruments.filter((i) => i.kind === "amendment").map((i) => ({ title: i.title, dated: i.dated! }));
}
