/**
 * Binary min-heap of (key, value) number pairs. Equal keys are ordered by value, so which of
 * several equally good candidates comes first never depends on insertion order.
 */
export class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  topValue(): number {
    return this.vals[0]!;
  }

  clear(): void {
    this.keys.length = 0;
    this.vals.length = 0;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.vals[i]! < this.vals[j]!);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const v = this.vals[i]!;
    this.vals[i] = this.vals[j]!;
    this.vals[j] = v;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.vals.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.vals.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.less(l, best)) best = l;
      if (r < last && this.less(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}

/**
 * Min-heap over node ids 0..size-1 with decrease-key, in typed arrays, for Dijkstra: each node
 * is in it at most once. Equal keys are ordered by node id.
 */
export class NodeHeap {
  readonly key: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private length = 0;

  constructor(size: number) {
    this.key = new Float64Array(size);
    this.heap = new Int32Array(size);
    this.pos = new Int32Array(size).fill(-1);
  }

  get size(): number {
    return this.length;
  }

  clear(): void {
    for (let i = 0; i < this.length; i++) this.pos[this.heap[i]!] = -1;
    this.length = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private place(node: number, i: number): void {
    this.heap[i] = node;
    this.pos[node] = i;
  }

  private up(node: number, from: number): void {
    let i = from;
    while (i > 0) {
      const parent = this.heap[(i - 1) >> 1]!;
      if (!this.less(node, parent)) break;
      this.place(parent, i);
      i = (i - 1) >> 1;
    }
    this.place(node, i);
  }

  /** Inserts the node, or lowers its key if it is already in. */
  set(node: number, key: number): void {
    this.key[node] = key;
    const at = this.pos[node]!;
    this.up(node, at < 0 ? this.length++ : at);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const node = this.heap[--this.length]!;
    if (this.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.length) break;
      const c = l + 1 < this.length && this.less(this.heap[l + 1]!, this.heap[l]!) ? l + 1 : l;
      const child = this.heap[c]!;
      if (!this.less(child, node)) break;
      this.place(child, i);
      i = c;
    }
    this.place(node, i);
    return top;
  }
}
