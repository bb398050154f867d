import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { tableToIPC, tableFromIPC } from 'apache-arrow';
import { NativeEngine } from '../shared/engine/node/nativeEngine';
const e = new NativeEngine({ dir: mkdtempSync(path.join(tmpdir(), 'rt-')) });
await e.init();
async function t(label: string, fn: () => unknown) {
  for (let i = 0; i < 100; i++) await fn();
  const u0 = process.cpuUsage();
  const N = 500;
  for (let i = 0; i < N; i++) await fn();
  const u = process.cpuUsage(u0);
  console.log(label.padEnd(40), ((u.user + u.system) / N).toFixed(0), 'µs CPU');
}
const sql = 'SELECT 1 AS x';
const tbl = await e.query(sql);
const ipc = tableToIPC(tbl, 'stream');
const msg = v8.serialize({ ok: true, ipc, id: 5 });
await t('NativeEngine.query', () => e.query(sql));
await t('tableToIPC', () => tableToIPC(tbl, 'stream'));
await t('tableFromIPC', () => tableFromIPC(ipc));
await t('v8.serialize', () => v8.serialize({ ok: true, ipc, id: 5 }));
await t('v8.deserialize', () => v8.deserialize(msg));
await e.close();
