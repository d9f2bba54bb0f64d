/**
 * The HTML audit report (`pacta run … --format html`): the golden page of RS1's first two
 * Distribution Dates, link integrity, escaping, no external resource, the amendment badge from
 * Distribution Date 4, and the command end to end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkedDeal, runOrFail } from "../helpers/deal.ts";
import { renderHtml } from "../../src/report/html.ts";
import { Anchors, attr, esc, slug } from "../../src/report/html/escape.ts";

const DIR = "agreements/ramp-2002-rs1";
const result = runOrFail(DIR);
const versioned = checkedDeal(DIR).versioned;
const full = renderHtml(result, versioned);
const firstTwo = renderHtml(result, versioned, { periods: (n) => n <= 2 });

/** Every id="…" of the page, and every in-page link target (href="#…"). */
function anchors(html: string): { ids: string[]; targets: string[] } {
  return {
    ids: [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!),
    targets: [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!),
  };
}

function expectLinksResolve(html: string): void {
  const { ids, targets } = anchors(html);
  const known = new Set(ids);
  expect(known.size, "ids are unique").toBe(ids.length);
  const dangling = [...new Set(targets.filter((t) => !known.has(t)))];
  expect(dangling).toEqual([]);
  // The script copies an entry's legal text from block `t-…` (entry `d4-…` + its data-v tag): it must exist.
  const missing: string[] = [];
  for (const m of html.matchAll(
    /<div class="e[^"]*" id="d\d+-((?:term|clause)-[^"]*)"( data-v="([^"]*)")?( data-nt)?>/g,
  ))
    if (!m[4] && !known.has(`t-${m[1]}${m[3] ?? ""}`)) missing.push(m[0]);
  expect(missing).toEqual([]);
}

function expectNoExternalResource(html: string): void {
  expect(html).not.toMatch(/\s(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/url\(|@import/i);
  expect([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith("#"))).toEqual(
    [],
  );
}

/** The markup of Distribution Date `n` (its <details> element). */
function dateChunk(html: string, n: number): string {
  const start = html.indexOf(`<details class="dd" id="d${n}"`);
  expect(start, `Distribution Date ${n} is on the page`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</details>", start) + "</details>".length);
}

/** The entry with the given id (a clause's or a term's, on one date). */
function entry(html: string, id: string): string {
  const start = html.indexOf(`<div class="e`, html.indexOf(` id="${id}"`) - 40);
  expect(html.indexOf(` id="${id}"`), id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</div>", start));
}

describe("the HTML audit page of RS1", () => {
  it("matches the golden page of the first two Distribution Dates", async () => {
    await expect(firstTwo).toMatchFileSnapshot("./__golden__/rs1-dates-1-2.html");
  });

  it("is one self-contained page of reasonable size for the whole run", () => {
    expect(full.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(full.endsWith("</html>\n")).toBe(true);
    expect(full.match(/<script>/g)).toHaveLength(1);
    expect(full.match(/<style>/g)).toHaveLength(1);
    expect(Buffer.byteLength(full)).toBeLessThan(15_000_000);
    expect(full.match(/<details class="dd"/g)).toHaveLength(result.periods.length);
  });

  it("has no external URL in any src= or href=, and loads nothing from outside", () => {
    expectNoExternalResource(full);
    expectNoExternalResource(firstTwo);
  });

  it("has a target for every in-page link (whole run and two dates), and unique ids", () => {
    expectLinksResolve(full);
    expectLinksResolve(firstTwo);
  });

  it("opens the first Distribution Date only, so a 227-date run stays usable", () => {
    expect(full).toContain('<details class="dd" id="d1" open>');
    expect(full.match(/<details class="dd" id="d\d+" open>/g)).toHaveLength(1);
  });

  it("lists every Distribution Date in the index with the version governing it", () => {
    expect(full).toContain('<tr><td><a href="#d3">3</a></td><td>2002-04-25</td><td>Agreement</td></tr>');
    expect(full).toContain(
      '<tr class="ch"><td><a href="#d4">4</a></td><td>2002-05-28</td><td>Agreement as amended by Amendment Number One</td></tr>',
    );
    expect(full).toContain("Amendment Number One dated 2002-05-24");
    expect(full).toContain(result.collateralSource);
  });

  it("marks amended provisions with a badge on Distribution Date 4 but not 3", () => {
    const d3 = dateChunk(full, 3);
    const d4 = dateChunk(full, 4);
    expect(d3).not.toContain('class="badge"');
    expect(d3).not.toContain("Amendment Number One, item");
    for (const item of [2, 3, 4]) expect(d4).toContain(`>Amendment Number One, item ${item}</span>`);
    // Term table and clause table: the badge sits in the Version column.
    expect(d4).toMatch(
      /<a href="#d4-term-Group-I-Overcollateralization-Increase-Amount">[^<]*<\/a><\/td><td><span class="badge" title="Amendment Number One, item 2, effective 2002-05-24">Amendment Number One, item 2<\/span>/,
    );
    expect(d4).toMatch(/4\.02\(d\)\(xiii\)<\/a><\/td><td><span class="badge"[^>]*>Amendment Number One, item 4</);
  });

  it("explains an amended term on Distribution Date 4: version, location, text and linked inputs", () => {
    const e = entry(full, "d4-term-Group-I-Overcollateralization-Increase-Amount");
    expect(e).toContain('data-v="-am1-2"');
    expect(e).toMatch(/Amendment Number One, item 2, effective 2002-05-24, amendment-1\.pacta:\d+:\d+/);
    expect(e).toContain('<a href="#d4-clause-4.02-c-xii">available at 4.02(c)(xii)</a> = $');
    expect(e).toContain('<a href="#d4-clause-4.02-d-xi">available at 4.02(d)(xi)</a> = $');
    expect(e).toContain('<a href="#d4-term-Group-I-Required-Overcollateralization-Amount">');
    // The amended wording, once, in the appendix, under the id the script derives from the entry.
    const text = full.slice(full.indexOf('id="t-term-Group-I-Overcollateralization-Increase-Amount-am1-2"'));
    expect(text.slice(0, 2000)).toContain("With respect to (a) the first two Distribution Dates, $0");
    // On Distribution Date 3 the same term is the Agreement's.
    const e3 = entry(full, "d3-term-Group-I-Overcollateralization-Increase-Amount");
    expect(e3).not.toContain("data-v");
    expect(e3).toMatch(/Agreement, agreement\.pacta:\d+:\d+/);
  });

  it("links a prior value to the term on the previous date, and not before the first", () => {
    expect(entry(full, "d4-term-Group-I-Stepdown-Date")).toContain(
      '<a href="#d3-term-Group-I-Stepdown-Date">prior "Group I Stepdown Date"</a>',
    );
    const d1 = entry(full, "d1-term-Group-I-Stepdown-Date");
    expect(d1).toContain('prior "Group I Stepdown Date" (initially)');
    expect(d1).not.toContain('href="#d0-');
  });

  it("explains a clause: amounts, payments to classes, version and inputs", () => {
    const e = entry(full, "d4-clause-4.02-c-xii");
    expect(e).toMatch(/<h4>Clause 4\.02\(c\)\(xii\): paid \$[\d,.]+<\/h4>/);
    expect(e).toMatch(/due \$[\d,.]+; shortfall \$[\d,.]+; section \$[\d,.]+ before, \$[\d,.]+ after/);
    expect(e).toContain('<a href="#d4-term-Group-I-Overcollateralization-Increase-Amount">');
    // A class table figure leads to the clause that paid it.
    expect(dateChunk(full, 1)).toMatch(
      /<a href="#d1-clause-4\.02-c-i" title="interest paid by 4\.02\(c\)\(i\)">\$140,833\.33<\/a>/,
    );
  });
});

describe("escaping", () => {
  // The toy deal with markup, ampersands and quotes in titles, names and legal text.
  const dir = mkdtempSync(join(tmpdir(), "pacta-html-"));
  const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8")
    .replace('agreement "Toy Trust Agreement"', 'agreement "Toy & <Trust> \\"Agreement\\""')
    .replace(
      'text "Interest and principal collected."',
      'text "Interest & principal <b>collected</b>; \\"quoted\\", it\'s <script>alert(1)</script>."',
    )
    .replaceAll('"Principal Remittance Amount"', '"Principal & <Remittance> Amount"');
  writeFileSync(join(dir, "agreement.pacta"), toy);
  writeFileSync(
    join(dir, "amendment-1.pacta"),
    [
      'amendment "Amendment <One> & \\"Two\\"" to "Toy & <Trust> \\"Agreement\\""',
      "  dated 2002-03-01",
      "",
      "item 1",
      '  replace definition "Required Overcollateralization Amount" effective as of the date hereof',
      '    text "Three <percent> & \\"more\\"."',
      '    means 3.00% times cut-off balance of group "Pool"',
      "",
    ].join("\n"),
  );
  const html = renderHtml(runOrFail(dir, { maxPeriods: 4 }), checkedDeal(dir).versioned);

  it("escapes legal text, titles and names in content", () => {
    expect(html).toContain(
      'Interest &amp; principal &lt;b&gt;collected&lt;/b&gt;; "quoted", it\'s &lt;script&gt;alert(1)&lt;/script&gt;.',
    );
    expect(html).toContain('<h1>Audit report: Toy &amp; &lt;Trust&gt; "Agreement"</h1>');
    expect(html).toContain('"Principal &amp; &lt;Remittance&gt; Amount"');
    expect(html).toContain('Three &lt;percent&gt; &amp; "more".');
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it("escapes attribute values and keeps ids ASCII", () => {
    expect(html).toContain(
      'title="Amendment &lt;One&gt; &amp; &quot;Two&quot;, item 1, effective 2002-03-01">Amendment &lt;One&gt; &amp; "Two", item 1</span>',
    );
    expect(html).toContain('id="d2-term-Principal-Remittance-Amount"');
    for (const id of anchors(html).ids) expect(id).toMatch(/^[A-Za-z0-9.-]+$/);
  });

  it("produces only the page's own elements (no markup from the agreement)", () => {
    const body = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, "");
    const tags = new Set([...body.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed =
      "html head meta title body nav a form label input button span main header h1 h2 h3 h4 dl dt dd ul li code p div table thead tbody tr th td caption details summary blockquote em";
    expect([...tags].filter((t) => !allowed.split(" ").includes(t))).toEqual([]);
  });

  it("keeps links whole and marks the amended term from Distribution Date 2", () => {
    expectLinksResolve(html);
    expectNoExternalResource(html);
    expect(dateChunk(html, 1)).not.toContain('class="badge"');
    expect(dateChunk(html, 2)).toContain('class="badge"');
  });

  it("escapes helpers: content, attributes, slugs and distinct anchors", () => {
    expect(esc(`a & <b> "c" 'd'`)).toBe(`a &amp; &lt;b&gt; "c" 'd'`);
    expect(attr(`a & <b> "c" 'd'`)).toBe("a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
    expect(slug("4.02(c)(xii)")).toBe("4.02-c-xii");
    expect(slug("Group I Excess Cash Flow")).toBe("Group-I-Excess-Cash-Flow");
    expect(slug("<&>")).toBe("x");
    const a = new Anchors();
    expect(a.of("term", "A/B")).toBe("A-B");
    expect(a.of("term", "A B")).toBe("A-B-2");
    expect(a.of("term", "A/B")).toBe("A-B");
    expect(a.of("clause", "A B")).toBe("A-B");
  });
});

describe("pacta run --format html", () => {
  const pacta = (...args: string[]) => spawnSync(process.execPath, ["bin/pacta.js", ...args], { encoding: "utf8" });

  it("writes the page end to end", () => {
    const out = join(mkdtempSync(join(tmpdir(), "pacta-html-out-")), "f.html");
    const r = pacta("run", DIR, "--format", "html", "--periods", "4", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<details class="dd" id="d4"');
    expect(html).not.toContain('id="d5"');
    expectLinksResolve(html);
    expectNoExternalResource(html);
    expect(dateChunk(html, 4)).toContain(">Amendment Number One, item 2</span>");
  });

  it("accepts --trace (the page always shows inputs) and names html among the formats", () => {
    const out = join(mkdtempSync(join(tmpdir(), "pacta-html-out-")), "f.html");
    expect(pacta("run", DIR, "--format", "html", "--trace", "--periods", "1", "--out", out).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const bad = pacta("run", DIR, "--format", "htm");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("--format must be table, csv, json or html");
  });
});

describe("the page does not depend on the working directory", () => {
  it("is the same byte for byte when run from the checkout and from elsewhere", async () => {
    const { spawnSync } = await import("node:child_process");
    const { resolve } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const args = ["run", "--periods", "2", "--format", "html"];
    const here = spawnSync(process.execPath, ["bin/pacta.js", args[0]!, DIR, ...args.slice(1)], { encoding: "utf8" });
    const there = spawnSync(process.execPath, [resolve("bin/pacta.js"), args[0]!, resolve(DIR), ...args.slice(1)], {
      encoding: "utf8",
      cwd: tmpdir(),
    });
    expect(here.status).toBe(0);
    expect(there.stdout).toBe(here.stdout);
  });
});
