import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/contract';
import { registerChannels, type SenderCheck } from './handle';

/**
 * Registers every contract channel on Electron's `ipcMain`. The only place the real `ipcMain` is handed over, so the
 * rest of the IPC layer stays testable with a recorder.
 */
export function registerDesktopChannels(
  handlers: Handlers,
  isTrusted: SenderCheck<IpcMainInvokeEvent>,
): () => void {
  return registerChannels(ipcMain, handlers, isTrusted);
}
