/// <reference lib="webworker" />
/**
 * The Excel parse off the window's thread: unzip (counted, CRC-checked), cell counting and SheetJS
 * run here, so a hostile workbook can cost this worker's time but never freeze the workbench; the
 * window ends it with terminate() on Cancel. The sheet's table crosses back as Arrow IPC bytes.
 */
import { tableToIPC } from 'apache-arrow';
import { listExcelSheets, readExcelSheet } from '../../../shared/import/excelRead';
import { TenureError } from '../../../shared/errors';
import type { ExcelRequest } from '../../../shared/import/excelReader';

export interface ExcelWorkerRequest {
  op: 'list' | 'read';
  bytes: Uint8Array;
  req: ExcelRequest;
}

export type ExcelWorkerReply =
  | { ok: true; names: string[] }
  | { ok: true; sheet: Omit<ReturnType<typeof readExcelSheet>, 'table'>; ipc: Uint8Array }
  | { ok: false; error: { code: string; message: string; file?: string; line?: number; column?: string | number; params: Record<string, unknown> } };

self.onmessage = (e: MessageEvent<ExcelWorkerRequest>) => {
  const { op, bytes, req } = e.data;
  let reply: ExcelWorkerReply;
  const transfer: Transferable[] = [];
  try {
    if (op === 'list') reply = { ok: true, names: listExcelSheets(bytes, req.file, req) };
    else {
      const { table, ...sheet } = readExcelSheet(bytes, req);
      const ipc = tableToIPC(table, 'stream');
      transfer.push(ipc.buffer);
      reply = { ok: true, sheet, ipc };
    }
  } catch (err) {
    const t = err instanceof TenureError ? err : new TenureError('import.excelCorrupt', `${req.file}: the workbook could not be read`, { file: req.file, params: { detail: 'the workbook could not be read' } });
    reply = { ok: false, error: { code: t.code, message: t.message, file: t.file, line: t.line, column: t.column, params: t.params } };
  }
  (self as unknown as Worker).postMessage(reply, transfer);
};
