import { useEffect, type RefObject } from 'react';

/**
 * Close a grid popover on Escape or a pointer-down outside it. A press on `keepSelector` (the header
 * control that toggles this popover) is left to that control, so it can close it itself.
 */
export function useDismiss(box: RefObject<HTMLElement | null>, onClose: () => void, keepSelector: string): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (box.current?.contains(target) || target?.closest?.(keepSelector)) return;
      onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [box, onClose, keepSelector]);
}
