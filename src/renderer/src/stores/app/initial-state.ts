import type { AppInfo, ReceiverStatus } from '../../../../shared/models';
import type { ConnectionState } from '../../lib/bridge';

/** The areas of the sidebar, in display order. */
export const AREAS = ['inbox', 'events', 'subscriptions', 'tenants', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export interface AppState {
  /** The area shown in the main pane. */
  area: Area;
  /** Facts about this run (version, mode, paths); null until `app:info` answered. */
  info: AppInfo | null;
  /** Why `app:info` failed, in words for the user. */
  infoError: string | null;
  /** The receiver as last reported (by `app:info` or a `receiver:changed` event). */
  receiver: ReceiverStatus | null;
  /** The live event connection (browser mode can lose it; the desktop app cannot). */
  connection: ConnectionState;
  /** A short confirmation shown for a moment ("Copied curl command"); `id` tells repeated ones apart. */
  toast: { id: number; text: string } | null;
}

export const initialAppState: AppState = {
  area: 'inbox',
  info: null,
  infoError: null,
  receiver: null,
  connection: 'connecting',
  toast: null,
};
