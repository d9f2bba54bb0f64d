/**
 * An agreement as it reads on one date: the provisions in force, each with the version that put
 * it there. The base agreement is one view; the amend stage produces one view per effective date.
 * Checks and the engine both work on views.
 */
import type { SourceLocation } from "../core/diagnostics.ts";
import type {
  Agreement,
  ClassDecl,
  Clause,
  Definition,
  IndexDecl,
  LoanGroup,
  Section,
  TextProvision,
  Calendar,
} from "../syntax/ast.ts";

/** Which instrument (and item) a provision's current wording comes from. */
export interface VersionLabel {
  /** "Agreement" or "Amendment Number One, item 3": the form reports print. */
  label: string;
  /** The instrument's title. */
  instrument: string;
  /** The amendment item number, absent for the base agreement. */
  item?: number;
  /** First date (YYYY-MM-DD) this wording governs; absent for the base agreement (from the start). */
  effective?: string;
  /** Where the wording is written. */
  loc: SourceLocation;
}

/** A provision together with its version. */
export interface Sourced<T> {
  node: T;
  version: VersionLabel;
}

/** A waterfall section with the clauses in force, in order. */
export interface SectionView {
  section: Section;
  clauses: Sourced<Clause>[];
}

/** The agreement as in force on one date. */
export interface AgreementView {
  agreement: Agreement;
  /** The date from which this view governs (undefined: from the start). */
  asOf?: string;
  calendar?: Calendar;
  indexes: Map<string, IndexDecl>;
  groups: Map<string, LoanGroup>;
  classes: Map<string, ClassDecl>;
  definitions: Map<string, Sourced<Definition>>;
  sections: SectionView[];
  provisions: Map<string, Sourced<TextProvision>>;
}

/** The version label of the base agreement's own wording. */
export function baseVersion(agreement: Agreement, loc: SourceLocation): VersionLabel {
  return { label: "Agreement", instrument: agreement.title, loc };
}

/**
 * The base agreement as a view. Duplicate names keep the first declaration (checks report the rest).
 */
export function baseView(agreement: Agreement): AgreementView {
  const view: AgreementView = {
    agreement,
    indexes: new Map(),
    groups: new Map(),
    classes: new Map(),
    definitions: new Map(),
    sections: [],
    provisions: new Map(),
  };
  for (const d of agreement.declarations) {
    switch (d.kind) {
      case "calendar":
        view.calendar ??= d;
        break;
      case "index":
        if (!view.indexes.has(d.name)) view.indexes.set(d.name, d);
        break;
      case "group":
        if (!view.groups.has(d.name)) view.groups.set(d.name, d);
        break;
      case "class":
        if (!view.classes.has(d.name)) view.classes.set(d.name, d);
        break;
      case "definition":
        if (!view.definitions.has(d.name))
          view.definitions.set(d.name, { node: d, version: baseVersion(agreement, d.loc) });
        break;
      case "section":
        view.sections.push({
          section: d,
          clauses: d.clauses.map((c) => ({ node: c, version: baseVersion(agreement, c.loc) })),
        });
        break;
      case "provision":
        if (!view.provisions.has(d.id)) view.provisions.set(d.id, { node: d, version: baseVersion(agreement, d.loc) });
        break;
    }
  }
  return view;
}

/** Finds a clause in force by its full id ("4.02(c)(xii)"): its section, position and version. */
export function findClause(view: AgreementView, id: string): { section: SectionView; index: number } | undefined {
  for (const s of view.sections) {
    if (!id.startsWith(s.section.id)) continue;
    const index = s.clauses.findIndex((c) => c.node.id === id);
    if (index >= 0) return { section: s, index };
  }
  return undefined;
}

/** All clause ids in force, in order. */
export function clauseIds(view: AgreementView): string[] {
  return view.sections.flatMap((s) => s.clauses.map((c) => c.node.id));
}
