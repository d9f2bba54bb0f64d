/**
 * Boxed text tables, as the table report prints them: a rule above and below, a column rule
 * between cells, one space of padding each side, each column as wide as its widest cell, cells
 * aligned left or right. Linear in the number of cells (the report of a deal with a thousand
 * clauses prints in the time it takes to join the strings).
 */

/** How a column aligns its cells, the header's included. */
export type Align = "left" | "right";

/** A table's header, rows and column alignments; every row has one cell per header. */
export interface Box {
  head: readonly string[];
  rows: readonly (readonly string[])[];
  align: readonly Align[];
}

/** Display width of a cell: its code points (the report's cells hold no wide or combining characters). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The table as lines joined by "\n" (no trailing newline). */
export function renderBox(t: Box): string {
  const widths = t.head.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ""))));
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const line = (cells: readonly string[]) =>
    "│" +
    widths
      .map((w, i) => {
        const c = cells[i] ?? "";
        const pad = " ".repeat(w - width(c));
        return " " + (t.align[i] === "right" ? pad + c : c + pad) + " ";
      })
      .join("│") +
    "│";
  return [rule("┌", "┬", "┐"), line(t.head), ...t.rows.map(line), rule("└", "┴", "┘")].join("\n");
}
