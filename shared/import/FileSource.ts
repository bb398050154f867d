/**
 * A user's file as the importer sees it, whatever the host: read byte ranges on demand, and a
 * host handle the engine can register for lazy reads (browser File, or a path in Node).
 * Importers only ever read: a user's source file is never written.
 */
export interface FileSource {
  name: string;
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * Passed to QueryEngine.registerFileHandle for lazy reads (browser File, Node path); null when the
   * engine cannot reach the file itself (Electron: bytes come over IPC), so the bytes are copied in.
   */
  handle: unknown;
}

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** Read a whole source (Excel, small re-encoded files). */
export async function readAll(src: FileSource): Promise<Uint8Array> {
  return src.read(0, src.size);
}
