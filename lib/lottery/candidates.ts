import type { Costs } from "./costs";
import { MinHeap } from "./heap";
import type { Problem } from "./problem";

/**
 * The residual graph of the flow, contracted onto sessions. Entry nodes are many and sessions
 * few, and an augmenting path only ever enters an entry to leave it at once, so every residual
 * path is a chain of two kinds of session-level arcs:
 *   start  source → s:  some entry that asked for s and does not hold it takes a place in s;
 *                       cost −bonus−gain if it is its first place, −gain otherwise.
 *   move   u → v:       an entry holding u and asking for v gives up u for v; cost gain(u) − gain(v).
 * Each arc's cost is the cheapest such entry, kept in a lazy heap per arc (stale candidates are
 * dropped when they reach the top) and cached in startMin / moveMin for the shortest-path search.
 */
export class Candidates {
  readonly m: number;
  readonly holds: Uint8Array;
  readonly places: Int32Array;
  readonly filled: Int32Array;
  readonly entryOf: Int32Array;
  readonly startMin: Float64Array;
  readonly startArg: Int32Array;
  readonly moveMin: Float64Array;
  readonly moveArg: Int32Array;
  /** Row u lists the v with a finite moveMin[u·m + v], so the search skips empty arcs. */
  readonly adj: Int32Array;
  readonly adjLen: Int32Array;
  private readonly adjPos: Int32Array;
  private readonly startHeaps: MinHeap[];
  private readonly moveHeaps: (MinHeap | undefined)[];

  constructor(
    readonly p: Problem,
    private readonly costs: Costs,
  ) {
    const m = (this.m = p.sessionIds.length);
    this.holds = new Uint8Array(p.prefSession.length);
    this.places = new Int32Array(p.entryIds.length);
    this.filled = new Int32Array(m);
    this.entryOf = new Int32Array(p.prefSession.length);
    this.startMin = new Float64Array(m).fill(Infinity);
    this.startArg = new Int32Array(m).fill(-1);
    this.moveMin = new Float64Array(m * m).fill(Infinity);
    this.moveArg = new Int32Array(m * m).fill(-1);
    this.adj = new Int32Array(m * m);
    this.adjLen = new Int32Array(m);
    this.adjPos = new Int32Array(m * m).fill(-1);
    this.startHeaps = Array.from({ length: m }, () => new MinHeap());
    this.moveHeaps = new Array<MinHeap | undefined>(m * m);
    for (let e = 0; e < p.entryIds.length; e++) {
      for (let j = p.prefStart[e]!; j < p.prefStart[e + 1]!; j++) {
        this.entryOf[j] = e;
        this.startHeaps[p.prefSession[j]!]!.push(this.startKey(j), j);
      }
    }
    for (let s = 0; s < m; s++) this.refreshStart(s);
  }

  /** Cost of the start arc for preference j as things stand now. */
  startKey(j: number): number {
    const first = this.places[this.entryOf[j]!] === 0 ? this.costs.bonus : 0;
    return -first - this.costs.gain[j]!;
  }

  prefOf(e: number, session: number): number {
    for (let j = this.p.prefStart[e]!; j < this.p.prefStart[e + 1]!; j++)
      if (this.p.prefSession[j] === session) return j;
    return -1;
  }

  /** Bit i set when the entry holds its (i+1)-th ranked session. */
  mask(e: number): number {
    let mask = 0;
    for (let j = this.p.prefStart[e]!, i = 0; j < this.p.prefStart[e + 1]!; j++, i++) if (this.holds[j]) mask |= 1 << i;
    return mask;
  }

  private refreshStart(s: number): void {
    const heap = this.startHeaps[s]!;
    while (heap.size && (this.holds[heap.topValue()] || heap.topKey() !== this.startKey(heap.topValue()))) heap.pop();
    this.startMin[s] = heap.size ? heap.topKey() : Infinity;
    this.startArg[s] = heap.size ? heap.topValue() : -1;
  }

  private refreshMove(u: number, v: number): void {
    const arc = u * this.m + v;
    const heap = this.moveHeaps[arc];
    while (heap?.size) {
      const e = heap.topValue();
      if (this.holds[this.prefOf(e, u)] && !this.holds[this.prefOf(e, v)]) break;
      heap.pop();
    }
    const had = this.moveMin[arc] !== Infinity;
    this.moveMin[arc] = heap?.size ? heap.topKey() : Infinity;
    this.moveArg[arc] = heap?.size ? heap.topValue() : -1;
    const has = this.moveMin[arc] !== Infinity;
    if (has && !had) {
      this.adjPos[arc] = this.adjLen[u]!;
      this.adj[u * this.m + this.adjLen[u]!++] = v;
    } else if (had && !has) {
      const last = this.adj[u * this.m + --this.adjLen[u]!]!;
      const pos = this.adjPos[arc]!;
      this.adj[u * this.m + pos] = last;
      this.adjPos[u * this.m + last] = pos;
      this.adjPos[arc] = -1;
    }
  }

  private pushMove(u: number, v: number, key: number, e: number): void {
    const arc = u * this.m + v;
    (this.moveHeaps[arc] ??= new MinHeap()).push(key, e);
  }

  /**
   * After entry e's holdings changed (from oldMask; oldPlaced = it held something before), add
   * every candidate that has just become valid, then re-read the arcs the entry can touch.
   * A candidate is pushed when it becomes valid, and only dropped once invalid, so every valid
   * candidate is always in its heap.
   */
  update(e: number, oldMask: number, oldPlaced: boolean): void {
    const { prefStart, prefSession } = this.p;
    const gain = this.costs.gain;
    const newMask = this.mask(e);
    const placedChanged = oldPlaced !== this.places[e]! > 0;
    const start = prefStart[e]!;
    const count = prefStart[e + 1]! - start;
    for (let a = 0; a < count; a++) {
      const heldNow = (newMask >> a) & 1;
      if (!heldNow && ((oldMask >> a) & 1 || placedChanged))
        this.startHeaps[prefSession[start + a]!]!.push(this.startKey(start + a), start + a);
      if (!heldNow) continue;
      for (let b = 0; b < count; b++) {
        if ((newMask >> b) & 1) continue;
        const wasValid = (oldMask >> a) & 1 && !((oldMask >> b) & 1);
        if (!wasValid)
          this.pushMove(prefSession[start + a]!, prefSession[start + b]!, gain[start + a]! - gain[start + b]!, e);
      }
    }
    for (let a = 0; a < count; a++) {
      this.refreshStart(prefSession[start + a]!);
      for (let b = 0; b < count; b++) if (a !== b) this.refreshMove(prefSession[start + a]!, prefSession[start + b]!);
    }
  }
}
