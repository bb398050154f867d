import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { qi } from '../../shared/engine/sqlQuote';
import { internalTable } from '../../shared/engine/internalTables';
import type { FileSource } from '../../shared/import/FileSource';
import { importFile } from '../../shared/import/importFile';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { foregroundHolds, foregroundIdle } from './foreground';

/** The warm-up's table (a name no file gets: tableNameFor never starts one with "__"; registered as the app's own). */
export const WARM_UP_TABLE = internalTable('__tenure_warm_up');

/** A small transactions CSV: an id, an ISO date, a decimal amount and a text column. */
function sampleCsv(rows = 400): Uint8Array {
  const lines = ['customer_id,order_date,revenue,region'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${1 + ((i * 7) % 97)},2024-01-${day},${((i * 37) % 1000) / 10 + 0.25},R${i % 5}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * duckdb-wasm compiles its code lazily: the first CSV read, the first type detection and the first
 * Pareto each pay hundreds of milliseconds of compilation in the browser. Right after the engine
 * starts (while the user is still choosing a file), a few hundred rows go through the real import
 * and a Pareto once, so the user's first file and first chart run on compiled code. Background work:
 * an import or analysis the user starts meanwhile goes first and ends it (foreground.ts). Failures are ignored.
 */
export async function warmUp(engine: QueryEngine): Promise<void> {
  // Background work that stops for good once the user's own import or analysis has started: from
  // then on their statements compile what they need, and the warm-up's table must not linger.
  const holds = foregroundHolds();
  const bg = Object.create(engine) as QueryEngine;
  bg.query = async (sql) => {
    // Clean-up runs at once, even once overtaken (a tiny DROP between the user's statements), so no
    // sample or staging table of the warm-up outlives it.
    if (/^\s*DROP\s/i.test(sql)) return engine.query(sql);
    await foregroundIdle();
    if (foregroundHolds() !== holds) throw new Error('warm-up overtaken');
    return engine.query(sql);
  };
  const bytes = sampleCsv();
  const src: FileSource = { name: 'warm-up.csv', size: bytes.length, handle: null, read: async (start, end) => bytes.slice(start, end) };
  try {
    await importFile(bg, src, { tableName: WARM_UP_TABLE, replace: true });
    await computePareto(bg, { table: WARM_UP_TABLE, customer: 'customer_id', value: { kind: 'column', column: 'revenue' } });
  } catch {
    // Only a head start: the real work reports its own errors.
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${qi(WARM_UP_TABLE)}`).catch(() => undefined);
  }
}
