/**
 * Source positions inside a CSV text: csv-parse reports where each record ends (in bytes); this
 * module turns that into the 1-based line and column of every field, by scanning the raw text of
 * the record the same way the parser does (comma delimiter, double-quote quoting).
 */

/** A 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
}

/** Positions of one record: where each field starts, and just past its last character. */
export interface RecordPositions {
  fields: Position[];
  end: Position;
}

/** Maps offsets of one text (character offsets, and UTF-8 byte offsets read in order) to positions. */
export class TextIndex {
  private readonly lineStarts: number[] = [0];
  private readonly bytes: Buffer;
  private byteCursor = 0;
  private charCursor = 0;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) this.lineStarts.push(i + 1);
    }
    this.bytes = Buffer.from(text, "utf8");
  }

  /** The line and column of character offset `offset`. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /**
   * The character offset of UTF-8 byte offset `byteOffset` (a record boundary). Calls must come in
   * non-decreasing order of `byteOffset` after the first (each continues from the previous one).
   */
  charOffsetOfByte(byteOffset: number): number {
    if (this.bytes.length === this.text.length) return byteOffset;
    if (byteOffset < this.byteCursor) {
      this.byteCursor = 0;
      this.charCursor = 0;
    }
    this.charCursor += this.bytes.subarray(this.byteCursor, byteOffset).toString("utf8").length;
    this.byteCursor = byteOffset;
    return this.charCursor;
  }

  /**
   * Positions of the fields of the record that starts at character offset `start`: a field starts
   * after the record start or a comma outside quotes; the record ends at a line break outside
   * quotes or at the end of the text.
   */
  recordAt(start: number): RecordPositions {
    const t = this.text;
    const fields: Position[] = [];
    let i = start;
    for (;;) {
      fields.push(this.position(i));
      if (t[i] === '"') {
        i++;
        while (i < t.length && !(t[i] === '"' && t[i + 1] !== '"')) i += t[i] === '"' ? 2 : 1;
        i++;
      }
      while (i < t.length && t[i] !== "," && t[i] !== "\n" && t[i] !== "\r") i++;
      if (t[i] !== ",") break;
      i++;
    }
    return { fields, end: this.position(i) };
  }
}

/**
 * Character offset, within `raw` (the text of a record), of the opening quote that is never
 * closed; undefined if every quote is closed.
 */
export function unclosedQuote(raw: string): number | undefined {
  let open: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (open !== undefined) {
      if (c === '"' && raw[i + 1] === '"') i++;
      else if (c === '"') open = undefined;
      continue;
    }
    if (c === '"' && fieldStart) open = i;
    fieldStart = c === "," || c === "\n" || c === "\r";
  }
  return open;
}
