import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { Menu } from './electronMock';
import { COMMANDS } from '../../shared/commands/commandList';
import { createI18n } from '../../shared/i18n/i18n';
import { buildMenuTemplate, installAppMenu, toAccelerator, type MenuOptions } from '../../electron/appMenu';

vi.mock('electron', () => import('./electronMock'));

function options(platform: NodeJS.Platform, lang: 'en' | 'zh-CN' = 'en') {
  const i18n = createI18n(lang);
  const send = vi.fn<MenuOptions['send']>();
  const opts: MenuOptions = { commands: COMMANDS, t: (k, v) => i18n.t(k, v ?? {}), platform, appName: 'Tenure', devTools: false, send };
  return { ...opts, send };
}

const sub = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const findItem = (tpl: MenuItemConstructorOptions[], id: string) => tpl.flatMap(sub).find((i) => i.id === id);

describe('toAccelerator', () => {
  it('converts VS Code notation to Electron accelerators', () => {
    expect(toAccelerator('Mod+O')).toBe('CmdOrCtrl+O');
    expect(toAccelerator('Mod+Shift+P')).toBe('CmdOrCtrl+Shift+P');
    expect(toAccelerator('Mod+Enter')).toBe('CmdOrCtrl+Enter');
    expect(toAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\');
    expect(toAccelerator('Mod+b')).toBe('CmdOrCtrl+B');
    expect(toAccelerator('Ctrl+Alt+ArrowUp')).toBe('Ctrl+Alt+Up');
    expect(toAccelerator('Shift+F5')).toBe('Shift+F5');
    expect(toAccelerator('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(toAccelerator('Escape')).toBe('Escape');
    expect(toAccelerator(undefined)).toBeUndefined();
    expect(toAccelerator('Hyper+O')).toBeUndefined();
    expect(toAccelerator('Mod+Banana')).toBeUndefined();
  });

  it('converts every keybinding in the command list', () => {
    // Menu commands carry a modifier; in-window keys (F2 / Delete on an Explorer row) are plain keys.
    for (const c of COMMANDS.filter((c) => c.keybinding)) expect(toAccelerator(c.keybinding), c.id).toMatch(c.keybinding!.startsWith('Mod') ? /^CmdOrCtrl\+/ : /^\w+$/);
  });
});

describe('native menu', () => {
  it('has File, Edit, View, Analysis, Help in order (Windows/Linux)', () => {
    const tpl = buildMenuTemplate(options('linux'));
    expect(tpl.map((m) => m.id)).toEqual(['file', 'edit', 'view', 'analysis', 'help']);
    expect(tpl[0].label).toBe('&File');
  });

  it('contains each menu command once, in group/order, with separators between groups', () => {
    const tpl = buildMenuTemplate(options('linux'));
    const menuCmds = COMMANDS.filter((c) => c.menu);
    const ids = tpl.flatMap(sub).map((i) => i.id).filter(Boolean);
    for (const c of menuCmds) expect(ids.filter((id) => id === c.id), c.id).toHaveLength(1);
    for (const c of COMMANDS.filter((c) => !c.menu)) expect(ids).not.toContain(c.id);
    const file = sub(tpl[0]).map((i) => i.id ?? i.type ?? i.role);
    expect(file).toEqual(['study.open', 'study.save', 'study.saveAs', 'study.close', 'separator', 'file.open', 'file.openFolder', 'file.openSample', 'study.replaceData', 'separator', 'sql.newEditor', 'deck.export', 'separator', 'editor.close', 'separator', 'quit']);
  });

  it('uses converted accelerators, shown but left to the renderer on Windows/Linux', () => {
    const tpl = buildMenuTemplate(options('win32'));
    expect(findItem(tpl, 'file.open')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(findItem(tpl, 'workbench.commandPalette')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(findItem(tpl, 'file.openSample')?.accelerator).toBeUndefined();
    expect(findItem(buildMenuTemplate(options('darwin')), 'file.open')?.registerAccelerator).toBe(true);
  });

  it('sends the command id to the renderer on click', () => {
    const opts = options('linux');
    const tpl = buildMenuTemplate(opts);
    const fakeWin = { id: 1 };
    for (const id of ['file.open', 'analysis.survival', 'language.zh-CN']) {
      findItem(tpl, id)!.click!({} as never, fakeWin as never, {} as never);
      expect(opts.send).toHaveBeenLastCalledWith(id, fakeWin);
    }
  });

  it('offers the standard edit roles', () => {
    const edit = sub(buildMenuTemplate(options('linux'))[1]);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('translates titles (zh-CN)', () => {
    const tpl = buildMenuTemplate(options('linux', 'zh-CN'));
    expect(tpl[0].label).toBe('文件(&F)');
    expect(sub(tpl[1])[0].label).toBe('撤销');
    const open = findItem(tpl, 'file.open')!;
    expect(open.label).toBe(createI18n('zh-CN').t('workbench.cmd.openFile'));
  });

  it('adds the macOS app and Window menus and drops mnemonics there', () => {
    const tpl = buildMenuTemplate(options('darwin'));
    expect(tpl[0].label).toBe('Tenure');
    expect(sub(tpl[0]).map((i) => i.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(sub(tpl[0]).find((i) => i.role === 'quit')?.label).toBe('Quit Tenure');
    expect(tpl.map((m) => m.id ?? m.role)).toEqual([undefined, 'file', 'edit', 'view', 'analysis', 'windowMenu', 'help']);
    expect(JSON.stringify(tpl.map((m) => m.label))).not.toContain('&');
    expect(sub(tpl[1]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('shows developer items only when devTools is on', () => {
    const roles = (dev: boolean) => sub(buildMenuTemplate({ ...options('linux'), devTools: dev })[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('installs the menu as the application menu', () => {
    installAppMenu(options('linux'));
    expect(Menu.buildFromTemplate).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results.at(-1)!.value);
  });
});
