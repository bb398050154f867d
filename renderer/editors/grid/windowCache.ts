/**
 * Rows of a huge result, fetched in fixed-size windows on demand and kept in a small LRU.
 * One fetch at a time: while one runs, newer requests replace older wishes, so fast scrolling
 * only fetches where the viewport ends up. A reset (new sort/source) bumps the epoch and late
 * answers from before it are dropped.
 */
export interface WindowStoreOptions<R> {
  windowSize: number;
  /** Windows kept in memory. */
  capacity: number;
  fetch(offset: number, limit: number): Promise<R[]>;
  onUpdate(): void;
  onError(err: unknown): void;
}

export class WindowStore<R> {
  private readonly cache = new Map<number, R[]>(); // Map order = recency
  private wanted: number[] = [];
  private busy = false;
  private epoch = 0;

  constructor(private readonly opts: WindowStoreOptions<R>) {}

  get windowSize(): number {
    return this.opts.windowSize;
  }

  /** A cached row, or undefined while its window is not loaded. */
  row(index: number): R | undefined {
    const w = this.cache.get(Math.floor(index / this.opts.windowSize));
    return w?.[index % this.opts.windowSize];
  }

  /** True when every row in [first, last] is cached. */
  has(first: number, last: number): boolean {
    for (let w = this.windowOf(first); w <= this.windowOf(last); w++) if (!this.cache.has(w)) return false;
    return true;
  }

  /** Want rows [first, last] (inclusive); fetches what is missing, most recent wish first. */
  request(first: number, last: number): void {
    const wanted: number[] = [];
    for (let w = this.windowOf(first); w <= this.windowOf(Math.max(first, last)); w++) {
      const hit = this.cache.get(w);
      if (hit) {
        this.cache.delete(w);
        this.cache.set(w, hit);
      } else wanted.push(w);
    }
    this.wanted = wanted;
    void this.pump();
  }

  /** Forget everything (source or sort changed); answers still in flight are ignored. */
  reset(): void {
    this.epoch++;
    this.cache.clear();
    this.wanted = [];
    this.busy = false;
  }

  get cachedWindows(): number[] {
    return [...this.cache.keys()];
  }

  private windowOf(row: number): number {
    return Math.floor(Math.max(0, row) / this.opts.windowSize);
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const w = this.wanted.find((x) => !this.cache.has(x));
    if (w === undefined) return;
    this.busy = true;
    const epoch = this.epoch;
    let rows: R[];
    try {
      rows = await this.opts.fetch(w * this.opts.windowSize, this.opts.windowSize);
    } catch (err) {
      if (epoch !== this.epoch) return;
      this.busy = false;
      this.wanted = [];
      this.opts.onError(err);
      return;
    }
    if (epoch !== this.epoch) return; // stale: a reset happened meanwhile
    this.busy = false;
    this.cache.set(w, rows);
    while (this.cache.size > this.opts.capacity) this.cache.delete(this.cache.keys().next().value as number);
    this.wanted = this.wanted.filter((x) => x !== w);
    this.opts.onUpdate();
    void this.pump();
  }
}
