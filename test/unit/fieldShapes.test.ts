import { describe, expect, it } from 'vitest';
import { shapesCut, type FieldShape } from '../../shared/import/fieldShapes';

const COMMA = 44;
const QUOTE = 34;
/** Records of a whole file (the final chunk), or -1 when the strict path must decide. */
const check = (text: string, shapes: FieldShape[]): number => {
  const r = shapesCut(new TextEncoder().encode(text), shapes, COMMA, QUOTE, true);
  return r ? r.records : -1;
};

describe('shapesCut: fields DuckDB’s typed reader reads exactly as the strict conversion would', () => {
  const row: FieldShape[] = ['int', 'date', 'dec', 'ts', 'any'];
  it('accepts canonical values and empty fields, counting records (LF, CRLF, no final break)', () => {
    expect(check('1,2024-03-05,12.5,2024-03-05 10:30:00,华东\n-7,,0.25,,x\r\n0,2024-12-31,-3,,\n', row)).toBe(3);
    expect(check('1,2024-03-05,12.5,2024-03-05 10:30:00,a\n2,,,,b', row)).toBe(2);
  });
  it('takes timestamps without seconds (2010-12-01 08:26 reads as 08:26:00 either way)', () => {
    expect(check('2010-12-01 08:26,x\n2010-12-01 08:26:59,y\n', ['ts', 'any'])).toBe(2);
  });
  it.each([
    ['007', 'int'], ['+5', 'int'], [' 5', 'int'], ['3.5', 'int'], ['1e3', 'int'], ['1_000', 'int'], ['0x1F', 'int'], ['1234567890123456789', 'int'], ['-', 'int'],
    ['007.5', 'dec'], ['.5', 'dec'], ['5.', 'dec'], ['1,5', 'dec'], ['inf', 'dec'], ['1e3', 'dec'], ['"5"', 'dec'],
    ['2024-3-5', 'date'], ['2024-03-05 10:00', 'date'], ['05/03/2024', 'date'],
    ['2024-03-05T10:30:00', 'ts'], ['2024-03-05 10:30:0', 'ts'], ['2024-03-05 1:30', 'ts'],
  ] as [string, FieldShape][])('sends %s (%s) down the strict path', (value, shape) => {
    expect(check(`${value},x\n`, [shape, 'any'])).toBe(-1);
  });
  it('refuses ragged records, blank lines, lone CRs, stray and unclosed quotes', () => {
    expect(check('1,a\n2\n', ['int', 'any'])).toBe(-1);
    expect(check('1,a,b\n', ['int', 'any'])).toBe(-1);
    expect(check('1,a\n\n2,b\n', ['int', 'any'])).toBe(-1);
    expect(check('1\n\n2\n', ['int'])).toBe(-1);
    expect(check('1,a\rb\n', ['int', 'any'])).toBe(-1);
    expect(check('1,12" SIZE\n', ['int', 'any'])).toBe(-1);
    expect(check('1,"abc"x\n', ['int', 'any'])).toBe(-1);
    expect(check('1,"abc\n2,x\n', ['int', 'any'])).toBe(-1);
  });
  it('quoted text: delimiters, doubled quotes and line breaks inside count right', () => {
    const text = '1,"CASES, PINK 12"" SIZE",x\n2,"two\nlines",y\n3,plain,""\n';
    const r = shapesCut(new TextEncoder().encode(text), ['int', 'any', 'any'], COMMA, QUOTE, true);
    expect(r).toEqual({ consumed: text.length, records: 3, lines: 4 });
  });
  it('a chunk that is not the last is cut after its last whole record, even inside a quote', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const whole = '1,"a, b",2010-12-01 08:26\n2,"c\nd",2010-12-01 08:27\n';
    for (const tail of ['3,"e', '3,"e""', '3,"e",2010-12', '3,"e",2010-12-01 08:2', '3', '3,"e",2010-12-01 08:28']) {
      const r = shapesCut(enc(whole + tail), ['int', 'any', 'ts'], COMMA, QUOTE, false);
      expect(r, tail).toEqual({ consumed: enc(whole).length, records: 2, lines: 3 });
    }
  });
});
