import { useEffect, useRef, type KeyboardEvent } from 'react';
import { answerConfirm, useConfirm } from '../confirmStore';

/**
 * The workbench's modal question (like VS Code's): focus starts on the confirm button, Tab and
 * Shift+Tab stay between the buttons, Enter presses the focused one, Escape cancels, and focus goes
 * back where it was. Keys never reach the workbench's shortcuts while it is open.
 */
export function ConfirmDialogHost() {
  const request = useConfirm((s) => s.request);
  return request ? <ConfirmDialog key={request.message} /> : null;
}

function ConfirmDialog() {
  const request = useConfirm((s) => s.request)!;
  const box = useRef<HTMLDivElement>(null);
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ok.current?.focus();
    return () => before?.focus();
  }, []);

  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      answerConfirm(false);
    } else if (e.key === 'Tab') {
      const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      e.preventDefault();
      buttons[(at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div className="tn-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div ref={box} className="tn-confirm" role="alertdialog" aria-modal="true" aria-labelledby="tn-confirm-message" aria-describedby={request.detail ? 'tn-confirm-detail' : undefined} onKeyDown={onKey} data-testid="confirm-dialog">
        <div className="tn-confirm-body">
          <span className={`codicon codicon-${request.destructive ? 'warning' : 'question'} tn-confirm-icon`} aria-hidden />
          <div>
            <p id="tn-confirm-message" className="tn-confirm-message">
              {request.message}
            </p>
            {request.detail && (
              <p id="tn-confirm-detail" className="tn-confirm-detail">
                {request.detail}
              </p>
            )}
          </div>
        </div>
        <div className="tn-confirm-actions">
          <button ref={ok} type="button" className="button primary small" onClick={() => answerConfirm(true)} data-testid="confirm-ok">
            {request.confirmLabel}
          </button>
          <button type="button" className="button secondary small" onClick={() => answerConfirm(false)} data-testid="confirm-cancel">
            {request.cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
