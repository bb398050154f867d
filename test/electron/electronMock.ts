/**
 * A stand-in for the `electron` module (whose binary cannot run here): records what the main
 * process configures so tests can assert on it. Used via `vi.mock('electron', () => import('./electronMock'))`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];
  url = 'app://tenure/desktop.html';
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  /** webContents.postMessage(channel, message, transfer): recorded with the transferred ports. */
  readonly posted: [string, unknown, unknown[]][] = [];
  postMessage(channel: string, message: unknown, transfer: unknown[] = []): void {
    this.posted.push([channel, message, transfer]);
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** As Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
}
export const BrowserWindow = FakeBrowserWindow;

export const fakeSession = {
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  devicePermissionHandler: null as Handler | null,
  beforeRequest: null as Handler | null,
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequestHandler = h;
  },
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheckHandler = h;
  },
  setDevicePermissionHandler(h: Handler) {
    this.devicePermissionHandler = h;
  },
  webRequest: {
    onBeforeRequest(h: Handler) {
      fakeSession.beforeRequest = h;
    },
  },
};
export const session = { defaultSession: fakeSession };

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) });
export const contextBridge = { exposed: {} as Record<string, unknown>, exposeInMainWorld: vi.fn((key: string, api: unknown) => (contextBridge.exposed[key] = api)) };

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async (..._args: unknown[]): Promise<{ response: number }> => ({ response: 2 })),
};

/** utilityProcess.fork: records the module and options; the child records what main posts to it. */
export class FakeUtilityProcess extends EventEmitter {
  static instances: FakeUtilityProcess[] = [];
  readonly messages: [unknown, unknown[]][] = [];
  killed = false;
  constructor(public readonly modulePath: string, public readonly options: Record<string, unknown>) {
    super();
    FakeUtilityProcess.instances.push(this);
  }
  postMessage(message: unknown, transfer: unknown[] = []): void {
    this.messages.push([message, transfer]);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}
export const utilityProcess = {
  fork: vi.fn((modulePath: string, _args: string[] = [], options: Record<string, unknown> = {}) => new FakeUtilityProcess(modulePath, options)),
};
export class MessageChannelMain {
  readonly port1 = { name: 'port1' };
  readonly port2 = { name: 'port2' };
}

export const appEvents = new EventEmitter();
export const app = {
  paths: { userData: tmpdir(), documents: tmpdir() } as Record<string, string>,
  isPackaged: false,
  ready: false,
  singleInstance: true,
  readyWaiters: [] as (() => void)[],
  addRecentDocument: vi.fn(),
  getPath(name: string) {
    return this.paths[name] ?? tmpdir();
  },
  getAppPath: () => '/app',
  getLocale: () => 'en-US',
  enableSandbox: vi.fn(),
  quit: vi.fn(),
  requestSingleInstanceLock() {
    return this.singleInstance;
  },
  isReady() {
    return this.ready;
  },
  whenReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  },
  /** Test helper: fire 'ready'. */
  fireReady() {
    this.ready = true;
    for (const w of this.readyWaiters.splice(0)) w();
  },
  on(event: string, fn: Handler) {
    appEvents.on(event, fn);
    return this;
  },
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export default { app, BrowserWindow, session, ipcMain, ipcRenderer, contextBridge, dialog, Menu, protocol, utilityProcess, MessageChannelMain };
