import { beforeEach, describe, expect, it } from 'vitest';
import { useWorkbench } from '../../renderer/store/workbenchStore';
import { activeTab } from '../../renderer/store/editorsSlice';
import { evaluateWhen } from '../../renderer/workbench/when';
import { keycaps, matches, parseChord } from '../../renderer/workbench/keybindings';

const initial = useWorkbench.getState();
const st = () => useWorkbench.getState();
const labels = (g = 0) => st().groups[g].tabs.map((t) => t.title);

describe('editor groups', () => {
  beforeEach(() => useWorkbench.setState(initial, true));

  it('opens tabs after the active one and focuses an existing id instead of duplicating', () => {
    st().openEditor({ id: 'a', kind: 'table', title: 'a', data: {} });
    st().openEditor({ id: 'b', kind: 'table', title: 'b', data: {} });
    st().activateTab(st().activeGroupId, 'a');
    st().openEditor({ id: 'c', kind: 'table', title: 'c', data: {} });
    expect(labels()).toEqual(['a', 'c', 'b']);
    st().openEditor({ id: 'b', kind: 'table', title: 'b', data: {} });
    expect(labels()).toEqual(['a', 'c', 'b']);
    expect(activeTab(st())?.id).toBe('b');
  });

  it('reorders by drag and activates the neighbour on close', () => {
    for (const id of ['a', 'b', 'c']) st().openEditor({ id, kind: 'table', title: id, data: {} });
    const g = st().activeGroupId;
    st().moveTab('a', g, 3);
    expect(labels()).toEqual(['b', 'c', 'a']);
    st().moveTab('a', g, 0);
    expect(labels()).toEqual(['a', 'b', 'c']);
    st().activateTab(g, 'b');
    st().closeTab(g, 'b');
    expect(labels()).toEqual(['a', 'c']);
    expect(activeTab(st())?.id).toBe('c');
  });

  it('splits right into a second group (a copy) and removes a group once it is empty', () => {
    st().openEditor({ id: 'a', kind: 'sql', title: 'q', data: { text: 'SELECT 1' } });
    st().splitRight();
    expect(st().groups).toHaveLength(2);
    const copy = st().groups[1].tabs[0];
    expect(copy.id).not.toBe('a');
    expect(copy.data).toEqual({ text: 'SELECT 1' });
    st().updateTabData(copy.id, { text: 'SELECT 2' });
    expect(st().groups[0].tabs[0].data.text).toBe('SELECT 1');
    // Split again from the second group: the copy goes back to the first (never a third group).
    st().splitRight();
    expect(st().groups).toHaveLength(2);
    expect(st().groups[0].tabs).toHaveLength(2);
    const target = st().groups[1].id;
    for (const t of [...st().groups[0].tabs]) st().moveTab(t.id, target, 0);
    expect(st().groups).toHaveLength(1);
    expect(st().groups[0].tabs).toHaveLength(3);
  });
});

describe('commands plumbing', () => {
  it('evaluates when-clauses', () => {
    expect(evaluateWhen(undefined, {})).toBe(true);
    expect(evaluateWhen('hasTable', { hasTable: true })).toBe(true);
    expect(evaluateWhen('hasTable && !queryRunning', { hasTable: true, queryRunning: true })).toBe(false);
    expect(evaluateWhen('unknownKey', {})).toBe(false);
  });

  it('parses and matches VS Code keybindings', () => {
    expect(parseChord('Mod+Shift+P')).toEqual({ mod: true, shift: true, alt: false, key: 'p' });
    expect(parseChord('Mod+\\').key).toBe('\\');
    const ev = (o: Partial<KeyboardEvent>) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, key: '', code: '', ...o }) as KeyboardEvent;
    expect(matches('Mod+Shift+P', ev({ ctrlKey: true, shiftKey: true, key: 'P', code: 'KeyP' }))).toBe(true);
    expect(matches('Mod+Shift+P', ev({ ctrlKey: true, key: 'p', code: 'KeyP' }))).toBe(false);
    expect(matches('Mod+Enter', ev({ ctrlKey: true, key: 'Enter', code: 'Enter' }))).toBe(true);
    expect(keycaps('Mod+Shift+P')).toEqual(['Ctrl', 'Shift', 'P']);
  });
});
