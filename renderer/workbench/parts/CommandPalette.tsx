import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fzf } from 'fzf';
import { COMMANDS } from '../../../shared/commands/commandList';
import { useWorkbench } from '../../store/workbenchStore';
import { contextKeys, isAvailable } from '../commands';
import { keycaps } from '../keybindings';
import { useCommands } from '../useCommands';

interface Item {
  id: string;
  label: string;
  category: string;
  keybinding?: string;
}

/** Quick input with "Category: Title" entries, fuzzy matched (fzf), highlighted, keybindings on the right. */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useWorkbench((s) => s.paletteOpen);
  const initial = useWorkbench((s) => s.paletteQuery);
  const closePalette = useWorkbench((s) => s.closePalette);
  const { run } = useCommands();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) {
      setQuery(initial);
      setIndex(0);
      requestAnimationFrame(() => input.current?.select());
    }
  }, [open, initial]);

  const items = useMemo<Item[]>(() => {
    if (!open) return [];
    const keys = contextKeys(useWorkbench.getState());
    return COMMANDS.filter((c) => c.id !== 'workbench.commandPalette' && c.palette !== false && isAvailable(c, keys)).map((c) => ({
      id: c.id,
      label: t(c.title),
      category: c.category ? t(c.category) : '',
      keybinding: c.keybinding,
    }));
  }, [open, t]);

  const results = useMemo(() => {
    const q = query.trim();
    if (!q) return items.map((item) => ({ item, positions: new Set<number>() }));
    const fzf = new Fzf(items, { selector: (i) => `${i.category}: ${i.label}`, casing: 'case-insensitive' });
    return fzf.find(q).map((r) => ({ item: r.item, positions: r.positions }));
  }, [items, query]);

  useEffect(() => {
    list.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  if (!open) return null;
  const choose = (id: string | undefined) => {
    closePalette();
    if (id) run(id);
  };
  return (
    <div className="quick-input-backdrop" onMouseDown={() => closePalette()}>
      <div className="quick-input" role="dialog" aria-label={t('workbench.cmd.palette')} onMouseDown={(e) => e.stopPropagation()}>
        <div className="quick-input-box">
          <input
            ref={input}
            className="input"
            value={query}
            placeholder={t('workbench.palette.placeholder')}
            aria-label={t('workbench.palette.placeholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setIndex((i) => Math.min(results.length - 1, i + 1));
              else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
              else if (e.key === 'Enter') choose(results[index]?.item.id);
              else if (e.key === 'Escape') closePalette();
              else return;
              e.preventDefault();
              e.stopPropagation();
            }}
          />
        </div>
        <div className="quick-input-list" ref={list} role="listbox">
          {results.length === 0 && <div className="quick-input-empty">{t('workbench.palette.noMatch')}</div>}
          {results.map(({ item, positions }, i) => (
            <div
              key={item.id}
              role="option"
              aria-selected={i === index}
              className={`quick-input-item${i === index ? ' selected' : ''}`}
              data-command={item.id}
              onMouseMove={() => setIndex(i)}
              onClick={() => choose(item.id)}
            >
              <span className="quick-input-label">
                <Highlighted text={item.category ? `${item.category}: ${item.label}` : item.label} positions={positions} />
              </span>
              {item.keybinding && (
                <span className="quick-input-keys">
                  {keycaps(item.keybinding).map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </span>
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function Highlighted({ text, positions }: { text: string; positions: Set<number> }) {
  if (!positions.size) return <>{text}</>;
  const chars = [...text];
  return (
    <>
      {chars.map((ch, i) =>
        positions.has(i) ? (
          <mark key={i} className="match">
            {ch}
          </mark>
        ) : (
          <span key={i}>{ch}</span>
        ),
      )}
    </>
  );
}
