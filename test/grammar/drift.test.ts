/**
 * The grammar reference files must match the parser: `grammar/pacta.ebnf` and
 * `grammar/diagrams.html` are regenerated in memory and compared with the committed files, the
 * diagrams page must open offline, and the EBNF must define every parser rule.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  generateDiagramsHtml,
  generateEbnf,
  OUTPUTS,
  readCommitted,
  repoPath,
  ruleNames,
} from "../../scripts/generate-grammar.ts";

const FIX = "run `npx tsx scripts/generate-grammar.ts` and commit the result";
const ebnf = generateEbnf();
const html = generateDiagramsHtml();

describe("grammar reference files", () => {
  it(`${OUTPUTS.ebnf} is what the parser generates`, () => {
    const committed = readCommitted(OUTPUTS.ebnf);
    expect(committed, `${OUTPUTS.ebnf} is missing: ${FIX}`).toBeDefined();
    expect(committed === ebnf, `${OUTPUTS.ebnf} is out of date with src/syntax/parser.ts: ${FIX}`).toBe(true);
  });

  it(`${OUTPUTS.diagrams} is what the parser generates`, () => {
    const committed = readCommitted(OUTPUTS.diagrams);
    expect(committed, `${OUTPUTS.diagrams} is missing: ${FIX}`).toBeDefined();
    expect(committed === html, `${OUTPUTS.diagrams} is out of date with src/syntax/parser.ts: ${FIX}`).toBe(true);
  });

  it("generates the same bytes twice", () => {
    expect(generateEbnf()).toBe(ebnf);
    expect(generateDiagramsHtml()).toBe(html);
  });

  it("diagrams.html loads no script, style, image or font from the network", () => {
    const page = readCommitted(OUTPUTS.diagrams) ?? html;
    const sources = [...page.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map(
      (m) => m[1],
    );
    expect(
      sources.filter((s) => /^(?:https?:)?\/\//i.test(s ?? "")),
      "external sources in diagrams.html",
    ).toEqual([]);
    expect(page).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
    // Stronger than asked: no URL at all, so nothing can be fetched.
    expect(page).not.toMatch(/https?:\/\//i);
  });

  it("diagrams.html draws one diagram per parser rule", () => {
    const names = ruleNames();
    const svgs = html.match(/<svg class="railroad-diagram"/g) ?? [];
    expect(svgs.length).toBe(names.length);
    for (const name of names) {
      expect(html, `no diagram for rule ${name}`).toContain(`<h2 class="diagramHeader">${name}</h2><svg`);
      expect(html).toContain(`id="rule-${name}"`);
    }
  });

  it("pacta.ebnf defines every parser rule once, and refers only to defined rules", () => {
    const names = ruleNames();
    expect(names.length).toBeGreaterThan(40);
    const defined = [...ebnf.matchAll(/^([a-z][A-Za-z]*) =/gm)].map((m) => m[1]);
    expect(defined).toEqual(names);
    // Every lower-case bare word outside quotes and comments is a rule name.
    const code = ebnf
      .replace(/\(\*[\s\S]*?\*\)/g, " ")
      .replace(/"[^"]*"/g, " ")
      .replace(/\?[^?;]*\?/g, " ");
    const refs = new Set(code.match(/\b[a-z][A-Za-z]*\b/g) ?? []);
    for (const r of refs) expect(names, `pacta.ebnf refers to an undefined rule ${r}`).toContain(r);
  });

  it("pacta.ebnf defines every token it names", () => {
    const code = ebnf
      .replace(/\(\*[\s\S]*?\*\)/g, " ")
      .replace(/"[^"]*"/g, " ")
      .replace(/\?[^?;]*\?/g, " ");
    const used = new Set(code.match(/\b[A-Z][A-Za-z]*\b/g) ?? []);
    const defined = new Set([...ebnf.matchAll(/^([A-Z][A-Za-z]*) =/gm)].map((m) => m[1]));
    for (const t of used) expect(defined, `token ${t} is used but not defined`).toContain(t);
  });
});

const CHROMIUM = "/usr/bin/chromium";

/** playwright-core if it is already installed (it is never installed for this test). */
async function playwright(): Promise<{ chromium: { launch(o: object): Promise<Browser> } } | undefined> {
  const name = "playwright-core";
  try {
    return (await import(name)) as { chromium: { launch(o: object): Promise<Browser> } };
  } catch {
    return undefined;
  }
}
interface Browser {
  newPage(): Promise<{
    route(
      pattern: string,
      handler: (route: {
        abort(): Promise<void>;
        continue(): Promise<void>;
        request(): { url(): string };
      }) => Promise<void>,
    ): Promise<void>;
    goto(url: string): Promise<unknown>;
    evaluate<T>(expression: string): Promise<T>;
  }>;
  close(): Promise<void>;
}

const pw = existsSync(CHROMIUM) ? await playwright() : undefined;

describe("diagrams.html in a browser", () => {
  it.skipIf(!pw)("renders an SVG diagram for every rule, with no network", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pacta-grammar-"));
    const browser = await pw!.chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", `--user-data-dir=${dir}`],
    });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      await page.route("**/*", async (route) => {
        const url = route.request().url();
        if (!url.startsWith("file:")) {
          requested.push(url);
          await route.abort();
        } else await route.continue();
      });
      await page.goto(pathToFileURL(repoPath(OUTPUTS.diagrams)).href);
      // A string, not a function: the project's TypeScript has no DOM types.
      const drawn =
        await page.evaluate<number>(`Array.from(document.querySelectorAll("svg.railroad-diagram")).filter((s) => {
        const box = s.getBBox();
        return box.width > 0 && box.height > 0 && s.querySelectorAll("path").length > 0;
      }).length`);
      expect(requested).toEqual([]);
      expect(drawn).toBe(ruleNames().length);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
