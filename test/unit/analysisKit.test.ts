import { describe, expect, it } from 'vitest';
import { chartSvg, presetSize } from '../../renderer/charts/exportChart';
import { typeKind } from '../../renderer/editors/analysis/columnTypes';
import { formatters } from '../../renderer/editors/analysis/format';
import { LIGHT_THEME, SLIDE_THEME, type ChartTheme } from '../../shared/charts/theme';

describe('analysis kit', () => {
  it('maps export presets to logical sizes', () => {
    expect(presetSize('slide16x9', { width: 1, height: 1 }, { width: 1, height: 1 })).toEqual({ width: 960, height: 540 });
    expect(presetSize('slide4x3', { width: 1, height: 1 }, { width: 1, height: 1 })).toEqual({ width: 800, height: 600 });
    expect(presetSize('view', { width: 812.4, height: 380 }, { width: 1, height: 1 })).toEqual({ width: 812, height: 380 });
    expect(presetSize('custom', { width: 1, height: 1 }, { width: 1200, height: 675 })).toEqual({ width: 1200, height: 675 });
  });

  it('exports with the slide theme, whatever theme the screen uses', async () => {
    const seen: ChartTheme['mode'][] = [];
    const build = (theme: ChartTheme) => {
      seen.push(theme.mode);
      return { title: { text: '客户 ABC' }, xAxis: { type: 'category' as const, data: ['a', 'b'] }, yAxis: { type: 'value' as const }, series: [{ type: 'bar' as const, data: [1, 2] }], tooltip: { show: true } };
    };
    const svg = await chartSvg(build, { width: 960, height: 540 });
    expect(seen).toEqual(['slide']);
    expect(svg).toContain('<svg');
    expect(svg).toContain('width="960"');
    expect(svg).toContain('客户 ABC');
    expect(SLIDE_THEME.background).toBe('#ffffff');
    expect(LIGHT_THEME.mode).toBe('light');
  });

  it('classifies DuckDB types for column pickers', () => {
    expect(typeKind('DOUBLE')).toBe('number');
    expect(typeKind('DECIMAL(10,2)')).toBe('number');
    expect(typeKind('BIGINT')).toBe('number');
    expect(typeKind('TIMESTAMP WITH TIME ZONE')).toBe('date');
    expect(typeKind('DATE')).toBe('date');
    expect(typeKind('VARCHAR')).toBe('string');
    expect(typeKind('BOOLEAN')).toBe('bool');
    expect(typeKind('STRUCT(a INTEGER)')).toBe('other');
  });

  it('formats numbers in the UI language', () => {
    expect(formatters('en').count(1407)).toBe('1,407');
    expect(formatters('en').share(0.5360698)).toBe('53.6%');
    expect(formatters('en').share(null)).toBe('–');
    expect(formatters('zh-CN').amount(16056168.7)).toBe('16,056,168.7');
  });
});
