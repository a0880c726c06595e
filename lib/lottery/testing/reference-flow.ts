import { createHash } from "node:crypto";
import type { LotteryInput } from "../types";

/**
 * A second reference for tests, for instances too big to enumerate: plain successive shortest
 * paths with Bellman-Ford on the explicit source → entry → session → sink graph, costs kept as
 * (placed, weight, tie-break) tuples compared lexicographically instead of one scaled integer.
 * Slow and simple; it shares no code with the solver.
 */
type Cost = [number, number, number];
type Arc = { to: number; cap: number; cost: Cost; rev: number };

const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const less = (a: Cost, b: Cost) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function buildGraph(input: LotteryInput) {
  const key = (id: string) =>
    createHash("sha256")
      .update(input.seed + id)
      .digest("hex");
  const entries = [...input.entries].sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
  const n = entries.length;
  const sink = 1 + n + input.sessions.length;
  const graph: Arc[][] = Array.from({ length: sink + 1 }, () => []);
  const link = (from: number, to: number, cap: number, cost: Cost) => {
    graph[from]!.push({ to, cap, cost, rev: graph[to]!.length });
    graph[to]!.push({ to: from, cap: 0, cost: [-cost[0], -cost[1], -cost[2]], rev: graph[from]!.length - 1 });
  };
  const sessionNode = new Map(input.sessions.map((s, i) => [s.id, 1 + n + i]));
  entries.forEach((entry, pos) => {
    link(0, 1 + pos, 1, [-1, 0, 0]);
    link(0, 1 + pos, entry.ranking.length - 1, [0, 0, 0]);
    entry.ranking.forEach((sessionId, r) =>
      link(1 + pos, sessionNode.get(sessionId)!, 1, [0, -(5 - r), -(n - pos) * (5 - r)]),
    );
  });
  input.sessions.forEach((s) => link(sessionNode.get(s.id)!, sink, s.capacity, [0, 0, 0]));
  return { graph, sink };
}

/** The best (placed, weight, tie-break) a feasible assignment reaches. */
export function referenceObjective(input: LotteryInput): Cost {
  const { graph, sink } = buildGraph(input);
  let total: Cost = [0, 0, 0];
  for (;;) {
    const dist: (Cost | null)[] = graph.map(() => null);
    const via: ({ from: number; arc: number } | null)[] = graph.map(() => null);
    dist[0] = [0, 0, 0];
    for (let round = 0, changed = true; changed && round < graph.length; round++) {
      changed = false;
      graph.forEach((arcs, u) => {
        const du = dist[u];
        if (!du) return;
        arcs.forEach((arc, i) => {
          if (arc.cap === 0) return;
          const d = add(du, arc.cost);
          if (dist[arc.to] === null || less(d, dist[arc.to]!) < 0) {
            dist[arc.to] = d;
            via[arc.to] = { from: u, arc: i };
            changed = true;
          }
        });
      });
    }
    const best = dist[sink];
    if (!best || less(best, [0, 0, 0]) >= 0) return [0 - total[0], 0 - total[1], 0 - total[2]];
    for (let v = sink; v !== 0; v = via[v]!.from) {
      const arc = graph[via[v]!.from]![via[v]!.arc]!;
      arc.cap--;
      graph[v]![arc.rev]!.cap++;
    }
    total = add(total, best);
  }
}
