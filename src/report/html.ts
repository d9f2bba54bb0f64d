/**
 * The HTML audit report: one self-contained page (inline CSS and script, no external resource)
 * for auditors and trustees. It shows the run's header (agreement, amendments, collateral source),
 * an index of Distribution Dates with the version governing each, and per Distribution Date the
 * collateral, the certificates, every section's clauses and every defined term. Every figure links
 * to its entry: value, version in force (instrument, item, effective date), source location, legal
 * text, and its inputs, each input a link to the entry it names (same date; the previous date for
 * a `prior` value). The legal text of every version of every provision is written once, in the
 * appendix; the page's script copies it into each entry (with a link back) when the entry's date is
 * opened, which keeps RS1's 227-date run to about 13 MB instead of twice that. Only the first date
 * is open when the page loads; a link or an address naming an entry opens its date.
 *
 * Anchors (all ASCII, from `Anchors`): `d4` a Distribution Date; `d4-term-Group-I-Excess-Cash-Flow`
 * and `d4-clause-4.02-c-xii` entries; `d4-group-Group-I`, `d4-class-A-I-1`, `d4-sec-4.02-c` rows
 * and tables; `t-term-…`, `t-clause-…`, `t-sec-…`, `t-prov-…` provision texts, with `-am1-2` added
 * for the wording of amendment 1, item 2.
 */
import type { ProvisionVersion, VersionedAgreement } from "../amend/amend.ts";
import { viewOn } from "../amend/amend.ts";
import type { SourceLocation } from "../core/diagnostics.ts";
import { formatMoney, type Decimal } from "../core/money.ts";
import type { ClassResult, ClauseResult, PeriodResult, RunResult, TraceInput, Value } from "../engine/result.ts";
import type { Unit } from "../semantics/units.ts";
import { findClause, type AgreementView, type VersionLabel } from "../semantics/view.ts";
import type { Clause, Definition, LegalText, Provenance, Section, TextProvision } from "../syntax/ast.ts";
import { CSS, JS } from "./html/assets.ts";
import { Anchors, attr, esc } from "./html/escape.ts";
import { definitionWords, flowText, remainderWords, showValue, versionText } from "./values.ts";
import { clauseOrder } from "../amend/in-force.ts";
import type { VersionId } from "../core/ids.ts";
import { describeRef, refUnit, versionLabel, viewWords } from "./describe.ts";

/** Options of `renderHtml`. */
export interface HtmlOptions {
  /** Only these Distribution Dates (1-based numbers); default all. Links never point at a date left out. */
  periods?: (n: number) => boolean;
}

/**
 * Renders the run as one HTML page (UTF-8, trailing newline). `versioned` must be the agreement the
 * run was computed from: it supplies the legal text and version details of each provision in force
 * on each date. Never throws on a well-formed run; a figure whose provision is not found in the
 * view is shown without text.
 */
export function renderHtml(result: RunResult, versioned: VersionedAgreement, opts: HtmlOptions = {}): string {
  return new Page(result, versioned, opts).render();
}

// ---------------------------------------------------------------- values

function money(x: Decimal): string {
  return formatMoney(x);
}

/** Money in a table cell: "-" for zero, as in the text report. */
function cell(x: Decimal): string {
  return x.isZero() ? "-" : formatMoney(x);
}

function idle(c: ClassResult): boolean {
  return (
    c.beginningBalance.isZero() &&
    c.balance.isZero() &&
    c.interest.isZero() &&
    c.other.isZero() &&
    c.realizedLoss.isZero()
  );
}

/** Where a provision's words come from, as the appendix says it (the provenance tags of the conformed copy). */
const PROVENANCE: Record<Provenance, string> = {
  deal: "source: a deal document",
  shelf: "source: the shelf's drafting",
  amendment: "source: the amendment",
  reconstructed: "source: reconstructed (the wording is not public)",
};

// ---------------------------------------------------------------- the page

interface Versioned<T> {
  change: ProvisionVersion["change"];
  version: VersionLabel;
  node?: T;
}

class Page {
  private readonly a = new Anchors();
  private readonly amIndex = new Map<string, number>();
  private readonly periods: PeriodResult[];
  private readonly shown: Map<number, PeriodResult>;
  /** The agreement's directory with a trailing slash ("agreements/ramp-2002-rs1/"), or "". */
  private readonly dir: string;

  constructor(
    private readonly r: RunResult,
    private readonly va: VersionedAgreement,
    opts: HtmlOptions,
  ) {
    va.amendments.forEach((am, i) => this.amIndex.set(am.title, i + 1));
    const slash = va.base.loc.file.lastIndexOf("/");
    this.dir = slash >= 0 ? va.base.loc.file.slice(0, slash + 1) : "";
    this.periods = r.periods.filter((p) => !opts.periods || opts.periods(p.number));
    this.shown = new Map(this.periods.map((p) => [p.number, p]));
    // Seed the anchors in a stable order so a name's fragment does not depend on what is rendered.
    const names = new Set<string>();
    const clauses = new Set<string>();
    for (const v of va.views) {
      for (const n of v.definitions.keys()) names.add(n);
      for (const s of v.sections) for (const c of s.clauses) clauses.add(c.node.id);
    }
    for (const k of va.history.keys()) {
      const [ns, ...rest] = k.split(":");
      if (ns === "definition") names.add(rest.join(":"));
      if (ns === "clause") clauses.add(rest.join(":"));
    }
    for (const n of [...names].sort()) this.a.of("term", n);
    for (const c of [...clauses].sort()) this.a.of("clause", c);
  }

  // -------------------------------------------------------------- anchors

  private vtag(v: VersionLabel): string {
    return v.item === undefined ? "" : `-am${this.amIndex.get(v.instrument) ?? 0}-${v.item}`;
  }
  private termId(n: number, name: string): string {
    return `d${n}-term-${this.a.of("term", name)}`;
  }
  private clauseId(n: number, id: string): string {
    return `d${n}-clause-${this.a.of("clause", id)}`;
  }
  private termText(name: string, v: VersionLabel): string {
    return `t-term-${this.a.of("term", name)}${this.vtag(v)}`;
  }
  private clauseText(id: string, v: VersionLabel): string {
    return `t-clause-${this.a.of("clause", id)}${this.vtag(v)}`;
  }
  private sectionText(id: string): string {
    return `t-sec-${this.a.of("section", id)}`;
  }
  private provText(id: string, v: VersionLabel): string {
    return `t-prov-${this.a.of("provision", id)}${this.vtag(v)}`;
  }
  /** A money cell linked to `id`; a zero ("-") is not a figure and stays plain. */
  private cellLink(id: string, x: Decimal): string {
    return x.isZero() ? "-" : this.link(id, cell(x));
  }
  private link(id: string, text: string, title?: string): string {
    return `<a href="#${attr(id)}"${title ? ` title="${attr(title)}"` : ""}>${text}</a>`;
  }

  /** The amendment badge ("Amendment Number One, item 2"), or "" for the Agreement's own wording. */
  private badge(v: VersionLabel | undefined, label?: string): string {
    if (v && v.item !== undefined) return ` <span class="badge" title="${attr(versionText(v))}">${esc(v.label)}</span>`;
    if (!v && label && label !== "Agreement") return ` <span class="badge">${esc(label)}</span>`;
    return "";
  }

  /** Where a version's wording is written. */
  private bodyLoc(id: VersionId): SourceLocation {
    const v = this.r.model.versions[id]!;
    return v.body && "loc" in v.body ? v.body.loc : v.loc;
  }

  /** "agreement.pacta:780:3": a location, relative to the agreement's directory when inside it. */
  private where(loc: SourceLocation): string {
    const file = loc.file.startsWith(this.dir) ? loc.file.slice(this.dir.length) : loc.file;
    return `${file}:${loc.line}:${loc.column}`;
  }

  // -------------------------------------------------------------- render

  render(): string {
    const title = `Audit report: ${this.r.model.title}`;
    return [
      "<!DOCTYPE html>",
      '<html lang="en">',
      "<head>",
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${esc(title)}</title>`,
      `<style>${CSS}</style>`,
      "</head>",
      "<body>",
      this.nav(),
      "<main>",
      this.header(title),
      this.index(),
      '<h2 id="dates">Distribution Dates</h2>',
      ...this.periods.map((p, i) => this.period(p, i === 0)),
      this.appendix(),
      "</main>",
      `<script>${JS}</script>`,
      "</body>",
      "</html>",
      "",
    ].join("\n");
  }

  private nav(): string {
    const max = this.periods.length ? this.periods[this.periods.length - 1]!.number : 0;
    const min = this.periods.length ? this.periods[0]!.number : 0;
    return (
      '<nav><a href="#top">Report</a><a href="#index">Index of dates</a><a href="#provisions">Provisions</a>' +
      `<form id="go" class="noprint"><label>Distribution Date <input type="number" min="${min}" max="${max}" value="${min}"></label> <button type="submit">Go</button></form>` +
      '<span class="noprint"><button type="button" id="expand">Open all dates</button> <button type="button" id="collapse">Close all dates</button></span></nav>'
    );
  }

  private header(title: string): string {
    const ag = this.va.base;
    const out: string[] = [`<header id="top"><h1>${esc(title)}</h1>`, '<dl class="hd">'];
    out.push(`<dt>Deal</dt><dd>${esc(this.r.model.name)}${ag.series ? ` (Series ${esc(ag.series)})` : ""}</dd>`);
    out.push(
      `<dt>Agreement</dt><dd>${esc(this.r.model.title)}${ag.datedAsOf ? `, dated as of ${esc(ag.datedAsOf)}` : ""}</dd>`,
    );
    if (ag.parties.length)
      out.push(`<dt>Parties</dt><dd>${ag.parties.map((p) => `${esc(p.name)}, as ${esc(p.role)}`).join("; ")}</dd>`);
    out.push(`<dt>Amendments</dt><dd id="amendments">${this.amendments()}</dd>`);
    const files = [ag.loc.file, ...this.va.amendments.map((am) => am.loc.file)].map((f) =>
      this.where({ file: f, line: 0, column: 0 }).replace(/:0:0$/, ""),
    );
    out.push(
      `<dt>Sources</dt><dd><code>${esc(this.r.model.name)}/</code>: ${files.map((f) => `<code>${esc(f)}</code>`).join(", ")} (locations below are file:line:column)</dd>`,
    );
    out.push(`<dt>Collateral</dt><dd>${esc(this.r.collateralSource)}</dd>`);
    const all = this.r.periods;
    const span = all.length
      ? `, ${esc(all[0]!.distributionDate)} to ${esc(all[all.length - 1]!.distributionDate)}`
      : "";
    out.push(
      `<dt>Distribution Dates</dt><dd>${all.length}${span}${this.periods.length < all.length ? `; this page shows ${this.periods.length}` : ""}</dd>`,
    );
    out.push("</dl>");
    out.push(
      `<p class="m">Each figure is a link: it leads to the figure's entry, with the version in force on that date, where it is written, its legal text and the inputs it was computed from. Provisions changed by an amendment carry a badge such as <span class="badge">Amendment Number One, item 2</span>.</p>`,
    );
    out.push("</header>");
    return out.join("\n");
  }

  private amendments(): string {
    if (!this.va.amendments.length) return "none";
    const out: string[] = [];
    for (const am of this.va.amendments) {
      const pursuant = am.pursuantTo
        ? (() => {
            const p =
              viewOn(this.va, am.dated).provisions.get(am.pursuantTo) ??
              this.va.views[0]!.provisions.get(am.pursuantTo);
            const text = `Section ${esc(am.pursuantTo)}`;
            return `, pursuant to ${p ? this.link(this.provText(am.pursuantTo, p.version), text) : text}`;
          })()
        : "";
      out.push(`${esc(am.title)} dated ${esc(am.dated)}${pursuant}<ul class="am">`);
      for (const item of am.items) {
        const effective = item.effective ?? am.dated;
        const v: VersionLabel = {
          label: `${am.title}, item ${item.number}`,
          instrument: am.title,
          item: item.number,
          effective,
          loc: item.loc,
        };
        const p = item.patch;
        let what: string;
        switch (p.kind) {
          case "statement":
            what = "changes no provision";
            break;
          case "replace definition":
            what = `replaces the definition of ${this.link(this.termText(p.definition.name, v), `"${esc(p.definition.name)}"`)}`;
            break;
          case "insert definition":
            what = `inserts the definition of ${this.link(this.termText(p.definition.name, v), `"${esc(p.definition.name)}"`)}`;
            break;
          case "delete definition":
            what = `deletes the definition of ${this.link(this.termText(p.name, v), `"${esc(p.name)}"`)}`;
            break;
          case "replace clause":
            what = `replaces clause ${this.link(this.clauseText(p.clause.id, v), esc(p.clause.id))}`;
            break;
          case "insert clause":
            what = `inserts clause ${this.link(this.clauseText(p.clause.id, v), esc(p.clause.id))} ${p.position} ${esc(p.anchor)}`;
            break;
          case "delete clause":
            what = `deletes clause ${this.link(this.clauseText(p.id, v), esc(p.id))}`;
            break;
          case "replace provision":
            what = `replaces Section ${this.link(this.provText(p.provision.id, v), esc(p.provision.id))}`;
            break;
        }
        out.push(
          `<li>item ${item.number}: ${what}${p.kind === "statement" ? "" : `, effective ${esc(effective)}`} <span class="k">(<code>${esc(this.where(item.loc))}</code>)</span></li>`,
        );
      }
      out.push("</ul>");
    }
    return out.join("\n");
  }

  private index(): string {
    const out = [
      '<h2 id="index">Index of Distribution Dates</h2>',
      '<div class="idx"><table><thead><tr><th>No.</th><th>Date</th><th>Version governing</th></tr></thead><tbody>',
    ];
    let prev: string | undefined;
    for (const p of this.periods) {
      const governing = viewWords(this.r.model, p.view);
      const changed = prev !== undefined && governing !== prev;
      prev = governing;
      out.push(
        `<tr${changed ? ' class="ch"' : ""}><td>${this.link(`d${p.number}`, String(p.number))}</td><td>${esc(p.distributionDate)}</td><td>${esc(governing)}</td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
    return out.join("\n");
  }

  // -------------------------------------------------------------- one Distribution Date

  private period(p: PeriodResult, open: boolean): string {
    const n = p.number;
    const prev = this.shown.get(n - 1);
    const view = viewOn(this.va, p.distributionDate);
    const out: string[] = [];
    out.push(
      `<details class="dd" id="d${n}"${open ? " open" : ""}><summary>Distribution Date ${n} &middot; ${esc(p.distributionDate)} &middot; <span class="ver">${esc(viewWords(this.r.model, p.view))}</span></summary>`,
    );

    // Collateral. A beginning balance links to the previous date's row.
    out.push(
      `<h3 id="d${n}-collateral">Collateral</h3>`,
      '<table class="num"><thead><tr><th>Loan group</th><th>Beginning balance</th><th>Interest</th><th>Scheduled principal</th><th>Prepayments</th><th>Liquidation proceeds</th><th>Realized loss</th><th>Ending balance</th><th>Net mortgage rate</th></tr></thead><tbody>',
    );
    for (const [g, c] of Object.entries(p.collateral.groups)) {
      const row = (k: number) => `d${k}-group-${this.a.of("group", g)}`;
      const begin = prev?.collateral.groups[g]
        ? this.cellLink(row(n - 1), c.beginningBalance)
        : cell(c.beginningBalance);
      out.push(
        `<tr id="${row(n)}"><td>${esc(g)}</td><td>${begin}</td><td>${cell(c.interest)}</td><td>${cell(c.scheduledPrincipal)}</td><td>${cell(c.prepayments)}</td><td>${cell(c.netLiquidationProceeds)}</td><td>${cell(c.realizedLoss)}</td><td>${cell(c.endingBalance)}</td><td>${showValue(c.netMortgageRate, "Percentage")}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    const idx = Object.entries(p.collateral.indexRates);
    if (idx.length)
      out.push(`<p class="m">Index rates: ${idx.map(([k, v]) => `${esc(k)} ${showValue(v, "Rate")}`).join("; ")}</p>`);

    // Certificates. A distribution links to the clause that paid it (the first, when several did);
    // a beginning balance to the previous date's row.
    const payers = new Map<string, string[]>();
    for (const s of p.sections)
      for (const c of s.clauses)
        for (const x of c.payments) {
          if (x.amount.isZero()) continue;
          const key = `${x.class}\u0000${x.kind}`;
          const l = payers.get(key) ?? [];
          if (!l.includes(c.id)) l.push(c.id);
          payers.set(key, l);
        }
    const released = new Map<string, string>();
    for (const s of p.sections) if (s.releasedTo && !s.released.isZero()) released.set(s.releasedTo, s.id);
    const paidBy = (cls: string, kind: string, x: Decimal, verb = "paid"): string => {
      const ids = payers.get(`${cls}\u0000${kind}`);
      if (!ids || x.isZero()) return cell(x);
      return this.link(this.clauseId(n, ids[0]!), cell(x), `${kind} ${verb} by ${ids.join(", ")}`);
    };
    const classRow = (k: number, name: string) => `d${k}-class-${this.a.of("class", name)}`;
    const classRows = new Set<string>();
    out.push(
      `<h3 id="d${n}-classes">Certificates</h3>`,
      '<table class="num"><thead><tr><th>Class</th><th>Beginning balance</th><th>Rate</th><th>Interest</th><th>Principal</th><th>Realized loss</th><th>Interest shortfall</th><th>Other</th><th>Ending balance</th></tr></thead><tbody>',
    );
    for (const [name, c] of Object.entries(p.classes)) {
      if (idle(c)) continue;
      classRows.add(name);
      const pc = prev?.classes[name];
      const begin =
        pc && !idle(pc) ? this.cellLink(classRow(n - 1, name), c.beginningBalance) : cell(c.beginningBalance);
      const sec = released.get(name);
      const other =
        sec && !c.other.isZero()
          ? this.link(`d${n}-sec-${this.a.of("section", sec)}`, cell(c.other), `released by Section ${sec}`)
          : cell(c.other);
      out.push(
        `<tr id="${classRow(n, name)}"><td>${esc(name)}</td><td>${begin}</td><td>${c.rate.isZero() ? "-" : `${c.rate.times(100).toFixed(4)}%`}</td><td>${paidBy(name, "interest", c.interest)}</td><td>${paidBy(name, "principal", c.principal)}</td><td>${paidBy(name, "write-down", c.realizedLoss, "allocated")}</td><td>${paidBy(name, "interest", c.interestShortfall, "due at")}</td><td>${other}</td><td>${cell(c.balance)}</td></tr>`,
      );
    }
    out.push("</tbody></table>");

    // Sections.
    out.push("<h3>Distributions</h3>");
    for (const s of p.sections) {
      const sv = view.sections.find((x) => x.section.id === s.id);
      out.push(
        `<table class="cl" id="d${n}-sec-${this.a.of("section", s.id)}"><caption>${this.link(this.sectionText(s.id), `Section ${esc(s.id)}`)}${s.title ? ` ${esc(s.title)}` : ""}${s.available.isZero() ? "" : `: available ${money(s.available)}`}</caption>`,
        "<thead><tr><th>Clause</th><th>Version</th><th>Due</th><th>Paid</th><th>Remaining</th></tr></thead><tbody>",
      );
      for (const c of s.clauses) {
        const id = this.clauseId(n, c.id);
        const v = sv?.clauses.find((x) => x.node.id === c.id)?.version;
        const ver = v && v.item !== undefined ? this.badge(v).trim() : esc(versionLabel(this.r.model, c.version));
        if (!c.applies)
          out.push(
            `<tr class="na"><td>${this.link(id, esc(c.id))}</td><td>${ver}</td><td colspan="3">${this.link(id, "not applicable")}</td></tr>`,
          );
        else
          out.push(
            `<tr><td>${this.link(id, esc(c.id))}</td><td>${ver}</td><td>${this.cellLink(id, c.due)}</td><td>${this.cellLink(id, c.paid)}</td><td>${s.available.isZero() && c.remaining.isZero() ? "" : this.cellLink(id, c.remaining)}</td></tr>`,
          );
      }
      if (s.releasedTo)
        out.push(
          `<tr><td>${this.link(this.sectionText(s.id), esc(sv?.section.remainderLabel ?? "remainder"))}</td><td>Agreement</td><td colspan="2">released to Class ${esc(s.releasedTo)}</td><td>${this.cellLink(this.sectionText(s.id), s.released)}</td></tr>`,
        );
      out.push("</tbody></table>");
    }

    // Defined terms.
    const names = Object.keys(p.terms).sort((x, y) => x.localeCompare(y));
    out.push(
      `<h3 id="d${n}-terms">Defined terms</h3>`,
      '<table class="tm"><thead><tr><th>Term</th><th>Value</th><th>Version</th></tr></thead><tbody>',
    );
    for (const name of names) {
      const t = p.terms[name]!;
      const id = this.termId(n, name);
      const v = view.definitions.get(name)?.version;
      const ver = v && v.item !== undefined ? this.badge(v).trim() : esc(versionLabel(this.r.model, t.version));
      out.push(
        `<tr><td>${this.link(id, `"${esc(name)}"`)}</td><td>${this.link(id, esc(showValue(t.value, t.unit)))}</td><td>${ver}</td></tr>`,
      );
    }
    out.push("</tbody></table>");

    // Entries.
    out.push("<h3>Figures explained</h3>");
    for (const s of p.sections) for (const c of s.clauses) out.push(this.clauseEntry(p, view, c, classRows));
    for (const name of names) out.push(this.termEntry(p, view, name, classRows));
    out.push("</details>");
    return out.join("\n");
  }

  /** The version line of an entry: "Agreement, agreement.pacta:780:3", or the amendment, item and effective date. */
  private versionLine(v: VersionLabel | undefined, label: string, loc: SourceLocation): string {
    const version = v && v.item !== undefined ? esc(versionText(v)) : esc(label);
    return `<p class="m vl">${version}, ${esc(this.where(loc))}</p>`;
  }

  /**
   * The opening tag of an entry. Its legal text is the appendix block whose id is the entry's with
   * "t-" for the date and the version's tag (`data-v`) added: the script copies it in, so the
   * page carries each text once. `data-nt` marks an entry whose provision the view lacks.
   */
  private entryOpen(id: string, v: VersionLabel | undefined): string {
    const data = !v ? " data-nt" : v.item !== undefined ? ` data-v="${attr(this.vtag(v))}"` : "";
    return `<div class="e${v?.item !== undefined ? " am" : ""}" id="${attr(id)}"${data}>`;
  }

  private clauseEntry(p: PeriodResult, view: AgreementView, c: ClauseResult, classRows: Set<string>): string {
    const n = p.number;
    const f = findClause(view, c.id);
    const v = f?.section.clauses[f.index]?.version;
    const out: string[] = [
      `${this.entryOpen(this.clauseId(n, c.id), v)}<h4>Clause ${esc(c.id)}: ${c.applies ? `paid ${money(c.paid)}` : "not applicable"}${this.badge(v, versionLabel(this.r.model, c.version))}</h4>`,
      c.applies
        ? `<p>due ${money(c.due)}; shortfall ${money(c.shortfall)}; section ${money(c.remainingBefore)} before, ${money(c.remaining)} after</p>`
        : "<p>its condition does not hold on this date</p>",
    ];
    if (c.payments.length)
      out.push(
        `<p>${c.payments.map((x) => `${money(x.amount)} to ${classRows.has(x.class) ? this.link(`d${n}-class-${this.a.of("class", x.class)}`, `Class ${esc(x.class)}`) : `Class ${esc(x.class)}`} as ${esc(x.kind)}`).join("; ")}</p>`,
      );
    out.push(this.versionLine(v, versionLabel(this.r.model, c.version), this.bodyLoc(c.version)));
    out.push(this.inputs(p, c.inputs, classRows), "</div>");
    return out.join("\n");
  }

  private termEntry(p: PeriodResult, view: AgreementView, name: string, classRows: Set<string>): string {
    const t = p.terms[name]!;
    const v = view.definitions.get(name)?.version;
    return [
      `${this.entryOpen(this.termId(p.number, name), v)}<h4>"${esc(name)}" = ${esc(showValue(t.value, t.unit))}${this.badge(v, versionLabel(this.r.model, t.version))}</h4>`,
      this.versionLine(v, versionLabel(this.r.model, t.version), this.bodyLoc(t.version)),
      this.inputs(p, t.inputs, classRows),
      "</div>",
    ].join("\n");
  }

  /** The inputs list: each input's description (a link where it names an entry or a row) and value. */
  private inputs(p: PeriodResult, inputs: TraceInput[], classRows: Set<string>): string {
    if (!inputs.length) return '<p class="m">no inputs</p>';
    const n = p.number;
    const items = inputs.map((i) => {
      const r = i.ref;
      let target: string | undefined;
      switch (r.kind) {
        case "term":
          if (p.terms[r.term]) target = this.termId(n, r.term);
          break;
        case "prior":
          if (!r.initially && this.shown.get(n - 1)?.terms[r.term]) target = this.termId(n - 1, r.term);
          break;
        case "available":
        case "paid":
          if (p.sections.some((s) => s.clauses.some((c) => c.id === r.clause))) target = this.clauseId(n, r.clause);
          break;
        case "collateral":
          if (p.collateral.groups[r.group]) target = `d${n}-group-${this.a.of("group", r.group)}`;
          break;
        case "classField":
          target =
            r.classes.length === 1 && classRows.has(r.classes[0]!)
              ? `d${n}-class-${this.a.of("class", r.classes[0]!)}`
              : `d${n}-classes`;
          break;
        case "index":
          target = `d${n}-collateral`;
          break;
      }
      const what = esc(describeRef(r));
      return `<li>${target ? this.link(target, what) : what} = ${esc(showValue(i.value, refUnit(this.r.model, r)))}</li>`;
    });
    return `<ul class="in">${items.join("")}</ul>`;
  }

  // -------------------------------------------------------------- appendix: every version of every provision

  private appendix(): string {
    const va = this.va;
    const out: string[] = [
      '<h2 id="provisions">Provisions</h2>',
      '<p class="m">Every version of every provision the run reads, as written; superseded wording is marked with the date it ceased to govern.</p>',
    ];

    // Definitions, by name.
    out.push('<h3 id="definitions">Definitions</h3>');
    const defNames = new Set<string>();
    for (const v of va.views) for (const k of v.definitions.keys()) defNames.add(k);
    for (const k of va.history.keys()) if (k.startsWith("definition:")) defNames.add(k.slice("definition:".length));
    for (const name of [...defNames].sort((x, y) => x.localeCompare(y))) {
      const versions = this.versionsOf<Definition>(`definition:${name}`, (v) => v.definitions.get(name));
      versions.forEach((x, i) =>
        out.push(
          this.provisionBlock(this.termText(name, x.version), `"${esc(name)}"`, x, versions[i + 1], (d) => ({
            text: d.text && {
              ...d.text,
              text: definitionWords(name, d.text.text),
            },
            reading: d.reading,
            provenance: d.provenance,
            loc: d.loc,
          })),
        ),
      );
    }

    // Sections and their clauses, in the order of the agreement.
    out.push('<h3 id="sections">Sections</h3>');
    const base = va.views[0]!;
    for (const sv of base.sections) {
      const s: Section = sv.section;
      out.push(
        `<div class="p" id="${attr(this.sectionText(s.id))}"><h4>Section ${esc(s.id)}${s.title ? ` ${esc(s.title)}` : ""}</h4>`,
        `<p class="m">${s.provenance ? `${esc(PROVENANCE[s.provenance])}; ` : ""}written at <code>${esc(this.where(s.loc))}</code>${s.source ? `; distributes the ${esc(s.source.name)}` : ""}</p>`,
        `<div class="tx">${s.text ? `<p>${esc(flowText(s.text.text))}</p>` : ""}${s.remainderTo ? `<p>${esc(flowText(remainderWords(s)))}</p>` : ""}</div>`,
        "</div>",
      );
      for (const id of clauseOrder(va, s.id)) {
        const versions = this.versionsOf<Clause>(`clause:${id}`, (v) => {
          const f = findClause(v, id);
          return f ? f.section.clauses[f.index] : undefined;
        });
        versions.forEach((x, i) =>
          out.push(
            this.provisionBlock(this.clauseText(id, x.version), `Clause ${esc(id)}`, x, versions[i + 1], (c) => ({
              text: c.text,
              reading: c.reading,
              provenance: c.provenance,
              loc: c.loc,
            })),
          ),
        );
      }
    }

    // Other provisions (kept as text), by number.
    const provIds = new Set<string>();
    for (const v of va.views) for (const k of v.provisions.keys()) provIds.add(k);
    if (provIds.size) {
      out.push('<h3 id="other-provisions">Other provisions</h3>');
      for (const id of [...provIds].sort((x, y) => x.localeCompare(y, undefined, { numeric: true }))) {
        const versions = this.versionsOf<TextProvision>(`provision:${id}`, (v) => v.provisions.get(id));
        versions.forEach((x, i) =>
          out.push(
            this.provisionBlock(
              this.provText(id, x.version),
              `Section ${esc(id)}${x.node?.title ? ` (${esc(x.node.title)})` : ""}`,
              x,
              versions[i + 1],
              (p) => ({ text: p.text, provenance: p.provenance, loc: p.loc }),
            ),
          ),
        );
      }
    }
    return out.join("\n");
  }

  /** A provision's versions: its amendment history when it has one, else its wording in the first view that has it. */
  private versionsOf<T>(
    key: string,
    find: (v: AgreementView) => { node: T; version: VersionLabel } | undefined,
  ): Versioned<T>[] {
    const h = this.va.history.get(key);
    if (h) return h.map((x) => ({ change: x.change, version: x.version, node: x.node as T | undefined }));
    for (const v of this.va.views) {
      const s = find(v);
      if (s) return [{ change: "original", version: s.version, node: s.node }];
    }
    return [];
  }

  private provisionBlock<T>(
    id: string,
    heading: string,
    x: Versioned<T>,
    next: Versioned<T> | undefined,
    parts: (node: T) => {
      text?: LegalText | undefined;
      reading?: LegalText | undefined;
      provenance?: Provenance | undefined;
      loc: SourceLocation;
    },
  ): string {
    const v = x.version;
    const by = (y: Versioned<T>) => esc(versionText(y.version));
    const status: string[] = [];
    if (x.change === "original")
      status.push(v.item === undefined ? "wording of the Agreement" : `wording of ${esc(v.label)}`);
    else status.push(`${x.change} by ${by(x)}`);
    if (next)
      status.push(
        `${next.change === "deleted" ? "deleted" : "superseded"} from ${esc(next.version.effective ?? "")} by ${esc(next.version.label)}`,
      );
    const p = x.node ? parts(x.node) : undefined;
    if (p?.provenance) status.push(esc(PROVENANCE[p.provenance]));
    if (p) status.push(`written at <code>${esc(this.where(p.loc))}</code>`);
    else status.push(`<code>${esc(this.where(v.loc))}</code>`);
    const cls = `p${v.item !== undefined ? " am" : ""}${next ? " old" : ""}`;
    const body =
      x.change === "deleted"
        ? ""
        : `<div class="tx"><p>${p?.text ? esc(flowText(p.text.text)) : "(no text)"}</p>${p?.reading ? `<p class="rd"><em>Reading:</em> ${esc(flowText(p.reading.text))}</p>` : ""}</div>`;
    return `<div class="${cls}" id="${attr(id)}"><h4>${heading}${this.badge(v)}</h4>\n<p class="m">${status.join("; ")}</p>${body}</div>`;
  }
}
