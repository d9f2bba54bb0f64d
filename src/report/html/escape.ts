/**
 * Safe text and anchors for the HTML audit report: every string that reaches the page goes through
 * `esc`, and every anchor is an ASCII id from `Anchors`, so agreement text (quotes, `&`, `<`) can
 * neither break the markup nor a link.
 */

/** Escapes text for HTML element content (`&`, `<`, `>`; quotes stay as typed, legal text is full of them). */
export function esc(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/** Escapes text for a double- or single-quoted attribute value. */
export function attr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** A name as an id fragment: letters, digits and dots kept, anything else a hyphen ("4.02(c)(xii)" → "4.02-c-xii"). */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "x";
}

/**
 * Assigns each (namespace, name) one id fragment, distinct within the namespace: the `slug` of the
 * name, with "-2", "-3"… appended when two names slug alike ("A/B" and "A B"). Seed it with every
 * name in a stable order first, so the same name gets the same fragment whatever is rendered.
 */
export class Anchors {
  private readonly byName = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The fragment of `name` in namespace `ns` (e.g. "term", "clause"), assigned on first use. */
  of(ns: string, name: string): string {
    const key = `${ns}\u0000${name}`;
    const known = this.byName.get(key);
    if (known !== undefined) return known;
    const base = slug(name);
    let s = base;
    for (let k = 2; this.taken.has(`${ns}:${s}`); k++) s = `${base}-${k}`;
    this.taken.add(`${ns}:${s}`);
    this.byName.set(key, s);
    return s;
  }
}
