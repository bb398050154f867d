import { tableFromIPC } from 'apache-arrow';
import { TenureError } from '../../../shared/errors';
import { cancelledError } from '../../../shared/import/abort';
import type { ExcelReader, ExcelRequest } from '../../../shared/import/excelReader';
import type { ExcelWorkerReply, ExcelWorkerRequest } from './excelWorker';

/**
 * ExcelReader for the workbench: each parse in its own Web Worker (excelWorker.ts), ended by
 * terminate() when the signal aborts (Cancel in the import dialog, a newer preview) or when the
 * answer is in. The bytes are transferred, not copied.
 */
function run(op: ExcelWorkerRequest['op'], bytes: Uint8Array, req: ExcelRequest, signal?: AbortSignal): Promise<ExcelWorkerReply & { ok: true }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(req.file));
    const worker = new Worker(new URL('./excelWorker.ts', import.meta.url), { type: 'module', name: 'tenure-excel' });
    const done = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(cancelledError(req.file));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<ExcelWorkerReply>) => {
      done();
      const r = e.data;
      if (r.ok) resolve(r);
      else reject(new TenureError(r.error.code, r.error.message, { file: r.error.file, line: r.error.line, column: r.error.column, params: r.error.params }));
    };
    worker.onerror = (e) => {
      done();
      reject(new TenureError('import.excelCorrupt', `${req.file}: the workbook could not be read (${e.message})`, { file: req.file, params: { detail: e.message } }));
    };
    const copy = bytes.slice();
    worker.postMessage({ op, bytes: copy, req } satisfies ExcelWorkerRequest, [copy.buffer]);
  });
}

export const workerExcelReader: ExcelReader = {
  async list(bytes, req) {
    const r = await run('list', bytes, req);
    return 'names' in r ? r.names : [];
  },
  async read(bytes, req, signal) {
    const r = await run('read', bytes, req, signal);
    if (!('ipc' in r)) throw new TenureError('import.excelCorrupt', `${req.file}: the workbook could not be read`, { file: req.file, params: { detail: 'no sheet' } });
    return { ...r.sheet, table: tableFromIPC(r.ipc) };
  },
};
