import { describe, expect, it } from 'vitest';
import { parseDeck, sourceKey } from '../../shared/deck/deckSpec';
import { chartForSlide } from '../../shared/deck/buildSlides';
import { TenureError } from '../../shared/errors';

const pareto = { file: 'telco.xlsx', kind: 'pareto', spec: { customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' } } };

function error(json: unknown): TenureError {
  try {
    parseDeck(json, 'deck.json');
  } catch (e) {
    expect(e).toBeInstanceOf(TenureError);
    return e as TenureError;
  }
  throw new Error('expected an error');
}

describe('DECK.json', () => {
  it('fills defaults: version 1, English, no table', () => {
    const d = parseDeck({ title: 'Review', slides: [pareto] });
    expect(d.version).toBe(1);
    expect(d.language).toBe('en');
    expect(d.slides[0].table).toBe(false);
  });

  it('names the slide (counted from 1) and the exact path of a bad spec field', () => {
    const e = error({ title: 'Review', slides: [pareto, { ...pareto, spec: { customer: 'id', value: { kind: 'column' } } }] });
    expect(e.code).toBe('deck.badSpec');
    expect(e.message).toMatch(/slide 2 \(slides\[1\]\.spec\.value\.column\)/);
    expect(e.file).toBe('deck.json');
  });

  it('rejects an unknown format version, kind, chart id and extra keys', () => {
    expect(error({ version: 2, title: 'x', slides: [pareto] }).message).toMatch(/unsupported deck format version 2/);
    expect(error({ title: 'x', slides: [{ ...pareto, kind: 'magic' }] }).message).toMatch(/slide 1 \(slides\[0\]\.kind\)/);
    expect(error({ title: 'x', slides: [{ ...pareto, chart: 'pie' }] }).message).toMatch(/unknown chart "pie" for pareto \(charts: pareto, lorenz/);
    expect(error({ title: 'x', slides: [{ ...pareto, colour: 'red' }] }).message).toMatch(/slide 1 \(slides\[0\]\): .*colour/);
    expect(error({ title: 'x', slides: [] }).message).toMatch(/slides/);
    expect(error({ title: 'x', slides: [{ ...pareto, kind: 'cohort', table: true, spec: { customer: 'a', date: 'b' } }] }).message).toMatch(/cohort has no table/);
  });

  it('one import per distinct file and options', () => {
    expect(sourceKey({ file: 'a.csv' })).toBe(sourceKey({ file: 'a.csv', sheet: undefined }));
    expect(sourceKey({ file: 'a.xlsx', sheet: 'S1' })).not.toBe(sourceKey({ file: 'a.xlsx', sheet: 'S2' }));
  });

  it('drops the chart title on a slide (the slide title states it) the subtitle takes its place', () => {
    const o = chartForSlide({ title: { text: 'Finding', subtext: '53.6%' }, series: [] });
    expect(o.title).toEqual({ text: '53.6%', textStyle: { fontSize: 13, fontWeight: 'normal' } });
    const s = chartForSlide({ title: { text: 'Finding', left: 8, subtext: 'n = 3', subtextStyle: { color: '#666' } } });
    expect(s.title).toEqual({ text: 'n = 3', left: 8, textStyle: { color: '#666' } });
  });
});
