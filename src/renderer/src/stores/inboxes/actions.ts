import type { StoreApi } from 'zustand';
import type { Inbox, InboxSettings, SetVerificationInput } from '../../../../shared/inbox-models';
import type { CaptureSummary } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { InboxDialog, InboxesState } from './initial-state';
import { sortedInboxes } from './selectors';

/** What the inboxes store needs from the core; tests pass a fake. */
export type InboxesApi = Pick<HookbenchApi, 'inbox'>;

/** The changes an inbox can get in one save. */
export interface InboxChanges {
  name?: string;
  newSlug?: string;
  settings?: InboxSettings;
}

export interface InboxesActions {
  /** The app started, or captures went in bulk: (re)read the inboxes and their counts. */
  inboxesRequested: () => Promise<void>;
  /** The core reported the inboxes changed. */
  inboxesChanged: (inboxes: Inbox[]) => void;
  /** A capture arrived: its inbox holds one more. */
  captureCounted: (capture: CaptureSummary) => void;
  /** The user created an inbox; rejects with a `BridgeError` whose message names the field. */
  inboxCreateRequested: (slug: string, name?: string) => Promise<Inbox>;
  /** The user saved an inbox (rename, move, settings); rejects with a `BridgeError` naming the field. */
  inboxUpdateRequested: (slug: string, changes: InboxChanges) => Promise<Inbox>;
  /** The user saved an inbox's verification (the secret goes to the secret store); rejects with a `BridgeError`. */
  verificationSaveRequested: (input: SetVerificationInput) => Promise<Inbox>;
  /** The user removed an inbox's verification (its secret is deleted). */
  verificationClearRequested: (slug: string) => Promise<Inbox>;
  /** The user confirmed deleting an inbox and its captures; resolves with how many captures went. */
  inboxDeleteRequested: (slug: string) => Promise<number>;
  /** The user opened an inbox dialog (create, manage, settings, delete). */
  dialogOpened: (dialog: InboxDialog) => void;
  /** The open inbox dialog was closed. */
  dialogClosed: () => void;
}

export type InboxesStore = InboxesState & InboxesActions;

/** Builds the inboxes actions over a zustand `set`/`get` pair and the injected API. */
export function createInboxesActions(
  set: StoreApi<InboxesStore>['setState'],
  get: StoreApi<InboxesStore>['getState'],
  api: InboxesApi,
): InboxesActions {
  const replace = (inbox: Inbox, oldSlug = inbox.slug): void => {
    set((state) => ({
      inboxes: sortedInboxes([
        ...state.inboxes.filter((i) => i.slug !== oldSlug && i.slug !== inbox.slug),
        inbox,
      ]),
    }));
  };

  return {
    inboxesRequested: async () => {
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        get().inboxesChanged(await api.inbox.list({}));
      } catch (error) {
        set((state) => ({
          error: describeError(error),
          status: state.status === 'loading' ? 'idle' : state.status,
        }));
      }
    },

    inboxesChanged: (inboxes) => {
      set({ inboxes: sortedInboxes(inboxes), status: 'ready', error: null });
    },

    captureCounted: (capture) => {
      set((state) => ({
        inboxes: state.inboxes.map((i) =>
          i.slug === capture.inbox ? { ...i, captureCount: i.captureCount + 1 } : i,
        ),
      }));
    },

    inboxCreateRequested: async (slug, name) => {
      const created = await api.inbox.create(name ? { slug, name } : { slug });
      replace(created);
      return created;
    },

    inboxUpdateRequested: async (slug, changes) => {
      const updated = await api.inbox.update({ slug, ...changes });
      replace(updated, slug);
      return updated;
    },

    verificationSaveRequested: async (input) => {
      const updated = await api.inbox['set-verification'](input);
      replace(updated);
      return updated;
    },

    verificationClearRequested: async (slug) => {
      const updated = await api.inbox['clear-verification']({ slug });
      replace(updated);
      return updated;
    },

    inboxDeleteRequested: async (slug) => {
      const { deletedCaptures } = await api.inbox.delete({ slug });
      set((state) => ({ inboxes: state.inboxes.filter((i) => i.slug !== slug) }));
      return deletedCaptures;
    },

    dialogOpened: (dialog) => {
      set({ dialog });
    },

    dialogClosed: () => {
      set({ dialog: null });
    },
  };
}
