/**
 * Command descriptors: the single list that feeds the command palette, keyboard shortcuts and the
 * native (Electron) menu. Pure data; the renderer attaches a `run` to each id.
 * Keybindings use VS Code notation; `Mod` = Ctrl on Windows/Linux, Cmd on macOS.
 */
export type MenuId = 'file' | 'edit' | 'view' | 'analysis' | 'help';

/**
 * In-window context menus (VS Code's `explorer/context`, `editor/title/context`). Their commands run on
 * the item the menu was opened on (a table, a tab), passed as the command's argument.
 */
export type ContextMenuId = 'explorer/table' | 'explorer/table/newAnalysis' | 'editor/tab';

export interface MenuPlacement<Id extends string> {
  id: Id;
  group: number;
  order: number;
}

/** A submenu entry in a context menu (e.g. "New Analysis" → the analysis commands). */
export interface SubmenuDescriptor {
  id: ContextMenuId;
  title: string;
  icon?: string;
  in: MenuPlacement<ContextMenuId>;
}

export const SUBMENUS: SubmenuDescriptor[] = [{ id: 'explorer/table/newAnalysis', title: 'workbench.ctx.newAnalysis', in: { id: 'explorer/table', group: 1, order: 1 } }];

export interface CommandDescriptor {
  id: string;
  /** i18n key of the title. */
  title: string;
  /** i18n key of the palette category. */
  category?: string;
  keybinding?: string;
  /**
   * Context keys that must hold for the command to be enabled: `a && !b` (e.g. 'hasTable', 'editorIsSql').
   * `editor.<kind>` is true once the renderer registered an editor of that kind, so analysis commands
   * stay hidden until their editor exists.
   */
  when?: string;
  menu?: MenuPlacement<MenuId>;
  /** Context menus the command appears in; it then runs on the menu's item (`CommandArg`). */
  context?: MenuPlacement<ContextMenuId>[];
  /** false: only in context menus (it needs an item the palette cannot give). */
  palette?: false;
}

const NEW_ANALYSIS = (order: number): MenuPlacement<ContextMenuId>[] => [{ id: 'explorer/table/newAnalysis', group: 1, order }];


export const COMMANDS: CommandDescriptor[] = [
  { id: 'file.open', title: 'workbench.cmd.openFile', category: 'workbench.cat.file', keybinding: 'Mod+O', menu: { id: 'file', group: 1, order: 1 } },
  { id: 'file.openFolder', title: 'workbench.cmd.openFolder', category: 'workbench.cat.file', menu: { id: 'file', group: 1, order: 2 } },
  { id: 'study.open', title: 'workbench.cmd.openStudy', category: 'workbench.cat.file', menu: { id: 'file', group: 0, order: 1 } },
  { id: 'study.save', title: 'workbench.cmd.saveStudy', category: 'workbench.cat.file', keybinding: 'Mod+S', menu: { id: 'file', group: 0, order: 2 } },
  { id: 'study.saveAs', title: 'workbench.cmd.saveStudyAs', category: 'workbench.cat.file', keybinding: 'Mod+Shift+S', menu: { id: 'file', group: 0, order: 3 } },
  { id: 'study.close', title: 'workbench.cmd.closeStudy', category: 'workbench.cat.file', menu: { id: 'file', group: 0, order: 4 } },
  { id: 'study.replaceData', title: 'workbench.cmd.replaceData', category: 'workbench.cat.file', when: 'hasFileSource', menu: { id: 'file', group: 1, order: 4 } },
  { id: 'file.openSample', title: 'workbench.cmd.openSample', category: 'workbench.cat.file', menu: { id: 'file', group: 1, order: 3 } },
  { id: 'sql.newEditor', title: 'workbench.cmd.newSql', category: 'workbench.cat.file', keybinding: 'Mod+N', menu: { id: 'file', group: 2, order: 1 } },
  { id: 'deck.export', title: 'export.deckUi.command', category: 'workbench.cat.file', when: 'hasTable', menu: { id: 'file', group: 2, order: 2 } },
  { id: 'editor.close', title: 'workbench.cmd.closeEditor', category: 'workbench.cat.view', keybinding: 'Mod+W', when: 'hasEditor', menu: { id: 'file', group: 3, order: 1 }, context: [{ id: 'editor/tab', group: 1, order: 1 }] },
  { id: 'editor.closeOthers', title: 'workbench.cmd.closeOthers', category: 'workbench.cat.view', when: 'hasEditor && otherTabs', context: [{ id: 'editor/tab', group: 1, order: 2 }] },
  { id: 'editor.closeToRight', title: 'workbench.cmd.closeToRight', category: 'workbench.cat.view', when: 'hasEditor && tabsToRight', context: [{ id: 'editor/tab', group: 1, order: 3 }] },
  { id: 'editor.closeAll', title: 'workbench.cmd.closeAll', category: 'workbench.cat.view', when: 'hasEditor', context: [{ id: 'editor/tab', group: 1, order: 4 }] },
  { id: 'editor.revealInExplorer', title: 'workbench.cmd.revealInExplorer', category: 'workbench.cat.view', when: 'editorHasTable', context: [{ id: 'editor/tab', group: 3, order: 1 }] },
  { id: 'editor.showOpened', title: 'workbench.cmd.showOpened', category: 'workbench.cat.view', when: 'hasEditor' },
  { id: 'table.open', title: 'workbench.cmd.openTable', category: 'workbench.cat.data', when: 'hasTable', palette: false, context: [{ id: 'explorer/table', group: 0, order: 1 }] },
  { id: 'table.querySql', title: 'workbench.explorer.querySql', category: 'workbench.cat.data', when: 'hasTable', palette: false, context: [{ id: 'explorer/table', group: 0, order: 2 }] },
  { id: 'table.profile', title: 'workbench.cmd.profileTable', category: 'workbench.cat.data', when: 'hasTable', context: [{ id: 'explorer/table', group: 1, order: 2 }] },
  { id: 'table.copyName', title: 'workbench.cmd.copyTableName', category: 'workbench.cat.data', when: 'hasTable', palette: false, context: [{ id: 'explorer/table', group: 2, order: 1 }] },
  { id: 'table.rename', title: 'workbench.cmd.renameTable', category: 'workbench.cat.data', keybinding: 'F2', when: 'explorerTableFocus', palette: false, context: [{ id: 'explorer/table', group: 3, order: 1 }] },
  { id: 'table.drop', title: 'workbench.cmd.dropTable', category: 'workbench.cat.data', keybinding: 'Delete', when: 'explorerTableFocus', palette: false, context: [{ id: 'explorer/table', group: 3, order: 2 }] },
  { id: 'sql.run', title: 'workbench.cmd.runQuery', category: 'workbench.cat.sql', keybinding: 'Mod+Enter', when: 'editorIsSql' },
  { id: 'sql.cancel', title: 'workbench.cmd.cancelQuery', category: 'workbench.cat.sql', when: 'queryRunning' },
  { id: 'workbench.commandPalette', title: 'workbench.cmd.palette', category: 'workbench.cat.view', keybinding: 'Mod+Shift+P', menu: { id: 'view', group: 1, order: 1 } },
  { id: 'workbench.toggleSidebar', title: 'workbench.cmd.toggleSidebar', category: 'workbench.cat.view', keybinding: 'Mod+B', menu: { id: 'view', group: 2, order: 1 } },
  { id: 'workbench.togglePanel', title: 'workbench.cmd.togglePanel', category: 'workbench.cat.view', keybinding: 'Mod+J', menu: { id: 'view', group: 2, order: 2 } },
  { id: 'workbench.splitRight', title: 'workbench.cmd.splitRight', category: 'workbench.cat.view', keybinding: 'Mod+\\', when: 'hasEditor', menu: { id: 'view', group: 2, order: 3 }, context: [{ id: 'editor/tab', group: 2, order: 1 }] },
  { id: 'theme.dark', title: 'workbench.cmd.themeDark', category: 'workbench.cat.preferences', menu: { id: 'view', group: 3, order: 1 } },
  { id: 'theme.light', title: 'workbench.cmd.themeLight', category: 'workbench.cat.preferences', menu: { id: 'view', group: 3, order: 2 } },
  { id: 'theme.system', title: 'workbench.cmd.themeSystem', category: 'workbench.cat.preferences', menu: { id: 'view', group: 3, order: 3 } },
  { id: 'language.en', title: 'workbench.cmd.langEn', category: 'workbench.cat.preferences', menu: { id: 'view', group: 4, order: 1 } },
  { id: 'language.zh-CN', title: 'workbench.cmd.langZh', category: 'workbench.cat.preferences', menu: { id: 'view', group: 4, order: 2 } },
  { id: 'analysis.pareto', title: 'workbench.cmd.pareto', category: 'workbench.cat.analysis', when: 'hasTable && editor.pareto', menu: { id: 'analysis', group: 1, order: 1 }, context: NEW_ANALYSIS(1) },
  { id: 'analysis.quadrant', title: 'workbench.cmd.quadrant', category: 'workbench.cat.analysis', when: 'hasTable && editor.quadrant', menu: { id: 'analysis', group: 1, order: 2 }, context: NEW_ANALYSIS(2) },
  { id: 'analysis.survival', title: 'workbench.cmd.survival', category: 'workbench.cat.analysis', when: 'hasTable && editor.survival', menu: { id: 'analysis', group: 1, order: 3 }, context: NEW_ANALYSIS(3) },
  { id: 'analysis.cohort', title: 'workbench.cmd.cohort', category: 'workbench.cat.analysis', when: 'hasTable && editor.cohort', menu: { id: 'analysis', group: 1, order: 4 }, context: NEW_ANALYSIS(4) },
  { id: 'analysis.risk', title: 'workbench.cmd.risk', category: 'workbench.cat.analysis', when: 'hasTable && editor.risk', menu: { id: 'analysis', group: 1, order: 5 }, context: NEW_ANALYSIS(6) },
  { id: 'analysis.reasons', title: 'workbench.cmd.reasons', category: 'workbench.cat.analysis', when: 'hasTable && editor.reasons', menu: { id: 'analysis', group: 1, order: 4.5 }, context: NEW_ANALYSIS(5) },
  { id: 'analysis.cox', title: 'cox.command', category: 'workbench.cat.analysis', when: 'hasTable && editor.cox', menu: { id: 'analysis', group: 1, order: 6 }, context: NEW_ANALYSIS(7) },
  { id: 'brief.open', title: 'brief.command', category: 'workbench.cat.analysis', when: 'hasTable && editor.brief', menu: { id: 'analysis', group: 2, order: 1 } },
  { id: 'help.welcome', title: 'workbench.cmd.welcome', category: 'workbench.cat.help', menu: { id: 'help', group: 1, order: 1 } },
];

export function commandById(id: string): CommandDescriptor | undefined {
  return COMMANDS.find((c) => c.id === id);
}
