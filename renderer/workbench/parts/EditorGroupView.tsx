import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorGroup, EditorTab } from '../../store/types';
import { editorFor } from '../editorRegistry';
import { useCommands } from '../useCommands';
import { keycaps } from '../keybindings';
import { useStudy } from '../../study/studyStore';
import { commandMenu, menuPosition, useContextMenu } from '../contextMenu';
import { contextKeys } from '../commands';
import { showOpenedEditors } from './openedEditors';
import { tabDescription, tabTitle } from './tabTitle';

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
  const overflow = useOverflow(strip, group.tabs.length);

  // Keep the active tab visible in a crowded strip.
  useEffect(() => {
    strip.current?.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [group.activeTabId]);

  const openTabMenu = (e: React.MouseEvent | React.KeyboardEvent, tab: EditorTab) => {
    e.preventDefault();
    e.stopPropagation();
    const at = 'clientX' in e ? menuPosition(e) : menuPosition({ clientX: 0, clientY: 0, currentTarget: e.currentTarget });
    const arg = { tabId: tab.id };
    const entries = commandMenu('editor/tab', contextKeys(useWorkbench.getState(), arg), t, (id) => run(id, arg));
    useContextMenu.getState().show({ ...at, entries, label: tabTitle(tab, t) });
  };

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
              onMenu={(e) => openTabMenu(e, tab)}
              onDragOver={(e) => onDragOver(e, i)}
              onDrop={(e) => onDrop(e, i)}
            />
          ))}
          <div className={`tabs-filler${dropIndex === group.tabs.length ? ' drop-before' : ''}`} />
        </div>
        {group.activeTabId && (
          <div className="tabs-actions">
            {overflow && (
              <button
                type="button"
                className="icon-button"
                title={t('workbench.cmd.showOpened')}
                aria-label={t('workbench.cmd.showOpened')}
                aria-haspopup="menu"
                data-testid="tabs-overflow"
                onClick={() => showOpenedEditors(group.id, t)}
              >
                <span className="codicon codicon-chevron-down" aria-hidden />
              </button>
            )}
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
  onMenu(e: React.MouseEvent | React.KeyboardEvent): void;
}) {
  const { t } = useTranslation();
  const { tab, active } = props;
  const contribution = editorFor(tab.kind);
  const title = tabTitle(tab, t);
  const table = tabDescription(tab);
  const dirty = useStudy((s) => s.dirtyTabs.includes(tab.id));
  return (
    <div
      role="tab"
      aria-selected={active}
      className={`tab${active ? ' active' : ''}${props.dropBefore ? ' drop-before' : ''}${dirty ? ' dirty' : ''}`}
      data-tab={tab.id}
      data-kind={tab.kind}
      draggable
      tabIndex={active ? 0 : -1}
      title={table ? `${title} — ${table}` : title}
      onClick={props.onActivate}
      onContextMenu={props.onMenu}
      onKeyDown={(e) => {
        if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) props.onMenu(e);
        else if (e.key === 'Enter' || e.key === ' ') props.onActivate();
      }}
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

/** Whether the tab strip is wider than its box (tabs hidden behind the scroll): then the list button shows. */
function useOverflow(ref: React.RefObject<HTMLDivElement | null>, count: number): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOver(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    for (const child of Array.from(el.children)) ro.observe(child);
    return () => ro.disconnect();
  }, [ref, count]);
  return over;
}
