/**
 * Main's side of the native engine: starts shared/engine/node/engineProcess.ts (bundled as
 * dist-electron/engineProcess.cjs) as a utilityProcess and hands the renderer a MessagePort to it,
 * so query bytes never pass through main. If the process dies, the renderer is told (its pending
 * queries fail, see RemoteEngine) and the next connect starts a new one. Options (folder in
 * app-data, memory limit) are main's: the renderer cannot choose paths.
 */
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { join } from 'node:path';
import type { EngineStartOptions } from '../shared/engine/engineProtocol';
import { IPC } from './ipcChannels';

export class EngineHost {
  private child: UtilityProcess | null = null;
  private readonly viewers = new Set<WebContents>();
  /** Files the user chose: re-sent to every new engine process, which links in no other path. */
  private readonly granted = new Set<string>();
  /** Folders the user opened: allowed (read-only) to every engine process started from now on. */
  private readonly folders = new Set<string>();

  constructor(
    private readonly entry: string,
    private readonly options: () => EngineStartOptions,
  ) {}

  private start(): UtilityProcess {
    if (this.child) return this.child;
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'Tenure DuckDB engine', stdio: 'ignore' });
    child.on('exit', (code) => {
      if (this.child !== child) return;
      this.child = null;
      for (const wc of this.viewers) if (!wc.isDestroyed()) wc.send(IPC.engineExited, `exit code ${code}`);
    });
    this.child = child;
    for (const path of this.granted) child.postMessage({ type: 'grant', path });
    return child;
  }

  /** A new port to the engine process for this renderer (starting the process if needed). */
  connect(wc: WebContents): void {
    const child = this.start();
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ type: 'connect', options: { ...this.options(), readDirs: [...this.folders] } }, [port1]);
    this.viewers.add(wc);
    wc.once('destroyed', () => this.viewers.delete(wc));
    wc.postMessage(IPC.enginePort, null, [port2]);
  }

  /** A file the user chose (dialog, command line, recent list) that the renderer may hand the engine. */
  grant(path: string): void {
    if (this.granted.has(path)) return;
    this.granted.add(path);
    this.child?.postMessage({ type: 'grant', path });
  }

  /**
   * A folder the user chose: the engine's settings are locked once it runs, so the folder is allowed
   * from the next process on; the renderer restarts it (RemoteEngine.allowFolder) and rebuilds.
   */
  grantFolder(path: string): void {
    this.folders.add(path);
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    child?.kill();
  }
}

/** Where main keeps the engine's folder (temp files, spill) and its start options. */
export function engineOptions(userData: string, memoryLimit: string | undefined): EngineStartOptions {
  return { dir: join(userData, 'engine'), memoryLimit };
}
