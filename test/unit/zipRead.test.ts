import { describe, expect, it } from 'vitest';
import { crc32, unzipParts, zipEntries } from '../../shared/import/zipRead';
import { columnLetters, parseCellRef, scanSheetXml, sheetPartNames } from '../../shared/import/excelParts';
import { rawZip, sheetRowsXml, xlsxParts } from '../fixtures/hostileFiles';
import { TenureError } from '../../shared/errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('zip reading without trusting the headers', () => {
  it('CRC-32 is the IEEE one ZIP uses', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('real bytes are counted: a stored part larger than the room left is refused', () => {
    const zip = rawZip([{ name: 'a.xml', data: new Uint8Array(5000), stored: true }]);
    const entries = zipEntries(zip, 'z.xlsx');
    expect(entries[0]).toMatchObject({ name: 'a.xml', method: 0, uncompressed: 5000 });
    expect(() => unzipParts(zip, 'z.xlsx', entries, { maxTotalBytes: 4000 })).toThrow(/unpack/);
    expect(unzipParts(zip, 'z.xlsx', entries, { maxTotalBytes: 6000 }).get('a.xml')!.length).toBe(5000);
  });
  it('ZIP64 sizes are read from the extra field', () => {
    const zip = rawZip([{ name: 'b.xml', data: enc('x'.repeat(300)), zip64: true }]);
    expect(zipEntries(zip, 'z.xlsx')[0]).toMatchObject({ uncompressed: 300 });
  });
  it('a deadline in the past stops inflating with a time-limit error', () => {
    const zip = rawZip([{ name: 'c.xml', data: new Uint8Array(4 << 20) }]);
    const e = (() => {
      try {
        unzipParts(zip, 'z.xlsx', zipEntries(zip, 'z.xlsx'), { maxTotalBytes: 1 << 30, deadline: Date.now() - 1 });
      } catch (err) {
        return err as TenureError;
      }
      return null;
    })();
    expect(e?.code).toBe('import.timeLimit');
  });
});

describe('a sheet measured in its XML bytes', () => {
  it('cell references', () => {
    expect(parseCellRef('A1')).toEqual([1, 1]);
    expect(parseCellRef('XFD1048576')).toEqual([1048576, 16384]);
    expect(parseCellRef('$B$7')).toEqual([7, 2]);
    expect(parseCellRef('1A')).toBeNull();
    expect(columnLetters(16384)).toBe('XFD');
    expect(columnLetters(28)).toBe('AB');
  });
  it('counts cells and the extent, with or without r attributes and namespace prefixes', () => {
    const xml = enc(`<worksheet><sheetData>${sheetRowsXml([['a', 'b', 'c'], [1, 2, 3]])}<x:row><x:c><v>1</v></x:c><x:c/></x:row></sheetData></worksheet>`);
    expect(scanSheetXml(xml, 'f', 'S', 100)).toEqual({ cells: 8, rows: 3, columns: 3 });
    expect(() => scanSheetXml(xml, 'f', 'S', 7)).toThrow(/more than 7 cells/);
    expect(() => scanSheetXml(enc('<row r="1048577"><c r="A1048577"/></row>'), 'f', 'S', 100)).toThrow(/beyond Excel/);
  });
  it('sheet names map to their parts through the workbook relationships', () => {
    const parts = new Map(Object.entries(xlsxParts({ sheets: { 'Q&A <1>': '', Second: '' } })));
    expect(sheetPartNames(parts)).toEqual(new Map([['Q&A <1>', 'xl/worksheets/sheet1.xml'], ['Second', 'xl/worksheets/sheet2.xml']]));
  });
});
