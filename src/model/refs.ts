/**
 * References to the figures a value was computed from: the inputs of the trace. A reference
 * names what was read by id (a term, a clause amount, a class figure, a collateral figure, an
 * index or a calendar fact); `report/describe.ts` turns it into words, once, for every report.
 */
import type { ClassId, ClauseId, GroupId, IndexId, TermId } from "../core/ids.ts";
import type { ClassField, CollateralField, DayCount, PerClassDue } from "../core/vocabulary.ts";

/** What a trace input read. */
export type Ref =
  | { kind: "term"; term: TermId }
  /** The term's value on the previous Distribution Date, or its stated first value (`initially`). */
  | { kind: "prior"; term: TermId; initially: boolean }
  | { kind: "index"; index: IndexId }
  | { kind: "collateral"; group: GroupId; field: CollateralField }
  /** What a section had on reaching the clause, or what the clause paid. */
  | { kind: "available" | "paid"; clause: ClauseId }
  /** A class figure summed over the classes (the amount a per-class clause is due, too). */
  | { kind: "classField"; field: ClassField | PerClassDue; classes: ClassId[] }
  | { kind: "dateNumber" }
  | { kind: "distributionDate"; date: string }
  | { kind: "dayCountFraction"; convention: DayCount };

/** A stable key of a reference: two reads of the same figure have the same key. */
export function refKey(r: Ref): string {
  switch (r.kind) {
    case "term":
      return `t|${r.term}`;
    case "prior":
      return `p|${r.term}|${r.initially}`;
    case "index":
      return `i|${r.index}`;
    case "collateral":
      return `c|${r.group}|${r.field}`;
    case "available":
    case "paid":
      return `${r.kind}|${r.clause}`;
    case "classField":
      return `k|${r.field}|${r.classes.join("\u0000")}`;
    case "dateNumber":
      return "n";
    case "distributionDate":
      return `d|${r.date}`;
    case "dayCountFraction":
      return `f|${r.convention}`;
  }
}
