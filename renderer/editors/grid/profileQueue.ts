/** What a listener hears once: the value, or the error's message. */
export type ProfileOutcome<T> = { value: T } | { error: string };

type Listener<T> = (outcome: ProfileOutcome<T>) => void;

interface Job<T> {
  key: string;
  run: () => Promise<T>;
  listeners: Set<Listener<T>>;
}

/**
 * Column profiles are computed one job at a time: the engine has one connection, so a burst of
 * profile queries would queue ahead of the grid's own windows and the user's SQL. At most one
 * profile job is ever in the engine; the rest wait here, where they can still be dropped.
 *
 * Jobs are deduplicated by key (callers put table, column and row count in it), finished values
 * are kept (bounded, least recently used first out), errors are not (the next request retries).
 * A job whose listeners have all gone before it starts is dropped; a running one finishes (the
 * engine's cancel() would hit whatever runs, possibly someone else's query) and is cached.
 */
export class ProfileQueue<T> {
  private readonly done = new Map<string, T>();
  private waiting: Job<T>[] = [];
  private current: Job<T> | null = null;

  constructor(private readonly limit = 512) {}

  /** A finished value, if there is one (marks it recently used). */
  peek(key: string): T | undefined {
    const v = this.done.get(key);
    if (v !== undefined) {
      this.done.delete(key);
      this.done.set(key, v);
    }
    return v;
  }

  /** True while the key waits or runs. */
  busy(key: string): boolean {
    return this.current?.key === key || this.waiting.some((j) => j.key === key);
  }

  /** Keys waiting to start, next first (for tests and diagnostics). */
  get queued(): string[] {
    return this.waiting.map((j) => j.key);
  }

  get running(): string | null {
    return this.current?.key ?? null;
  }

  /**
   * Ask for a key's value; `listener` hears once (synchronously when already done). `front` puts
   * the job first in line (a user asked for this one). Returns a release: call it when the answer
   * is no longer wanted.
   */
  request(key: string, run: () => Promise<T>, listener: Listener<T>, front = false): () => void {
    const known = this.peek(key);
    if (known !== undefined) {
      listener({ value: known });
      return () => undefined;
    }
    let job = this.current?.key === key ? this.current : this.waiting.find((j) => j.key === key);
    if (!job) {
      job = { key, run, listeners: new Set() };
      if (front) this.waiting.unshift(job);
      else this.waiting.push(job);
    } else if (front && job !== this.current) {
      this.waiting = [job, ...this.waiting.filter((j) => j !== job)];
    }
    // A fresh function per request, so the same listener may be registered (and released) twice.
    const entry: Listener<T> = (o) => listener(o);
    job.listeners.add(entry);
    const held = job;
    this.pump();
    return () => {
      held.listeners.delete(entry);
      if (held.listeners.size === 0 && held !== this.current) this.waiting = this.waiting.filter((j) => j !== held);
    };
  }

  private pump(): void {
    if (this.current || this.waiting.length === 0) return;
    const job = this.waiting.shift()!;
    this.current = job;
    const settle = (o: ProfileOutcome<T>) => {
      if ('value' in o) this.remember(job.key, o.value);
      this.current = null;
      this.pump();
      for (const l of [...job.listeners]) l(o);
    };
    let started: Promise<T>;
    try {
      started = job.run();
    } catch (err) {
      started = Promise.reject(err);
    }
    started.then(
      (value) => settle({ value }),
      (err: unknown) => settle({ error: err instanceof Error ? err.message : String(err) }),
    );
  }

  private remember(key: string, value: T): void {
    this.done.delete(key);
    this.done.set(key, value);
    while (this.done.size > this.limit) this.done.delete(this.done.keys().next().value as string);
  }
}
