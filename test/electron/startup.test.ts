import { describe, expect, it } from 'vitest';
import { filesFromArgv, pickLanguage } from '../../electron/startup';

describe('filesFromArgv', () => {
  it('takes data files from a packaged command line', () => {
    expect(filesFromArgv(['/opt/Tenure/tenure', '/data/a.csv', '--flag', 'rel/b.XLSX', 'c.pdf', '-psn_0_123'], '/home/u', true)).toEqual([
      '/data/a.csv',
      '/home/u/rel/b.XLSX',
    ]);
  });

  it('takes Parquet and DuckDB database files too', () => {
    expect(filesFromArgv(['/opt/Tenure/tenure', '/data/a.parquet', '/data/crm.DUCKDB', '/data/x.db'], '/home/u', true)).toEqual(['/data/a.parquet', '/data/crm.DUCKDB']);
  });

  it('skips the app path in development (electron .)', () => {
    expect(filesFromArgv(['/x/electron', '.', 'a.tsv'], '/w', false)).toEqual(['/w/a.tsv']);
    expect(filesFromArgv(['/x/electron', 'a.csv'], '/w', false)).toEqual([]);
  });
});

describe('pickLanguage', () => {
  it('prefers the saved language, then the OS locale', () => {
    expect(pickLanguage(JSON.stringify({ version: 1, language: 'zh-CN' }), 'en-US')).toBe('zh-CN');
    expect(pickLanguage(JSON.stringify({ version: 1, language: null }), 'zh-TW')).toBe('zh-CN');
    expect(pickLanguage(JSON.stringify({ language: 'fr' }), 'en-GB')).toBe('en');
    expect(pickLanguage('{corrupt', 'zh-CN')).toBe('zh-CN');
    expect(pickLanguage(null, 'de')).toBe('en');
    expect(pickLanguage('null', 'de')).toBe('en');
  });
});
