/**
 * A small document algebra and line-fitting printer in the manner of Wadler's "prettier printer"
 * (and Prettier's doc builders), so the formatter needs no Prettier at run time.
 *
 * A Doc is text, a list of Docs, or a command: `group` (print flat if it fits, else break its own
 * lines), `indent` (two more spaces for lines inside), `line` (a space when flat, a newline when
 * broken), `hardline` (always a newline; breaks every enclosing group), `fill` (break a separator
 * only where the next part does not fit), `lineSuffix` (text deferred to the end of the line: a
 * trailing comment; text that would follow it on the same line starts a new line instead),
 * `newlineIfNeeded` and `blankLine` (start a fresh line, or a fresh line after
 * an empty one, unless the output already does: idempotent, so two of them never stack).
 */

/** A document to lay out. */
export type Doc = string | Doc[] | DocCommand;

/** The commands of the algebra (see the module comment). */
export type DocCommand =
  | { t: "group"; contents: Doc; broken: boolean }
  | { t: "indent"; contents: Doc }
  | { t: "line"; hard: boolean }
  | { t: "fill"; parts: Doc[] }
  | { t: "lineSuffix"; text: string }
  | { t: "breakParent" }
  | { t: "newlineIfNeeded" }
  | { t: "blankLine" };

/** Print `contents` on one line if it fits in the remaining width, else break its lines. */
export const group = (contents: Doc): Doc => ({ t: "group", contents, broken: false });
/** Lines inside `contents` are indented two more spaces. */
export const indent = (contents: Doc): Doc => ({ t: "indent", contents });
/** A space, or a newline when the enclosing group is broken. */
export const line: Doc = { t: "line", hard: false };
/** Always a newline; forces every enclosing group to break. */
export const hardline: Doc = { t: "line", hard: true };
/** Forces every enclosing group to break (for comments that need a line of their own). */
export const breakParent: Doc = { t: "breakParent" };
/** `parts` alternates contents and separators (`line`s); a separator breaks only if the next content does not fit. */
export const fill = (parts: Doc[]): Doc => ({ t: "fill", parts });
/** Text printed at the end of the current line, just before the next newline (a trailing `//` comment). */
export const lineSuffix = (text: string): Doc => ({ t: "lineSuffix", text });
/** A newline unless the current line is still empty. */
export const newlineIfNeeded: Doc = { t: "newlineIfNeeded" };
/** Ends the current line and leaves one empty line, unless the output already ends that way (or is empty). */
export const blankLine: Doc = { t: "blankLine" };

/**
 * Marks every group that contains a hard line (directly or in a nested group) as broken, so the
 * printer never tries to lay it out flat. Returns whether `doc` contains a forced break.
 */
export function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let any = false;
    for (const d of doc) if (propagateBreaks(d)) any = true;
    return any;
  }
  switch (doc.t) {
    case "group": {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.broken = true;
      return doc.broken;
    }
    case "indent":
      return propagateBreaks(doc.contents);
    case "fill": {
      let any = false;
      for (const d of doc.parts) if (propagateBreaks(d)) any = true;
      return any;
    }
    case "line":
      return doc.hard;
    case "breakParent":
    case "newlineIfNeeded":
    case "blankLine":
      return doc.t !== "newlineIfNeeded";
    case "lineSuffix":
      return false;
  }
}

type Mode = "flat" | "break";
interface Cmd {
  ind: number;
  mode: Mode;
  doc: Doc;
}

/** Width of `text` up to its first newline, and whether it has one. */
function firstLine(text: string): { width: number; multiline: boolean } {
  const nl = text.indexOf("\n");
  return nl < 0 ? { width: text.length, multiline: false } : { width: nl, multiline: true };
}

/**
 * Whether `next`, followed by `rest` (the commands still to print, last = next to run), fits in
 * `width` columns up to the first line break. With `mustBeFlat`, a broken group does not fit.
 */
function fits(next: Cmd, rest: Cmd[], width: number, mustBeFlat: boolean): boolean {
  const cmds: Cmd[] = [next];
  let restIdx = rest.length;
  while (width >= 0) {
    let cmd = cmds.pop();
    if (!cmd) {
      if (restIdx === 0) return true;
      cmd = rest[--restIdx]!;
    }
    const { ind, mode, doc } = cmd;
    if (typeof doc === "string") {
      const fl = firstLine(doc);
      width -= fl.width;
      if (fl.multiline) return width >= 0;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc[i]! });
      continue;
    }
    switch (doc.t) {
      case "group": {
        if (mustBeFlat && doc.broken) return false;
        cmds.push({ ind, mode: doc.broken ? "break" : mode, doc: doc.contents });
        break;
      }
      case "indent":
        cmds.push({ ind: ind + 2, mode, doc: doc.contents });
        break;
      case "fill":
        for (let i = doc.parts.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc.parts[i]! });
        break;
      case "line":
        if (mode === "break" || doc.hard) return true;
        width -= 1;
        break;
      case "newlineIfNeeded":
      case "blankLine":
        return true;
      case "lineSuffix":
      case "breakParent":
        break;
    }
  }
  return false;
}

/**
 * Lays `doc` out in `width` columns and returns the text. Lines carry no trailing blanks (the
 * printer's own spaces are trimmed before each newline; text inside a Doc string is never changed).
 */
export function printDoc(doc: Doc, width: number): string {
  propagateBreaks(doc);
  const out: string[] = [];
  let pos = 0; // column on the current line
  let lineHasContent = false; // anything but indentation on the current line
  let lastLineEmpty = true; // the previous line was empty (or nothing printed yet)
  let started = false; // anything printed at all
  let suffixes: string[] = [];
  const cmds: Cmd[] = [{ ind: 0, mode: "break", doc }];

  const write = (text: string, ind: number) => {
    if (text === "") return;
    // A `//` comment is waiting for the end of the line: nothing more may go on this line.
    if (suffixes.length > 0 && text.trim() !== "") newline(ind);
    out.push(text);
    started = true;
    const nl = text.lastIndexOf("\n");
    if (nl >= 0) {
      pos = text.length - nl - 1;
      lastLineEmpty = false;
    } else pos += text.length;
    if (text.trim() !== "") lineHasContent = true;
  };
  const trimEnd = () => {
    while (out.length > 0) {
      const last = out[out.length - 1]!;
      const trimmed = last.replace(/[ \t]+$/, "");
      if (trimmed === last) return;
      if (trimmed === "") out.pop();
      else {
        out[out.length - 1] = trimmed;
        return;
      }
    }
  };
  function newline(ind: number) {
    if (suffixes.length > 0) {
      const text = suffixes.join("");
      suffixes = [];
      write(text, ind);
    }
    trimEnd();
    lastLineEmpty = !lineHasContent;
    out.push("\n" + " ".repeat(ind));
    started = true;
    pos = ind;
    lineHasContent = false;
  }

  while (cmds.length > 0) {
    const cmd = cmds.pop()!;
    const { ind, mode, doc: d } = cmd;
    if (typeof d === "string") {
      write(d, ind);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: d[i]! });
      continue;
    }
    switch (d.t) {
      case "group": {
        if (mode === "flat" && !d.broken) {
          cmds.push({ ind, mode: "flat", doc: d.contents });
          break;
        }
        const flat: Cmd = { ind, mode: "flat", doc: d.contents };
        if (!d.broken && fits(flat, cmds, width - pos, false)) cmds.push(flat);
        else cmds.push({ ind, mode: "break", doc: d.contents });
        break;
      }
      case "indent":
        cmds.push({ ind: ind + 2, mode, doc: d.contents });
        break;
      case "line":
        if (mode === "flat" && !d.hard) write(" ", ind);
        else newline(ind);
        break;
      case "newlineIfNeeded":
        if (lineHasContent) newline(ind);
        break;
      case "blankLine":
        if (!started) break;
        if (lineHasContent) newline(ind);
        if (!lastLineEmpty) newline(ind);
        break;
      case "lineSuffix":
        // Two comments never share a line (the second would become part of the first).
        if (suffixes.length > 0) newline(ind);
        suffixes.push(d.text);
        break;
      case "breakParent":
        break;
      case "fill":
        printFill(cmd, d.parts, width - pos, cmds);
        break;
    }
  }
  if (suffixes.length > 0) {
    const text = suffixes.join("");
    suffixes = [];
    write(text, 0);
  }
  trimEnd();
  return out.join("");
}

/** Prettier's fill: content, separator, content… each separator breaks only if the next content does not fit. */
function printFill(cmd: Cmd, parts: Doc[], rem: number, cmds: Cmd[]): void {
  const { ind, mode } = cmd;
  if (parts.length === 0) return;
  const content = parts[0]!;
  const contentFlat: Cmd = { ind, mode: "flat", doc: content };
  const contentBreak: Cmd = { ind, mode: "break", doc: content };
  const contentFits = fits(contentFlat, [], rem, true);
  if (parts.length === 1) {
    cmds.push(contentFits ? contentFlat : contentBreak);
    return;
  }
  const sep = parts[1]!;
  const sepFlat: Cmd = { ind, mode: "flat", doc: sep };
  const sepBreak: Cmd = { ind, mode: "break", doc: sep };
  if (parts.length === 2) {
    if (contentFits) cmds.push(sepFlat, contentFlat);
    else cmds.push(sepBreak, contentBreak);
    return;
  }
  const rest: Cmd = { ind, mode, doc: fill(parts.slice(2)) };
  const second = parts[2]!;
  const pairFits = fits({ ind, mode: "flat", doc: [content, sep, second] }, [], rem, true);
  if (pairFits) cmds.push(rest, sepFlat, contentFlat);
  else if (contentFits) cmds.push(rest, sepBreak, contentFlat);
  else cmds.push(rest, sepBreak, contentBreak);
}
