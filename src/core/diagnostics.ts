/**
 * Every message pacta shows a user, in one catalogue (like the TypeScript compiler's message
 * table): a stable code, a severity and a wording with {placeholders}. Stages create diagnostics
 * through `diag(code, location, args)`; nothing else builds user-facing error text.
 */

/** A position in a source file: 1-based line and column, 0-based offsets [start, end). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  startOffset?: number;
  endOffset?: number;
}

/** Error stops the job; warning is reported and the job goes on. */
export type Severity = "error" | "warning";

/** A located, coded message with an optional hint. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  location: SourceLocation;
  /** Further locations that belong to the message (e.g. the other operand, the other item). */
  related?: { message: string; location: SourceLocation }[];
}

interface Entry {
  severity: Severity;
  text: string;
  hint?: string;
}

/** The catalogue. Codes: PA1xxx syntax, PA2xxx semantics, PA3xxx amendments, PA4xxx evaluation, PA5xxx inputs. */
export const MESSAGES = {
  // syntax
  PA1001: { severity: "error", text: "unexpected character {char}", hint: "remove it, or put it inside a quoted text" },
  PA1002: { severity: "error", text: "{message}", hint: "{hint}" },
  PA1003: { severity: "error", text: "unterminated quoted text", hint: 'close the text with a double quote (")' },
  PA1004: {
    severity: "error",
    text: "cannot read file {file}: {reason}",
    hint: "check that the file exists and is readable, and save it as UTF-8 text (editors call it 'UTF-8', without BOM)",
  },
  PA1005: {
    severity: "error",
    text: "{what} is not a valid {kind}: {reason}",
    hint: "write dates as YYYY-MM-DD, e.g. 2002-05-24",
  },
  // semantics
  PA2001: { severity: "error", text: 'unknown defined term "{name}"', hint: "{hint}" },
  PA2002: { severity: "error", text: "unknown class {name}", hint: "{hint}" },
  PA2003: { severity: "error", text: 'unknown loan group "{name}"', hint: "{hint}" },
  PA2004: { severity: "error", text: "unknown provision {name}", hint: "{hint}" },
  PA2005: {
    severity: "error",
    text: 'defined term "{name}" is defined twice',
    hint: "keep one definition; an amendment replaces a definition with `replace definition`",
  },
  PA2006: { severity: "error", text: "{what} {name} is declared twice", hint: "each {what} needs its own name" },
  PA2007: {
    severity: "error",
    text: "these provisions depend on each other in a cycle: {chain}",
    hint: "a definition or clause cannot depend, directly or through others, on its own value for the same Distribution Date; use `prior` for last date's value, or read the provision another way",
  },
  PA2008: { severity: "error", text: "{message}", hint: "{hint}" },
  PA2009: { severity: "error", text: 'unknown index "{name}"', hint: "{hint}" },
  PA2010: {
    severity: "warning",
    text: 'defined term "{name}" is never used',
    hint: "remove it, or refer to it from a clause or another definition",
  },
  PA2011: {
    severity: "warning",
    text: "clause {name} can never pay: {reason}",
    hint: "check the condition's Distribution Date number",
  },
  PA2012: { severity: "error", text: "unit mismatch: {message}", hint: "{hint}" },
  PA2015: { severity: "warning", text: "{message}", hint: "{hint}" },
  PA2014: {
    severity: "warning",
    text: "clause {name} pays an amount without saying `as principal` or `as interest`: it reduces no balance and is reported as another distribution",
    hint: "add `as principal` (reduces the Certificate Principal Balance) or `as interest`",
  },
  PA2013: {
    severity: "error",
    text: "class {name} belongs to {actual}, not to {expected}",
    hint: "a section pays the classes of its own loan group unless the clause names the other group's classes on purpose",
  },
  PA2016: {
    severity: "error",
    text: "class {name} is listed twice among the recipients of clause {clause}",
    hint: "name each class once; a class listed twice would be paid, or written down, twice",
  },
  PA2017: { severity: "error", text: "{message}", hint: "{hint}" },
  PA2018: { severity: "error", text: "{message}", hint: "{hint}" },
  PA2019: { severity: "error", text: "{message}", hint: "{hint}" },
  // amendments
  PA3001: {
    severity: "error",
    text: "amendment item {item}: {target} does not exist in the agreement",
    hint: "{hint}",
  },
  PA3002: {
    severity: "error",
    text: 'amendment "{title}" amends "{target}", but the agreement is "{actual}"',
    hint: "the `to` line must name the agreement's title exactly",
  },
  PA3003: {
    severity: "error",
    text: "amendment items {first} and {second} both change {target}",
    hint: "an instrument changes each provision once; merge the two items",
  },
  PA3004: { severity: "error", text: "amendment item {item} is rejected: {reason}", hint: "{hint}" },
  PA3005: {
    severity: "error",
    text: "amendment item {item}: {target} already exists",
    hint: "use `replace` to change an existing provision",
  },
  PA3006: { severity: "warning", text: "{message}", hint: "{hint}" },
  PA3007: {
    severity: "error",
    text: 'amendment "{title}" dated {dated} is supplied twice: {file} and {other}',
    hint: "keep one copy of each instrument in the deal directory",
  },
  // evaluation
  PA4001: {
    severity: "error",
    text: "cycle while evaluating Distribution Date {period}: {chain}",
    hint: "a waterfall clause depends on an amount that is only known after that clause runs; break the chain with another reading of the provision",
  },
  PA4002: { severity: "error", text: "{message}", hint: "{hint}" },
  // inputs
  PA5001: { severity: "error", text: "{message}", hint: "{hint}" },
  PA5003: {
    severity: "error",
    text: "{file} holds a second agreement; {other} holds the first",
    hint: "a deal has one agreement: move the other deal's files to their own directory",
  },
  PA5002: {
    severity: "error",
    text: "no deal found in {dir}",
    hint: "a deal directory holds the agreement's .pacta file (e.g. agreement.pacta) and its amendments' (e.g. amendment-1.pacta)",
  },
} as const satisfies Record<string, Entry>;

/** A code from the catalogue. */
export type Code = keyof typeof MESSAGES;

function fill(text: string, args: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in args ? String(args[k]) : `{${k}}`));
}

/**
 * Builds a diagnostic from the catalogue: `code`'s wording filled with `args`, at `location`.
 * A hint whose placeholders are all empty is dropped.
 */
export function diag(
  code: Code,
  location: SourceLocation,
  args: Record<string, string | number> = {},
  related?: Diagnostic["related"],
): Diagnostic {
  const e: Entry = MESSAGES[code];
  const hint = e.hint ? fill(e.hint, args).trim() : undefined;
  return {
    code,
    severity: e.severity,
    message: fill(e.text, args),
    ...(hint && !/^\{\w+\}$/.test(hint) ? { hint } : {}),
    location,
    ...(related && related.length ? { related } : {}),
  };
}

/** An error carrying diagnostics, thrown across stage boundaries and caught by the CLI (never shown as a stack). */
export class PactaError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
    this.name = "PactaError";
  }
}

/** True if any diagnostic is an error. */
export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/**
 * Formats a diagnostic as `file:line:column: error PA2001: message`, then, when `source` is
 * given, the source line with a caret under the span, then `hint: …`.
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const { line, column } = d.location;
  const file = safe(d.location.file);
  const out = [`${file}:${line}:${column}: ${d.severity} ${d.code}: ${safe(d.message)}`];
  if (source !== undefined) {
    // Lines end at LF, CRLF or a lone CR, as the lexer counts them.
    const text = source.split(/\r\n|\r|\n/)[line - 1];
    if (text !== undefined) {
      const width =
        d.location.endLine === line && d.location.endColumn !== undefined
          ? Math.max(1, d.location.endColumn - column + 1)
          : 1;
      const before = safe(text.slice(0, Math.max(0, column - 1)));
      const under = safe(text.slice(Math.max(0, column - 1), Math.max(0, column - 1) + width));
      out.push(`  ${line} | ${safe(text)}`);
      out.push(
        `  ${" ".repeat(String(line).length)} | ${" ".repeat([...before].length)}${"^".repeat(Math.max(1, [...under].length))}`,
      );
    }
  }
  for (const r of d.related ?? []) {
    out.push(`  ${safe(r.location.file)}:${r.location.line}:${r.location.column}: ${safe(r.message)}`);
  }
  if (d.hint) out.push(`  hint: ${safe(d.hint)}`);
  return out.join("\n");
}

/**
 * Text from a user's file made safe for a terminal: control characters (C0 but tab, DEL, C1, and
 * the bidirectional overrides) are written as escapes (`\x1B`, `\u202E`), so a file cannot set
 * the terminal's title, clear the screen or fake a line of output through a diagnostic.
 */
export function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${n.toString(16).toUpperCase()}`;
  });
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const prev = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    let diagPrev = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= n; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagPrev + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagPrev = tmp;
    }
  }
  return prev[n]!;
}

/** The closest of `candidates` to `name` (case-insensitive), if close enough to suggest. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const quarter = (name.length - (name.length % 4)) / 4; // a count of characters, not money
  return best !== undefined && bestD <= Math.max(2, quarter) ? best : undefined;
}

/** "did you mean X?" or a fallback hint. */
export function didYouMean(name: string, candidates: Iterable<string>, fallback: string, quote = '"'): string {
  const c = closest(name, candidates);
  return c ? `did you mean ${quote}${c}${quote}?` : fallback;
}
