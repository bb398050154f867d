// Apart from tableExport.ts so that what imports CSV export (the CLI) does not load SheetJS (~0.7 MB).
import * as XLSX from '@e965/xlsx';
import type { TableData } from './tableExport';

/** XLSX bytes: numbers stay numbers, dates stay dates (with a date format), text stays text. */
export function toXlsx(t: TableData, sheetName = 'Sheet1'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([t.columns, ...t.rows.map((r) => r.map((v) => (v === undefined ? null : v)))], { cellDates: true, dateNF: 'yyyy-mm-dd hh:mm' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, safeSheetName(sheetName));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function safeSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  return s || 'Sheet1';
}
