import { REQUEST_CHANNELS, type RequestChannel } from '../../shared/channels';
import type { Handlers } from '../../shared/contract';
import type { Result } from '../../shared/models';
import { dispatch } from '../core/dispatch';

/** The part of a frame the sender check reads (Electron's `WebFrameMain`). */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of an invoke event the sender check reads (Electron's `IpcMainInvokeEvent`). */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** The webContents of our window, as far as the sender check needs it. */
export interface OwnContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

/** The part of `ipcMain` this module uses, so tests can pass a recorder. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, input?: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

/** Decides whether an invoke event comes from our own page. */
export type SenderCheck<E> = (event: E) => boolean;

/**
 * True only for a request from the main frame of our own window showing our own page. Anything else (another
 * window, an iframe, a page the window was navigated to, a frame already gone) is refused: a compromised or foreign
 * page must not reach the core even if it somehow got the preload bridge.
 */
export function isTrustedSender(
  event: InvokeEventLike,
  own: OwnContentsLike | null | undefined,
  isOwnUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!own || own.isDestroyed() || !frame) return false;
  if (event.sender.id !== own.id) return false;
  const main = own.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnUrl(frame.url);
}

/** A check that throws (e.g. on a window destroyed mid-request) counts as a refusal. */
function checkSafely<E>(isTrusted: SenderCheck<E>, event: E): boolean {
  try {
    return isTrusted(event);
  } catch {
    return false;
  }
}

function forbidden(channel: RequestChannel): Result<never> {
  return {
    ok: false,
    error: {
      code: 'forbidden',
      message: `The request to ${channel} did not come from the Hookbench window.`,
    },
  };
}

/**
 * Registers one channel: refuses untrusted senders, then parses the input and runs the handler through the shared
 * `dispatch`, so a bad input or a failing handler comes back as an error result, never as a thrown IPC error.
 */
export function handle<E>(
  ipc: IpcMainLike<E>,
  channel: RequestChannel,
  handlers: Handlers,
  isTrusted: SenderCheck<E>,
  onRejected: (channel: RequestChannel) => void = (name) => {
    console.warn(`Hookbench refused an IPC request to ${name} from an untrusted sender.`);
  },
): void {
  ipc.handle(channel, async (event, input) => {
    if (!checkSafely(isTrusted, event)) {
      onRejected(channel);
      return forbidden(channel);
    }
    return dispatch(handlers, channel, input);
  });
}

/**
 * Registers every request channel of the contract exactly once and returns the function that removes them all (for
 * tests, and so a second registration is never attempted by accident).
 */
export function registerChannels<E>(
  ipc: IpcMainLike<E>,
  handlers: Handlers,
  isTrusted: SenderCheck<E>,
): () => void {
  for (const channel of REQUEST_CHANNELS) handle(ipc, channel, handlers, isTrusted);
  return () => {
    for (const channel of REQUEST_CHANNELS) ipc.removeHandler(channel);
  };
}
