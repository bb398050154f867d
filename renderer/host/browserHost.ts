import { HOST_API_VERSION, type HostApi, type HostFile, type RecentFile, type SaveRequest, type SaveResult } from '../../shared/host/HostApi';
import type { FileProvider } from './fileSource';
import { loadSessionText, saveSessionText } from './sessionStore';

const SETTINGS_KEY = 'tenure.settings';
const RECENTS_KEY = 'tenure.recentFiles';
const MAX_RECENTS = 10;
const ACCEPT = '.csv,.tsv,.txt,.tab,.xlsx,.xls,.parquet,.duckdb,.ddb,.tenure';

/**
 * HostApi in a plain browser: a hidden <input type=file> for Open, Files kept in memory by id,
 * downloads for Save, localStorage for settings and recent file names. Browsers cannot re-open a
 * file by path, so recent files are names only and openRecent returns null.
 */
export class BrowserHost implements HostApi, FileProvider {
  readonly kind = 'browser' as const;
  readonly version = HOST_API_VERSION;
  private readonly files = new Map<string, File>();
  private nextId = 1;
  private readonly listeners = new Set<(commandId: string) => void>();

  openFiles(options: { multiple?: boolean } = {}): Promise<HostFile[]> {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = ACCEPT;
      input.multiple = options.multiple ?? false;
      input.style.display = 'none';
      input.addEventListener('change', () => {
        resolve(this.adopt([...(input.files ?? [])]));
        input.remove();
      });
      input.addEventListener('cancel', () => {
        resolve([]);
        input.remove();
      });
      document.body.append(input);
      input.click();
    });
  }

  /** Files from a drop or an input become HostFiles (and recent entries). */
  adopt(files: File[]): HostFile[] {
    const out = files.map((file) => {
      const id = `f${this.nextId++}`;
      this.files.set(id, file);
      return { id, name: file.name, size: file.size, mtime: file.lastModified };
    });
    if (out.length) this.remember(out);
    return out;
  }

  fileFor(id: string): File | undefined {
    return this.files.get(id);
  }

  async readFileRange(id: string, start: number, end: number): Promise<Uint8Array> {
    const file = this.files.get(id);
    if (!file) throw new Error(`Unknown file id ${id}`);
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  }

  async openRecent(): Promise<HostFile | null> {
    return null;
  }

  async recentFiles(): Promise<RecentFile[]> {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(RECENTS_KEY) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is RecentFile => !!r && typeof r.name === 'string' && typeof r.path === 'string' && typeof r.openedAt === 'number',
      );
    } catch {
      return [];
    }
  }

  private remember(files: HostFile[]): void {
    void this.recentFiles().then((recents) => {
      const now = Date.now();
      const fresh = files.map((f) => ({ name: f.name, path: f.name, openedAt: now }));
      const merged = [...fresh, ...recents.filter((r) => !fresh.some((f) => f.path === r.path))].slice(0, MAX_RECENTS);
      localStorage.setItem(RECENTS_KEY, JSON.stringify(merged));
    });
  }

  async saveFile(req: SaveRequest): Promise<SaveResult> {
    const blob = new Blob([typeof req.data === 'string' ? req.data : req.data.slice().buffer], { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = req.suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, path: req.suggestedName };
  }

  /** No native menu in a browser; kept so the workbench can treat both hosts alike. */
  onCommand(listener: (commandId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async loadSettings(): Promise<string | null> {
    return localStorage.getItem(SETTINGS_KEY);
  }

  async saveSettings(json: string): Promise<void> {
    localStorage.setItem(SETTINGS_KEY, json);
  }

  saveSession(json: string): Promise<void> {
    return saveSessionText(json);
  }

  loadSession(): Promise<string | null> {
    return loadSessionText();
  }
}
