/**
 * VS Code-notation keybindings ("Mod+Shift+P") from the shared command list: matching keyboard
 * events and showing them the way the platform does (⇧⌘P on macOS, Ctrl+Shift+P elsewhere).
 */
export interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function parseChord(binding: string): Chord {
  // Split on '+' but keep a literal '+' key ("Mod++").
  const parts = binding.split(/\+(?!$)/);
  const chord: Chord = { mod: false, shift: false, alt: false, key: '' };
  for (const p of parts) {
    const low = p.toLowerCase();
    if (low === 'mod' || low === 'ctrl' || low === 'cmd') chord.mod = true;
    else if (low === 'shift') chord.shift = true;
    else if (low === 'alt') chord.alt = true;
    else chord.key = low;
  }
  return chord;
}

/** Physical-key aware: with Shift held, `event.key` is the shifted character, so fall back to `code`. */
function eventKey(e: KeyboardEvent): string {
  if (/^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  if (/^Digit\d$/.test(e.code)) return e.code.slice(5);
  if (e.code === 'Backslash') return '\\';
  return e.key.toLowerCase();
}

export function matches(binding: string, e: KeyboardEvent): boolean {
  const c = parseChord(binding);
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  const otherMod = IS_MAC ? e.ctrlKey : e.metaKey;
  return mod === c.mod && !otherMod && e.shiftKey === c.shift && e.altKey === c.alt && eventKey(e) === c.key;
}

const KEY_LABELS: Record<string, string> = { enter: 'Enter', escape: 'Esc', '\\': '\\', arrowup: '↑', arrowdown: '↓', delete: 'Delete' };

/** Keycaps for display, e.g. ['Ctrl', 'Shift', 'P'] or ['⇧', '⌘', 'P']. */
export function keycaps(binding: string): string[] {
  const c = parseChord(binding);
  const key = KEY_LABELS[c.key] ?? c.key.toUpperCase();
  if (IS_MAC) return [...(c.alt ? ['⌥'] : []), ...(c.shift ? ['⇧'] : []), ...(c.mod ? ['⌘'] : []), key];
  return [...(c.mod ? ['Ctrl'] : []), ...(c.shift ? ['Shift'] : []), ...(c.alt ? ['Alt'] : []), key];
}

export function formatBinding(binding: string): string {
  return keycaps(binding).join(IS_MAC ? '' : '+');
}
