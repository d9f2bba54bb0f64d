/**
 * Typed ids of the resolved deal model (src/model/). An id is the provision's own name or number
 * as the agreement writes it ("Group I Excess Cash Flow", "4.02(c)(xii)", "A-I-1"), branded by
 * kind, so a clause id cannot be passed where a term id is expected and a resolved id can only be
 * made by the model's lowering, which has checked that the thing exists. Ids serialise as the
 * plain strings readers know. A VersionId is an index into `DealModel.versions`.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A defined term, by its name ("Group I Excess Cash Flow"). */
export type TermId = Brand<string, "TermId">;
/** A waterfall clause, by its full number ("4.02(c)(xii)"). */
export type ClauseId = Brand<string, "ClauseId">;
/** A waterfall section, by its number ("4.02(c)"). */
export type SectionId = Brand<string, "SectionId">;
/** A certificate class, by its name ("A-I-1"). */
export type ClassId = Brand<string, "ClassId">;
/** A loan group, by its name ("Group I"). */
export type GroupId = Brand<string, "GroupId">;
/** A market index, by its name ("One-Month LIBOR"). */
export type IndexId = Brand<string, "IndexId">;
/** A text provision, by its number ("11.01(a)(vi)"). */
export type ProvisionId = Brand<string, "ProvisionId">;
/** An instrument: 0 for the base agreement, then each amendment in date order. */
export type InstrumentId = Brand<number, "InstrumentId">;
/** One version of one provision: an index into `DealModel.versions`. */
export type VersionId = Brand<number, "VersionId">;

/** Brands a name that lowering has resolved. Only `src/model/` should call these. */
export const ids = {
  term: (s: string) => s as TermId,
  clause: (s: string) => s as ClauseId,
  section: (s: string) => s as SectionId,
  class: (s: string) => s as ClassId,
  group: (s: string) => s as GroupId,
  index: (s: string) => s as IndexId,
  provision: (s: string) => s as ProvisionId,
  instrument: (n: number) => n as InstrumentId,
  version: (n: number) => n as VersionId,
};
