/** The recent-files list (userData/recent-files.json): newest first, unique paths, at most 10. */
import { z } from 'zod';
import { join } from 'node:path';
import type { RecentFile } from '../shared/host/HostApi';
import { readTextOrNull, writeTextAtomic } from './jsonStore';

export const MAX_RECENT = 10;

const RecentSchema = z.array(z.object({ name: z.string(), path: z.string(), openedAt: z.number() }));

export class RecentFiles {
  private readonly file: string;
  /** Serialises read-modify-write updates so two quick opens don't drop one another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string, fileName = 'recent-files.json') {
    this.file = join(userDataDir, fileName);
  }

  /** A missing or corrupt file reads as an empty list rather than failing the app. */
  async list(): Promise<RecentFile[]> {
    const text = await readTextOrNull(this.file);
    if (text === null) return [];
    try {
      const parsed = RecentSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  async includes(path: string): Promise<boolean> {
    return (await this.list()).some((r) => r.path === path);
  }

  add(entry: RecentFile): Promise<void> {
    return this.update((list) => [entry, ...list.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT));
  }

  remove(path: string): Promise<void> {
    return this.update((list) => list.filter((r) => r.path !== path));
  }

  private update(change: (list: RecentFile[]) => RecentFile[]): Promise<void> {
    const next = this.queue.then(async () => this.save(change(await this.list())));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async save(list: RecentFile[]): Promise<void> {
    await writeTextAtomic(this.file, JSON.stringify(list, null, 2));
  }
}
