/** The boxed table printer: layout and alignment (the table report's golden file holds the rest). */
import { describe, expect, it } from "vitest";
import { renderBox } from "../../src/report/box.ts";

describe("renderBox", () => {
  it("sizes each column to its widest cell, pads one space each side, aligns left or right", () => {
    const t = renderBox({
      head: ["Clause", "Paid"],
      align: ["left", "right"],
      rows: [
        ["(i)", "$1.00"],
        ["(xii)", "-"],
      ],
    });
    expect(t.split("\n")).toEqual([
      "┌────────┬───────┐",
      "│ Clause │  Paid │",
      "│ (i)    │ $1.00 │",
      "│ (xii)  │     - │",
      "└────────┴───────┘",
    ]);
  });
});
