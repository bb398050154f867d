/**
 * The hostile-file corpus: a deterministic function of (seed, count). Each file is a real export
 * from ../shared/data (or a workbook SheetJS writes from one) damaged at the byte or structure
 * level, a bomb, a runaway line, a hostile name or a mixed encoding. Files are written to a
 * temporary folder; the sources in ../shared are only ever read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { DATA } from '../helpers/paths';
import { compressedRange, flipByte, rawZip, sheetRowsXml, xlsxFrom, xlsxParts, type XlsxSpec } from '../fixtures/hostileFiles';
import { encodeText, zipBomb } from '../fixtures/importFixtures';

export interface CorpusFile {
  name: string;
  path: string;
  kind: string;
  note: string;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** The start of a file, cut at a line break (real exports, kept small so that a run stays quick). */
function head(file: string, bytes: number): Uint8Array {
  const b = new Uint8Array(readFileSync(path.join(DATA, file)));
  if (b.length <= bytes) return b;
  const cut = b.lastIndexOf(10, bytes);
  return b.slice(0, cut > 0 ? cut + 1 : bytes);
}

interface Bases {
  csv: { name: string; bytes: Uint8Array }[];
  telcoXlsx: Uint8Array;
  smallXlsx: Uint8Array;
  smallXls: Uint8Array;
  rows: string[][];
}

function bases(): Bases {
  const csv = [
    { name: 'telco', bytes: head('WA_Fn-UseC_-Telco-Customer-Churn.csv', 96 * 1024) },
    { name: 'airline', bytes: head('airline_satisfaction_test.csv', 64 * 1024) },
    { name: 'retail', bytes: head('online_retail_2010-12_to_2011-03.csv', 64 * 1024) },
    { name: 'gbk', bytes: head('商场客户_gbk.csv', 64 * 1024) },
    { name: 'telco_cn', bytes: head('电信客户流失数据.csv', 48 * 1024) },
  ];
  const text = new TextDecoder().decode(csv[0].bytes);
  const rows = text.trim().split('\n').slice(0, 300).map((l) => l.split(','));
  const wb = (bookType: 'xlsx' | 'xls'): Uint8Array => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => (v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)))), 'Customers');
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
  };
  return { csv, telcoXlsx: new Uint8Array(readFileSync(path.join(DATA, 'Telco_customer_churn.xlsx'))), smallXlsx: wb('xlsx'), smallXls: wb('xls'), rows };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function flipBytes(r: Rand, b: Uint8Array, n: number, from = 0, to = b.length): Uint8Array {
  let out = b;
  for (let k = 0; k < n; k++) out = flipByte(out, int(r, from, Math.max(from, to - 1)), int(r, 0, 255));
  return out;
}

function insertJunk(r: Rand, b: Uint8Array): Uint8Array {
  const junk = pick(r, ['"', '\r', '\n', ',', ';', '\t', '\u0000', '"""', '\r\n\r\n', '\uFEFF', '\\', '"a""b', ',,,,,,,,,,']);
  const at = int(r, 0, b.length);
  const j = utf8(junk);
  const out = new Uint8Array(b.length + j.length);
  out.set(b.subarray(0, at));
  out.set(j, at);
  out.set(b.subarray(at), at + j.length);
  return out;
}

const SHEET_DOC = (body: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${extra}><sheetData>${body}</sheetData></worksheet>`;

/** Structural damage to a small workbook's parts. */
function xlsxStruct(r: Rand, rows: string[][]): { bytes: Uint8Array; note: string } {
  const table = rows.slice(0, int(r, 2, 60)).map((row) => row.slice(0, 8));
  const good = sheetRowsXml(table);
  const cases: [string, () => Uint8Array][] = [
    ['no sheets', () => xlsxFrom({ sheets: {} })],
    ['sheet part missing', () => xlsxFrom({ sheets: { S: good }, parts: { 'xl/worksheets/sheet1.xml': null } })],
    ['workbook part missing', () => xlsxFrom({ sheets: { S: good }, parts: { 'xl/workbook.xml': null } })],
    ['content types missing', () => xlsxFrom({ sheets: { S: good }, parts: { '[Content_Types].xml': null } })],
    ['relationships missing', () => xlsxFrom({ sheets: { S: good }, parts: { 'xl/_rels/workbook.xml.rels': null, '_rels/.rels': null } })],
    ['shared strings missing', () => xlsxFrom({ sheets: { S: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>' }, strings: null })],
    ['shared string index out of range', () => xlsxFrom({ sheets: { S: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99999</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>' }, strings: ['id'] })],
    ['row 4294967295', () => xlsxFrom({ sheets: { S: `${good}<row r="4294967295"><c r="A4294967295"><v>1</v></c></row>` } })],
    ['row -1', () => xlsxFrom({ sheets: { S: `<row r="-1"><c r="A1"><v>1</v></c></row>${good}` } })],
    ['cell at XFD1048576', () => xlsxFrom({ sheets: { S: `${good}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` } })],
    ['cell beyond XFD', () => xlsxFrom({ sheets: { S: `${good}<row r="5"><c r="ZZZZ5"><v>1</v></c></row>` } })],
    ['garbage cell reference', () => xlsxFrom({ sheets: { S: `<row r="1"><c r="1A"><v>1</v></c></row>${good}` } })],
    ['unknown namespace', () => xlsxFrom({ sheets: { S: SHEET_DOC(good).replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns="urn:nothing"') } })],
    ['sheet XML cut short', () => xlsxFrom({ sheets: { S: SHEET_DOC(good).slice(0, int(r, 40, 400)) } })],
    ['sheet is not XML', () => xlsxFrom({ sheets: { S: '\u0000\u0001binary' } })],
    ['entity expansion (billion laughs)', () => xlsxFrom({ sheets: { S: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>` } })],
    ['error cells and NaN dates as headers', () => xlsxFrom({ sheets: { S: `<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" s="1"><v>1e300</v></c><c r="C1" t="e"><v>#REF!</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>` }, dateStyle: true })],
    ['dates out of range', () => xlsxFrom({ sheets: { S: `<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>${Array.from({ length: 20 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>${pick(r, ['-5', '1e12', '45000', '2958466', 'NaN'])}</v></c></row>`).join('')}` }, dateStyle: true })],
    ['duplicate sheet names', () => {
      const p = xlsxParts({ sheets: { A: good, B: good } });
      p['xl/workbook.xml'] = utf8(new TextDecoder().decode(p['xl/workbook.xml']).replace('name="B"', 'name="A"'));
      return rawZip(Object.entries(p).map(([name, data]) => ({ name, data })));
    }],
    ['relationship to a missing part', () => xlsxFrom({ sheets: { S: good }, parts: { 'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../../../etc/passwd"/></Relationships>` } })],
    ['headers with NUL and control characters', () => xlsxFrom({ sheets: { S: sheetRowsXml([['a\u0001b', 'c', 'c', ''], [1, 2, 3, 4]]).replace('a\u0001b', 'a&#1;b') } })],
    ['many merges', () => xlsxFrom({ sheets: { S: SHEET_DOC(good).replace('</sheetData></worksheet>', `</sheetData><mergeCells>${Array.from({ length: 20000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('')}</mergeCells></worksheet>`) } })],
    ['CRC wrong', () => {
      const p = xlsxParts({ sheets: { S: good } });
      return rawZip(Object.entries(p).map(([name, data]) => ({ name, data, crc: name.includes('sheet1') ? 42 : undefined })));
    }],
  ];
  const [note, make] = pick(r, cases);
  return { bytes: make(), note };
}

/** Bombs are costly to make and all alike: each variant is made once per run. */
const made = new Map<string, Uint8Array>();
const once = (key: string, make: () => Uint8Array): Uint8Array => {
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
};

/** Bombs: honest and lying sizes, huge honest sheets. Kept to sizes a CI run can afford to refuse. */
function bomb(r: Rand, rows: string[][]): { bytes: Uint8Array; note: string; ext: string } {
  const which = int(r, 0, 4);
  if (which === 0) return { bytes: once('zip', () => zipBomb(600 * 1024 * 1024)), note: 'zip bomb (600 MiB), honest headers', ext: 'xlsx' };
  const cached = once(`bomb${which}`, () => bombVariant(which, rows).bytes);
  return { ...bombVariant(which, rows, cached) };
}

function bombVariant(which: number, rows: string[][], cached?: Uint8Array): { bytes: Uint8Array; note: string; ext: string } {
  if (cached) return { bytes: cached, note: ['', 'ZIP64 entry declaring 4 KiB, inflating to 300 MiB', 'honest sheet of 3.2 million cells', 'a ZIP holding only a sheet part', 'long honest CSV'][which], ext: which === 4 ? 'csv' : 'xlsx' };
  if (which === 1) {
    // ZIP64 headers declaring 4 KiB for a part that inflates to 300 MiB (more than the 256 MiB limit).
    const spec: XlsxSpec = { sheets: { S: sheetRowsXml(rows.slice(0, 5)) } };
    const parts = xlsxParts(spec);
    const big = new Uint8Array(300 * 1024 * 1024).fill(0x20);
    return {
      bytes: rawZip([...Object.entries(parts).filter(([k]) => k !== 'xl/worksheets/sheet1.xml').map(([name, data]) => ({ name, data })), { name: 'xl/worksheets/sheet1.xml', data: big, declaredSize: 4096, zip64: true }]),
      note: 'ZIP64 entry declaring 4 KiB, inflating to 300 MiB', ext: 'xlsx',
    };
  }
  if (which === 2) {
    // An honest sheet of 3.2 million cells (more than the 3 million a workbook may hold).
    const row = (i: number): string => `<row r="${i}">${'ABCDEFGH'.split('').map((c) => `<c r="${c}${i}"><v>${i}</v></c>`).join('')}</row>`;
    const body = Array.from({ length: 400_000 }, (_, i) => row(i + 1)).join('');
    return { bytes: xlsxFrom({ sheets: { S: body } }), note: 'honest sheet of 3.2 million cells', ext: 'xlsx' };
  }
  if (which === 3) {
    // A ZIP holding only a sheet part (no workbook, no content types).
    const data = deflateRawSync(Buffer.from('<row><c s="1"/></row>'.repeat(200_000)));
    return { bytes: rawZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(data), stored: true }]), note: 'a ZIP holding only a sheet part', ext: 'xlsx' };
  }
  return { bytes: utf8(`a,b\n${'1,2\n'.repeat(200_000)}`), note: 'long honest CSV', ext: 'csv' };
}

function wide(r: Rand): { bytes: Uint8Array; note: string } {
  const which = int(r, 0, 5);
  if (which === 0) return { bytes: utf8(','.repeat(10 * 1024 * 1024)), note: '10 MiB line without a newline' };
  if (which === 1) {
    const h = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    return { bytes: utf8(`${h}\n${h.replace(/c\d+/g, '1')}\n`), note: '100,000 columns' };
  }
  if (which === 2) return { bytes: utf8(`a,b,c\n1,2,3\n${','.repeat(1_000_000)}\n4,5,6\n`), note: 'a row of a million empty fields' };
  if (which === 3) {
    const n = int(r, 50, 300);
    const h = Array.from({ length: n }, (_, i) => `q${i}`).join(',');
    const body = Array.from({ length: 50 }, (_, k) => Array.from({ length: n }, (_, i) => String((k * 31 + i * 7) % 2)).join(',')).join('\n');
    return { bytes: utf8(`${h}\n${body}\n`), note: `${n} columns of 0/1` };
  }
  if (which === 4) return { bytes: utf8(`a,b\n"${'x'.repeat(int(r, 1, 9) * 1024 * 1024)}`), note: 'an unclosed quote running to the end' };
  return { bytes: utf8(`id,note\n1,${'y'.repeat(int(r, 1, 12) * 1024 * 1024)}\n2,z\n`), note: 'one very long field' };
}

const HOSTILE_HEADERS = [
  'a\u0000b', '__tenure_coerced_0', '__tenure_stage_x', '"; DROP TABLE t; --', "O'Brien", 'a"b', '', '   ', 'id', 'ID', 'Id',
  '😀 emoji', 'שלום', 'x'.repeat(100_000), 'NULL', 'rowid', '*', 'SELECT', 'c0', 'column_1', '\t', 'a\nb',
];

function names(r: Rand): { bytes: Uint8Array; note: string; file?: string } {
  const n = int(r, 2, 8);
  const heads = Array.from({ length: n }, () => pick(r, HOSTILE_HEADERS));
  const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  const body = Array.from({ length: int(r, 1, 30) }, (_, k) => heads.map((_, i) => String(k * i)).join(',')).join('\n');
  const file = pick(r, [undefined, "it's; DROP TABLE x; --", 'ünïcødé 客户', 'a b  c', '..', '-rf', 'x'.repeat(120), '$(reboot)']);
  return { bytes: utf8(`${heads.map(q).join(',')}\n${body}\n`), note: `headers ${JSON.stringify(heads.map((h) => h.slice(0, 20)))}`, file };
}

function encodings(r: Rand, b: Bases): { bytes: Uint8Array; note: string; ext?: string } {
  const which = int(r, 0, 8);
  const text = new TextDecoder().decode(b.csv[0].bytes).slice(0, 20_000);
  if (which === 0) {
    const u = utf8('name,city\n' + Array.from({ length: 200 }, (_, i) => `n${i},${pick(r, ['Zürich', 'Genève', '北京', 'São Paulo'])}`).join('\n'));
    return { bytes: flipBytes(r, u, int(r, 1, 3)), note: 'UTF-8 with damaged bytes' };
  }
  if (which === 1) {
    const cn = '客户编号,城市,金额\n' + Array.from({ length: 100 }, (_, i) => `${i},上海,${i}.5`).join('\n') + '\n';
    const g = encodeText(cn, 'gbk');
    const u = utf8(cn);
    return { bytes: new Uint8Array([...g.subarray(0, Math.floor(g.length / 2)), ...u.subarray(Math.floor(u.length / 2))]), note: 'GBK then UTF-8' };
  }
  if (which === 2) {
    const u16 = encodeText(text, 'utf-16le').subarray(2);
    return { bytes: u16.subarray(0, u16.length - 1 - int(r, 0, 100) * 2), note: 'UTF-16LE without BOM, odd length' };
  }
  if (which === 3) return { bytes: new Uint8Array([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x8e, 0x73, 0x0a, 0x93, 0x63, 0x92, 0x86, 0x2c, 0x93, 0x8c, 0x8b, 0x9e, 0x0a]), note: 'small Shift_JIS' };
  if (which === 4) return { bytes: new Uint8Array([0xc0, 0xcc, 0xb8, 0xa7, 0x2c, 0xb5, 0xb5, 0xbd, 0xc3, 0x0a, 0xb1, 0xe8, 0x2c, 0xbc, 0xad, 0xbf, 0xef, 0x0a]), note: 'small EUC-KR' };
  if (which === 5) return { bytes: Uint8Array.from({ length: int(r, 1, 65536) }, () => int(r, 0, 255)), note: 'random bytes' };
  if (which === 6) return { bytes: b.smallXlsx, note: 'workbook named .csv' };
  if (which === 7) return { bytes: utf8(text), note: 'CSV named .xlsx', ext: 'xlsx' };
  return { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, () => int(r, 0, 255))]), note: 'PNG named .csv' };
}

export const KINDS = ['csv-truncate', 'csv-flip', 'csv-insert', 'xlsx-truncate', 'xlsx-flip', 'xlsx-deflate-flip', 'xls-flip', 'xlsx-struct', 'bomb', 'wide', 'names', 'encoding'] as const;
/** Relative weights: bombs and runaway lines are costly to refuse (and cheap to cover), damage is the bulk. */
const WEIGHTS: Record<(typeof KINDS)[number], number> = {
  'csv-truncate': 10, 'csv-flip': 14, 'csv-insert': 10, 'xlsx-truncate': 6, 'xlsx-flip': 8, 'xlsx-deflate-flip': 8, 'xls-flip': 4,
  'xlsx-struct': 16, bomb: 2, wide: 5, names: 8, encoding: 9,
};

function kindFor(r: Rand): (typeof KINDS)[number] {
  const total = KINDS.reduce((s, k) => s + WEIGHTS[k], 0);
  let x = r() * total;
  for (const k of KINDS) if ((x -= WEIGHTS[k]) < 0) return k;
  return 'csv-flip';
}

/** Write `count` files for `seed` into `dir`; the same seed and count always give the same bytes. */
export function generateCorpus(seed: number, count: number, dir: string): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const b = bases();
  const out: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng(seed * 100_003 + i);
    const kind = kindFor(r);
    let bytes: Uint8Array;
    let note = '';
    let ext = 'csv';
    let fileName: string | undefined;
    switch (kind) {
      case 'csv-truncate': {
        const base = pick(r, b.csv);
        bytes = base.bytes.subarray(0, int(r, 0, base.bytes.length));
        note = `${base.name} cut at ${bytes.length}`;
        break;
      }
      case 'csv-flip': {
        const base = pick(r, b.csv);
        const n = int(r, 1, 16);
        bytes = flipBytes(r, base.bytes, n);
        note = `${base.name}, ${n} bytes changed`;
        break;
      }
      case 'csv-insert': {
        const base = pick(r, b.csv);
        bytes = base.bytes;
        const n = int(r, 1, 6);
        for (let k = 0; k < n; k++) bytes = insertJunk(r, bytes);
        note = `${base.name}, ${n} insertions`;
        break;
      }
      case 'xlsx-truncate': {
        const base = r() < 0.3 ? b.telcoXlsx : b.smallXlsx;
        bytes = base.subarray(0, int(r, 0, base.length - 1));
        note = `workbook cut at ${bytes.length}`;
        ext = 'xlsx';
        break;
      }
      case 'xlsx-flip': {
        const base = r() < 0.3 ? b.telcoXlsx : b.smallXlsx;
        const n = int(r, 1, 8);
        bytes = flipBytes(r, base, n);
        note = `workbook, ${n} bytes changed`;
        ext = 'xlsx';
        break;
      }
      case 'xlsx-deflate-flip': {
        const telco = r() < 0.3;
        const base = telco ? b.telcoXlsx : b.smallXlsx;
        const { start, length } = telco ? { start: 1_300_000, length: 50_000 } : compressedRange(base, 'xl/worksheets/sheet1.xml');
        const at = int(r, start, start + length - 1);
        bytes = flipByte(base, at, int(r, 0, 255));
        note = `one byte changed in compressed sheet data at ${at}`;
        ext = 'xlsx';
        break;
      }
      case 'xls-flip': {
        const n = int(r, 1, 8);
        bytes = r() < 0.3 ? b.smallXls.subarray(0, int(r, 0, b.smallXls.length)) : flipBytes(r, b.smallXls, n);
        note = `.xls damaged`;
        ext = 'xls';
        break;
      }
      case 'xlsx-struct': {
        ({ bytes, note } = xlsxStruct(r, b.rows));
        ext = 'xlsx';
        break;
      }
      case 'bomb': {
        ({ bytes, note, ext } = bomb(r, b.rows));
        break;
      }
      case 'wide':
        ({ bytes, note } = wide(r));
        break;
      case 'names': {
        const x = names(r);
        ({ bytes, note } = x);
        fileName = x.file;
        break;
      }
      case 'encoding': {
        const x = encodings(r, b);
        ({ bytes, note } = x);
        ext = x.ext ?? pick(r, ['csv', 'txt', 'tsv']);
        break;
      }
    }
    const name = `${String(i).padStart(4, '0')}_${kind}${fileName ? `_${fileName}` : ''}.${ext}`;
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    out.push({ name, path: p, kind, note });
  }
  return out;
}
