import { beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, SUBMENUS } from '../../shared/commands/commandList';
import { createI18n } from '../../shared/i18n/i18n';
import { useWorkbench } from '../../renderer/store/workbenchStore';
import { commandMenu } from '../../renderer/workbench/contextMenu';
import { contextKeys, createHandlers, runCommand } from '../../renderer/workbench/commands';
import type { WorkbenchServices } from '../../renderer/workbench/services';
import { renameProblem, tabsUsingTable, usedProblem } from '../../renderer/workbench/actions/tableActions';
import { openedEditorEntries } from '../../renderer/workbench/parts/openedEditors';
import { panelShown } from '../../renderer/store/layoutSlice';

const initial = useWorkbench.getState();
const st = () => useWorkbench.getState();
const en = createI18n('en');
const zh = createI18n('zh-CN');
const t = (k: string, o?: Record<string, unknown>) => String(en.t(k, o));
const ids = () => st().groups[0].tabs.map((x) => x.id);
const table = { name: 'telco', rows: 3, columns: [{ name: 'id', type: 'VARCHAR', nulls: 0 }] };

// Tab and table commands that do not reach the engine or the host.
const handlers = createHandlers({ i18n: en } as unknown as WorkbenchServices);
const run = (id: string, arg?: { tabId?: string; table?: string }) => runCommand(handlers, id, arg);

describe('context menus from the shared command list', () => {
  beforeEach(() => {
    useWorkbench.setState(initial, true);
    st().addSource({ id: 'f', label: 'telco.csv', icon: 'file', tables: [table] });
  });

  it('every context-menu command and submenu has a title in both languages', () => {
    for (const c of COMMANDS.filter((x) => x.context?.length)) {
      expect(en.exists(c.title), c.title).toBe(true);
      expect(zh.exists(c.title), c.title).toBe(true);
    }
    for (const s of SUBMENUS) expect(zh.t(s.title)).not.toBe(s.title);
  });

  it('Explorer table menu: open and SQL, a New Analysis submenu with the analyses, then copy, rename and drop', () => {
    const entries = commandMenu('explorer/table', contextKeys(st(), { table: 'telco' }), t, () => undefined);
    expect(entries.map((e) => e.label)).toEqual(['Open', 'Query in SQL Editor', 'New Analysis on This Table', 'Profile Table', 'Copy Name', 'Rename…', 'Drop Table…']);
    expect(entries.map((e) => e.group)).toEqual([0, 0, 1, 1, 2, 3, 3]);
    const sub = entries.find((e) => e.submenu)!.submenu!;
    expect(sub.map((e) => e.id)).toEqual(['analysis.pareto', 'analysis.quadrant', 'analysis.survival', 'analysis.cohort', 'analysis.reasons', 'analysis.risk', 'analysis.cox']);
    expect(entries.find((e) => e.id === 'table.rename')!.keys).toBe('F2');
    expect(entries.every((e) => !e.disabled)).toBe(true);
  });

  it('a New Analysis entry opens that analysis on the menu’s table, not the current one', () => {
    st().addTable({ id: 'g', label: 'other.csv', icon: 'file' }, { ...table, name: 'other' });
    expect(st().lastTable).toBe('other');
    run('analysis.pareto', { table: 'telco' });
    expect(st().groups[0].tabs.map((x) => [x.kind, x.data.table])).toEqual([['pareto', 'telco']]);
  });

  it('tab menu: Close to the Right is disabled on the last tab; close others / to the right / all act on the menu’s tab', () => {
    for (const id of ['a', 'b', 'c', 'd']) st().openEditor({ id, kind: 'table', title: id, data: { table: 'telco' } });
    const menu = (tabId: string) => commandMenu('editor/tab', contextKeys(st(), { tabId }), t, () => undefined);
    expect(menu('d').find((e) => e.id === 'editor.closeToRight')!.disabled).toBe(true);
    expect(menu('b').find((e) => e.id === 'editor.closeToRight')!.disabled).toBe(false);
    expect(menu('b').map((e) => e.label)).toEqual(['Close Editor', 'Close Others', 'Close to the Right', 'Close All', 'Split Editor Right', 'Reveal in Explorer']);
    run('editor.closeToRight', { tabId: 'b' });
    expect(ids()).toEqual(['a', 'b']);
    expect(st().groups[0].activeTabId).toBe('b');
    st().openEditor({ id: 'c', kind: 'sql', data: {} });
    expect(menu('c').find((e) => e.id === 'editor.revealInExplorer')!.disabled).toBe(true); // an SQL tab reads no table
    run('editor.closeOthers', { tabId: 'a' });
    expect(ids()).toEqual(['a']);
    run('editor.close', { tabId: 'a' });
    expect(ids()).toEqual([]);
  });

  it('Split Right from a tab menu splits that tab, not the active one', () => {
    for (const id of ['a', 'b']) st().openEditor({ id, kind: 'sql', title: id, data: { text: id } });
    run('workbench.splitRight', { tabId: 'a' });
    expect(st().groups).toHaveLength(2);
    expect(st().groups[1].tabs[0].data.text).toBe('a');
  });

  it('Show Opened Editors lists every tab of the group, the active one checked, with the analysis table as description', () => {
    st().openEditor({ id: 'p1', kind: 'pareto', data: { table: 'telco' } });
    st().openEditor({ id: 'g1', kind: 'queryGrid', title: 'x', data: { titleKey: 'workbench.editor.profile', titleParams: { table: 'telco' } } });
    const entries = openedEditorEntries(st().activeGroupId, t);
    expect(entries.map((e) => [e.label, e.description, e.checked])).toEqual([
      ['Pareto (80/20)', 'telco', false],
      ['Profile: telco', undefined, true],
    ]);
    // Drill-down titles are keys: the list (and the tab) follow the language.
    expect(openedEditorEntries(st().activeGroupId, (k, o) => String(zh.t(k, o)))[1].label).toBe('概况：telco');
    entries[0].run!();
    expect(st().groups[0].activeTabId).toBe('p1');
  });
});

describe('rename and drop keep analyses consistent', () => {
  beforeEach(() => useWorkbench.setState(initial, true));

  it('an open analysis that reads the table (its own table or a looked-up group table) blocks rename and drop', () => {
    st().openEditor({ id: 'tbl', kind: 'table', title: 'telco', data: { table: 'telco' } });
    st().openEditor({ id: 'sv', kind: 'survival', data: { table: 'events', form: { table: 'events', groupTable: 'telco' } } });
    expect(tabsUsingTable(st().groups, 'telco').map((x) => x.id)).toEqual(['sv']);
    expect(tabsUsingTable(st().groups, 'events').map((x) => x.id)).toEqual(['sv']);
    expect(tabsUsingTable(st().groups, 'other')).toEqual([]);
    expect(usedProblem('telco', st().groups)?.key).toBe('workbench.explorer.inUse');
    expect(renameProblem('other', 'new', st().groups, ['other', 'telco'])).toBeNull();
    expect(renameProblem('other', 'TELCO', st().groups, ['other', 'telco'])?.key).toBe('workbench.explorer.nameTaken');
    expect(renameProblem('other', 'OTHER', st().groups, ['other', 'telco'])).toBeNull(); // a change of case is a rename
    expect(renameProblem('other', '  ', st().groups, ['other'])?.key).toBe('workbench.explorer.nameEmpty');
    expect(en.t('workbench.explorer.inUse', { table: 'telco', count: 1, names: 'Survival' })).toBe('“telco” is used by 1 open analysis: Survival. Close it first, or keep the name.');
  });
});

describe('bottom panel over analyses', () => {
  beforeEach(() => useWorkbench.setState(initial, true));

  it('stays closed over a report until the user opens it there, and comes back on a data editor', () => {
    expect(panelShown(st())).toBe(true);
    st().openEditor({ id: 'sv', kind: 'survival', data: { table: 'telco' } });
    expect(panelShown(st())).toBe(false);
    expect(st().settings.layout.panelVisible).toBe(true); // the user's choice is kept
    st().openEditor({ id: 'q', kind: 'sql', data: {} });
    expect(panelShown(st())).toBe(true);
    st().activateTab(st().activeGroupId, 'sv');
    st().togglePanel(); // Mod+J over the analysis: show it there
    expect(panelShown(st())).toBe(true);
    st().openEditor({ id: 'p', kind: 'pareto', data: {} });
    expect(panelShown(st())).toBe(true);
    st().togglePanel();
    expect(panelShown(st())).toBe(false);
    expect(st().settings.layout.panelVisible).toBe(false);
    st().activateTab(st().activeGroupId, 'q');
    expect(panelShown(st())).toBe(false);
  });
});
