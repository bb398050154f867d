import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { ARTIFACTS, DATA } from '../helpers/paths';
import { changesFigureOption } from '../../shared/study/changeFigure';
import { changeCells } from '../../shared/study/changeText';
import { renderChartSvg } from '../../shared/export/renderSvg';
import { svgToPng } from '../../shared/export/node/svgToPng';
import { PRESETS, pixelSize } from '../../shared/export/exportSizes';
import { SLIDE_THEME } from '../../shared/charts/theme';
import { createI18n } from '../../shared/i18n/i18n';

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

  it('exports each comparison as an SVG and a PNG (the chart export path) holding every figure, in English and Chinese', () => {
    const out = path.join(ARTIFACTS, 'what-changed');
    mkdirSync(out, { recursive: true });
    const size = PRESETS.slide16x9;
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = createI18n(lang).t as unknown as (k: string, o?: Record<string, unknown>) => string;
      for (const c of changes) {
        const view = { before: path.basename(CSV), after: 'next-month.csv', change: c };
        const svg = renderChartSvg(changesFigureOption(view, lang, t, SLIDE_THEME, size), size);
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg).toContain(`width="${size.width}"`);
        // The title, both files and every cell as the view shows it (none cut short): the Telco rows fit a slide.
        expect(svg).toContain(t('workbench.changed.slideTitle', { analysis: c.title }).replace(/&/g, '&amp;'));
        expect(svg).toContain('next-month.csv');
        const cells = changeCells(c.rows, lang, t);
        expect(cells.length).toBeGreaterThan(3);
        for (const row of cells) for (const cell of row) expect(svg, cell).toContain(`>${cell.replace(/&/g, '&amp;').replace(/</g, '&lt;')}<`);
        expect(svg).not.toContain('…');
        const png = svgToPng(svg, size.scale, '#ffffff');
        const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
        expect([...png.subarray(1, 4)].map((x) => String.fromCharCode(x)).join('')).toBe('PNG');
        expect({ width: dv.getUint32(16), height: dv.getUint32(20) }).toEqual(pixelSize(size));
        writeFileSync(path.join(out, `${c.id}-${lang}.svg`), svg);
        writeFileSync(path.join(out, `${c.id}-${lang}.png`), png);
      }
    }
  });

  it('a comparison longer than the picture holds shows the rows that fit and counts the rest', () => {
    const t = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
    const km = changes.find((c) => c.id === 'km')!;
    const long = { ...km, rows: [...km.rows, ...km.rows, ...km.rows] };
    const svg = renderChartSvg(changesFigureOption({ before: 'a.csv', after: 'b.csv', change: long }, 'en', t, SLIDE_THEME, { width: 960, height: 400 }), { width: 960, height: 400 });
    const shown = (svg.match(/>Customers · /g) ?? []).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(long.rows.filter((r) => r.figure === 'n').length);
    expect(svg).toMatch(/… and \d+ more rows/);
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
