import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorGroup, EditorTab } from '../../store/types';
import { editorFor } from '../editorRegistry';
import { useCommands } from '../useCommands';
import { keycaps } from '../keybindings';
import { useStudy } from '../../study/studyStore';

const TAB_MIME = 'application/x-tenure-tab';

/** A group: tab strip (click, middle-click close, drag to reorder or to the other group) + its editors. */
export function EditorGroupView({ group, theme }: { group: EditorGroup; theme: 'dark' | 'light' }) {
  const { t } = useTranslation();
  const activeGroupId = useWorkbench((s) => s.activeGroupId);
  const groupCount = useWorkbench((s) => s.groups.length);
  const { activateTab, closeTab, moveTab, setActiveGroup } = useWorkbench.getState();
  const { run } = useCommands();
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const focused = activeGroupId === group.id && groupCount > 1;
  const strip = useRef<HTMLDivElement>(null);

  // Keep the active tab visible in a crowded strip.
  useEffect(() => {
    strip.current?.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [group.activeTabId]);

  const onDragOver = (e: DragEvent, index: number) => {
    if (!e.dataTransfer.types.includes(TAB_MIME)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    setDropIndex(index);
  };
  const onDrop = (e: DragEvent, index: number) => {
    const tabId = e.dataTransfer.getData(TAB_MIME);
    setDropIndex(null);
    if (!tabId) return;
    e.preventDefault();
    e.stopPropagation();
    moveTab(tabId, group.id, index);
  };

  return (
    <section className={`editor-group${focused ? ' focused' : ''}`} data-group={group.id} onMouseDown={() => setActiveGroup(group.id)}>
      <div className="tabs">
        <div
          className="tabs-scroll"
          role="tablist"
          ref={strip}
          onDragOver={(e) => onDragOver(e, group.tabs.length)}
          onDragLeave={() => setDropIndex(null)}
          onDrop={(e) => onDrop(e, group.tabs.length)}
          onWheel={(e) => {
            // A vertical wheel scrolls the tab strip sideways, as in VS Code.
            if (strip.current && Math.abs(e.deltaY) > Math.abs(e.deltaX)) strip.current.scrollLeft += e.deltaY;
          }}
        >
          {group.tabs.map((tab, i) => (
            <TabButton
              key={tab.id}
              tab={tab}
              active={tab.id === group.activeTabId}
              dropBefore={dropIndex === i}
              onActivate={() => activateTab(group.id, tab.id)}
              onClose={() => closeTab(group.id, tab.id)}
              onDragOver={(e) => onDragOver(e, i)}
              onDrop={(e) => onDrop(e, i)}
            />
          ))}
          <div className={`tabs-filler${dropIndex === group.tabs.length ? ' drop-before' : ''}`} />
        </div>
        {group.activeTabId && (
          <div className="tabs-actions">
            <button type="button" className="icon-button" title={t('workbench.cmd.splitRight')} onClick={() => run('workbench.splitRight')}>
              <span className="codicon codicon-split-horizontal" aria-hidden />
            </button>
          </div>
        )}
      </div>
      <div className="editor-container">
        {group.tabs.length === 0 && <EmptyGroup />}
        {group.tabs.map((tab) => (
          <EditorHost key={tab.id} tab={tab} groupId={group.id} visible={tab.id === group.activeTabId} theme={theme} />
        ))}
      </div>
    </section>
  );
}

function TabButton(props: {
  tab: EditorTab;
  active: boolean;
  dropBefore: boolean;
  onActivate(): void;
  onClose(): void;
  onDragOver(e: DragEvent): void;
  onDrop(e: DragEvent): void;
}) {
  const { t } = useTranslation();
  const { tab, active } = props;
  const contribution = editorFor(tab.kind);
  const title = translatedTitle(tab.data, t) ?? tab.title ?? (contribution ? t(contribution.title, { n: tab.data.n ?? '' }).trim() : tab.kind);
  // As VS Code shows a file's folder: the table an analysis reads, so equal titles can be told apart.
  const table = typeof tab.data.table === 'string' && tab.data.table && DESCRIBED.has(tab.kind) ? tab.data.table : null;
  const dirty = useStudy((s) => s.dirtyTabs.includes(tab.id));
  return (
    <div
      role="tab"
      aria-selected={active}
      className={`tab${active ? ' active' : ''}${props.dropBefore ? ' drop-before' : ''}${dirty ? ' dirty' : ''}`}
      data-tab={tab.id}
      data-kind={tab.kind}
      draggable
      title={table ? `${title} — ${table}` : title}
      onClick={props.onActivate}
      onAuxClick={(e) => {
        if (e.button === 1) props.onClose();
      }}
      onDragStart={(e) => {
        e.dataTransfer.setData(TAB_MIME, tab.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      <span className={`codicon codicon-${contribution?.icon ?? 'file'} tab-icon kind-${tab.kind}`} aria-hidden />
      <span className="tab-label">{title}</span>
      {table && <span className="tab-description">{table}</span>}
      {dirty && <span className="tab-dirty" title={t('workbench.study.dirty')} aria-label={t('workbench.study.dirty')} data-testid="tab-dirty">●</span>}
      <button
        type="button"
        className="tab-close icon-button"
        title={t('common.close')}
        aria-label={t('common.close')}
        onClick={(e) => {
          e.stopPropagation();
          props.onClose();
        }}
      >
        <span className="codicon codicon-close" aria-hidden />
      </button>
    </div>
  );
}

function EditorHost({ tab, groupId, visible, theme }: { tab: EditorTab; groupId: string; visible: boolean; theme: 'dark' | 'light' }) {
  const { t } = useTranslation();
  const contribution = editorFor(tab.kind);
  const updateTabData = useWorkbench((s) => s.updateTabData);
  const setData = useCallback((patch: Record<string, unknown>) => updateTabData(tab.id, patch), [updateTabData, tab.id]);
  const Component = contribution?.component;
  const body = useMemo(
    () => (Component ? <Component tab={tab} groupId={groupId} visible={visible} theme={theme} setData={setData} /> : <div className="editor-missing">{t('workbench.editor.missing', { kind: tab.kind })}</div>),
    [Component, tab, groupId, visible, theme, setData, t],
  );
  return (
    <div className="editor-host" data-editor-tab={tab.id} data-kind={tab.kind} hidden={!visible}>
      {body}
    </div>
  );
}

/** An empty group shows the logo watermark and a few shortcuts, as VS Code does. */
function EmptyGroup() {
  const { t } = useTranslation();
  return (
    <div className="editor-watermark">
      <div className="watermark-logo" aria-hidden>
        <span className="codicon codicon-graph" />
      </div>
      <dl>
        <Shortcut label={t('workbench.cmd.palette')} binding="Mod+Shift+P" />
        <Shortcut label={t('workbench.cmd.openFile')} binding="Mod+O" />
        <Shortcut label={t('workbench.cmd.newSql')} binding="Mod+N" />
      </dl>
    </div>
  );
}

function Shortcut({ label, binding }: { label: string; binding: string }) {
  return (
    <div className="watermark-entry">
      <dt>{label}</dt>
      <dd>
        {keycaps(binding).map((k) => (
          <kbd key={k}>{k}</kbd>
        ))}
      </dd>
    </div>
  );
}

/** Editor kinds whose tab shows the table it reads (analyses; a table tab is already named after it). */
const DESCRIBED = new Set(['pareto', 'quadrant', 'survival', 'cohort', 'reasons', 'risk']);

/**
 * A title kept as a translation key (drill-down grids), so it follows a language switch. Parameters
 * given as { key } are translated too (e.g. the class name "A" / "A 类").
 */
function translatedTitle(data: Record<string, unknown>, t: (k: string, o?: Record<string, unknown>) => string): string | undefined {
  if (typeof data.titleKey !== 'string') return undefined;
  const raw = (data.titleParams ?? {}) as Record<string, unknown>;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string' ? t((v as { key: string }).key) : v]));
  return t(data.titleKey, params);
}
