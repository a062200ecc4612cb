import type { TunnelSession } from '../../../../shared/tunnel-models';
import type { TunnelsState } from './initial-state';

/** The running public URL when it is online, else null (what the status bar shows). */
export function onlineSession(state: TunnelsState): TunnelSession | null {
  const active = state.status?.active ?? null;
  return active && active.state === 'online' && active.publicUrl ? active : null;
}
