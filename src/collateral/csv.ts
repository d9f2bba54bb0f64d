/**
 * Reader of actual remittance data: one row per loan group and Distribution Date (docs/collateral.md
 * gives the format). The whole file is checked before anything is returned: either every period
 * of every group, or a PactaError listing every problem found, each at its line and column.
 */
import { parse } from "csv-parse/sync";
import { PactaError, diag, didYouMean, type Diagnostic } from "../core/diagnostics.ts";
import { ZERO, formatMoney, sum, type Decimal, type Money } from "../core/money.ts";
import {
  INDEX_PREFIX,
  MONEY_COLUMNS,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
  readAmount,
  readPeriod,
  readRate,
  type Cell,
  type FixedColumn,
  type MoneyColumn,
} from "./csv-columns.ts";
import { TextIndex, unclosedQuote, type Position, type RecordPositions } from "./csv-locate.ts";
import type { CollateralPeriod, GroupCollections, PoolTerms } from "./types.ts";

type Report = (at: Position, message: string, hint: string) => void;

interface CsvRecord {
  fields: string[];
  pos: RecordPositions;
}

interface Header {
  width: number;
  /** Field index of each fixed column present. */
  fixed: Map<FixedColumn, number>;
  /** Field index of each index column, by index name. */
  indices: Map<string, number>;
}

interface Row {
  pos: RecordPositions;
  period: number;
  group: string;
  /** False when some amount or rate could not be read (the row still counts for period checks). */
  ok: boolean;
  amounts: Partial<Record<MoneyColumn, Money>>;
  netMortgageRate?: Decimal;
  index: Map<string, Decimal>;
}

const FIXED: readonly FixedColumn[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** Parses the text into records with their positions, or reports the syntax error. */
function readRecords(ix: TextIndex, report: Report): CsvRecord[] | undefined {
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(ix.text, {
      info: true,
      raw: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as typeof parsed;
  } catch (e) {
    const err = e as { code?: unknown; raw?: unknown; bytes_records?: unknown; lines?: unknown };
    if (typeof err.code !== "string" || (!err.code.startsWith("CSV_") && !err.code.startsWith("INVALID_"))) throw e;
    report(syntaxErrorPosition(ix, err), ...syntaxErrorText(err.code));
    return undefined;
  }
  const out: CsvRecord[] = [];
  let startByte = 0;
  for (const p of parsed) {
    const start = ix.charOffsetOfByte(startByte);
    startByte = p.info.bytes;
    if (p.record.every((f) => f.trim() === "")) continue; // blank line
    out.push({ fields: p.record, pos: ix.recordAt(start) });
  }
  return out;
}

function syntaxErrorText(code: string): [string, string] {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return ["this quoted field is never closed", 'add the closing double quote (")'];
    case "CSV_INVALID_CLOSING_QUOTE":
      return [
        "unexpected character after the closing quote of a field",
        'a quoted field ends at its closing quote; to put a quote inside it, double it ("")',
      ];
    case "INVALID_OPENING_QUOTE":
      return [
        "a double quote inside an unquoted field",
        'quote the whole field ("…"), doubling any quote inside it, or remove the quote',
      ];
    default:
      return [`the file is not valid CSV (${code})`, "check the quoting of this line"];
  }
}

function syntaxErrorPosition(
  ix: TextIndex,
  e: { code?: unknown; raw?: unknown; bytes_records?: unknown; lines?: unknown },
): Position {
  const raw = typeof e.raw === "string" ? e.raw : undefined;
  if (raw !== undefined && e.code === "CSV_QUOTE_NOT_CLOSED" && ix.text.endsWith(raw)) {
    const start = ix.text.length - raw.length;
    return ix.position(start + (unclosedQuote(raw) ?? 0));
  }
  if (raw !== undefined && typeof e.bytes_records === "number") {
    const start = ix.charOffsetOfByte(e.bytes_records);
    return ix.position(start + raw.length - (e.code === "INVALID_OPENING_QUOTE" ? 1 : 0));
  }
  return { line: typeof e.lines === "number" ? e.lines : 1, column: 1 };
}

function readHeader(rec: CsvRecord, report: Report, known?: readonly string[]): Header | undefined {
  const fixed = new Map<FixedColumn, number>();
  const indices = new Map<string, number>();
  let bad = false;
  rec.fields.forEach((raw, i) => {
    const name = raw.trim();
    const at = rec.pos.fields[i]!;
    const lower = name.toLowerCase();
    if (lower.startsWith(INDEX_PREFIX)) {
      const index = name.slice(INDEX_PREFIX.length).trim();
      if (index === "") {
        bad = true;
        report(at, "an index column has no index name", "write the index after the colon: index:One-Month LIBOR");
      } else if (known && !known.includes(index)) {
        // A misspelt index would otherwise be ignored, and the run would use the assumed value.
        bad = true;
        report(
          at,
          `the deal has no index "${index}"`,
          didYouMean(
            index,
            known,
            known.length
              ? `the deal's indexes are ${known.map((k) => `"${k}"`).join(", ")}`
              : "the deal declares no index",
          ),
        );
      } else if (indices.has(index)) {
        bad = true;
        report(at, `column "${name}" appears twice`, "keep one column per index");
      } else indices.set(index, i);
      return;
    }
    const col = FIXED.find((c) => c === lower);
    if (!col) {
      bad = true;
      const fallback = `the columns are ${FIXED.join(", ")}, and index:<index name>`;
      report(
        at,
        name === "" ? "a column has no name" : `unknown column "${name}"`,
        name === "" ? fallback : didYouMean(lower, FIXED, fallback),
      );
    } else if (fixed.has(col)) {
      bad = true;
      report(at, `column "${col}" appears twice`, "keep one of the two columns");
    } else fixed.set(col, i);
  });
  for (const col of REQUIRED_COLUMNS) {
    if (!fixed.has(col)) {
      bad = true;
      report(
        { line: rec.pos.fields[0]!.line, column: 1 },
        `the header has no "${col}" column`,
        `add it; every file needs ${REQUIRED_COLUMNS.join(", ")}`,
      );
    }
  }
  return bad ? undefined : { width: rec.fields.length, fixed, indices };
}

/**
 * Rows that could not be given a place (period, group): their group's periods are not checked,
 * since a missing period would only repeat the error already reported for that row.
 */
interface Unplaced {
  /** Groups with a row whose period could not be read. */
  groups: Set<string>;
  /** True once a row names no known group: then no group's periods are checked. */
  any: boolean;
}

/** Reads one data row; undefined when its period or group is unusable. */
function readRow(
  rec: CsvRecord,
  h: Header,
  groups: readonly string[],
  report: Report,
  unplaced: Unplaced,
): Row | undefined {
  const n = rec.fields.length;
  let ok = true;
  if (n !== h.width) {
    ok = false;
    const at = n > h.width ? rec.pos.fields[h.width]! : rec.pos.end;
    report(
      at,
      `this row has ${n} fields, the header has ${h.width}`,
      n > h.width
        ? 'remove the extra fields (an amount with thousands commas needs quotes: "1,234.56")'
        : "give every column of the header a value, even if empty",
    );
  }
  // with the wrong number of fields, only the period and group are read (when present), to place the row
  const cell = (col: FixedColumn | number) => {
    const i = typeof col === "number" ? col : h.fixed.get(col)!;
    return i < n ? { text: rec.fields[i]!, at: rec.pos.fields[i]! } : undefined;
  };
  const take = <T>(c: Cell<T>, at: Position): T | undefined => {
    if ("value" in c) return c.value;
    ok = false;
    report(at, ...c.error);
    return undefined;
  };
  const p = cell("period");
  const g = cell("group");
  const period = p ? take(readPeriod(p.text), p.at) : undefined;
  const group = g?.text.trim();
  if (group === undefined || !groups.includes(group)) {
    ok = false;
    unplaced.any = true;
    if (g && n === h.width) {
      report(
        g.at,
        group === "" ? "the group is empty" : `unknown loan group "${group}"`,
        didYouMean(group!, groups, `the loan groups are ${groups.map((x) => `"${x}"`).join(", ")}`),
      );
    }
    return undefined;
  }
  if (period === undefined) {
    unplaced.groups.add(group);
    return undefined;
  }
  const amounts: Row["amounts"] = {};
  let netMortgageRate: Decimal | undefined;
  const index = new Map<string, Decimal>();
  if (n === h.width) {
    for (const col of Object.keys(MONEY_COLUMNS) as MoneyColumn[]) {
      const c = h.fixed.has(col) ? cell(col) : undefined;
      if (!c) continue;
      const v = take(readAmount(c.text, col, (OPTIONAL_COLUMNS as readonly string[]).includes(col)), c.at);
      if (v) amounts[col] = v;
    }
    const r = cell("net_mortgage_rate")!;
    netMortgageRate = take(readRate(r.text, "net_mortgage_rate"), r.at);
    for (const [name, i] of h.indices) {
      const c = cell(i)!;
      if (c.text.trim() === "") continue;
      const v = take(readRate(c.text, `${INDEX_PREFIX}${name}`), c.at);
      if (v) index.set(name, v);
    }
  }
  return { pos: rec.pos, period, group, ok, amounts, ...(netMortgageRate ? { netMortgageRate } : {}), index };
}

function at(row: Row, h: Header, col: FixedColumn | number): Position {
  return row.pos.fields[typeof col === "number" ? col : h.fixed.get(col)!]!;
}

/**
 * Checks periods (no duplicate, none missing) and index values across rows. Returns the rows of
 * each group sorted by period, and the groups whose rows have a problem of their own.
 */
function checkPeriods(
  rows: Row[],
  pools: readonly PoolTerms[],
  h: Header,
  headerRec: CsvRecord,
  report: Report,
  unplaced: Unplaced,
): { byGroup: Map<string, Row[]>; broken: Set<string> } {
  const byGroup = new Map<string, Row[]>(pools.map((p) => [p.name, []]));
  const broken = new Set(rows.filter((r) => !r.ok).map((r) => r.group));
  const seen = new Map<string, Row>();
  for (const row of rows) {
    const key = `${row.group}\u0000${row.period}`;
    const first = seen.get(key);
    if (first) {
      report(
        at(row, h, "period"),
        `period ${row.period} of loan group "${row.group}" appears twice (first on line ${first.pos.fields[0]!.line})`,
        "keep one row per group and period",
      );
      broken.add(row.group);
      continue;
    }
    seen.set(key, row);
    byGroup.get(row.group)!.push(row);
  }
  const last = Math.max(0, ...rows.map((r) => r.period));
  for (const [group, list] of byGroup) {
    list.sort((a, b) => a.period - b.period);
    if (list.length === 0 || list.length < last || list.some((r, i) => r.period !== i + 1)) broken.add(group);
    if (unplaced.any || unplaced.groups.has(group)) {
      broken.add(group);
      continue;
    }
    if (list.length === 0) {
      report(
        headerRec.pos.fields[h.fixed.get("group")!]!,
        `no rows for loan group "${group}"`,
        `every loan group (${pools.map((p) => p.name).join(", ")}) needs a row for every period 1–${last}`,
      );
      continue;
    }
    const gap = list.findIndex((r, i) => r.period !== i + 1);
    if (gap >= 0) {
      report(
        at(list[gap]!, h, "period"),
        `loan group "${group}" has no row for period ${gap + 1}`,
        `periods run 1, 2, 3, … without gaps; this row is period ${list[gap]!.period}`,
      );
    } else if (list.length < last) {
      report(
        at(list[list.length - 1]!, h, "period"),
        `loan group "${group}" has no row for period ${list.length + 1}`,
        `the file runs to period ${last}; every group needs the same periods`,
      );
    }
  }
  const byPeriod = new Map<number, Row[]>();
  for (const row of seen.values()) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  for (const [name, i] of h.indices) {
    for (const [period, list] of byPeriod) {
      const given = list.filter((r) => r.index.has(name));
      if (given.length === 0 && list.every((r) => r.ok)) {
        report(
          at(list[0]!, h, i),
          `no value of index "${name}" for period ${period}`,
          "give the index value in at least one row of each period",
        );
      }
      const v0 = given[0]?.index.get(name);
      for (const r of given.slice(1)) {
        if (!r.index.get(name)!.eq(v0!)) {
          report(
            at(r, h, i),
            `index "${name}" is ${r.index.get(name)!.toString()} here but ${v0!.toString()} on line ${given[0]!.pos.fields[0]!.line} for the same period`,
            "an index has one value per period",
          );
        }
      }
    }
  }
  return { byGroup, broken };
}

function amount(row: Row, col: MoneyColumn): Money {
  return row.amounts[col] ?? ZERO;
}

/** Chains balances from the cut-off balance; reports a period whose ending balance would be negative. */
function buildGroup(pool: PoolTerms, rows: Row[], h: Header, report: Report): GroupCollections[] {
  const out: GroupCollections[] = [];
  let balance = pool.cutoffBalance;
  for (const row of rows) {
    const principal = sum(
      (["scheduled_principal", "prepayments", "net_liquidation_proceeds", "realized_loss"] as const).map((c) =>
        amount(row, c),
      ),
    );
    const ending = balance.minus(principal);
    if (ending.lt(ZERO)) {
      report(
        at(row, h, "scheduled_principal"),
        `loan group "${pool.name}", period ${row.period}: principal and losses of ${formatMoney(principal)} exceed the beginning balance of ${formatMoney(balance)}`,
        `the ending balance would be ${formatMoney(ending)}; check the amounts, or the group's cut-off balance (${formatMoney(pool.cutoffBalance)})`,
      );
      return out;
    }
    out.push({
      beginningBalance: balance,
      scheduledPrincipal: amount(row, "scheduled_principal"),
      prepayments: amount(row, "prepayments"),
      netLiquidationProceeds: amount(row, "net_liquidation_proceeds"),
      realizedLoss: amount(row, "realized_loss"),
      interest: amount(row, "interest"),
      servicingFee: amount(row, "servicing_fee"),
      netMortgageRate: row.netMortgageRate!,
      newDefaults: amount(row, "new_defaults"),
      endingBalance: ending,
    });
    balance = ending;
  }
  return out;
}

/**
 * Reads actual remittance data for `pools` from CSV `text` (named `file` in diagnostics).
 *
 * Format: a header row naming the columns (any order, case-insensitive): `period`, `group`,
 * `scheduled_principal`, `prepayments`, `net_liquidation_proceeds`, `realized_loss`, `interest`
 * (net of the servicing fee), `net_mortgage_rate` (annual, "0.0835" or "8.35%"), optionally
 * `servicing_fee` and `new_defaults` (zero when absent or empty), and `index:<name>` columns
 * giving an index value (annual rate) of the period; when `indexes` (the deal's index names) is
 * given, an index column must name one of them exactly. Then one row per group and period; periods
 * run 1, 2, … for every group alike. Amounts are dollars ("1234.56" or "$1,234.56"), whole cents,
 * never negative. Blank lines are ignored.
 *
 * Returns one `CollateralPeriod` per period, with every pool's collections: the beginning balance
 * of period 1 is the pool's `cutoffBalance`, each later one the prior ending balance, and
 * ending = beginning − scheduled − prepayments − net liquidation proceeds − realized loss.
 * `indexRates` holds the index values given for the period.
 *
 * @throws PactaError with one PA5001 diagnostic per problem (1-based line and column of the
 *   offending field, with a hint), sorted by position: invalid CSV quoting, an unknown, duplicate
 *   or missing column, a row with the wrong number of fields, a cell that is not a number, a
 *   negative amount, an unknown group, a duplicate or missing period, conflicting or missing index
 *   values, a balance that would fall below zero, or no data at all.
 */
export function readCollateralCsv(
  text: string,
  file: string,
  pools: PoolTerms[],
  indexes?: readonly string[],
): CollateralPeriod[] {
  const ix = new TextIndex(text.startsWith("\uFEFF") ? text.slice(1) : text);
  const errors: Diagnostic[] = [];
  const report: Report = (pos, message, hint) => void errors.push(diag("PA5001", { file, ...pos }, { message, hint }));
  const fail = (): never => {
    errors.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    throw new PactaError(errors);
  };

  const records = readRecords(ix, report);
  if (!records) return fail();
  const headerRec = records[0];
  if (!headerRec) {
    report(
      { line: 1, column: 1 },
      `${file} is empty`,
      `the first line names the columns: ${REQUIRED_COLUMNS.join(",")}`,
    );
    return fail();
  }
  const h = readHeader(headerRec, report, indexes);
  if (!h) return fail();
  if (records.length === 1) {
    report(
      headerRec.pos.end,
      `${file} has a header but no data rows`,
      "add one row per loan group and Distribution Date",
    );
    return fail();
  }
  const names = pools.map((p) => p.name);
  const unplaced: Unplaced = { groups: new Set(), any: false };
  const rows = records.slice(1).flatMap((r) => readRow(r, h, names, report, unplaced) ?? []);
  const { byGroup, broken } = checkPeriods(rows, pools, h, headerRec, report, unplaced);
  const built = new Map<string, GroupCollections[]>();
  for (const pool of pools) {
    if (!broken.has(pool.name)) built.set(pool.name, buildGroup(pool, byGroup.get(pool.name)!, h, report));
  }
  if (errors.length) return fail();

  const periods: CollateralPeriod[] = [];
  const count = byGroup.get(names[0]!)?.length ?? 0;
  for (let k = 0; k < count; k++) {
    const groups: Record<string, GroupCollections> = {};
    const indexRates: Record<string, Decimal> = {};
    for (const name of names) {
      groups[name] = built.get(name)![k]!;
      for (const [index, v] of byGroup.get(name)![k]!.index) indexRates[index] = v;
    }
    periods.push({ number: k + 1, groups, indexRates });
  }
  return periods;
}
