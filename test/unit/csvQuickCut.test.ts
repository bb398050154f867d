import { describe, expect, it } from 'vitest';
import { quickCut } from '../../shared/import/csvLoad';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const QUOTE = 34;

describe('quickCut: where a quote-free chunk ends on a record boundary', () => {
  it('cuts after the last line break and counts lines and non-blank records', () => {
    expect(quickCut(bytes('a,b\n\nc,d\ne,'), 10, 'lf', QUOTE, false)).toEqual({ consumed: 9, nextLine: 13, records: 2 });
  });
  it('takes everything at the end of the file, the last line without a break included', () => {
    expect(quickCut(bytes('a,b\r\n\r\nc,d'), 1, 'crlf', QUOTE, true)).toEqual({ consumed: 10, nextLine: 3, records: 2 });
    expect(quickCut(bytes('a\rb\r'), 1, 'cr', QUOTE, true)).toEqual({ consumed: 4, nextLine: 3, records: 2 });
  });
  it('leaves quoted chunks and chunks without any line break to the exact scan', () => {
    expect(quickCut(bytes('a,"b\nc"\n'), 1, 'lf', QUOTE, false)).toBeNull();
    expect(quickCut(bytes('x'.repeat(100)), 1, 'lf', QUOTE, false)).toBeNull();
    expect(quickCut(bytes('a,"b"\n'), 1, 'lf', -1, false)).toEqual({ consumed: 6, nextLine: 2, records: 1 });
  });
});
