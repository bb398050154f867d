import { create } from 'zustand';

/** A question the workbench asks in its own modal dialog (VS Code's message dialog), never `window.confirm`. */
export interface ConfirmRequest {
  /** The question, in bold. */
  message: string;
  /** What follows from it, below the question. */
  detail?: string;
  /** The button that goes ahead ("Drop Table"), the default one. */
  confirmLabel: string;
  cancelLabel: string;
  /** A warning icon for something that cannot be undone. */
  destructive?: boolean;
}

interface ConfirmState {
  request: ConfirmRequest | null;
  resolve: ((ok: boolean) => void) | null;
}

export const useConfirm = create<ConfirmState>()(() => ({ request: null, resolve: null }));

/** Ask; true = the user chose the confirm button. A question asked while one is open cancels the first. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  useConfirm.getState().resolve?.(false);
  return new Promise((resolve) => useConfirm.setState({ request, resolve }));
}

export function answerConfirm(ok: boolean): void {
  const { resolve } = useConfirm.getState();
  useConfirm.setState({ request: null, resolve: null });
  resolve?.(ok);
}
