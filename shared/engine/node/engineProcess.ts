/**
 * The engine process: native DuckDB, started by Electron main as a utilityProcess (or by the CLI
 * and tests as a forked Node child, through the same parentPort API: see the shim below). Requests
 * come over parentPort, or over a MessagePort that main hands over for the renderer; results leave
 * as Arrow IPC bytes. A crash here fails the caller's pending queries, never the window.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { version } from '@duckdb/node-api';
import { asTenureError } from '../../errors';
import type { EngineRequest, EngineResponse, EngineStartOptions } from '../engineProtocol';
import { FileGrants, type GrantMessage } from './fileGrants';
import { NativeEngine } from './nativeEngine';

interface PortLike {
  on(event: 'message', cb: (e: { data: unknown; ports?: PortLike[] }) => void): void;
  postMessage(msg: unknown): void;
  start?(): void;
}

/** Electron's process.parentPort; in a forked Node child the same API over the IPC channel. */
function parentPort(): PortLike {
  const electronPort = (process as unknown as { parentPort?: PortLike }).parentPort;
  if (electronPort) return electronPort;
  if (!process.send) throw new Error('engineProcess must be started by Electron utilityProcess.fork or child_process.fork');
  process.on('disconnect', () => process.exit(0));
  return {
    on: (_event, cb) => void process.on('message', (data) => cb({ data, ports: [] })),
    postMessage: (msg) => void process.send!(msg),
  };
}

let starting: Promise<NativeEngine> | null = null;
/** Paths main granted; a renderer port (one served with main's forced options) may link only these. */
const grants = new FileGrants();

async function handle(req: EngineRequest, forced?: EngineStartOptions): Promise<Omit<EngineResponse & { ok: true }, 'id'>> {
  if (req.op === 'init') {
    starting ??= (async () => {
      const e = new NativeEngine(forced ?? req.options);
      await e.init();
      return e;
    })();
    const engine = await starting;
    return { ok: true, value: { threads: engine.threads, memoryLimit: engine.memoryLimit, version: version(), readDirs: engine.readDirs } };
  }
  // Requests sent right behind 'init' wait for it.
  const engine = starting ? await starting : null;
  if (!engine) throw new Error('Engine not initialised');
  switch (req.op) {
    case 'query':
      return { ok: true, ipc: tableToIPC(await (req.denseGroups ? engine.queryDenseGroups(req.sql) : engine.query(req.sql)), 'stream') };
    case 'registerFileBuffer':
      await engine.registerFileBuffer(req.name, new Uint8Array(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength));
      return { ok: true };
    case 'registerFileHandle':
      if (forced) grants.check(req.path);
      await engine.registerFileHandle(req.name, req.path);
      return { ok: true };
    case 'attach':
      await engine.attachReadOnly(req.name, req.alias);
      return { ok: true };
    case 'dropFile':
      await engine.dropFile(req.name);
      return { ok: true };
    case 'insertArrow':
      await engine.insertArrowTable(req.table, tableFromIPC(req.ipc));
      return { ok: true };
    case 'cancel':
      return { ok: true, value: await engine.cancel() };
    case 'close':
      // Answer first: closing DuckDB (≈ 0.1 s) need not hold up the caller, who only waits to exit.
      setImmediate(() => void engine.close().finally(() => process.exit(0)));
      return { ok: true };
  }
}

function serve(port: PortLike, forced?: EngineStartOptions): void {
  const fromMain = forced === undefined;
  port.on('message', (e) => {
    const msg = e.data as EngineRequest | { type: 'connect'; options: EngineStartOptions } | GrantMessage;
    // Control messages come from main (the parent port) only; on a renderer's port they are dropped.
    if ('type' in msg && !fromMain) return;
    if ('type' in msg && msg.type === 'grant') {
      grants.add(msg.path);
      return;
    }
    // Main hands over a MessagePort to the renderer, with main's options (the renderer's are ignored).
    if ('type' in msg && msg.type === 'connect') {
      const p = e.ports?.[0];
      if (p) {
        serve(p, msg.options);
        p.start?.();
      }
      return;
    }
    const req = msg as EngineRequest;
    handle(req, forced).then(
      (res) => port.postMessage({ ...res, id: req.id }),
      (err: unknown) => {
        const e2 = asTenureError(err);
        port.postMessage({ id: req.id, ok: false, error: { code: e2.code, message: e2.message, params: e2.params } });
      },
    );
  });
}

serve(parentPort());
