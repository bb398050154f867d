import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { runStudy } from '../../shared/study/run';
import { STUDY_VERSION, studySchema } from '../../shared/study/schema';
import { whatChanged, type AnalysisChange } from '../../shared/study/whatChanged';
import type { ParetoResult } from '../../shared/analysis/pareto/types';
import type { SurvivalResult } from '../../shared/analysis/survival/compute';
import { DATA } from '../helpers/paths';

const CSV = `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`;

const study = studySchema.parse({
  format: 'tenure-study',
  version: STUDY_VERSION,
  title: 'Telco',
  sources: [{ id: 's1', name: 'telco', path: CSV, fileName: path.basename(CSV), size: 1, mtime: null, fingerprint: null, table: 'telco', options: {}, columns: {} }],
  analyses: [
    { id: 'pareto', kind: 'pareto', title: 'Who makes the profit', spec: { table: 'telco', customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } } },
    { id: 'km', kind: 'survival', spec: { table: 'telco', time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, group: 'Contract' } },
  ],
});

/** Independent counts from the file's own lines (the Telco CSV has no quoted commas). */
function fileFacts(lines: string[]) {
  const head = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const charges = head.indexOf('TotalCharges');
  const contract = head.indexOf('Contract');
  const perContract = new Map<string, number>();
  for (const r of rows) perContract.set(r[contract], (perContract.get(r[contract]) ?? 0) + 1);
  return { withCharges: rows.filter((r) => r[charges].trim() !== '').length, perContract };
}

describe('whatChanged: the Telco export before and after 500 customers left', () => {
  const engine = new WasmNodeEngine();
  let dir = '';
  let changes: AnalysisChange[] = [];
  let before: { pareto: ParetoResult; km: SurvivalResult };
  let after: { pareto: ParetoResult; km: SurvivalResult };
  const lines = readFileSync(CSV, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const smaller = lines.slice(0, lines.length - 500);

  beforeAll(async () => {
    await engine.init();
    dir = mkdtempSync(path.join(tmpdir(), 'tenure-changed-'));
    const next = path.join(dir, 'next-month.csv');
    writeFileSync(next, smaller.join('\n') + '\n');
    const run = async (file: string) => {
      const r = await runStudy(engine, study, () => ({ file, src: () => nodeFileSource(file) }));
      for (const a of r.analyses) expect(a.error, a.analysis.id).toBeUndefined();
      return r.analyses.map((a) => ({ id: a.analysis.id, kind: a.analysis.kind, title: a.analysis.title ?? a.analysis.id, result: a.result }));
    };
    const b = await run(CSV);
    const a = await run(next);
    before = { pareto: b[0].result as ParetoResult, km: b[1].result as SurvivalResult };
    after = { pareto: a[0].result as ParetoResult, km: a[1].result as SurvivalResult };
    changes = whatChanged(b, a);
  }, 240_000);
  afterAll(async () => {
    await engine.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('puts Pareto n, top-20% share, Gini and k80 side by side with the difference', () => {
    const p = changes.find((c) => c.id === 'pareto')!;
    const row = (f: string) => p.rows.find((r) => r.figure === f)!;
    expect(row('n').before).toBe(fileFacts(lines).withCharges);
    expect(row('n').after).toBe(fileFacts(smaller).withCharges);
    expect(row('n').diff).toBe(fileFacts(smaller).withCharges - fileFacts(lines).withCharges);
    expect(row('top20Share').before).toBe(before.pareto.top20.share);
    expect(row('top20Share').after).toBe(after.pareto.top20.share);
    expect(row('top20Share').diff).toBeCloseTo(after.pareto.top20.share - before.pareto.top20.share, 15);
    expect(row('top20Share').before).not.toBe(row('top20Share').after);
    expect([row('gini').before, row('gini').after]).toEqual([before.pareto.gini, after.pareto.gini]);
    expect([row('k80').before, row('k80').after]).toEqual([before.pareto.k80, after.pareto.k80]);
  });

  it('gives the survival median and S(12) per contract and the log-rank χ²', () => {
    const k = changes.find((c) => c.id === 'km')!;
    for (const [contract, n] of fileFacts(smaller).perContract) {
      const nRow = k.rows.find((r) => r.figure === 'n' && r.subject === contract)!;
      expect(nRow.after).toBe(n);
      expect(nRow.before).toBe(fileFacts(lines).perContract.get(contract));
      const s12 = k.rows.find((r) => r.figure === 's12' && r.subject === contract)!;
      const g = before.km.groups.find((x) => x.name === contract)!;
      // S(12) = the last step at or before 12 months
      const last = g.steps.filter((s) => s.time <= 12).at(-1);
      expect(s12.before).toBe(last ? last.survival : 1);
      expect(typeof s12.after).toBe('number');
    }
    const chi = k.rows.find((r) => r.figure === 'logrankChisq')!;
    expect([chi.before, chi.after]).toEqual([before.km.logrank!.chisq, after.km.logrank!.chisq]);
    expect(chi.diff).toBeCloseTo(after.km.logrank!.chisq - before.km.logrank!.chisq, 9);
  });
});

describe('runStudy computes each analysis once', () => {
  const engine = new WasmNodeEngine();
  beforeAll(() => engine.init(), 120_000);
  afterAll(() => engine.close());

  it('a saved Pareto class table and that Pareto share one computation, as do a survival analysis and its hazard view', async () => {
    const spec = { table: 'telco', time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, group: 'class', groupFrom: { table: 'telco_classes', key: 'customer', on: 'customerID' } };
    const s = studySchema.parse({
      ...study,
      derived: [{ kind: 'paretoClasses', table: 'telco_classes', analysis: 'pareto' }],
      analyses: [study.analyses[0], { id: 'km', kind: 'survival', spec }, { id: 'km:hazard', kind: 'hazard', spec }],
    });
    const computed: string[] = [];
    const r = await runStudy(engine, s, () => ({ file: CSV, src: () => nodeFileSource(CSV) }), { onCompute: (a) => computed.push(a.id) });
    expect(r.derived).toEqual([{ table: 'telco_classes' }]);
    expect(r.analyses.map((a) => [a.analysis.id, a.error])).toEqual([['pareto', undefined], ['km', undefined], ['km:hazard', undefined]]);
    expect(computed).toEqual(['pareto', 'km']);
    // The hazard view shares the survival result; the classes it reads are the Pareto's.
    expect(r.analyses[2].result).toBe(r.analyses[1].result);
    expect((r.analyses[1].result as SurvivalResult).groups.map((g) => g.name).sort()).toEqual(['A', 'B', 'C']);
  });
});
