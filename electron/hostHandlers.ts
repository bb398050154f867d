/**
 * ipcMain handlers implementing HostApi. Every call: the sender must be our app://tenure/ top frame,
 * the arguments must pass a strict zod schema, and file access goes through opaque ids the user
 * granted (dialog, command line, recent list). Handlers throw; the renderer sees a rejected promise.
 */
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { HostFile, HostFolder, SaveResult } from '../shared/host/HostApi';
import { isAppUrl } from './appOrigin';
import type { FileRegistry } from './fileRegistry';
import type { IncomingFiles } from './incomingFiles';
import { IPC, MAX_READ_BYTES, MAX_SAVE_BYTES, MAX_SESSION_CHARS, MAX_SETTINGS_CHARS } from './ipcChannels';
import { readSession, writeSession } from './sessionFiles';
import { readTextOrNull, writeTextAtomic } from './jsonStore';
import type { RecentFiles } from './recentFiles';

export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xls', 'parquet', 'duckdb', 'ddb', 'tenure'];

export interface HostContext {
  registry: FileRegistry;
  recent: RecentFiles;
  incoming: IncomingFiles;
  settingsPath: string;
  /** Folder of the crash-recovery session generations (default: beside the settings). */
  sessionDir?: string;
  getWindow(): BrowserWindow | null;
  /** Current-language translation (dialog titles and filter names). */
  t(key: string): string;
  onSettingsSaved?(json: string): void;
  /** The native engine process (absent: the renderer keeps duckdb-wasm). */
  engine?: { connect(wc: Electron.WebContents): void; grant?(path: string): void; grantFolder?(path: string): void };
  /** Folders the user opened (Parquet folders): the only folders reopenFolder accepts. */
  recentFolders?: RecentFiles;
  /** The window's close guard (answers to "unsaved changes?", close after saving). */
  close?: { answer(id: number, dirty: boolean): void; closeNow(): void };
  /**
   * .tenure files the user chose (opened or picked in a Save dialog): the only paths Save Study may
   * overwrite without a dialog. Never a data file: sources are read-only.
   */
  studyPaths?: Set<string>;
}

export const isStudyPath = (p: string) => /\.tenure$/i.test(p);

const Offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const FileId = z.uuid();
const OpenOptions = z.object({ multiple: z.boolean().optional() }).strict().optional();
const Extension = z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/);
const SaveRequestSchema = z
  .object({
    suggestedName: z.string().min(1).max(255),
    data: z.union([
      z.string().max(MAX_SAVE_BYTES),
      z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_SAVE_BYTES, 'too large'),
    ]),
    filters: z
      .array(z.object({ name: z.string().min(1).max(100), extensions: z.array(Extension).min(1).max(20) }).strict())
      .max(10)
      .optional(),
  })
  .strict();
const SettingsJson = z
  .string()
  .max(MAX_SETTINGS_CHARS)
  .refine((s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }, 'not JSON');

export const Schemas = {
  openFiles: z.tuple([OpenOptions]),
  readFileRange: z
    .tuple([FileId, Offset, Offset])
    .refine(([, start, end]) => end >= start && end - start <= MAX_READ_BYTES, 'bad range'),
  openRecent: z.tuple([z.string().min(1).max(4096)]),
  none: z.tuple([]),
  saveFile: z.tuple([SaveRequestSchema]),
  saveStudyTo: z.tuple([z.string().min(1).max(4096).refine(isStudyPath, 'not a .tenure path'), z.string().max(MAX_SESSION_CHARS)]),
  closeAnswer: z.tuple([z.number().int().positive(), z.boolean()]),
  saveSettings: z.tuple([SettingsJson]),
  saveSession: z.tuple([z.string().max(MAX_SESSION_CHARS).refine((s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }, 'not JSON')]),
};

/** Only our own page's top frame may call; a sub-frame or a foreign page (if one ever loaded) may not. */
export function assertTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): void {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) throw new Error('untrusted IPC sender');
  if (win && event.sender !== win.webContents) throw new Error('untrusted IPC sender');
}

/** Windows-reserved and path characters become '_' so a suggested name can't pick a directory. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned.slice(0, 200) || 'export';
}

/** Registers paths from outside the renderer (dialog, command line, OS) and records them as recent. */
export async function grantPaths(ctx: HostContext, paths: string[]): Promise<HostFile[]> {
  const files: HostFile[] = [];
  for (const p of paths) {
    try {
      const f = await ctx.registry.register(p);
      files.push(f);
      if (isStudyPath(f.path!)) ctx.studyPaths?.add(f.path!);
      ctx.engine?.grant?.(f.path!);
      await ctx.recent.add({ name: f.name, path: f.path!, openedAt: Date.now() });
      app.addRecentDocument(f.path!);
    } catch {
      // unreadable or vanished: skip, the others still open
    }
  }
  return files;
}

/** A folder the user chose (dialog) or opened before: granted to the engine and remembered. */
export async function grantFolder(ctx: HostContext, p: string): Promise<HostFolder | null> {
  if (!isAbsolute(p)) return null;
  const path = resolve(p);
  try {
    if (!(await stat(path)).isDirectory()) return null;
  } catch {
    return null;
  }
  ctx.engine?.grantFolder?.(path);
  await ctx.recentFolders?.add({ name: basename(path), path, openedAt: Date.now() });
  return { path, name: basename(path) || path };
}

type Handler<S extends z.ZodType> = (args: z.infer<S>, event: IpcMainInvokeEvent) => unknown;

export function registerHostHandlers(ctx: HostContext): void {
  let lastSaveDir: string | null = null;
  const studyPaths = (ctx.studyPaths ??= new Set<string>());

  function handle<S extends z.ZodType>(channel: string, schema: S, fn: Handler<S>): void {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      assertTrustedSender(event, ctx.getWindow());
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new Error(`invalid arguments for ${channel}`);
      return fn(parsed.data, event);
    });
  }

  handle(IPC.openFiles, Schemas.openFiles, async ([opts]) => {
    const props: ('openFile' | 'multiSelections')[] = opts?.multiple ? ['openFile', 'multiSelections'] : ['openFile'];
    const options: Electron.OpenDialogOptions = {
      title: ctx.t('electron.dialog.openTitle'),
      properties: props,
      filters: [
        { name: ctx.t('electron.dialog.dataFiles'), extensions: DATA_EXTENSIONS },
        { name: ctx.t('electron.dialog.allFiles'), extensions: ['*'] },
      ],
    };
    const win = ctx.getWindow();
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled ? [] : grantPaths(ctx, res.filePaths);
  });

  handle(IPC.readFileRange, Schemas.readFileRange, async ([id, start, end]) => {
    if (!ctx.registry.has(id)) throw new Error('unknown file id');
    return ctx.registry.readRange(id, start, end);
  });

  // Only paths already on the recent list: the renderer cannot name an arbitrary file.
  handle(IPC.openRecent, Schemas.openRecent, async ([path]) => {
    if (!(await ctx.recent.includes(path))) return null;
    const [file] = await grantPaths(ctx, [path]);
    if (!file) await ctx.recent.remove(path);
    return file ?? null;
  });

  handle(IPC.recentFiles, Schemas.none, () => ctx.recent.list());

  handle(IPC.openFolder, Schemas.none, async () => {
    const options: Electron.OpenDialogOptions = { title: ctx.t('electron.dialog.openFolderTitle'), properties: ['openDirectory'] };
    const win = ctx.getWindow();
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled || !res.filePaths[0] ? null : grantFolder(ctx, res.filePaths[0]);
  });

  // Only folders the user opened before: the renderer cannot name an arbitrary folder.
  handle(IPC.reopenFolder, Schemas.openRecent, async ([path]) => {
    if (!ctx.recentFolders || !(await ctx.recentFolders.includes(path))) return null;
    const folder = await grantFolder(ctx, path);
    if (!folder) await ctx.recentFolders.remove(path);
    return folder;
  });

  handle(IPC.saveFile, Schemas.saveFile, async ([req]): Promise<SaveResult> => {
    const name = safeFileName(req.suggestedName);
    const options: Electron.SaveDialogOptions = {
      title: ctx.t('electron.dialog.saveTitle'),
      defaultPath: join(lastSaveDir ?? app.getPath('documents'), name),
      filters: req.filters,
    };
    const win = ctx.getWindow();
    const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (res.canceled || !res.filePath) return { saved: false };
    await writeFile(res.filePath, req.data);
    lastSaveDir = dirname(res.filePath);
    if (isStudyPath(res.filePath)) studyPaths.add(res.filePath);
    return { saved: true, path: res.filePath };
  });

  // Save Study on a study that has a file: only a .tenure file the user chose this session, written atomically.
  handle(IPC.saveStudyTo, Schemas.saveStudyTo, async ([path, text]): Promise<SaveResult> => {
    if (!studyPaths.has(path)) throw new Error('not a study file chosen by the user');
    await writeTextAtomic(path, text);
    return { saved: true, path };
  });

  handle(IPC.closeAnswer, Schemas.closeAnswer, ([id, dirty]) => ctx.close?.answer(id, dirty));
  handle(IPC.closeWindow, Schemas.none, () => ctx.close?.closeNow());

  handle(IPC.loadSettings, Schemas.none, () => readTextOrNull(ctx.settingsPath));

  handle(IPC.saveSettings, Schemas.saveSettings, async ([json]) => {
    await writeTextAtomic(ctx.settingsPath, json);
    ctx.onSettingsSaved?.(json);
  });

  const sessionDir = ctx.sessionDir ?? join(dirname(ctx.settingsPath), 'session');
  handle(IPC.saveSession, Schemas.saveSession, ([json]) => writeSession(sessionDir, json));
  handle(IPC.loadSession, Schemas.none, () => readSession(sessionDir));

  handle(IPC.takePendingFiles, Schemas.none, () => ctx.incoming.take());
  handle(IPC.engineConnect, Schemas.none, (_args, event) => {
    if (!ctx.engine) throw new Error('no native engine');
    ctx.engine.connect(event.sender);
  });
}
