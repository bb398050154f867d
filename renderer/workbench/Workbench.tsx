import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../../shared/commands/commandList';
import { useWorkbench } from '../store/workbenchStore';
import { panelShown } from '../store/layoutSlice';
import { contextKeys, createHandlers, isAvailable, runCommand } from './commands';
import { matches } from './keybindings';
import { useServices } from './services';
import { CommandsContext, type CommandsApi } from './useCommands';
import { useEffectiveTheme } from './theme';
import { ActivityBar } from './parts/ActivityBar';
import { Explorer } from './parts/Explorer';
import { EditorArea } from './parts/EditorArea';
import { BottomPanel } from './parts/BottomPanel';
import { StatusBar } from './parts/StatusBar';
import { CommandPalette } from './parts/CommandPalette';
import { Notifications } from './parts/Notifications';
import { DropOverlay } from './parts/DropOverlay';
import { MenuBar } from './parts/MenuBar';
import { ContextMenuHost } from './parts/ContextMenu';
import { fileSourceMeta, importSource } from './actions/openFiles';
import { fileSourceFromHost } from '../host/fileSource';
import { ImportDialogHost } from '../editors/import/ImportDialog';
import { RelinkDialogHost } from '../study/RelinkDialog';
import { ConfirmDialogHost } from './parts/ConfirmDialog';

/** The VS Code-style shell: activity bar, side bar, editor groups, panel, status bar, palette. */
export function Workbench() {
  const services = useServices();
  const { t } = useTranslation();
  const theme = useEffectiveTheme();
  const layout = useWorkbench((s) => s.settings.layout);
  const setSizes = useWorkbench((s) => s.setSizes);
  const panelVisible = useWorkbench(panelShown);

  const commands = useMemo<CommandsApi>(() => {
    const handlers = createHandlers(services);
    return { handlers, run: (id, arg) => runCommand(handlers, id, arg) };
  }, [services]);

  // Keyboard shortcuts from the shared list. Editors that handle a key themselves (CodeMirror's
  // Mod+Enter) call preventDefault, so the global binding does not fire a second time.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const cmd = COMMANDS.find((c) => c.keybinding && matches(c.keybinding, e));
      if (!cmd || !commands.handlers[cmd.id]) return;
      // A key that is a command only in some places (F2, Delete on an Explorer row) stays the editor's elsewhere.
      if (!isAvailable(cmd, contextKeys(useWorkbench.getState()))) return;
      e.preventDefault();
      commands.run(cmd.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);

  // Native menu clicks (Electron) arrive as the same command ids.
  useEffect(() => services.host.onCommand((id) => commands.run(id)), [services.host, commands]);

  // Files opened from outside the window (Electron: OS "Open with", a second instance).
  useEffect(
    () =>
      services.host.onOpenFiles?.((files) => {
        void (async () => {
          for (const f of files) await importSource(services, fileSourceFromHost(services.host, f), fileSourceMeta(f.name, f.path));
        })();
      }),
    [services],
  );

  return (
    <CommandsContext.Provider value={commands}>
      <div className="workbench" data-theme={theme}>
        {services.shell === 'web' && <MenuBar />}
        <div className="workbench-body">
          <ActivityBar />
          <Group
            orientation="horizontal"
            className="workbench-main"
            id="tenure-horizontal"
            defaultLayout={layoutFor(layout.horizontal, layout.sidebarVisible ? ['sidebar', 'main'] : ['main'])}
            onLayoutChanged={(l, meta) => meta.isUserInteraction && 'sidebar' in l && setSizes('horizontal', l)}
          >
            {layout.sidebarVisible && (
              <>
                <Panel id="sidebar" className="sidebar" defaultSize="22%" minSize={170} maxSize="60%" aria-label={t('workbench.sideBar')}>
                  <Explorer />
                </Panel>
                <Separator id="sidebar-sash" className="sash sash-vertical" />
              </>
            )}
            <Panel id="main" minSize={300}>
              <Group
                orientation="vertical"
                id="tenure-vertical"
                defaultLayout={layoutFor(layout.vertical, panelVisible ? ['editors', 'panel'] : ['editors'])}
                onLayoutChanged={(l, meta) => meta.isUserInteraction && 'panel' in l && setSizes('vertical', l)}
              >
                <Panel id="editors" minSize={120}>
                  <EditorArea theme={theme} />
                </Panel>
                {panelVisible && (
                  <>
                    <Separator className="sash sash-horizontal" />
                    <Panel id="panel" defaultSize={`${layout.vertical?.panel ?? 25}%`} minSize={100}>
                      <BottomPanel />
                    </Panel>
                  </>
                )}
              </Group>
            </Panel>
          </Group>
        </div>
        <StatusBar />
        <CommandPalette />
        <Notifications />
        <DropOverlay />
        <ImportDialogHost />
        <RelinkDialogHost />
        <ConfirmDialogHost />
        <ContextMenuHost />
      </div>
    </CommandsContext.Provider>
  );
}

/** A saved layout applies only to the same set of panels (a hidden side bar or panel changes the set). */
function layoutFor(saved: Record<string, number> | undefined, ids: string[]): Record<string, number> | undefined {
  if (!saved) return undefined;
  const keys = Object.keys(saved);
  return keys.length === ids.length && ids.every((id) => keys.includes(id)) ? saved : undefined;
}
