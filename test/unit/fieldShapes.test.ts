import { describe, expect, it } from 'vitest';
import { shapesHold, type FieldShape } from '../../shared/import/fieldShapes';

const COMMA = 44;
const check = (text: string, shapes: FieldShape[]): number => {
  const b = new TextEncoder().encode(text);
  return shapesHold(b, b.length, shapes, COMMA);
};

describe('shapesHold: fields DuckDB’s typed reader reads exactly as the strict conversion would', () => {
  const row: FieldShape[] = ['int', 'date', 'dec', 'ts', 'any'];
  it('accepts canonical values and empty fields, counting records (LF, CRLF, no final break)', () => {
    expect(check('1,2024-03-05,12.5,2024-03-05 10:30:00,华东\n-7,,0.25,,x\r\n0,2024-12-31,-3,,\n', row)).toBe(3);
    expect(check('1,2024-03-05,12.5,2024-03-05 10:30:00,a\n2,,,,b', row)).toBe(2);
  });
  it.each([
    ['007', 'int'], ['+5', 'int'], [' 5', 'int'], ['3.5', 'int'], ['1e3', 'int'], ['1_000', 'int'], ['0x1F', 'int'], ['1234567890123456789', 'int'], ['-', 'int'],
    ['007.5', 'dec'], ['.5', 'dec'], ['5.', 'dec'], ['1,5', 'dec'], ['inf', 'dec'], ['1e3', 'dec'],
    ['2024-3-5', 'date'], ['2024-03-05 10:00', 'date'], ['05/03/2024', 'date'],
    ['2024-03-05T10:30:00', 'ts'], ['2024-03-05 10:30', 'ts'],
  ] as [string, FieldShape][])('sends %s (%s) down the strict path', (value, shape) => {
    expect(check(`${value},x\n`, [shape, 'any'])).toBe(-1);
  });
  it('refuses ragged records, blank lines and lone CRs', () => {
    expect(check('1,a\n2\n', ['int', 'any'])).toBe(-1);
    expect(check('1,a,b\n', ['int', 'any'])).toBe(-1);
    expect(check('1,a\n\n2,b\n', ['int', 'any'])).toBe(-1);
    expect(check('1\n\n2\n', ['int'])).toBe(-1);
    expect(check('1,a\rb\n', ['int', 'any'])).toBe(-1);
  });
});
