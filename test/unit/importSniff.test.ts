import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../shared/import/encoding';
import { detectDialect } from '../../shared/import/dialect';
import { uniqueHeaderNames } from '../../shared/import/headerNames';
import { scanRecords, withoutRecords } from '../../shared/import/csvScan';
import { lineEndingOf, parseSample } from '../../shared/import/csvText';
import { assertZipWithinLimit, zipEntries } from '../../shared/import/zipRead';
import { excelSerialToMs } from '../../shared/import/excelRead';
import { encodeText, workbook, aoaSheet, zipBomb } from '../fixtures/importFixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const scanOpts = { delimiter: 44, quote: 34, expectedFields: 2, maxRecordBytes: 1000, file: 'f.csv' };

describe('import sniffing (pure)', () => {
  it('encodings: BOMs, valid UTF-8, UTF-16 without BOM, GBK vs Big5', () => {
    expect(detectEncoding(encodeText('a,b\n', 'utf-8-bom'))).toMatchObject({ encoding: 'utf-8', bomLength: 3, basis: 'bom' });
    expect(detectEncoding(encodeText('a,b\n', 'utf-16be'))).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(encodeText('名字,年龄\n', 'utf-16le').subarray(2)).encoding).toBe('utf-16le');
    expect(detectEncoding(enc('客户,金额\n')).encoding).toBe('utf-8');
    expect(detectEncoding(encodeText('客户编号,性别,年龄\n0001,男,19\n', 'gbk')).encoding).toBe('gbk');
    expect(detectEncoding(encodeText('客戶編號,性別,年齡\n0001,男,19\n', 'big5')).encoding).toBe('big5');
  });

  it('dialect: delimiter, title lines, numeric first row means no header', () => {
    expect(detectDialect('a;b;c\n1,5;2;3\n', true, {})).toMatchObject({ delimiter: ';', headerRow: 1, fields: 3 });
    expect(detectDialect('Report\n\nx|y\n1|2\n', true, {})).toMatchObject({ delimiter: '|', headerRow: 3, hasHeader: true });
    expect(detectDialect('1\t2\n3\t4\n', true, {})).toMatchObject({ delimiter: '\t', hasHeader: false });
  });

  it('sample parsing keeps quoted delimiters, doubled quotes and line breaks', () => {
    const recs = parseSample('a,"b,""c""\nd"\r\ne,f', ',', '"', true);
    expect(recs.map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b,"c"\nd']], [3, ['e', 'f']]]);
    expect(lineEndingOf('a,"x\ny\nz"\r\nb,c\r\n')).toBe('crlf');
  });

  it('header names: trimmed, empty → column_N, duplicates numbered without collisions', () => {
    expect(uniqueHeaderNames(['id', ' id ', '', 'ID', 'id_2', null]).names).toEqual(['id', 'id_3', 'column_3', 'ID_4', 'id_2', 'column_6']);
  });

  it('record scanner: boundaries across chunks, odd records with line numbers, unclosed quotes', () => {
    const bytes = enc('1,2\n"a\nb",3\n4\n5,6,7\n8,9');
    const part = scanRecords(bytes, 2, scanOpts, false);
    expect([part.records, part.nextLine, part.odd.map((o) => [o.line, o.fields])]).toEqual([4, 7, [[5, 1], [6, 3]]]);
    expect(new TextDecoder().decode(bytes.subarray(part.consumed))).toBe('8,9');
    expect(scanRecords(bytes, 2, scanOpts, true).records).toBe(5);
    expect(new TextDecoder().decode(withoutRecords(bytes.subarray(0, part.consumed), part.odd))).toBe('1,2\n"a\nb",3\n');
    expect(() => scanRecords(enc('1,2\n"x,3\n'), 1, scanOpts, true)).toThrow(/line 2: a quoted field is never closed/);
    expect(() => scanRecords(enc('x'.repeat(2000)), 1, scanOpts, false)).toThrow(/line 1: a line is longer/);
  });

  it('zip guard reads declared sizes without inflating', () => {
    const names = zipEntries(workbook({ S: aoaSheet([['a'], [1]]) }), 'b.xlsx').map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(() => assertZipWithinLimit(zipBomb(2 * 1024 * 1024), 'bomb.xlsx', 1024 * 1024)).toThrow(/unpack to 2\.0 MiB/);
  });

  it('Excel serial days: 1900 system (with the phantom leap day) and 1904 system', () => {
    expect(new Date(excelSerialToMs(45356, false)).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(new Date(excelSerialToMs(1, false)).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(new Date(excelSerialToMs(61.5, false)).toISOString()).toBe('1900-03-01T12:00:00.000Z');
    expect(new Date(excelSerialToMs(0, true)).toISOString().slice(0, 10)).toBe('1904-01-01');
  });
});
