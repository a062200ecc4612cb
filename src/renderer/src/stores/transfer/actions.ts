import type { StoreApi } from 'zustand';
import type { ExportFormat } from '../../../../shared/history-models';
import type { HistoryFilter } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import { pluralize } from '../../lib/format';
import type { TransferState } from './initial-state';

/** What export and import need from the core; tests pass a fake. */
export type TransferApi = Pick<HookbenchApi, 'history'>;

/** Hands a produced file to the user (a browser download in the app; a spy in tests). */
export type SaveFile = (filename: string, mimeType: string, content: string) => void;

export interface ExportRequest {
  format: ExportFormat;
  filter: HistoryFilter;
  redact: boolean;
}

export interface TransferActions {
  /** The user confirmed the export dialog; true when a file was produced. */
  exportRequested: (request: ExportRequest) => Promise<boolean>;
  /** The user picked a file to import; true when it was imported. */
  importRequested: (file: { name: string; text: () => Promise<string> }) => Promise<boolean>;
  /** The user closed the export/import message. */
  noticeDismissed: () => void;
}

export type TransferStore = TransferState & TransferActions;

/** Builds the export/import actions over a zustand `set`/`get` pair, the injected API and file saver. */
export function createTransferActions(
  set: StoreApi<TransferStore>['setState'],
  get: StoreApi<TransferStore>['getState'],
  api: TransferApi,
  save: SaveFile,
): TransferActions {
  return {
    exportRequested: async ({ format, filter, redact }) => {
      if (get().running) return false;
      set({ running: 'export', notice: null });
      try {
        const file = await api.history.export({ format, filter, redact });
        save(file.filename, file.mimeType, file.content);
        set({
          running: null,
          notice: {
            kind: 'success',
            text: `Exported ${pluralize(file.count, 'capture')} to ${file.filename}`,
          },
        });
        return true;
      } catch (error) {
        set({ running: null, notice: { kind: 'error', text: `Export failed: ${describeError(error)}` } });
        return false;
      }
    },

    importRequested: async (file) => {
      if (get().running) return false;
      set({ running: 'import', notice: null });
      try {
        const content = await file.text();
        const { imported } = await api.history.import({ content, filename: file.name });
        set({
          running: null,
          notice: { kind: 'success', text: `Imported ${pluralize(imported, 'capture')} from ${file.name}` },
        });
        return true;
      } catch (error) {
        set({ running: null, notice: { kind: 'error', text: `Import failed: ${describeError(error)}` } });
        return false;
      }
    },

    noticeDismissed: () => {
      set({ notice: null });
    },
  };
}
