import type { ExcelLimits, ExcelSheet } from './excelRead';
import { cancelledError, throwIfAborted } from './abort';

/** What a workbook read needs besides the bytes (structured-cloneable: it crosses to a worker). */
export interface ExcelRequest extends ExcelLimits {
  file: string;
  sheet?: string;
  headerRow?: number;
  hasHeader?: boolean;
}

/**
 * Where workbooks are parsed. SheetJS parses synchronously: in the workbench a Web Worker runs it
 * (renderer/import/workerExcelReader.ts), so a bad workbook can never freeze the window and Cancel
 * ends it by terminating the worker; the CLI and tests parse in their own thread.
 */
export interface ExcelReader {
  list(bytes: Uint8Array, req: ExcelRequest): Promise<string[]>;
  read(bytes: Uint8Array, req: ExcelRequest, signal?: AbortSignal): Promise<ExcelSheet>;
}

// SheetJS (~0.7 MB) loads with the first workbook, not with every CSV import.
export const inThreadExcelReader: ExcelReader = {
  async list(bytes, req) {
    const { listExcelSheets } = await import('./excelRead');
    return listExcelSheets(bytes, req.file, req);
  },
  async read(bytes, req, signal) {
    throwIfAborted(signal, req.file);
    const { readExcelSheet } = await import('./excelRead');
    const sheet = readExcelSheet(bytes, req);
    if (signal?.aborted) throw cancelledError(req.file);
    return sheet;
  },
};
