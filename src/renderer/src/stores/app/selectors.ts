import type { ReceiverStatus } from '../../../../shared/models';
import type { AppState } from './initial-state';

/** The receiver's base URL when it is listening, else null. */
export function receiverUrl(state: AppState): string | null {
  return state.receiver?.state === 'listening' ? state.receiver.url : null;
}

/** One sentence on what the receiver is doing, including why it failed. */
export function describeReceiver(receiver: ReceiverStatus | null): string {
  if (!receiver) return 'Receiver status unknown';
  switch (receiver.state) {
    case 'listening':
      return `Receiver listening on ${receiver.url ?? `${receiver.host}:${receiver.port}`}`;
    case 'starting':
      return `Receiver starting on ${receiver.host}:${receiver.port}…`;
    case 'stopped':
      return 'Receiver stopped';
    case 'failed':
      return `Receiver failed: ${receiver.error ?? 'no reason given'}`;
  }
}

/** True in browser mode (`hookbench serve`), where the live connection can drop and is worth showing. */
export function isBrowserMode(state: AppState): boolean {
  return state.info?.mode === 'browser';
}

/** Words for the live connection state, for the status bar. */
export function describeConnection(state: AppState): string {
  switch (state.connection) {
    case 'connected':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Connection lost, reconnecting…';
    case 'disconnected':
      return 'Disconnected';
  }
}
