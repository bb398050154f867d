import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, type MenuId } from '../../../shared/commands/commandList';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '../../store/workbenchStore';
import { contextKeys, isAvailable } from '../commands';
import { formatBinding } from '../keybindings';
import { useCommands } from '../useCommands';

const MENUS: MenuId[] = ['file', 'edit', 'view', 'analysis', 'help'];

/** The web build's title bar with an in-window menu (Electron shows the same list as a native menu). */
export function MenuBar() {
  const { t } = useTranslation();
  const { run } = useCommands();
  const [open, setOpen] = useState<MenuId | null>(null);
  const keys = useWorkbench(useShallow((s) => contextKeys(s)));

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(null);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);

  const menus = MENUS.map((id) => ({
    id,
    items: COMMANDS.filter((c) => c.menu?.id === id && isAvailable(c, keys)).sort((a, b) => a.menu!.group - b.menu!.group || a.menu!.order - b.menu!.order),
  })).filter((m) => m.items.length > 0);

  return (
    <header className="titlebar">
      <div className="titlebar-app" aria-hidden>
        <span className="codicon codicon-graph" />
      </div>
      <nav className="menubar" role="menubar">
        {menus.map((m) => (
          <div key={m.id} className="menubar-entry" onMouseDown={(e) => e.stopPropagation()}>
            <button
              type="button"
              role="menuitem"
              className={`menubar-button${open === m.id ? ' open' : ''}`}
              data-menu={m.id}
              onClick={() => setOpen(open === m.id ? null : m.id)}
              onMouseEnter={() => open && setOpen(m.id)}
            >
              {t(`workbench.menu.${m.id}`)}
            </button>
            {open === m.id && (
              <div className="menu" role="menu">
                {m.items.map((c, i) => (
                  <div key={c.id}>
                    {i > 0 && m.items[i - 1].menu!.group !== c.menu!.group && <div className="menu-separator" />}
                    <button
                      type="button"
                      role="menuitem"
                      className="menu-item"
                      data-command={c.id}
                      onClick={() => {
                        setOpen(null);
                        run(c.id);
                      }}
                    >
                      <span className="menu-label">{t(c.title)}</span>
                      {c.keybinding && <span className="menu-keys">{formatBinding(c.keybinding)}</span>}
                    </button>
                  </div>
                ))}
              </div>
            )}
          </div>
        ))}
      </nav>
      <div className="titlebar-title">{t('common.appName')}</div>
    </header>
  );
}
