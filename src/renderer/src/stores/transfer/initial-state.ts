/** A finished export or import, said in one line above the list. */
export interface TransferNotice {
  kind: 'success' | 'error';
  text: string;
}

export interface TransferState {
  /** An export or import is running (the dialogs show progress and disable their buttons). */
  running: 'export' | 'import' | null;
  /** The outcome of the last export or import, until dismissed. */
  notice: TransferNotice | null;
}

export const initialTransferState: TransferState = { running: null, notice: null };
