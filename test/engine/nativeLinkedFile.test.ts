import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { NativeEngine } from '../../shared/engine/node/nativeEngine';

const dir = mkdtempSync(join(tmpdir(), 'tenure-linked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The native engine hard-links an opened file into its own (writable, allowed) folder. SQL that writes
// to that name must replace the link, never write through it into the user's source file.
it('COPY … TO the name of an opened file leaves the user file untouched', async () => {
  const user = join(dir, 'user.csv');
  writeFileSync(user, 'a,b\n1,2\n');
  const engine = new NativeEngine({ dir: join(dir, 'engine') });
  await engine.init();
  try {
    await engine.registerFileHandle('user.csv', user);
    expect(statSync(user).nlink).toBe(2); // really linked: the case that could write through
    for (const sql of [`COPY (SELECT 42 AS x) TO 'user.csv'`, `COPY (SELECT 43 AS x) TO 'user.csv' (FORMAT csv, OVERWRITE true)`]) {
      await engine.query(sql).catch(() => undefined); // refused or written elsewhere: both fine
      expect(readFileSync(user, 'utf8'), sql).toBe('a,b\n1,2\n');
    }
  } finally {
    await engine.close();
  }
}, 60_000);
