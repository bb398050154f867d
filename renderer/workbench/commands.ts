import { COMMANDS, type CommandDescriptor } from '../../shared/commands/commandList';
import { qi } from '../../shared/engine/sqlQuote';
import { activeTab } from '../store/editorsSlice';
import { allTables } from '../store/sourcesSlice';
import type { WorkbenchState } from '../store/workbenchStore';
import { useWorkbench } from '../store/workbenchStore';
import { EDITORS, kindForCommand } from './editorRegistry';
import type { WorkbenchServices } from './services';
import { evaluateWhen, type ContextKeys } from './when';
import { openFromHost } from './actions/openFiles';
import { openSampleWorkspace } from './actions/sampleWorkspace';
import { runActiveSql } from './editors/sqlRunner';
import { openStudyFromHost, saveStudy } from '../study/openStudy';
import { closeStudy } from '../study/closeStudy';
import { fileSourceOfTable, replaceDataFile } from '../study/replaceData';

export type CommandHandler = () => void | Promise<void>;

/** The table commands act on: the active editor's table, else the last one opened. */
export function currentTable(s: WorkbenchState): string | null {
  const tab = activeTab(s);
  const fromTab = tab && typeof tab.data.table === 'string' ? tab.data.table : null;
  return fromTab ?? s.lastTable;
}

export function contextKeys(s: WorkbenchState): ContextKeys {
  const tab = activeTab(s);
  const keys: ContextKeys = {
    hasTable: allTables(s.sources).length > 0,
    hasFileSource: s.sources.some((x) => !!x.file),
    hasEditor: !!tab,
    editorIsSql: tab?.kind === 'sql',
    queryRunning: s.engineState === 'busy',
  };
  // editor.<kind> is true for every registered editor kind (see editorRegistry.ts).
  for (const kind of Object.keys(EDITORS)) keys[`editor.${kind}`] = true;
  return keys;
}

/** Visible in the palette/menu: its when-clause holds (analysis commands need `editor.<kind>`). */
export function isAvailable(cmd: CommandDescriptor, keys: ContextKeys): boolean {
  return evaluateWhen(cmd.when, keys);
}

let sqlCount = 0;

export function newSqlEditor(initialText?: string): void {
  const s = useWorkbench.getState();
  const table = currentTable(s);
  const text = initialText ?? (table ? `SELECT *\nFROM ${qi(table)}\nLIMIT 100;\n` : 'SELECT 42 AS answer;\n');
  sqlCount += 1;
  s.openEditor({ kind: 'sql', data: { text, n: sqlCount } });
}

/** Run handlers, attached by id to the shared command list. */
export function createHandlers(services: WorkbenchServices): Record<string, CommandHandler> {
  const st = () => useWorkbench.getState();
  const handlers: Record<string, CommandHandler> = {
    'file.open': () => openFromHost(services),
    'file.openSample': () => openSampleWorkspace(services),
    'study.open': () => openStudyFromHost(services),
    'study.save': () => void saveStudy(services),
    'study.saveAs': () => void saveStudy(services, { as: true }),
    'study.close': () => void closeStudy(services),
    // The current table's file, else the first file source.
    'study.replaceData': () => replaceDataFile(services, fileSourceOfTable(currentTable(st())) ?? st().sources.find((x) => x.file)?.id ?? null),
    'sql.newEditor': () => newSqlEditor(),
    'editor.close': () => st().closeActiveTab(),
    'sql.run': () => runActiveSql(),
    'sql.cancel': async () => {
      await services.engine.cancel();
    },
    'workbench.commandPalette': () => st().openPalette(),
    'workbench.toggleSidebar': () => st().toggleSidebar(),
    'workbench.togglePanel': () => st().togglePanel(),
    'workbench.splitRight': () => st().splitRight(),
    'theme.dark': () => st().setTheme('dark'),
    'theme.light': () => st().setTheme('light'),
    'theme.system': () => st().setTheme('system'),
    'language.en': () => st().setLanguage('en'),
    'language.zh-CN': () => st().setLanguage('zh-CN'),
    'deck.export': () => {
      st().openEditor({ id: 'deck', kind: 'deck', data: {} });
      st().updateTabData('deck', { opened: Date.now() });
    },
    'brief.open': () => {
      st().openEditor({ id: 'brief', kind: 'brief', data: {} });
      st().updateTabData('brief', { opened: Date.now() });
    },
    'help.welcome': () => {
      st().openEditor({ id: 'welcome', kind: 'welcome', data: {} });
    },
  };
  for (const cmd of COMMANDS) {
    const kind = kindForCommand(cmd.id);
    if (!kind) continue;
    handlers[cmd.id] = () => {
      const table = currentTable(st());
      st().openEditor({ kind, data: { table } });
    };
  }
  return handlers;
}

export function runCommand(handlers: Record<string, CommandHandler>, id: string): void {
  const cmd = COMMANDS.find((c) => c.id === id);
  const handler = handlers[id];
  if (!cmd || !handler) return;
  if (!isAvailable(cmd, contextKeys(useWorkbench.getState()))) return;
  void Promise.resolve(handler()).catch((err) => console.error(err));
}
