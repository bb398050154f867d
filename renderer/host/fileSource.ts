import type { FileSource } from '../../shared/import/FileSource';
import type { HostApi, HostFile } from '../../shared/host/HostApi';
import { dataFileFormat } from '../../shared/import/dataFiles';

/** A browser File as a FileSource: ranges read through Blob.slice, the File itself registered lazily. */
export function fileSourceFromFile(file: File): FileSource {
  return {
    name: file.name,
    size: file.size,
    handle: file,
    async read(start: number, end: number): Promise<Uint8Array> {
      return new Uint8Array(await file.slice(start, Math.min(end, file.size)).arrayBuffer());
    },
  };
}

/** Hosts that hand out real File objects (the browser host) expose them here. */
export interface FileProvider {
  fileFor(id: string): File | undefined;
}

function isFileProvider(host: unknown): host is FileProvider {
  return typeof (host as Partial<FileProvider>).fileFor === 'function';
}

/**
 * A file the host chose, as a FileSource. With a File at hand DuckDB reads it lazily; otherwise
 * (Electron: the bytes live behind IPC) ranges come through HostApi.readFileRange and the handle is null
 * (or the granted path, for a file DuckDB reads itself).
 */
export function fileSourceFromHost(host: HostApi, file: HostFile): FileSource {
  const local = isFileProvider(host) ? host.fileFor(file.id) : undefined;
  if (local) return fileSourceFromFile(local);
  return {
    name: file.name,
    size: file.size,
    // Parquet and database files: the native engine links the path main granted and reads it in place
    // (a database is attached, not copied); duckdb-wasm copies the bytes instead (dataFiles.ts).
    handle: file.path && dataFileFormat(file.name) ? file.path : null,
    read: (start, end) => host.readFileRange(file.id, start, Math.min(end, file.size)),
  };
}
