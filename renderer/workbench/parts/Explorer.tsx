import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import type { DataSource, TableInfo } from '../../store/types';
import { openTable } from '../actions/openFiles';
import { newSqlEditor, currentTable } from '../commands';
import { useCommands } from '../useCommands';
import { qi } from '../../../shared/engine/sqlQuote';
import { ColumnProfileCard } from '../../editors/import/ColumnProfileCard';
import { replaceDataFile } from '../../study/replaceData';
import { useServices } from '../services';
import { commandMenu, menuPosition, useContextMenu } from '../contextMenu';
import { contextKeys } from '../commands';
import { useExplorer } from './explorerState';
import { renameTable } from '../actions/tableActions';
import { formatBytes } from '../../../shared/import/limits';

/** Data sources → tables (row counts) → columns (DuckDB types), like VS Code's file tree. */
export function Explorer() {
  const { t, i18n } = useTranslation();
  const sources = useWorkbench((s) => s.sources);
  const active = useWorkbench((s) => currentTable(s));
  const { run } = useCommands();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [sectionOpen, setSectionOpen] = useState(true);

  const toggle = (key: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // Tables start collapsed (columns hidden); sources start expanded.
  const isOpen = (key: string, byDefault: boolean) => (collapsed.has(key) ? !byDefault : byDefault);
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  // "Reveal in Explorer": expand the table's source, then scroll to its row and focus it.
  const reveal = useExplorer((s) => s.reveal);
  useEffect(() => {
    if (!reveal) return;
    const src = sources.find((x) => x.tables.some((tb) => tb.name === reveal.table));
    if (src) setCollapsed((c) => (c.has(src.id) ? new Set([...c].filter((k) => k !== src.id)) : c));
    setSectionOpen(true);
    requestAnimationFrame(() => {
      const row = document.querySelector<HTMLElement>(`[data-table="${CSS.escape(reveal.table)}"] > .tree-row`);
      row?.scrollIntoView({ block: 'nearest' });
      row?.focus();
    });
    // Only a new reveal request moves the tree (not later changes of the source list).
  }, [reveal]);

  return (
    <div className="sidebar-view" data-testid="explorer">
      <div className="sidebar-title">
        <span>{t('workbench.explorer.title')}</span>
      </div>
      <div className="pane-header" onClick={() => setSectionOpen(!sectionOpen)}>
        <span className={`codicon codicon-chevron-${sectionOpen ? 'down' : 'right'}`} aria-hidden />
        <span className="pane-header-title">{t('workbench.explorer.sources')}</span>
        <span className="pane-header-actions" role="toolbar" aria-label={t('workbench.explorer.toolbar')} onClick={(e) => e.stopPropagation()}>
          <button type="button" className="icon-button" title={t('workbench.cmd.openFile')} onClick={() => run('file.open')}>
            <span className="codicon codicon-new-file" aria-hidden />
          </button>
          <button type="button" className="icon-button" title={t('workbench.cmd.newSql')} onClick={() => run('sql.newEditor')}>
            <span className="codicon codicon-database" aria-hidden />
          </button>
          <button type="button" className="icon-button" title={t('workbench.explorer.collapseAll')} onClick={() => setCollapsed(new Set())}>
            <span className="codicon codicon-collapse-all" aria-hidden />
          </button>
        </span>
      </div>
      {sectionOpen && (
        <div className="tree" role="tree">
          {sources.length === 0 && (
            <div className="tree-empty">
              <p>{t('workbench.explorer.empty')}</p>
              <button type="button" className="button primary" onClick={() => run('file.open')}>
                {t('workbench.cmd.openFile')}
              </button>
              <button type="button" className="button secondary" onClick={() => run('file.openSample')}>
                {t('workbench.cmd.openSample')}
              </button>
            </div>
          )}
          {sources.map((src) => (
            <SourceNode key={src.id} src={src} open={isOpen(src.id, true)} onToggle={() => toggle(src.id)}>
              {src.tables.map((tb) => (
                <TableNode
                  key={tb.name}
                  table={tb}
                  active={tb.name === active}
                  open={isOpen(`${src.id}/${tb.name}`, false)}
                  onToggle={() => toggle(`${src.id}/${tb.name}`)}
                  rowsLabel={fmt(tb.rows)}
                />
              ))}
            </SourceNode>
          ))}
        </div>
      )}
    </div>
  );
}

function SourceNode({ src, open, onToggle, children }: { src: DataSource; open: boolean; onToggle(): void; children: React.ReactNode }) {
  const { t } = useTranslation();
  const services = useServices();
  const label = src.labelKey ? t(src.label) : src.label;
  const icon = src.icon === 'file' ? 'file' : src.icon === 'folder' ? 'file-submodule' : src.icon === 'workspace' ? 'folder-library' : 'server-process';
  // A Parquet folder: how many files it reads in place, and their size.
  const folder = src.file?.folder ? t('workbench.explorer.folderFiles', { count: src.file.folder.files, size: formatBytes(src.file.size) }) : null;
  return (
    <div role="treeitem" aria-expanded={open}>
      <div className="tree-row level-0" onClick={onToggle} title={label}>
        <span className={`codicon codicon-chevron-${open ? 'down' : 'right'} twistie`} aria-hidden />
        <span className={`codicon codicon-${icon} tree-icon`} aria-hidden />
        <span className="tree-label">{label}</span>
        {folder && (
          <span className="tree-description" data-testid="folder-files">
            {folder}
          </span>
        )}
        {src.file && (
          <span className="tree-actions">
            <button
              type="button"
              className="icon-button"
              title={t('workbench.explorer.replaceData')}
              aria-label={t('workbench.explorer.replaceData')}
              data-testid="replace-data"
              onClick={(e) => {
                e.stopPropagation();
                void replaceDataFile(services, src.id);
              }}
            >
              <span className="codicon codicon-replace" aria-hidden />
            </button>
          </span>
        )}
      </div>
      {open && <div role="group">{children}</div>}
    </div>
  );
}

function TableNode({ table, active, open, onToggle, rowsLabel }: { table: TableInfo; active: boolean; open: boolean; onToggle(): void; rowsLabel: string }) {
  const { t } = useTranslation();
  const { run } = useCommands();
  // One column's profile at a time, expanded under its row (computed on demand).
  const [profiled, setProfiled] = useState<string | null>(null);
  const renaming = useExplorer((s) => s.renaming === table.name);
  const openMenu = (e: React.MouseEvent | React.KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const at = 'clientX' in e ? menuPosition(e) : menuPosition({ clientX: 0, clientY: 0, currentTarget: e.currentTarget });
    const arg = { table: table.name };
    const entries = commandMenu('explorer/table', contextKeys(useWorkbench.getState(), arg), t, (id) => run(id, arg));
    useContextMenu.getState().show({ ...at, entries, label: table.name });
  };
  return (
    <div role="treeitem" aria-expanded={open} data-table={table.name}>
      <div
        className={`tree-row level-1${active ? ' selected' : ''}`}
        tabIndex={0}
        onClick={() => openTable(table.name)}
        onContextMenu={openMenu}
        onFocus={() => useExplorer.getState().setFocused(table.name)}
        onBlur={() => useExplorer.getState().focused === table.name && useExplorer.getState().setFocused(null)}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return;
          if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) openMenu(e);
          else if (e.key === 'Enter') openTable(table.name);
          else if (e.key === 'ArrowRight' && !open) onToggle();
          else if (e.key === 'ArrowLeft' && open) onToggle();
          else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="explorer"] .tree-row[tabindex]'));
            rows[rows.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
          } else return;
          e.preventDefault();
        }}
        title={t('workbench.explorer.tableTooltip', { table: table.name, rows: rowsLabel, columns: table.columns.length })}
      >
        <span
          className={`codicon codicon-chevron-${open ? 'down' : 'right'} twistie`}
          aria-hidden
          onClick={(e) => {
            e.stopPropagation();
            onToggle();
          }}
        />
        <span className="codicon codicon-table tree-icon table-icon" aria-hidden />
        {renaming ? <RenameBox table={table.name} /> : <span className="tree-label">{table.name}</span>}
        <span className="tree-actions">
          <button
            type="button"
            className="icon-button"
            title={t('workbench.explorer.querySql')}
            onClick={(e) => {
              e.stopPropagation();
              newSqlEditor(`SELECT *\nFROM ${qi(table.name)}\nLIMIT 100;\n`);
            }}
          >
            <span className="codicon codicon-go-to-file" aria-hidden />
          </button>
        </span>
        <span className="tree-badge" data-testid="table-rows">{rowsLabel}</span>
      </div>
      {open &&
        table.columns.map((c) => (
          <div key={c.name}>
            <div className="tree-row level-2 column-row" title={`${c.name} ${c.type}\n${t('import.profile.show')}`} aria-expanded={profiled === c.name} onClick={() => setProfiled(profiled === c.name ? null : c.name)}>
              <span className={`codicon codicon-${typeIcon(c.type)} tree-icon type-icon`} aria-hidden />
              <span className="tree-label">{c.name}</span>
              <span className="tree-type">{c.type}</span>
            </div>
            {profiled === c.name && <ColumnProfileCard table={table.name} column={c.name} rows={table.rows} />}
          </div>
        ))}
    </div>
  );
}

/** VS Code's inline rename: Enter renames (or says why not and stays open), Escape or leaving cancels. */
function RenameBox({ table }: { table: string }) {
  const { t } = useTranslation();
  const services = useServices();
  const [value, setValue] = useState(table);
  const ref = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const done = (name: string) => {
    useExplorer.getState().setRenaming(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-table="${CSS.escape(name)}"] > .tree-row`)?.focus());
  };
  const commit = async () => {
    if (busy.current) return;
    busy.current = true;
    const ok = await renameTable(services, table, value);
    busy.current = false;
    if (ok) done(value.trim());
    else ref.current?.focus();
  };
  return (
    <input
      ref={ref}
      className="tree-rename"
      data-testid="rename-table"
      aria-label={t('workbench.explorer.renameLabel', { table })}
      value={value}
      spellCheck={false}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') void commit();
        else if (e.key === 'Escape') done(table);
      }}
      onBlur={() => !busy.current && useExplorer.getState().setRenaming(null)}
    />
  );
}

function typeIcon(type: string): string {
  const ty = type.toUpperCase();
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC|HUGEINT/.test(ty)) return 'symbol-numeric';
  if (/DATE|TIME/.test(ty)) return 'calendar';
  if (/BOOL/.test(ty)) return 'symbol-boolean';
  if (/VARCHAR|TEXT|STRING|CHAR/.test(ty)) return 'symbol-string';
  return 'symbol-field';
}
