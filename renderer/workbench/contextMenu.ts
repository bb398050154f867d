import { create } from 'zustand';
import { COMMANDS, SUBMENUS, type ContextMenuId } from '../../shared/commands/commandList';
import { evaluateWhen, type ContextKeys } from './when';
import { formatBinding } from './keybindings';

/** One row of an in-window menu (context menus, the tab strip's "Show Opened Editors" list). */
export interface MenuEntry {
  id: string;
  label: string;
  /** Shortcut shown on the right (already formatted for the platform). */
  keys?: string;
  /** Second, dimmer text (a tab's table). */
  description?: string;
  icon?: string;
  checked?: boolean;
  disabled?: boolean;
  /** Entries of a different group are separated by a line. */
  group?: number;
  run?(): void;
  submenu?: MenuEntry[];
}

export interface OpenMenu {
  x: number;
  y: number;
  entries: MenuEntry[];
  /** Accessible name of the menu. */
  label?: string;
  /** Focus goes back here when the menu closes (the tab or tree row it was opened on). */
  returnFocus: HTMLElement | null;
}

interface ContextMenuState {
  menu: OpenMenu | null;
  show(menu: Omit<OpenMenu, 'returnFocus'>): void;
  close(): void;
}

export const useContextMenu = create<ContextMenuState>()((set, get) => ({
  menu: null,
  show: (menu) => set({ menu: { ...menu, returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null } }),
  close: () => {
    const back = get().menu?.returnFocus;
    set({ menu: null });
    if (back?.isConnected) back.focus();
  },
}));

/**
 * Where a menu opens for a `contextmenu` event: at the pointer, or under the element when the menu
 * key / Shift+F10 opened it (the event then has no pointer position).
 */
export function menuPosition(e: { clientX: number; clientY: number; currentTarget: Element }): { x: number; y: number } {
  if (e.clientX || e.clientY) return { x: e.clientX, y: e.clientY };
  const r = e.currentTarget.getBoundingClientRect();
  return { x: r.left + 8, y: r.bottom };
}

/**
 * A context menu from the shared command list: the commands and submenus placed in `menuId`, sorted by
 * group and order. A command whose when-clause fails for this item is shown disabled (as VS Code's
 * "Close to the Right" on the last tab); `run` receives the command id.
 */
export function commandMenu(menuId: ContextMenuId, keys: ContextKeys, t: (key: string) => string, run: (id: string) => void): MenuEntry[] {
  type Placed = { group: number; order: number; entry: MenuEntry };
  const placed: Placed[] = [];
  for (const cmd of COMMANDS) {
    for (const at of cmd.context ?? []) {
      if (at.id !== menuId) continue;
      const enabled = evaluateWhen(cmd.when, keys);
      placed.push({
        group: at.group,
        order: at.order,
        entry: { id: cmd.id, label: t(cmd.title), keys: cmd.keybinding ? formatBinding(cmd.keybinding) : undefined, disabled: !enabled, group: at.group, run: () => run(cmd.id) },
      });
    }
  }
  for (const sub of SUBMENUS) {
    if (sub.in.id !== menuId) continue;
    const submenu = commandMenu(sub.id, keys, t, run).filter((e) => !e.disabled);
    if (!submenu.length) continue;
    placed.push({ group: sub.in.group, order: sub.in.order, entry: { id: sub.id, label: t(sub.title), icon: sub.icon, group: sub.in.group, submenu } });
  }
  return placed.sort((a, b) => a.group - b.group || a.order - b.order).map((p) => p.entry);
}
