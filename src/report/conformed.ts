/**
 * The conformed copy: the agreement's words as amended on a date, every amended provision
 * footnoted with the instrument and item that changed it and the date from which it governs.
 * Formulas are not shown (a lawyer reads the words; `pacta explain` shows the formulas).
 */
import type { VersionedAgreement } from "../amend/amend.ts";
import { viewOn } from "../amend/amend.ts";
import { amendmentsInForce, clauseOrder, versionsOn } from "../amend/in-force.ts";
import { definitionWords, flowText, remainderWords, versionText } from "./values.ts";
import type { Provenance } from "../syntax/ast.ts";
import type { AgreementView, VersionLabel } from "../semantics/view.ts";

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
  const historyAsOf = (key: string) => versionsOn(va, key, asOf);
  const note = (key: string, v: VersionLabel): string => {
    if (!v.item) return "";
    const h = historyAsOf(key);
    const lines = h.map(
      (x) =>
        `${x.change === "original" ? "Original wording" : x.change[0]!.toUpperCase() + x.change.slice(1)}: ${versionText(x.version)}`,
    );
    notes.push(`[${notes.length + 1}] ${key.replace(/^(\w+):/, "$1 ")}. ${lines.join("; ")}.`);
    return ` [${notes.length}]`;
  };
  const out: string[] = [];
  out.push(ag.title.toUpperCase());
  if (ag.datedAsOf) out.push(`Dated as of ${ag.datedAsOf}`);
  for (const p of ag.parties) out.push(`${p.name}, as ${p.role}`);
  const inForce = amendmentsInForce(va, asOf);
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
    const words = d.text ? definitionWords(d.name, d.text.text) : "(no text)";
    out.push(wrap(`${head} ${words}`, 100, ""));
    if (d.reading) out.push(wrap(`Reading: ${d.reading.text}`, 100, "    "));
    out.push("");
  }

  out.push("DISTRIBUTIONS", "");
  for (const { section: s, clauses } of view.sections) {
    out.push(`Section ${s.id}${s.title ? `. ${s.title}` : ""}${tag(s.provenance)}`);
    if (s.text) out.push(wrap(s.text.text, 100, "  "));
    // Clauses deleted by an amendment in force keep their place, marked [Deleted] and footnoted.
    const current = new Map(clauses.map((c) => [c.node.id, c]));
    for (const id of clauseOrder(va, s.id)) {
      const inForce = current.get(id);
      if (inForce) {
        const { node: c, version } = inForce;
        out.push(
          wrap(
            `${c.label}${tag(c.provenance)}${note(`clause:${c.id}`, version)} ${c.text ? c.text.text : "(no text)"}`,
            100,
            "  ",
          ),
        );
        if (c.reading) out.push(wrap(`Reading: ${c.reading.text}`, 100, "      "));
        continue;
      }
      const last = historyAsOf(`clause:${id}`).at(-1);
      if (last?.change === "deleted")
        out.push(
          wrap(`${/\([^()]+\)$/.exec(id)?.[0] ?? id} [Deleted]${note(`clause:${id}`, last.version)}`, 100, "  "),
        );
    }
    if (s.remainderTo) out.push(wrap(remainderWords(s), 100, "  "));
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
