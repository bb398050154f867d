import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUDY_VERSION, emptyStudy, studySchema, type Study } from '../../shared/study/schema';
import { deckToStudy, migrateStudy, parseStudyText, serializeStudy } from '../../shared/study/migrate';
import { studyJsonSchemaText } from '../../shared/study/jsonSchema';
import { matchFiles, sourceForRelink } from '../../shared/study/relink';
import { fingerprint } from '../../shared/study/fingerprint';
import { TenureError } from '../../shared/errors';
import { ROOT } from '../helpers/paths';

const telco = (over: Partial<Study['sources'][number]> = {}): Study['sources'][number] => ({
  id: 'src-telco',
  name: 'telco',
  path: '/data/2026-11/WA_Fn-UseC_-Telco-Customer-Churn.csv',
  fileName: 'WA_Fn-UseC_-Telco-Customer-Churn.csv',
  size: 977501,
  mtime: 1764000000000,
  fingerprint: 'sha256s:abc',
  table: 'telco',
  options: { encoding: 'utf-8', headerRow: 1 },
  columns: { '5': { type: 'DOUBLE' } },
  ...over,
});

function sample(): Study {
  return studySchema.parse({
    format: 'tenure-study',
    version: STUDY_VERSION,
    title: 'Monthly retention',
    sources: [telco()],
    derived: [{ kind: 'paretoClasses', table: 'telco_pareto_classes', analysis: 'a-pareto' }],
    analyses: [
      { id: 'a-pareto', kind: 'pareto', title: 'Who makes the profit', spec: { table: 'telco', customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } }, notes: 'A customers = 1/4 of the base' },
      { id: 'a-km', kind: 'survival', spec: { table: 'telco', time: { kind: 'duration', column: 'tenure' }, group: 'class', groupFrom: { table: 'telco_pareto_classes', key: 'customer', on: 'customerID' } }, chart: { view: 'hazard', hazardWidth: 6 } },
      { id: 'a-cox', kind: 'cox', spec: { table: 'telco', covariates: ['Contract'] } },
    ],
    editors: [
      { id: 'a-pareto', kind: 'pareto', data: { form: { table: 'telco' } } },
      { id: 'sql-1', kind: 'sql', title: 'checks.sql', data: { text: 'SELECT count(*) FROM telco' } },
    ],
    layout: { groups: [{ id: 'g1', tabs: ['a-pareto'], active: 'a-pareto' }, { id: 'g2', tabs: ['sql-1'], active: 'sql-1' }], activeGroup: 'g2' },
    deck: { title: 'November', subtitle: 'Telco', slides: [{ analysis: 'a-pareto', chart: 'pareto', takeaway: 'Keep the A class' }, { analysis: 'a-km', chart: false, table: true, include: false }] },
  });
}

describe('study file', () => {
  it('round-trips: serialise → parse gives the same study, with defaults filled', () => {
    const s = sample();
    const back = parseStudyText(serializeStudy(s), 'x.tenure');
    expect(back).toEqual(s);
    expect(back.deck?.brief).toBe(true);
    expect(back.deck?.slides[0]).toEqual({ analysis: 'a-pareto', chart: 'pareto', table: false, include: true, takeaway: 'Keep the A class' });
    expect(serializeStudy(back)).toBe(serializeStudy(s));
  });

  it('keeps analyses of kinds it does not know (another Tenure may add them)', () => {
    expect(parseStudyText(serializeStudy(sample()), 'x.tenure').analyses.map((a) => a.kind)).toEqual(['pareto', 'survival', 'cox']);
  });

  it('holds no data rows: the serialised study has only descriptions', () => {
    const text = serializeStudy(sample());
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'title', 'sources', 'derived', 'sql', 'analyses', 'editors', 'layout', 'deck']);
    expect(() => studySchema.parse({ ...sample(), rows: [[1, 2]] })).toThrow();
    // The SQL editor's statements are kept as their text only: no result rows ride along.
    expect(() => studySchema.parse({ ...sample(), sql: [{ sql: 'CREATE TABLE vip AS SELECT 1', rows: [[1]] }] })).toThrow();
    expect(() => studySchema.parse({ ...sample(), sql: [{ sql: '' }] })).toThrow();
  });

  it('version 2: a version 1 study migrates with no SQL statements; statements and Parquet folder sources round-trip', () => {
    const v1 = JSON.parse(serializeStudy(sample()));
    v1.version = 1;
    delete v1.sql;
    const migrated = parseStudyText(JSON.stringify(v1), 'old.tenure');
    expect(migrated.version).toBe(STUDY_VERSION);
    expect(migrated.sql).toEqual([]);
    expect({ ...migrated, version: 0 }).toEqual({ ...sample(), version: 0 });
    const folder = { id: 's2', name: 'sales', kind: 'parquetFolder' as const, path: '/data/sales', pattern: 'year=*/*.parquet', files: 12, fileName: 'sales', size: 123456, mtime: null, fingerprint: 'sha256f:abc', table: 'sales', options: {}, columns: {} };
    const s2 = { ...sample(), sources: [...sample().sources, folder], sql: [{ sql: 'CREATE TABLE vip AS SELECT * FROM telco WHERE MonthlyCharges > 100' }, { sql: 'DROP TABLE vip' }] };
    const back = parseStudyText(serializeStudy(s2), 'x.tenure');
    expect(back.sql.map((x) => x.sql)).toEqual(['CREATE TABLE vip AS SELECT * FROM telco WHERE MonthlyCharges > 100', 'DROP TABLE vip']);
    expect(back.sources[1]).toEqual(folder);
  });

  it('refuses damaged, truncated, foreign and newer files with a clear code', () => {
    const text = serializeStudy(sample());
    const code = (t: string) => {
      try {
        parseStudyText(t, 'march.tenure');
      } catch (e) {
        expect(e).toBeInstanceOf(TenureError);
        expect((e as TenureError).file).toBe('march.tenure');
        return (e as TenureError).code;
      }
      return 'ok';
    };
    expect(code(text.slice(0, Math.floor(text.length / 2)))).toBe('study.badJson');
    expect(code('{"hello": 1}')).toBe('study.notStudy');
    expect(code(text.replace(`"version": ${STUDY_VERSION}`, '"version": 7'))).toBe('study.newerVersion');
    expect(code(text.replace(`"version": ${STUDY_VERSION}`, '"version": "1"'))).toBe('study.invalid');
    expect(code(text.replace('"table": "telco",\n', ''))).toBe('study.invalid');
    expect(code(`\uFEFF${text}`)).toBe('ok');
  });

  it('migrates a version 1 DECK.json: its slides\' files become sources, specs become analyses', () => {
    const deck = {
      version: 1,
      title: 'Monthly',
      brief: true,
      slides: [
        { file: 'data/telco.csv', kind: 'pareto', spec: { customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } } },
        { file: 'data/telco.csv', kind: 'pareto', spec: { customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } }, chart: 'lorenz' },
        { file: 'data/airline.csv', kind: 'quadrant', spec: { drivers: [{ column: 'a' }, { column: 'b' }], outcome: { column: 'satisfaction', positive: 'satisfied' } }, table: true, takeaway: 'Fix wifi' },
      ],
    };
    const s = migrateStudy(deck, 'DECK.json');
    expect(s.sources.map((x) => [x.name, x.path, x.fileName, x.table])).toEqual([
      ['telco', 'data/telco.csv', 'telco.csv', 'telco'],
      ['airline', 'data/airline.csv', 'airline.csv', 'airline'],
    ]);
    expect(s.analyses.map((a) => [a.kind, a.spec.table])).toEqual([['pareto', 'telco'], ['quadrant', 'airline']]);
    expect(s.deck?.slides.map((x) => [x.analysis, x.chart, x.table, x.takeaway])).toEqual([
      ['analysis-1', 'pareto', false, undefined],
      ['analysis-1', 'lorenz', false, undefined],
      ['analysis-2', 'quadrant', true, 'Fix wifi'],
    ]);
    expect(s.deck?.brief).toBe(true);
    expect(deckToStudy(deck, 'DECK.json')).toEqual(s);
    expect(() => migrateStudy({ ...deck, version: 2 }, 'DECK.json')).toThrow(/deck of format version 2/);
  });

  it('an empty study is valid', () => {
    expect(parseStudyText(serializeStudy(emptyStudy()), 'e.tenure')).toEqual(emptyStudy());
  });

  it('docs/study.schema.json is the schema generated from zod (npm run study:schema)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'study.schema.json'), 'utf8')).toBe(studyJsonSchemaText());
  });
});

describe('relink', () => {
  const sources = [telco(), telco({ id: 'src-air', name: 'airline', path: '/data/airline_satisfaction_test.csv', fileName: 'airline_satisfaction_test.csv', size: 1000, table: 'airline' })];
  it('finds the source a --relink names: short name, id, recorded path, file name', () => {
    expect(sourceForRelink(sources, 'telco')?.id).toBe('src-telco');
    expect(sourceForRelink(sources, 'src-air')?.id).toBe('src-air');
    expect(sourceForRelink(sources, '/data/airline_satisfaction_test.csv')?.id).toBe('src-air');
    expect(sourceForRelink(sources, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')?.id).toBe('src-telco');
    expect(sourceForRelink(sources, 'TELCO')?.id).toBe('src-telco');
    expect(sourceForRelink(sources, 'nothing')).toBeUndefined();
    // two sources with the same file name from different folders: the name alone is ambiguous
    const twins = [telco(), telco({ id: 'b', name: 'telco_dec', path: '/data/2026-12/WA_Fn-UseC_-Telco-Customer-Churn.csv', table: 'telco_dec' })];
    expect(sourceForRelink(twins, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')).toBeUndefined();
    expect(sourceForRelink(twins, 'telco_dec')?.id).toBe('b');
  });

  it('matches picked files by name and size, then by name, then by size; the rest is asked about', () => {
    const picked = [
      { name: 'airline_satisfaction_test.csv', size: 1000 },
      { name: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', size: 900000 },
      { name: 'notes.txt', size: 5 },
    ];
    const r = matchFiles(sources, picked);
    expect(r.matched.map((m) => [m.source.id, m.file.name, m.how])).toEqual([
      ['src-air', 'airline_satisfaction_test.csv', 'exact'],
      ['src-telco', 'WA_Fn-UseC_-Telco-Customer-Churn.csv', 'name'],
    ]);
    expect(r.missing).toEqual([]);
    expect(r.unused.map((f) => f.name)).toEqual(['notes.txt']);
    const renamed = matchFiles(sources, [{ name: 'telco copy.csv', size: 977501 }]);
    expect(renamed.matched.map((m) => [m.source.id, m.how])).toEqual([['src-telco', 'size']]);
    expect(renamed.missing.map((s) => s.id)).toEqual(['src-air']);
  });
});

describe('fingerprint', () => {
  const reader = (bytes: Uint8Array) => ({ size: bytes.length, read: async (a: number, b: number) => bytes.slice(a, b) });
  it('is stable, and changes when rows are removed or a byte in a sample changes', async () => {
    const big = new Uint8Array(500_000).map((_, i) => (i * 31) % 251);
    const a = await fingerprint(reader(big));
    expect(await fingerprint(reader(big.slice()))).toBe(a);
    expect(await fingerprint(reader(big.slice(0, 480_000)))).not.toBe(a);
    const flipped = big.slice();
    flipped[250_000] ^= 1;
    expect(await fingerprint(reader(flipped))).not.toBe(a);
    expect(a).toMatch(/^sha256s:[0-9a-f]{64}$/);
  });
});
