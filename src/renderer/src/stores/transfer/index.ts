import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { downloadText } from '../../lib/download';
import { createTransferActions, type SaveFile, type TransferApi, type TransferStore } from './actions';
import { initialTransferState } from './initial-state';

export type { TransferStore, ExportRequest } from './actions';

/** Creates an export/import store; the app saves files as browser downloads, tests pass a spy. */
export function createTransferStore(transferApi: TransferApi, save: SaveFile = downloadText) {
  return create<TransferStore>()((set, get) => ({
    ...initialTransferState,
    ...createTransferActions(set, get, transferApi, save),
  }));
}

/** Export to NDJSON/HAR and import of NDJSON. */
export const useTransferStore = createTransferStore(api, (filename, mimeType, content) =>
  downloadText(filename, mimeType, content),
);
