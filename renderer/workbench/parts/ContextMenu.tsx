import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useContextMenu, type MenuEntry } from '../contextMenu';

/**
 * The workbench's one floating menu (context menus, "Show Opened Editors"), drawn like VS Code's:
 * arrows move, Home/End jump, Enter/Space run, → opens a submenu and ← closes it, Escape or a click
 * outside closes, and focus returns to where the menu was opened.
 */
export function ContextMenuHost() {
  const menu = useContextMenu((s) => s.menu);
  const close = useContextMenu((s) => s.close);
  useEffect(() => {
    if (!menu) return;
    const onDown = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('.context-menu')) close();
    };
    const onBlur = () => close();
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, [menu, close]);
  if (!menu) return null;
  return <MenuList entries={menu.entries} x={menu.x} y={menu.y} label={menu.label} onClose={close} onCloseAll={close} root />;
}

function firstEnabled(entries: MenuEntry[], from: number, step: 1 | -1): number {
  for (let k = 0, i = from; k < entries.length; k++, i = (i + step + entries.length) % entries.length) {
    if (!entries[i].disabled) return i;
  }
  return -1;
}

function MenuList(props: { entries: MenuEntry[]; x: number; y: number; label?: string; root?: boolean; onClose(): void; onCloseAll(): void; parentWidth?: number }) {
  const { entries, onClose, onCloseAll } = props;
  const ref = useRef<HTMLDivElement>(null);
  // Start on the checked entry (the active tab in the opened-editors list), else the first.
  const [active, setActive] = useState(() => firstEnabled(entries, Math.max(0, entries.findIndex((e) => e.checked)), 1));
  const [openSub, setOpenSub] = useState<number | null>(null);
  const [pos, setPos] = useState({ left: props.x, top: props.y });

  // Keep the menu inside the window: flip left of the pointer (or of the parent menu) / above it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    let left = props.x;
    let top = props.y;
    if (left + r.width > vw - 4) left = props.parentWidth !== undefined ? props.x - props.parentWidth - r.width : vw - r.width - 4;
    if (top + r.height > vh - 4) top = Math.max(4, vh - r.height - 4);
    setPos({ left: Math.max(4, left), top: Math.max(4, top) });
    el.focus();
  }, [props.x, props.y, props.parentWidth]);

  const runEntry = (i: number) => {
    const e = entries[i];
    if (!e || e.disabled) return;
    if (e.submenu) {
      setOpenSub(i);
      return;
    }
    onCloseAll();
    e.run?.();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const key = e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') setActive(firstEnabled(entries, active < 0 ? 0 : (active + (key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length, key === 'ArrowDown' ? 1 : -1));
    else if (key === 'Home') setActive(firstEnabled(entries, 0, 1));
    else if (key === 'End') setActive(firstEnabled(entries, entries.length - 1, -1));
    else if (key === 'Enter' || key === ' ') runEntry(active);
    else if (key === 'ArrowRight' && entries[active]?.submenu) setOpenSub(active);
    else if (key === 'ArrowLeft' && !props.root) onClose();
    else if (key === 'Escape') onClose();
    else if (key === 'Tab') onCloseAll();
    else {
      // Type-to-jump: the next entry starting with the typed letter.
      if (key.length !== 1) return;
      const n = entries.length;
      for (let k = 1; k <= n; k++) {
        const i = (active + k) % n;
        if (!entries[i].disabled && entries[i].label.toLowerCase().startsWith(key.toLowerCase())) {
          setActive(i);
          break;
        }
      }
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const itemRect = (i: number) => ref.current?.querySelectorAll<HTMLElement>(':scope > .context-menu-item')[i]?.getBoundingClientRect();

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={props.label}
      tabIndex={-1}
      style={{ left: pos.left, top: pos.top }}
      aria-activedescendant={active >= 0 ? `ctx-${entries[active].id}` : undefined}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {entries.map((entry, i) => (
        <MenuRow
          key={entry.id}
          entry={entry}
          separator={i > 0 && entries[i - 1].group !== entry.group}
          active={i === active}
          expanded={openSub === i}
          onHover={() => {
            if (entry.disabled) return;
            setActive(i);
            setOpenSub(entry.submenu ? i : null);
          }}
          onClick={() => runEntry(i)}
        />
      ))}
      {openSub !== null && entries[openSub]?.submenu && (
        <MenuList
          entries={entries[openSub].submenu!}
          x={(itemRect(openSub)?.right ?? pos.left) - 4}
          y={(itemRect(openSub)?.top ?? pos.top) - 4}
          parentWidth={ref.current?.getBoundingClientRect().width ?? 0}
          onClose={() => {
            setOpenSub(null);
            ref.current?.focus();
          }}
          onCloseAll={onCloseAll}
        />
      )}
    </div>
  );
}

function MenuRow({ entry, separator, active, expanded, onHover, onClick }: { entry: MenuEntry; separator: boolean; active: boolean; expanded: boolean; onHover(): void; onClick(): void }) {
  return (
    <>
      {separator && <div className="menu-separator" role="separator" />}
      <div
        id={`ctx-${entry.id}`}
        role="menuitem"
        className={`context-menu-item${active ? ' active' : ''}${entry.disabled ? ' disabled' : ''}`}
        aria-disabled={entry.disabled || undefined}
        aria-haspopup={entry.submenu ? 'menu' : undefined}
        aria-expanded={entry.submenu ? expanded : undefined}
        aria-checked={entry.checked}
        data-command={entry.id}
        onMouseEnter={onHover}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        <span className={`codicon codicon-${entry.checked ? 'check' : (entry.icon ?? 'blank')} context-menu-icon`} aria-hidden />
        <span className="context-menu-label">{entry.label}</span>
        {entry.description && <span className="context-menu-description">{entry.description}</span>}
        {entry.keys && <span className="menu-keys">{entry.keys}</span>}
        {entry.submenu && <span className="codicon codicon-chevron-right context-menu-chevron" aria-hidden />}
      </div>
    </>
  );
}
