import type { Result } from '../../../../src/shared/models';
import type { IpcMainLike, InvokeEventLike } from '../../../../src/main/ipc/handle';

type Listener = (event: InvokeEventLike, input?: unknown) => Promise<Result<unknown>>;

/** Records registrations and, like Electron's ipcMain, refuses a second handler for one channel. */
export class FakeIpcMain implements IpcMainLike<InvokeEventLike> {
  readonly listeners = new Map<string, Listener>();
  readonly registered: string[] = [];

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
    this.registered.push(channel);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  /** What `ipcRenderer.invoke` would get back for a request from `event`'s frame. */
  invoke(channel: string, event: InvokeEventLike, input?: unknown): Promise<Result<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, input);
  }
}
