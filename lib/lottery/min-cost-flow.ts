import { Candidates } from "./candidates";
import { buildCosts } from "./costs";
import { NodeHeap } from "./heap";
import type { Problem } from "./problem";

/**
 * Exact min-cost flow by successive shortest paths: source → entry → session → sink, gains as
 * negative costs (see costs.ts), searched on the session-level graph of candidates.ts with
 * Dijkstra on reduced costs. Each augmentation grants exactly one more place. Augmenting stops
 * when the cheapest path no longer has a negative cost, since more flow would lower the gain.
 * Returns, per preference of the problem, whether it was granted.
 */
export function solveMinCostFlow(p: Problem): Uint8Array {
  const c = new Candidates(p, buildCosts(p));
  const search = new PathSearch(c);
  for (;;) {
    const reduced = search.run();
    if (reduced === Infinity) break;
    search.updatePotentials(reduced);
    if (search.sinkPotential >= 0) break;
    augment(c, search.pred);
  }
  return c.holds;
}

/**
 * Node m is the sink; the source is implicit with potential 0. A node's potential is
 * raw[v] + shift: each round raises every unsettled node by the same amount, which then costs
 * one addition instead of a pass over all nodes. Stamps (`gen`) replace clearing arrays per round.
 */
class PathSearch {
  private readonly raw: Float64Array;
  private shift = 0;
  readonly pred: Int32Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly closed: Int32Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private gen = 0;
  private readonly heap: NodeHeap;

  constructor(private readonly c: Candidates) {
    const m = c.m;
    this.dist = new Float64Array(m + 1);
    this.pred = new Int32Array(m + 1);
    this.seen = new Int32Array(m + 1);
    this.closed = new Int32Array(m + 1);
    this.settled = new Int32Array(m + 1);
    this.heap = new NodeHeap(m + 1);
    // At the start the graph is source → session → sink only, so shortest distances are direct.
    this.raw = new Float64Array(m + 1);
    let sink = 0;
    for (let s = 0; s < m; s++) {
      if (c.startMin[s] === Infinity) continue;
      this.raw[s] = c.startMin[s]!;
      sink = Math.min(sink, c.startMin[s]!);
    }
    this.raw[m] = sink;
  }

  /** True cost of the cheapest path to the sink, once updatePotentials has run. */
  get sinkPotential(): number {
    return this.raw[this.c.m]! + this.shift;
  }

  private reach(v: number, d: number, from: number): void {
    if (this.seen[v] === this.gen && d >= this.dist[v]!) return;
    this.seen[v] = this.gen;
    this.dist[v] = d;
    this.pred[v] = from;
    this.heap.set(v, d);
  }

  private relax(u: number, v: number, base: number, cost: number): void {
    const reducedCost = cost + this.raw[u]! - this.raw[v]!;
    if (reducedCost < 0) throw new Error(`lottery: negative reduced cost ${reducedCost} on ${u} → ${v}`);
    this.reach(v, base + reducedCost, u);
  }

  /** Dijkstra that stops once the sink is settled; returns its reduced distance. */
  run(): number {
    const { c, heap, raw } = this;
    const m = c.m;
    this.gen++;
    this.settledCount = 0;
    heap.clear();
    for (let s = 0; s < m; s++) {
      if (c.startMin[s] === Infinity) continue;
      const d = c.startMin[s]! - raw[s]! - this.shift;
      if (d < 0) throw new Error(`lottery: negative reduced cost ${d} on source → ${s}`);
      this.reach(s, d, -1);
    }
    while (heap.size) {
      const u = heap.pop();
      const d = this.dist[u]!;
      this.closed[u] = this.gen;
      this.settled[this.settledCount++] = u;
      if (u === m) return d;
      if (c.filled[u]! < c.p.capacity[u]!) this.relax(u, m, d, 0);
      for (let i = 0, row = u * m; i < c.adjLen[u]!; i++) {
        const v = c.adj[row + i]!;
        if (this.closed[v] !== this.gen) this.relax(u, v, d, c.moveMin[row + v]!);
      }
    }
    return Infinity;
  }

  /**
   * pot += min(dist, D) with D the sink's distance. Nodes left unsettled are at least D away, so
   * every residual arc keeps a non-negative reduced cost, and the sink's potential becomes the
   * true cost of the path just found.
   */
  updatePotentials(sinkDistance: number): void {
    for (let i = 0; i < this.settledCount; i++) {
      const v = this.settled[i]!;
      this.raw[v]! += this.dist[v]! - sinkDistance;
    }
    this.shift += sinkDistance;
  }
}

/** Grants one more place along the path found: the first entry gains a place, the others move. */
function augment(c: Candidates, pred: Int32Array): void {
  const m = c.m;
  let v = pred[m]!;
  c.filled[v]!++;
  const steps: number[] = [];
  while (pred[v] !== -1) {
    const u = pred[v]!;
    const e = c.moveArg[u * m + v]!;
    steps.push(c.prefOf(e, u), c.prefOf(e, v));
    v = u;
  }
  steps.push(-1, c.startArg[v]!);
  const before = new Map<number, { mask: number; placed: boolean }>();
  for (let i = 1; i < steps.length; i += 2) {
    const e = c.entryOf[steps[i]!]!;
    if (!before.has(e)) before.set(e, { mask: c.mask(e), placed: c.places[e]! > 0 });
  }
  for (let i = 0; i < steps.length; i += 2) {
    const from = steps[i]!;
    const to = steps[i + 1]!;
    if (from >= 0) c.holds[from] = 0;
    else c.places[c.entryOf[to]!]!++;
    c.holds[to] = 1;
  }
  for (const [e, old] of before) c.update(e, old.mask, old.placed);
}
