import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { ARTIFACTS, DATA, GOLDEN } from '../helpers/paths';

const OUT = path.join(ARTIFACTS, 'study-cli');
const GOLD = JSON.parse(readFileSync(path.join(GOLDEN, 'telco.json'), 'utf8'));
const PARETO = GOLD.pareto.results.TotalCharges_excl_blank;
const LOGRANK = GOLD.kaplan_meier.R.logrank_contract;
const XLSX = path.join(DATA, 'Telco_customer_churn.xlsx');
const CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

interface Entry {
  id: string;
  kind: string;
  title: string;
  result?: Record<string, unknown> & { groups?: { name: string; n: number }[] };
  error?: { code: string; message: string };
}
interface Out {
  study: string;
  sources: { name: string; file: string; rows?: number; changed?: boolean; error?: { code: string } }[];
  analyses: Entry[];
  brief: { text: string };
  files?: Record<string, { json: string; png?: string }>;
  pptx?: { file: string; slides: number };
}

/** A study as the workbench saves it: the November export (a path that no longer exists), classes, KM by class. */
const study = {
  format: 'tenure-study',
  version: 1,
  title: 'Telco retention',
  sources: [
    { id: 's1', name: 'telco', path: '/exports/2026-11/Telco_customer_churn.xlsx', fileName: 'Telco_customer_churn.xlsx', size: 1, mtime: null, fingerprint: 'sha256s:old', table: 'telco', options: {}, columns: {} },
  ],
  derived: [{ kind: 'paretoClasses', table: 'telco_classes', analysis: 'pareto' }],
  analyses: [
    { id: 'pareto', kind: 'pareto', title: 'Who makes the profit', spec: { table: 'telco', customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' } } },
    { id: 'km', kind: 'survival', spec: { table: 'telco', time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] }, group: 'Contract' } },
    {
      id: 'km-class',
      kind: 'survival',
      spec: { table: 'telco', time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] }, group: 'class', groupFrom: { table: 'telco_classes', key: 'customer', on: 'CustomerID' } },
    },
    { id: 'gone', kind: 'pareto', spec: { table: 'telco', customer: 'CustomerID', value: { kind: 'column', column: 'Lifetime Margin' } } },
  ],
  deck: { title: 'November', slides: [{ analysis: 'pareto', chart: 'pareto' }, { analysis: 'km', chart: 'km', table: true }] },
};

describe('tenure study run (CLI)', () => {
  it('re-runs a saved study on a relinked file: golden numbers, classes rebuilt, a missing column named, each result as its own command prints it', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'telco.tenure');
    writeFileSync(file, JSON.stringify(study, null, 2));

    // Without --relink the recorded file is missing: every analysis says so, nothing crashes.
    const missing = await cliJson(['study', 'run', file, '--json']);
    expect(missing.code).toBe(0);
    const m = missing.out as Out;
    expect(m.sources[0].error?.code).toBe('study.missingSource');
    expect(m.analyses.map((a) => a.error?.code)).toEqual(['study.missingSource', 'study.missingSource', 'study.missingSource', 'study.missingSource']);

    const { code, out, err } = await cliJson(['study', 'run', file, '--relink', `telco=${XLSX}`, '--out', path.join(OUT, 'out'), '--pptx', path.join(OUT, 'deck.pptx'), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = out as Out;
    expect(r.sources[0]).toMatchObject({ name: 'telco', file: XLSX, rows: 7043, changed: true });
    const byId = new Map(r.analyses.map((a) => [a.id, a]));
    const pareto = byId.get('pareto')!.result as { n: number; top20: { k: number; share: number }; k80: number; total: number };
    expect(pareto.n).toBe(PARETO.n);
    expect(pareto.top20.k).toBe(PARETO.top20.k20);
    expect(pareto.top20.share).toBeCloseTo(PARETO.top20.share, 12);
    expect(pareto.k80).toBe(PARETO.k80.k);
    const km = byId.get('km')!.result as { logrank: { chisq: number; df: number }; groups: { name: string; n: number }[] };
    expect(km.logrank.chisq).toBeCloseTo(LOGRANK.chisq, 6);
    expect(km.logrank.df).toBe(LOGRANK.df);
    expect(km.groups.map((g) => g.n)).toEqual(LOGRANK.n);
    // Survival by the Pareto class: the derived table was rebuilt; A has k80 customers.
    const byClass = byId.get('km-class')!.result as { groups: { name: string; n: number }[] };
    expect(byClass.groups.find((g) => g.name === 'A')?.n).toBe(PARETO.k80.k);
    // A column the file lacks: a Problem naming the analysis and the column; the others still ran.
    expect(byId.get('gone')!.error).toMatchObject({ code: 'study.missingColumn' });
    expect(byId.get('gone')!.error!.message).toContain('"Lifetime Margin"');
    expect(byId.get('gone')!.error!.message).toContain('gone');
    expect(byId.get('pareto')!.title).toBe('Who makes the profit');
    expect(r.brief.text).toMatch(/^# Retention brief/);
    // --out: one JSON (the result) and one PNG per analysis; --pptx: the deck.
    expect(JSON.parse(readFileSync(r.files!.km.json, 'utf8'))).toEqual(km);
    expect(readFileSync(r.files!.km.png!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(existsSync(r.pptx!.file)).toBe(true);
    expect(r.pptx!.slides).toBeGreaterThanOrEqual(2);

    // Exactly what the survival command prints for the same file and spec (its SQL names the study's table).
    const own = await cliJson(['survival', XLSX, '--time', 'Tenure Months', '--event', 'Churn Value', '--event-value', '1', '--group', 'Contract', '--json']);
    expect(own.code).toBe(0);
    // (less the engine the command names; the study's results are per analysis)
    const ownKm = { ...(own.out as { sql: string }), engine: undefined };
    expect({ ...km, sql: (km as unknown as { sql: string }).sql.replaceAll('"telco"', '"Telco_customer_churn"') }).toEqual(ownKm);
  }, 600_000);

  it('runs a version 1 DECK.json as a study, relinked by file name', async () => {
    mkdirSync(OUT, { recursive: true });
    const deckFile = path.join(OUT, 'DECK.json');
    const deck = {
      version: 1,
      title: 'Monthly',
      slides: [
        { file: 'october/WA_Fn-UseC_-Telco-Customer-Churn.csv', kind: 'survival', spec: { time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, group: 'Contract' } },
        { file: 'october/WA_Fn-UseC_-Telco-Customer-Churn.csv', kind: 'hazard', spec: { time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, group: 'Contract' } },
      ],
    };
    writeFileSync(deckFile, JSON.stringify(deck));
    const { code, out, err } = await cliJson(['study', 'run', deckFile, '--relink', `WA_Fn-UseC_-Telco-Customer-Churn.csv=${CSV}`, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = out as Out;
    expect(r.sources.map((s) => [s.file, s.rows])).toEqual([[CSV, 7043]]);
    expect(r.analyses.map((a) => a.kind)).toEqual(['survival', 'hazard']);
    const km = r.analyses[0].result as { logrank: { chisq: number } };
    expect(km.logrank.chisq).toBeCloseTo(LOGRANK.chisq, 6);

    const bad = await cliJson(['study', 'run', deckFile, '--relink', `nothing=${CSV}`, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('study.unknownSource');
  }, 600_000);
});
