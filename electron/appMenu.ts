/**
 * The native menu, built from the shared command list (the same records as the palette and the
 * keybindings). A click only sends the command id to the renderer, which runs it through its
 * registry, so menu, palette and shortcut behave identically.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { CommandDescriptor, MenuId } from '../shared/commands/commandList';

const MENU_ORDER: MenuId[] = ['file', 'edit', 'view', 'analysis', 'help'];

const MODIFIERS: Record<string, string> = {
  mod: 'CmdOrCtrl',
  ctrl: 'Ctrl',
  control: 'Ctrl',
  shift: 'Shift',
  alt: 'Alt',
  option: 'Alt',
  cmd: 'Command',
  meta: 'Super',
};

const KEYS: Record<string, string> = {
  enter: 'Enter',
  return: 'Enter',
  escape: 'Escape',
  esc: 'Escape',
  space: 'Space',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  arrowup: 'Up',
  arrowdown: 'Down',
  arrowleft: 'Left',
  arrowright: 'Right',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  plus: 'Plus',
};

/** VS Code-style 'Mod+Shift+P' → Electron 'CmdOrCtrl+Shift+P'. Unknown keys yield undefined. */
export function toAccelerator(binding: string | undefined): string | undefined {
  if (!binding) return undefined;
  // Split on '+' but keep a trailing '+' key ('Mod++').
  const parts = binding.endsWith('++') ? [...binding.slice(0, -2).split('+'), 'Plus'] : binding.split('+');
  const out: string[] = [];
  for (const [i, raw] of parts.entries()) {
    const part = raw.trim();
    const lower = part.toLowerCase();
    if (i < parts.length - 1) {
      const mod = MODIFIERS[lower];
      if (!mod) return undefined;
      out.push(mod);
    } else if (KEYS[lower]) {
      out.push(KEYS[lower]);
    } else if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower)) {
      out.push(part.toUpperCase());
    } else if (part.length === 1) {
      out.push(part.toUpperCase());
    } else {
      return undefined;
    }
  }
  return out.join('+');
}

export interface MenuOptions {
  commands: readonly CommandDescriptor[];
  t(key: string, vars?: Record<string, string>): string;
  platform: NodeJS.Platform;
  appName: string;
  devTools: boolean;
  /** Delivers a command id to the renderer of the given (or main) window. */
  send(commandId: string, win: BrowserWindow | undefined): void;
}

function commandItems(menu: MenuId, opts: MenuOptions): MenuItemConstructorOptions[] {
  const cmds = opts.commands
    .filter((c) => c.menu?.id === menu)
    .sort((a, b) => a.menu!.group - b.menu!.group || a.menu!.order - b.menu!.order);
  const items: MenuItemConstructorOptions[] = [];
  let group: number | undefined;
  for (const c of cmds) {
    if (group !== undefined && c.menu!.group !== group) items.push({ type: 'separator' });
    group = c.menu!.group;
    items.push({
      id: c.id,
      label: opts.t(c.title),
      accelerator: toAccelerator(c.keybinding),
      // On Windows/Linux the renderer's own keybindings (which honour `when`) handle the keys;
      // the menu only shows them. Registering both would run a command twice.
      registerAccelerator: opts.platform === 'darwin',
      click: (_item, win) => opts.send(c.id, (win as BrowserWindow | undefined) ?? undefined),
    });
  }
  return items;
}

function withSeparator(a: MenuItemConstructorOptions[], b: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return a.length && b.length ? [...a, { type: 'separator' }, ...b] : [...a, ...b];
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // '&' marks a mnemonic (Alt+F) on Windows/Linux; macOS has none and would show the '&'.
  const t = mac ? (key: string, vars?: Record<string, string>) => options.t(key, vars).replace(/&(?!&)/g, '') : options.t;
  const opts: MenuOptions = { ...options, t };
  const role = (r: MenuItemConstructorOptions['role'], key: string): MenuItemConstructorOptions => ({ role: r, label: t(key) });

  const standard: Record<MenuId, MenuItemConstructorOptions[]> = {
    file: mac ? [] : [role('quit', 'electron.menu.quit')],
    edit: [
      role('undo', 'electron.menu.undo'),
      role('redo', 'electron.menu.redo'),
      { type: 'separator' },
      role('cut', 'electron.menu.cut'),
      role('copy', 'electron.menu.copy'),
      role('paste', 'electron.menu.paste'),
      role('selectAll', 'electron.menu.selectAll'),
    ],
    view: [
      ...(opts.devTools ? [role('reload', 'electron.menu.reload'), role('toggleDevTools', 'electron.menu.toggleDevTools'), { type: 'separator' } as const] : []),
      role('resetZoom', 'electron.menu.resetZoom'),
      role('zoomIn', 'electron.menu.zoomIn'),
      role('zoomOut', 'electron.menu.zoomOut'),
      { type: 'separator' },
      role('togglefullscreen', 'electron.menu.toggleFullScreen'),
    ],
    analysis: [],
    help: mac ? [] : [{ role: 'about', label: t('electron.menu.about', { name: opts.appName }) }],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about', label: t('electron.menu.about', { name: opts.appName }) },
        { type: 'separator' },
        role('services', 'electron.menu.services'),
        { type: 'separator' },
        { role: 'hide', label: t('electron.menu.hide', { name: opts.appName }) },
        role('hideOthers', 'electron.menu.hideOthers'),
        role('unhide', 'electron.menu.unhide'),
        { type: 'separator' },
        { role: 'quit', label: t('electron.menu.quitApp', { name: opts.appName }) },
      ],
    });
  }
  for (const id of MENU_ORDER) {
    const submenu = withSeparator(commandItems(id, opts), standard[id]);
    if (submenu.length) template.push({ id, label: t(`electron.menu.${id}`), submenu });
    // macOS convention: a Window menu before Help.
    if (mac && id === 'analysis') template.push({ role: 'windowMenu', label: t('electron.menu.window') });
  }
  return template;
}

export function installAppMenu(opts: MenuOptions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(opts));
  Menu.setApplicationMenu(menu);
  return menu;
}
