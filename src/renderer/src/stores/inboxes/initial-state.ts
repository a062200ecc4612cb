import type { Inbox } from '../../../../shared/inbox-models';

/** Which inbox dialog is open; one at a time, so any part of the UI can open one. */
export type InboxDialog =
  | { kind: 'create' }
  | { kind: 'manage' }
  | { kind: 'settings'; slug: string; focus?: 'verification' }
  | { kind: 'delete'; slug: string };

export interface InboxesState {
  /** Every inbox, `default` first, as the core last reported them. */
  inboxes: Inbox[];
  /** `idle` before the list was asked for, `ready` once it arrived. */
  status: 'idle' | 'loading' | 'ready';
  /** Why loading the list failed, in words for the user. */
  error: string | null;
  /** The open inbox dialog, or null. */
  dialog: InboxDialog | null;
}

export const initialInboxesState: InboxesState = { inboxes: [], status: 'idle', error: null, dialog: null };
