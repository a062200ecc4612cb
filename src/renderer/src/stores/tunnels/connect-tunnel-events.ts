import type { Subscribe } from '../../../../shared/api';
import { useInboxesStore } from '../inboxes';
import { useTunnelsStore } from './index';

/**
 * Reads the public URL at start and follows `tunnel:changed`. When the URL comes or goes, the inboxes are read
 * again, so their public URLs show (the core also reports them with `inbox:changed`).
 */
export function connectTunnelEvents(onEvent: Subscribe): () => void {
  let shown: string | null = null;
  const off = onEvent('tunnel:changed', (status) => {
    useTunnelsStore.getState().tunnelStatusChanged(status);
    const active = status.active;
    const now = active && active.state === 'online' ? `${active.kind} ${active.publicUrl ?? ''}` : null;
    if (now !== shown) {
      shown = now;
      void useInboxesStore.getState().inboxesRequested();
    }
  });
  void useTunnelsStore.getState().tunnelStatusRequested();
  return off;
}
