/**
 * The conformed copy: the agreement's words as amended on a date, every amended provision
 * footnoted with the instrument and item that changed it and the date from which it governs.
 * Formulas are not shown (a lawyer reads the words; `pacta explain` shows the formulas).
 */
import type { VersionedAgreement } from "../amend/amend.ts";
import { viewOn } from "../amend/amend.ts";
import type { Provenance } from "../syntax/ast.ts";
import type { AgreementView, VersionLabel } from "../semantics/view.ts";

/** Collapses the layout of legal text (line breaks, indentation) to single spaces. */
export function flowText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function wrap(text: string, width: number, indent: string): string {
  const words = flowText(text).split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && (indent + line + " " + w).length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function tag(p?: Provenance): string {
  return p ? ` [${p}]` : "";
}

/**
 * Renders the conformed copy as of `asOf` (YYYY-MM-DD; default: after every amendment). Lines
 * wrap at 100 columns. Footnotes list each amended provision's history.
 */
export function renderConformed(va: VersionedAgreement, asOf?: string): string {
  const view: AgreementView = asOf ? viewOn(va, asOf) : va.views[va.views.length - 1]!;
  const ag = va.base;
  const notes: string[] = [];
  /** A provision's versions as of the copy's date: later changes are not yet part of it. */
  const historyAsOf = (key: string) =>
    (va.history.get(key) ?? []).filter((x) => !asOf || !x.version.effective || x.version.effective <= asOf);
  const note = (key: string, v: VersionLabel): string => {
    if (!v.item) return "";
    const h = historyAsOf(key);
    const lines = h.map(
      (x) =>
        `${x.change === "original" ? "Original wording" : x.change[0]!.toUpperCase() + x.change.slice(1)}: ${x.version.label}${x.version.effective ? `, effective ${x.version.effective}` : ""}`,
    );
    notes.push(`[${notes.length + 1}] ${key.replace(/^(\w+):/, "$1 ")}. ${lines.join("; ")}.`);
    return ` [${notes.length}]`;
  };
  const out: string[] = [];
  out.push(ag.title.toUpperCase());
  if (ag.datedAsOf) out.push(`Dated as of ${ag.datedAsOf}`);
  for (const p of ag.parties) out.push(`${p.name}, as ${p.role}`);
  const inForce = va.amendments.filter(
    (a) => !asOf || a.items.some((i) => i.patch.kind !== "statement" && (i.effective ?? a.dated) <= asOf),
  );
  out.push("");
  out.push(
    inForce.length
      ? `CONFORMED COPY, as amended by ${inForce.map((a) => `${a.title} dated ${a.dated}`).join("; ")}${asOf ? `, as in force on ${asOf}` : ""}`
      : `CONFORMED COPY, as in force${asOf ? ` on ${asOf}` : ""} (no amendment in force)`,
  );
  out.push(
    "Provenance tags: [deal] stated by a deal document; [shelf] the shelf's drafting; [amendment] the amendment's words; [reconstructed] not public, reconstructed.",
  );
  if (ag.text) out.push("", wrap(ag.text.text, 100, ""));

  const described = <T extends { text?: { text: string }; provenance?: Provenance }>(
    title: string,
    items: [string, T][],
  ) => {
    const withText = items.filter(([, x]) => x.text);
    if (!withText.length) return;
    out.push("", title, "");
    // The texts name what they describe ("Group I Loans: …"), so they are printed as written.
    for (const [name, x] of withText) {
      const words = flowText(x.text!.text);
      const named = words.toLowerCase().includes(name.toLowerCase().replace(/^class /, ""));
      out.push(wrap(`${named ? "" : `${name}: `}${words}${tag(x.provenance)}`, 100, ""), "");
    }
    out.pop();
  };
  described(
    "THE MORTGAGE LOANS",
    [...view.groups.values()].map((g) => [g.name, g]),
  );
  described(
    "THE CERTIFICATES",
    [...view.classes.values()].map((c) => [`Class ${c.name}`, c]),
  );
  described(
    "INDEXES",
    [...view.indexes.values()].map((i) => [i.name, i]),
  );

  out.push("", "ARTICLE I", "DEFINITIONS", "");
  const deletedDefs = [...va.history.keys()]
    .filter((k) => k.startsWith("definition:"))
    .map((k) => ({ name: k.slice("definition:".length), last: historyAsOf(k).at(-1) }))
    .filter((x) => x.last?.change === "deleted");
  const entries = [
    ...[...view.definitions.values()].map((d) => ({ name: d.node.name, d })),
    ...deletedDefs.map((x) => ({ name: x.name, deleted: x.last!.version })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if ("deleted" in e) {
      out.push(wrap(`"${e.name}" [Deleted]${note(`definition:${e.name}`, e.deleted)}`, 100, ""), "");
      continue;
    }
    const { node: d, version } = e.d;
    const head = `"${d.name}"${tag(d.provenance)}${note(`definition:${d.name}`, version)}:`;
    // An instrument often quotes a definition with its name in front ("X: With respect to …").
    const words = d.text
      ? flowText(d.text.text).replace(new RegExp(`^${escapeRegExp(d.name)}\\s*:\\s*`), "")
      : "(no text)";
    out.push(wrap(`${head} ${words}`, 100, ""));
    if (d.reading) out.push(wrap(`Reading: ${d.reading.text}`, 100, "    "));
    out.push("");
  }

  /**
   * The clauses of section `sectionId` deleted as of the copy's date, each with the id of the
   * clause in force it followed (undefined: it came first), found from the views before its deletion.
   */
  const deletedClauses = (sectionId: string) => {
    const found: { id: string; label: string; after: string | undefined; version: VersionLabel }[] = [];
    for (const [key, h] of va.history) {
      if (!key.startsWith(`clause:${sectionId}(`)) continue;
      const inForce = historyAsOf(key);
      const last = inForce[inForce.length - 1];
      if (!last || last.change !== "deleted") continue;
      const id = key.slice("clause:".length);
      const before = [...va.views]
        .reverse()
        .find((v) => v.sections.some((x) => x.clauses.some((c) => c.node.id === id)));
      const list = before?.sections.find((x) => x.section.id === sectionId)?.clauses.map((c) => c.node.id) ?? [];
      const at = list.indexOf(id);
      const current = new Set(view.sections.find((x) => x.section.id === sectionId)?.clauses.map((c) => c.node.id));
      const after = list
        .slice(0, Math.max(at, 0))
        .reverse()
        .find((x) => current.has(x));
      found.push({ id, label: /\([^()]+\)$/.exec(id)?.[0] ?? id, after, version: last.version });
    }
    return found;
  };

  out.push("DISTRIBUTIONS", "");
  for (const { section: s, clauses } of view.sections) {
    out.push(`Section ${s.id}${s.title ? `. ${s.title}` : ""}${tag(s.provenance)}`);
    if (s.text) out.push(wrap(s.text.text, 100, "  "));
    // Clauses deleted by an amendment in force keep their place, marked [Deleted] and footnoted.
    const deleted = deletedClauses(s.id);
    const printDeletedAfter = (id: string | undefined) => {
      for (const d of deleted.filter((x) => x.after === id))
        out.push(wrap(`${d.label} [Deleted]${note(`clause:${d.id}`, d.version)}`, 100, "  "));
    };
    printDeletedAfter(undefined);
    for (const { node: c, version } of clauses) {
      out.push(
        wrap(
          `${c.label}${tag(c.provenance)}${note(`clause:${c.id}`, version)} ${c.text ? c.text.text : "(no text)"}`,
          100,
          "  ",
        ),
      );
      if (c.reading) out.push(wrap(`Reading: ${c.reading.text}`, 100, "      "));
      printDeletedAfter(c.id);
    }
    if (s.remainderTo)
      out.push(
        wrap(
          `${s.remainderLabel ?? "Remainder"} ${s.remainderText ? s.remainderText.text : `the remainder to the Class ${s.remainderTo.name} Certificateholders.`}`,
          100,
          "  ",
        ),
      );
    out.push("");
  }

  if (view.provisions.size) {
    out.push("OTHER PROVISIONS", "");
    for (const { node: p, version } of [...view.provisions.values()].sort((a, b) =>
      a.node.id.localeCompare(b.node.id, undefined, { numeric: true }),
    )) {
      out.push(
        wrap(
          `Section ${p.id}${p.title ? ` (${p.title})` : ""}${tag(p.provenance)}${note(`provision:${p.id}`, version)} ${p.text.text}`,
          100,
          "",
        ),
      );
      out.push("");
    }
  }
  if (notes.length) out.push("NOTES", "", ...notes.map((n) => wrap(n, 100, "")), "");
  return out.join("\n");
}
