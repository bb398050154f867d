/**
 * The fuzz child process: one duckdb-wasm engine in Node, the real import (what `tenure profile`
 * runs) on each file named on stdin, one JSON line per file on stdout. The parent enforces the
 * time limit (it kills this process) and measures memory from outside.
 */
import { createInterface } from 'node:readline';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { TenureError } from '../../shared/errors';

const engine = new WasmNodeEngine();
await engine.init();
let n = 0;
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { path } = JSON.parse(line) as { path: string };
  const started = performance.now();
  let reply: Record<string, unknown>;
  try {
    const r = await importFile(engine, nodeFileSource(path), { tableName: `fuzz_${n++}` });
    await engine.query(`DROP TABLE ${qi(r.table)}`);
    reply = { outcome: 'accepted', rows: r.rows, columns: r.columns.length, warnings: r.warnings.map((w) => w.code) };
  } catch (err) {
    const e = err instanceof TenureError ? err : null;
    reply = e
      ? { outcome: 'error', code: e.code, message: e.message, file: e.file, line: e.line, column: e.column }
      : { outcome: 'raw', message: String((err as Error)?.stack ?? err).slice(0, 2000) };
  }
  process.stdout.write(`${JSON.stringify({ ...reply, ms: Math.round(performance.now() - started) })}\n`);
}
await engine.close();
