import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec } from '../../shared/analysis/pareto/spec';
import { computeSurvival, type SurvivalResult } from '../../shared/analysis/survival/compute';
import { analysisResult } from '../../renderer/editors/deck/model';
import type { DeckAnalysis } from '../../renderer/editors/deck/sources';
import { clearOffered, computeOnce, offerResults } from '../../renderer/study/preparedRuns';
import { useAnalysisRuns } from '../../renderer/store/analysisRuns';
import { DATA } from '../helpers/paths';

/** The real engine, counting the statements that reach it (what the Log panel lists). */
class CountingEngine {
  statements = 0;
  constructor(readonly inner: QueryEngine) {}
  query(sql: string): Promise<Table> {
    this.statements++;
    return this.inner.query(sql);
  }
}

const PARETO = { table: 'telco', customer: 'customerID', value: { kind: 'column' as const, column: 'TotalCharges' } };
const SURVIVAL = { table: 'telco', time: { kind: 'duration' as const, column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, group: 'Contract' };
const pareto: DeckAnalysis = { key: 't1', tabId: 't1', kind: 'pareto', spec: PARETO as DeckAnalysis['spec'], preferred: true };
const survival: DeckAnalysis = { key: 't2', tabId: 't2', kind: 'survival', spec: SURVIVAL as DeckAnalysis['spec'], preferred: true };
const hazard: DeckAnalysis = { ...survival, key: 't2:hazard', kind: 'hazard', view: { hazardWidth: 6 }, preferred: false };

describe('the deck takes the results the analyses already have (real duckdb-wasm, statements counted)', () => {
  const wasm = new WasmNodeEngine();
  let engine: CountingEngine;
  const deckEngine = () => engine as unknown as QueryEngine;

  beforeAll(async () => {
    await wasm.init();
    await importFile(wasm, nodeFileSource(`${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`), { tableName: 'telco' });
  }, 120_000);
  afterAll(() => wasm.close());
  beforeEach(() => {
    engine = new CountingEngine(wasm);
    useAnalysisRuns.getState().clear();
    clearOffered();
  });

  it("uses the editors' results: no statement when the deck loads, the hazard view shares its survival result", async () => {
    // What the editors do when they run (Pareto and survival editors go through computeOnce).
    const p = await computeOnce('t1', PARETO, () => computePareto(wasm, parseParetoSpec(PARETO)));
    await computeOnce('t2', SURVIVAL, () => computeSurvival(wasm, SURVIVAL));
    const r = (await analysisResult(deckEngine(), pareto)) as typeof p & { spec: unknown };
    expect(r.top20.share).toBe(p.top20.share);
    expect(r.spec).toEqual(parseParetoSpec(PARETO));
    await analysisResult(deckEngine(), survival);
    const h = (await analysisResult(deckEngine(), hazard)) as SurvivalResult;
    expect(h.hazardWidth).toBe(6);
    expect(engine.statements).toBe(0);
  });

  it('computes an analysis that has no result once, keeps it with the analysis and hands it to its editor', async () => {
    await analysisResult(deckEngine(), survival);
    const once = engine.statements;
    expect(once).toBeGreaterThan(0);
    await analysisResult(deckEngine(), survival);
    await analysisResult(deckEngine(), hazard);
    expect(engine.statements).toBe(once);
    // The editor's first run takes the deck's result instead of computing.
    let computed = false;
    await computeOnce('t2', SURVIVAL, async () => ((computed = true), computeSurvival(wasm, SURVIVAL)));
    expect(computed).toBe(false);
    // A split copy keeps it; a closed tab drops it.
    useAnalysisRuns.getState().copy('t2', 't3');
    await analysisResult(deckEngine(), { ...survival, key: 't3', tabId: 't3' });
    expect(engine.statements).toBe(once);
    useAnalysisRuns.getState().drop('t2');
    await analysisResult(deckEngine(), survival);
    expect(engine.statements).toBe(2 * once);
  });

  it("takes a study run's result not yet taken by its editor, and computes again once the settings differ", async () => {
    const result = await computePareto(wasm, parseParetoSpec(PARETO));
    offerResults([{ id: 't1', spec: PARETO, result }]);
    await analysisResult(deckEngine(), pareto);
    expect(engine.statements).toBe(0);
    await analysisResult(deckEngine(), { ...pareto, spec: { ...pareto.spec, a: 0.7 } });
    expect(engine.statements).toBeGreaterThan(0);
  });
});
