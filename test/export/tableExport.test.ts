import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { exportFileName, neutraliseCell, toCsv } from '../../shared/export/tableExport';
import { toXlsx } from '../../shared/export/xlsxExport';

describe('formula-injection guard', () => {
  it.each(['=SUM(A1)', '+cmd', '-2+3', '@HYPERLINK("x")', '\tx', '\rx'])('neutralises %j', (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('客户 0001')).toBe('客户 0001');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
  it('lets numeric-looking values through only when asked', () => {
    expect(neutraliseCell('-12.5')).toBe("'-12.5");
    expect(neutraliseCell('-12.5', true)).toBe('-12.5');
    expect(neutraliseCell('-1e3', true)).toBe('-1e3');
    expect(neutraliseCell('=1+1', true)).toBe("'=1+1");
    expect(neutraliseCell('-cmd', true)).toBe("'-cmd");
  });
  it('writes RFC 4180 CSV with a BOM and guarded text, numbers as numbers', () => {
    const csv = toCsv({ columns: ['id', 'note', 'v'], rows: [['0001', '=HYPERLINK("http://x")', -3.5], ['a,b', 'say "hi"\nthere', null]] });
    expect(csv).toBe('\uFEFFid,note,v\r\n0001,"\'=HYPERLINK(""http://x"")",-3.5\r\n"a,b","say ""hi""\nthere",\r\n');
    expect(toCsv({ columns: ['x'], rows: [['=1']] }, { guard: false, bom: false })).toBe('x\r\n=1\r\n');
  });
});

describe('XLSX table export', () => {
  it('keeps numbers as numbers and dates as dates', () => {
    const d = new Date(Date.UTC(2011, 2, 31, 19, 55));
    const bytes = toXlsx({ columns: ['客户', 'value', 'when'], rows: [['0001', 12.5, d], ['0002', null, null]] }, '帕累托/ABC');
    const wb = XLSX.read(bytes, { type: 'array', cellDates: true });
    expect(wb.SheetNames).toEqual(['帕累托_ABC']);
    const ws = wb.Sheets[wb.SheetNames[0]];
    expect(ws['A2'].t).toBe('s');
    expect(ws['A2'].v).toBe('0001');
    expect(ws['B2'].t).toBe('n');
    expect(ws['B2'].v).toBe(12.5);
    expect(ws['C2'].t).toBe('d');
  });
});

describe('export file names', () => {
  const d = new Date('2026-11-22T10:00:00Z');
  it('strips characters that are illegal on any OS and keeps Chinese', () => {
    expect(exportFileName('Top 20%: "CLTV" / region?', 'png', d)).toBe('Top 20% CLTV region 2026-11-22.png');
    expect(exportFileName('前 20% 客户贡献 53.6%', '.pptx', d)).toBe('前 20% 客户贡献 53.6% 2026-11-22.pptx');
  });
  it('never produces an empty or reserved name', () => {
    expect(exportFileName('***', 'csv', d)).toBe('export 2026-11-22.csv');
    expect(exportFileName('CON', 'csv', d)).toBe('CON_ 2026-11-22.csv');
  });
});
