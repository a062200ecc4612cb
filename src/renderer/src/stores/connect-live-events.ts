import type { Subscribe } from '../../../shared/api';
import type { ConnectionState } from '../lib/bridge';
import type { AppActions } from './app/actions';
import type { CaptureDetailActions } from './capture-detail/actions';
import type { InboxActions } from './inbox/actions';
import type { InboxesActions } from './inboxes/actions';

/** Where live events come from: the bridge in the app, fakes in tests. */
export interface LiveSource {
  onEvent: Subscribe;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  connectionState(): ConnectionState;
}

/** The stores that react to live events (only their actions are used). */
export interface LiveTargets {
  app: { getState(): AppActions };
  inbox: { getState(): InboxActions };
  detail: { getState(): CaptureDetailActions };
  inboxes: { getState(): InboxesActions };
}

/**
 * Feeds pushed events into the stores: new and changed captures into the inbox (marking cached details and attempt
 * timelines stale), inbox changes and counts into the inboxes store, receiver changes and connection state into the
 * app store. Whenever the stream (re)connects — the first time too,
 * since the first page may have loaded before the stream was open — what arrived meanwhile is fetched, because those
 * events were never delivered. Returns the function that disconnects everything.
 */
export function connectLiveEvents(source: LiveSource, targets: LiveTargets): () => void {
  let last = source.connectionState();
  targets.app.getState().connectionChanged(last);
  const stops = [
    source.onEvent('capture:received', (capture) => {
      targets.inbox.getState().captureReceived(capture);
      targets.inboxes.getState().captureCounted(capture);
      if (capture.deliveryId !== null) targets.detail.getState().attemptsInvalidated(capture.deliveryId);
    }),
    source.onEvent('capture:updated', (capture) => {
      targets.detail.getState().detailInvalidated(capture.id);
      targets.inbox.getState().captureUpdated(capture);
    }),
    source.onEvent('history:changed', () => {
      targets.detail.getState().detailInvalidated(null);
      void targets.inbox.getState().historyChanged();
      void targets.inboxes.getState().inboxesRequested();
    }),
    source.onEvent('inbox:changed', (inboxes) => targets.inboxes.getState().inboxesChanged(inboxes)),
    source.onEvent('receiver:changed', (status) => targets.app.getState().receiverChanged(status)),
    source.onConnectionChange((state) => {
      const recovered = state === 'connected' && (last === 'reconnecting' || last === 'connecting');
      last = state;
      targets.app.getState().connectionChanged(state);
      if (recovered) {
        void targets.inbox.getState().streamReconnected();
        void targets.inboxes.getState().inboxesRequested();
        void targets.app.getState().appStarted();
      }
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
