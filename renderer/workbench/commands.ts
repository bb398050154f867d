import { COMMANDS, type CommandDescriptor } from '../../shared/commands/commandList';
import { qi } from '../../shared/engine/sqlQuote';
import { activeTab, findTab } from '../store/editorsSlice';
import type { EditorTab } from '../store/types';
import { allTables } from '../store/sourcesSlice';
import type { WorkbenchState } from '../store/workbenchStore';
import { useWorkbench } from '../store/workbenchStore';
import { EDITORS, kindForCommand } from './editorRegistry';
import type { WorkbenchServices } from './services';
import { evaluateWhen, type ContextKeys } from './when';
import { openFromHost } from './actions/openFiles';
import { openFolderFromHost } from './actions/openFolder';
import { openSampleWorkspace } from './actions/sampleWorkspace';
import { runActiveSql } from './editors/sqlRunner';
import { openStudyFromHost, saveStudy } from '../study/openStudy';
import { closeStudy } from '../study/closeStudy';
import { fileSourceOfTable, replaceDataFile } from '../study/replaceData';
import { openTable } from './actions/openFiles';
import { copyTableName, dropTable, profileTable } from './actions/tableActions';
import { useExplorer } from './parts/explorerState';
import { showOpenedEditors } from './parts/openedEditors';

/** The item a context menu was opened on: a table in the Explorer, or a tab. */
export interface CommandArg {
  table?: string;
  tabId?: string;
}

export type CommandHandler = (arg?: CommandArg) => void | Promise<void>;

/** The tab a command acts on: the one its context menu was opened on, else the active one. */
export function targetTab(s: WorkbenchState, arg?: CommandArg): { tab: EditorTab; groupId: string; index: number; count: number } | null {
  if (arg?.tabId) {
    const f = findTab(s.groups, arg.tabId);
    return f ? { tab: f.tab, groupId: f.group.id, index: f.index, count: f.group.tabs.length } : null;
  }
  const g = s.groups.find((x) => x.id === s.activeGroupId) ?? s.groups[0];
  const index = g?.tabs.findIndex((x) => x.id === g.activeTabId) ?? -1;
  return g && index >= 0 ? { tab: g.tabs[index], groupId: g.id, index, count: g.tabs.length } : null;
}

/** The table a command acts on: the Explorer item, else the focused Explorer row, else the current table. */
function targetTable(s: WorkbenchState, arg?: CommandArg): string | null {
  return arg?.table ?? useExplorer.getState().focused ?? currentTable(s);
}

function tabTable(tab: EditorTab | undefined): string | null {
  return tab && typeof tab.data.table === 'string' && tab.data.table ? tab.data.table : null;
}

/** The table commands act on: the active editor's table, else the last one opened. */
export function currentTable(s: WorkbenchState): string | null {
  const tab = activeTab(s);
  const fromTab = tab && typeof tab.data.table === 'string' ? tab.data.table : null;
  return fromTab ?? s.lastTable;
}

export function contextKeys(s: WorkbenchState, arg?: CommandArg): ContextKeys {
  const target = targetTab(s, arg);
  const tab = target?.tab;
  const keys: ContextKeys = {
    hasTable: allTables(s.sources).length > 0,
    hasFileSource: s.sources.some((x) => !!x.file),
    hasEditor: !!tab,
    editorIsSql: tab?.kind === 'sql',
    editorHasTable: !!tabTable(tab) && allTables(s.sources).some((x) => x.name === tabTable(tab)),
    otherTabs: !!target && target.count > 1,
    tabsToRight: !!target && target.index < target.count - 1,
    explorerTableFocus: !!arg?.table || !!useExplorer.getState().focused,
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
    'file.openFolder': () => openFolderFromHost(services),
    'file.openSample': () => openSampleWorkspace(services),
    'study.open': () => openStudyFromHost(services),
    'study.save': () => void saveStudy(services),
    'study.saveAs': () => void saveStudy(services, { as: true }),
    'study.close': () => void closeStudy(services),
    // The current table's file, else the first file source.
    'study.replaceData': () => replaceDataFile(services, fileSourceOfTable(currentTable(st())) ?? st().sources.find((x) => x.file)?.id ?? null),
    'sql.newEditor': () => newSqlEditor(),
    'editor.close': (arg) => {
      const target = targetTab(st(), arg);
      if (target) st().closeTab(target.groupId, target.tab.id);
    },
    'editor.closeOthers': (arg) => closeWhere(arg, (i, at) => i !== at),
    'editor.closeToRight': (arg) => closeWhere(arg, (i, at) => i > at),
    'editor.closeAll': (arg) => closeWhere(arg, () => true),
    'editor.revealInExplorer': (arg) => {
      const table = tabTable(targetTab(st(), arg)?.tab);
      if (!table) return;
      st().toggleSidebar(true);
      useExplorer.getState().revealTable(table);
    },
    'editor.showOpened': () => showOpenedEditors(st().activeGroupId, services.i18n.t),
    'table.open': (arg) => withTable(arg, openTable),
    'table.querySql': (arg) => withTable(arg, (table) => newSqlEditor(`SELECT *\nFROM ${qi(table)}\nLIMIT 100;\n`)),
    'table.profile': (arg) => withTable(arg, profileTable),
    'table.copyName': (arg) => withTable(arg, (table) => void copyTableName(services, table)),
    'table.rename': (arg) =>
      withTable(arg, (table) => {
        st().toggleSidebar(true);
        useExplorer.getState().setRenaming(table);
      }),
    'table.drop': (arg) => withTable(arg, (table) => void dropTable(services, table)),
    'sql.run': () => runActiveSql(),
    'sql.cancel': async () => {
      await services.engine.cancel();
    },
    'workbench.commandPalette': () => st().openPalette(),
    'workbench.toggleSidebar': () => st().toggleSidebar(),
    'workbench.togglePanel': () => st().togglePanel(),
    'workbench.splitRight': (arg) => {
      const target = targetTab(st(), arg);
      if (target) st().activateTab(target.groupId, target.tab.id);
      st().splitRight();
    },
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
    handlers[cmd.id] = (arg) => {
      const table = arg?.table ?? currentTable(st());
      st().openEditor({ kind, data: { table } });
    };
  }
  return handlers;
}

function withTable(arg: CommandArg | undefined, act: (table: string) => void): void {
  const table = targetTable(useWorkbench.getState(), arg);
  if (table) act(table);
}

/** Close the tabs of the target's group whose index passes `keep` against the target's index. */
function closeWhere(arg: CommandArg | undefined, close: (index: number, at: number) => boolean): void {
  const s = useWorkbench.getState();
  const target = targetTab(s, arg);
  if (!target) return;
  const group = s.groups.find((g) => g.id === target.groupId)!;
  const ids = group.tabs.filter((_, i) => close(i, target.index)).map((x) => x.id);
  if (ids.length < group.tabs.length) s.activateTab(group.id, target.tab.id);
  for (const id of ids) useWorkbench.getState().closeTab(group.id, id);
}

export function runCommand(handlers: Record<string, CommandHandler>, id: string, arg?: CommandArg): void {
  const cmd = COMMANDS.find((c) => c.id === id);
  const handler = handlers[id];
  if (!cmd || !handler) return;
  if (!isAvailable(cmd, contextKeys(useWorkbench.getState(), arg))) return;
  void Promise.resolve(handler(arg)).catch((err) => console.error(err));
}
