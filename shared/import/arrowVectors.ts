import { Bool, Float64, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

/**
 * Arrow vectors built straight from buffers. apache-arrow's vectorFromArray goes through a Builder
 * that compiles its null check with `new Function`, which the app's Content-Security-Policy
 * (no 'unsafe-eval') refuses: importing a workbook in the browser failed on it.
 */
function validity<T>(vals: (T | null)[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(vals.length / 8));
  let nullCount = 0;
  vals.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

export function float64Vector(vals: (number | null)[]): Vector<Float64> {
  const data = new Float64Array(vals.length);
  vals.forEach((v, i) => (data[i] = v ?? 0));
  return makeVector(makeData({ type: new Float64(), length: vals.length, ...validity(vals), data }));
}

export function boolVector(vals: (boolean | null)[]): Vector<Bool> {
  const data = new Uint8Array(Math.ceil(vals.length / 8));
  vals.forEach((v, i) => v && (data[i >> 3] |= 1 << (i & 7)));
  return makeVector(makeData({ type: new Bool(), length: vals.length, ...validity(vals), data }));
}

export function utf8Vector(vals: (string | null)[]): Vector<Utf8> {
  const enc = new TextEncoder();
  const parts = vals.map((v) => (v === null || v === undefined ? new Uint8Array(0) : enc.encode(v)));
  const valueOffsets = new Int32Array(vals.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
  const data = new Uint8Array(valueOffsets[vals.length]);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: vals.length, ...validity(vals), valueOffsets, data }));
}
