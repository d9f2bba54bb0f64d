/**
 * The dependency graph of an agreement view: defined terms and waterfall clauses as nodes, an edge
 * wherever one needs the other's value on the same Distribution Date (`prior` reads the previous
 * date and adds no edge). `available at S(k)` depends on clauses 1…k−1 of S; `paid at S(k)` on
 * clauses 1…k; `… after distributions` on every payment clause; a clause on its section's source,
 * its amount and its condition.
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import { walk } from "../syntax/walk.ts";
import { findClause, type AgreementView } from "./view.ts";

/** Node names: `term:Name` or `clause:4.02(c)(xii)`. */
export type NodeId = string;

/** Adjacency: node → nodes it depends on, each with where the dependency is written. */
export type Graph = Map<NodeId, { to: NodeId; loc: import("../core/diagnostics.ts").SourceLocation }[]>;

function exprDeps(e: Expr, view: AgreementView, add: (to: NodeId, loc: Expr["loc"]) => void): void {
  walk(e, (x) => {
    switch (x.kind) {
      case "term":
        add(`term:${x.name}`, x.loc);
        break;
      case "available":
      case "paid": {
        const f = findClause(view, x.provision);
        if (!f) break;
        const upto = x.kind === "available" ? f.index : f.index + 1;
        for (let i = 0; i < upto; i++) add(`clause:${f.section.clauses[i]!.node.id}`, x.loc);
        break;
      }
      case "classField":
      case "collateral":
        if (x.kind === "classField" && x.field === "certificate principal balance after distributions") {
          for (const s of view.sections)
            if (s.section.source) for (const c of s.clauses) add(`clause:${c.node.id}`, x.loc);
        }
        break;
    }
  });
}

/** Builds the same-date dependency graph of `view`. */
export function dependencyGraph(view: AgreementView): Graph {
  const g: Graph = new Map();
  const node = (id: NodeId) => {
    let l = g.get(id);
    if (!l) g.set(id, (l = []));
    return l;
  };
  for (const [name, d] of view.definitions) {
    const l = node(`term:${name}`);
    exprDeps(d.node.means, view, (to, loc) => l.push({ to, loc }));
  }
  for (const s of view.sections) {
    for (const c of s.clauses) {
      const l = node(`clause:${c.node.id}`);
      if (s.section.source) l.push({ to: `term:${s.section.source.name}`, loc: s.section.source.loc });
      for (const e of clauseExprs(c.node)) exprDeps(e, view, (to, loc) => l.push({ to, loc }));
    }
  }
  return g;
}

/** The expressions a clause evaluates: its condition and its amount. */
export function clauseExprs(c: Clause): Expr[] {
  const out: Expr[] = [];
  if (c.condition) out.push(c.condition);
  if (c.action.kind === "pay" && c.action.amount.kind === "amount") out.push(c.action.amount.expr);
  if (c.action.kind === "writeDown") out.push(c.action.amount);
  return out;
}

/**
 * The cycles of `g`: each strongly connected component with more than one node (or a node that
 * depends on itself), as a chain of nodes in dependency order.
 */
export function cycles(g: Graph): NodeId[][] {
  // Tarjan's algorithm with an explicit stack, so a chain of thousands of provisions needs no recursion.
  let index = 0;
  const idx = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const out: NodeId[][] = [];
  for (const root of g.keys()) {
    if (idx.has(root)) continue;
    const work: { v: NodeId; edges: { to: NodeId }[]; next: number }[] = [];
    const enter = (v: NodeId) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      work.push({ v, edges: g.get(v) ?? [], next: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.next < top.edges.length) {
        const to = top.edges[top.next++]!.to;
        if (!g.has(to)) continue;
        if (!idx.has(to)) enter(to);
        else if (onStack.has(to)) low.set(top.v, Math.min(low.get(top.v)!, idx.get(to)!));
        continue;
      }
      work.pop();
      const v = top.v;
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(v)!));
      if (low.get(v) === idx.get(v)) {
        const comp: NodeId[] = [];
        let w: NodeId;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        const selfLoop = (g.get(v) ?? []).some((e) => e.to === v);
        if (comp.length > 1 || selfLoop) out.push(orderCycle(g, comp));
      }
    }
  }
  return out;
}

/** Orders a component as a walk that follows dependencies, starting from its first term. */
function orderCycle(g: Graph, comp: NodeId[]): NodeId[] {
  const set = new Set(comp);
  const start = comp.filter((c) => c.startsWith("term:")).sort()[0] ?? comp.sort()[0]!;
  const chain = [start];
  const seen = new Set([start]);
  let cur = start;
  for (;;) {
    const next = (g.get(cur) ?? []).map((e) => e.to).find((t) => set.has(t) && !seen.has(t));
    if (!next) break;
    chain.push(next);
    seen.add(next);
    cur = next;
  }
  return chain;
}

/** "Group I X" → "term "Group I X""; "clause:4.02(c)(xii)" → "clause 4.02(c)(xii)". */
export function describeNode(id: NodeId): string {
  return id.startsWith("term:") ? `"${id.slice(5)}"` : `clause ${id.slice(7)}`;
}
