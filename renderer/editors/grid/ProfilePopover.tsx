import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { ColumnProfileCard } from '../import/ColumnProfileCard';
import { useDismiss } from './useDismiss';

export interface PopoverState {
  column: string;
  /** Opened by a click: stays until clicked again, Escape, or a click elsewhere. */
  pinned: boolean;
}

const OPEN_MS = 350;
const CLOSE_MS = 200;
export const POPOVER_PX = 272;

/** Hover opens after a short pause (passing over headers does not flash cards); a click pins. */
export function useProfilePopover() {
  const [open, setOpen] = useState<PopoverState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const later = useCallback((fn: () => void, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(fn, ms);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const closeUnpinned = useCallback(() => setOpen((o) => (o && !o.pinned ? null : o)), []);
  return {
    open,
    hover: useCallback(
      (column: string, inside: boolean) =>
        inside ? later(() => setOpen((o) => (o?.pinned ? o : { column, pinned: false })), OPEN_MS) : later(closeUnpinned, CLOSE_MS),
      [later, closeUnpinned],
    ),
    /** The pointer is over the card: keep it. */
    keep: useCallback(() => clearTimeout(timer.current), []),
    leave: useCallback(() => later(closeUnpinned, CLOSE_MS), [later, closeUnpinned]),
    toggle: useCallback((column: string) => {
      clearTimeout(timer.current);
      setOpen((o) => (o?.column === column && o.pinned ? null : { column, pinned: true }));
    }, []),
    close: useCallback(() => {
      clearTimeout(timer.current);
      setOpen(null);
    }, []),
  };
}

interface Props {
  engine: QueryEngine;
  table: string;
  column: string;
  rows: number;
  left: number;
  top: number;
  onKeep(): void;
  onLeave(): void;
  onClose(): void;
}

/** The full profile card under a header, inside the grid (so it scrolls and themes with it). */
export function ProfilePopover({ engine, table, column, rows, left, top, onKeep, onLeave, onClose }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // A press on a strip is that strip's own toggle.
  useDismiss(box, onClose, '.tn-grid-profile');
  return (
    <div
      ref={box}
      className="tn-grid-popover"
      style={{ left, top, width: POPOVER_PX }}
      role="dialog"
      aria-label={t('grid.profile.label', { column })}
      data-testid="grid-profile-popover"
      data-column={column}
      onPointerEnter={onKeep}
      onPointerLeave={onLeave}
    >
      <div className="tn-grid-popover-title">
        <span title={column}>{column}</span>
        <button type="button" className="tn-grid-popover-close" title={t('grid.profile.close')} aria-label={t('grid.profile.close')} onClick={onClose}>
          <span className="codicon codicon-close" aria-hidden />
        </button>
      </div>
      <ColumnProfileCard engine={engine} table={table} column={column} rows={rows} />
    </div>
  );
}
