import type { TunnelKind, TunnelStatus } from '../../../../shared/tunnel-models';

export interface TunnelsState {
  /** Every provider and the running public URL, as last reported; null until asked. */
  status: TunnelStatus | null;
  /** Why reading the status failed. */
  error: string | null;
  /** What the user asked for and waits on. */
  busy: { action: 'start'; kind: TunnelKind } | { action: 'stop' } | { action: 'configure' } | null;
  /** Why the last start, stop or configure failed, with the kind it was about (null: stop or configure). */
  actionError: { kind: TunnelKind | null; message: string } | null;
  /** The Public URL panel is open (as a dialog over any area). */
  panelOpen: boolean;
}

export const initialTunnelsState: TunnelsState = {
  status: null,
  error: null,
  busy: null,
  actionError: null,
  panelOpen: false,
};
