import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { qi } from '../../shared/engine/sqlQuote';
import { internalTable } from '../../shared/engine/internalTables';
import type { FileSource } from '../../shared/import/FileSource';
import { importFile } from '../../shared/import/importFile';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { analysisRuns, foregroundFree, foregroundHeld, foregroundHolds, foregroundIdle } from './foreground';

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
  const bg = gated(engine, async () => {
    await foregroundIdle();
    if (foregroundHolds() !== holds) throw new Error('warm-up overtaken');
  });
  const bytes = sampleCsv();
  const src: FileSource = { name: 'warm-up.csv', size: bytes.length, handle: null, read: async (start, end) => bytes.slice(start, end) };
  let analysisWarm = false;
  try {
    await importFile(bg, src, { tableName: WARM_UP_TABLE, replace: true });
    await computePareto(bg, { table: WARM_UP_TABLE, customer: 'customer_id', value: { kind: 'column', column: 'revenue' } });
    analysisWarm = true;
  } catch {
    // Only a head start: the real work reports its own errors.
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${qi(WARM_UP_TABLE)}`).catch(() => undefined);
  }
  if (!analysisWarm) await warmAnalysis(engine);
}

/**
 * The engine as the warm-up uses it: every statement (the dense GROUP BY connection's too) passes
 * `check` first, which throws once the warm-up is overtaken. Clean-up runs at once, even once
 * overtaken (a tiny DROP between the user's statements), so nothing of the warm-up outlives it.
 */
function gated(engine: QueryEngine, check: () => Promise<void>): QueryEngine {
  const bg = Object.create(engine) as QueryEngine;
  bg.query = async (sql) => {
    if (!/^\s*DROP\s/i.test(sql)) await check();
    return engine.query(sql);
  };
  const dense = engine.queryDenseGroups?.bind(engine);
  if (dense) {
    bg.queryDenseGroups = async (sql) => {
      await check();
      return dense(sql);
    };
  }
  return bg;
}

/**
 * The analysis warm-up's generated rows: a temp table (not a view), so the key's statistics let the
 * Pareto take the same dense GROUP BY path as a real file's integer customer ids.
 */
const WARM_UP_ROWS = internalTable('__tenure_warm_up_rows');

/** Rows and customers of the analysis warm-up's table: enough for the partitioned aggregate and sort paths a real file takes. */
const ANALYSIS_WARM_ROWS = 30_000;
const ANALYSIS_WARM_CUSTOMERS = 6_000;

/**
 * The user chose a file before the warm-up got to the Pareto (they usually open a file at once): the
 * import compiled the import's code, but the first analysis would still compile its own. Warm it in
 * the gaps between the user's steps (the foreground free, no grace: right after the import, while the
 * user opens an analysis), one statement at a time, each starting only while nothing holds the
 * foreground; a user step meanwhile waits for at most one short statement. Tried again after being
 * overtaken, until it completes once or the user's first analysis runs.
 */
async function warmAnalysis(engine: QueryEngine): Promise<void> {
  const runsBefore = analysisRuns();
  for (let attempt = 0; attempt < 5 && analysisRuns() === runsBefore; attempt++) {
    await foregroundFree();
    if (analysisRuns() !== runsBefore) return;
    const holds = foregroundHolds();
    const bg = gated(engine, async () => {
      if (foregroundHeld() || foregroundHolds() !== holds) throw new Error('warm-up overtaken');
    });
    try {
      await bg.query(
        `CREATE OR REPLACE TEMP TABLE ${qi(WARM_UP_ROWS)} AS SELECT CAST(1 + (i * 7919) % ${ANALYSIS_WARM_CUSTOMERS} AS BIGINT) AS customer_id, ` +
          `CAST(((i * 37) % 100000) / 100 + 0.25 AS DOUBLE) AS revenue FROM range(${ANALYSIS_WARM_ROWS}) AS t(i)`,
      );
      await computePareto(bg, { table: WARM_UP_ROWS, customer: 'customer_id', value: { kind: 'column', column: 'revenue' } });
      return;
    } catch {
      // Overtaken (or failed): try again at the next gap.
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${qi(WARM_UP_ROWS)}`).catch(() => undefined);
    }
  }
}
