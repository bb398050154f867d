import { activeTab } from '../../store/editorsSlice';
import { useWorkbench } from '../../store/workbenchStore';
import { IS_MAC } from '../keybindings';

/**
 * "Run Query" from the palette or menu: the SQL editor owns its run logic (statement at the cursor,
 * error positions), bound to Mod+Enter inside CodeMirror, so the command replays that key there.
 */
let replaying = false;

export function runActiveSql(): void {
  const tab = activeTab(useWorkbench.getState());
  // The replayed key bubbles to the window's shortcut handler when the editor does not take it.
  if (tab?.kind !== 'sql' || replaying) return;
  const content = document.querySelector<HTMLElement>(`[data-editor-tab="${CSS.escape(tab.id)}"] .cm-content`);
  if (!content) return;
  content.focus();
  replaying = true;
  try {
    content.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: !IS_MAC, metaKey: IS_MAC, bubbles: true, cancelable: true }));
  } finally {
    replaying = false;
  }
}
