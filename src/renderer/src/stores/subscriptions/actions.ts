import type { StoreApi } from 'zustand';
import type {
  ComposerFinding,
  ComposerValidateOutput,
  SandboxEventOutput,
  Subscription,
  SubscriptionProvider,
} from '../../../../shared/subscription-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';

/** What the subscriptions store needs from the core; tests pass a fake. */
export type SubscriptionsApi = Pick<HookbenchApi, 'subscription' | 'composer' | 'sandbox'>;

export type Attributes = Record<string, unknown>;

/** The composer's state: the form's attributes, the raw text, and the core's latest validation of either. */
export interface ComposerState {
  mode: 'create' | 'edit';
  /** The subscription edited; null when creating. */
  id: string | null;
  attributes: Attributes;
  /** The raw editor's text: the core's rendering of the form, or what the user typed there. */
  raw: string;
  validation: ComposerValidateOutput | null;
  validateError: string | null;
  /** The local inbox chosen with "Use my receiver" (tags the subscription; v1 and sandbox configure verification). */
  inbox: string | null;
  saving: boolean;
  /** The core's error, verbatim. */
  saveError: string | null;
}

export interface RowResult {
  busy: boolean;
  text: string | null;
  ok: boolean | null;
}

export interface CleanupState {
  busy: boolean;
  /** The dry run's orphans, shown for confirmation; null before it ran. */
  orphans: Subscription[] | null;
  error: string | null;
}

export interface TriggerState {
  busy: boolean;
  result: SandboxEventOutput | null;
  error: string | null;
}

export interface SubscriptionsState {
  tenantId: string | null;
  provider: SubscriptionProvider | null;
  subscriptions: Subscription[];
  status: 'idle' | 'loading' | 'ready';
  error: string | null;
  /** The provider's event types (from the catalogue), for the trigger picker. */
  eventTypes: ComposerValidateOutput['eventTypes'];
  composer: ComposerState | null;
  /** What the last create, update, delete or clean-up did, in words. */
  notice: string | null;
  /** Per subscription: the last test or delete result. */
  rows: Record<string, RowResult>;
  cleanup: CleanupState;
  trigger: TriggerState;
}

export interface SubscriptionsActions {
  /** The user picked a tenant: list its subscriptions. */
  tenantSelected: (tenantId: string, provider: SubscriptionProvider) => Promise<void>;
  /** Refresh the list. */
  listRequested: () => Promise<void>;
  /** Open the composer, empty or on a subscription. */
  composerOpened: (subscription?: Subscription) => Promise<void>;
  composerClosed: () => void;
  /** The form changed: the core re-validates and re-renders the raw body. */
  attributesEdited: (attributes: Attributes) => Promise<void>;
  /** The raw editor changed: the core reads it and the form follows. */
  rawEdited: (raw: string) => Promise<void>;
  /** The user applied a finding's suggested fix. */
  fixApplied: (finding: ComposerFinding) => Promise<void>;
  /** "Use my receiver": the URL field gets an inbox's URL and the subscription is tagged for it. */
  receiverChosen: (url: string, inbox: string) => Promise<void>;
  /** Create or Save. */
  composerSaveRequested: () => Promise<void>;
  deleteRequested: (id: string) => Promise<void>;
  /** v1 platform: the test endpoint for a subscription's URL. */
  testRequested: (subscription: Subscription) => Promise<void>;
  /** Dry run of the clean-up: lists what would go. */
  cleanupPreviewRequested: () => Promise<void>;
  cleanupConfirmed: () => Promise<void>;
  cleanupDismissed: () => void;
  /** Sandbox: makes an event happen, delivered to every matching subscription. */
  triggerRequested: (eventType: string) => Promise<void>;
  noticeDismissed: () => void;
}

export type SubscriptionsStore = SubscriptionsState & SubscriptionsActions;

export const initialSubscriptionsState: SubscriptionsState = {
  tenantId: null,
  provider: null,
  subscriptions: [],
  status: 'idle',
  error: null,
  eventTypes: [],
  composer: null,
  notice: null,
  rows: {},
  cleanup: { busy: false, orphans: null, error: null },
  trigger: { busy: false, result: null, error: null },
};

/** The attribute holding the webhook's URL, per provider. */
export const URL_FIELD: Record<SubscriptionProvider, string> = {
  'credo-ai': 'url',
  'compliance-platform-v1': 'webhook_url',
  credas: 'webhookUrl',
};

/** A subscription's attributes as the form edits them: nulls (unset) left out. */
export function editableAttributes(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null && v !== undefined));
}

/** The sentence shown after a create: what was stored and configured. */
export function createdNotice(out: {
  subscription: Subscription;
  secretMasked: string | null;
  verificationConfigured: string | null;
  recoveredAfterTimeout: boolean;
}): string {
  const parts = [`Created subscription ${out.subscription.id}.`];
  if (out.recoveredAfterTimeout) parts.push('The request timed out, but the list shows it was created.');
  if (out.secretMasked) parts.push(`Secret ${out.secretMasked} stored securely.`);
  if (out.verificationConfigured) parts.push(`Inbox ${out.verificationConfigured} now verifies signatures.`);
  return parts.join(' ');
}

/** Builds the subscriptions actions over a zustand `set`/`get` pair and the injected API. */
export function createSubscriptionsActions(
  set: StoreApi<SubscriptionsStore>['setState'],
  get: StoreApi<SubscriptionsStore>['getState'],
  api: SubscriptionsApi,
): SubscriptionsActions {
  /** Counts validations so an older answer never overwrites a newer one. */
  let validation = 0;
  let listing = 0;

  const patchComposer = (patch: Partial<ComposerState>): void =>
    set((s) => (s.composer ? { composer: { ...s.composer, ...patch } } : {}));

  /** Asks the core to validate the form (`attributes`) or the raw text (`raw`). */
  const validate = async (source: { attributes: Attributes } | { raw: string }): Promise<void> => {
    const { provider, tenantId, composer } = get();
    if (!provider || !composer) return;
    const seq = ++validation;
    try {
      const out = await api.composer.validate({
        provider,
        operation: composer.mode === 'edit' ? 'update' : 'create',
        ...source,
        ...(tenantId ? { tenantId } : {}),
        ...(composer.id ? { id: composer.id } : {}),
      });
      if (seq !== validation) return;
      set({ eventTypes: out.eventTypes });
      patchComposer({
        validation: out,
        validateError: null,
        attributes: out.attributes,
        // A raw edit keeps the user's text; a form edit shows the core's rendering.
        ...('raw' in source ? {} : { raw: out.raw }),
      });
    } catch (error) {
      if (seq === validation) patchComposer({ validateError: describeError(error) });
    }
  };

  const setRow = (id: string, row: RowResult): void => set((s) => ({ rows: { ...s.rows, [id]: row } }));

  const actions: SubscriptionsActions = {
    tenantSelected: async (tenantId, provider) => {
      if (get().tenantId !== tenantId)
        set({
          ...initialSubscriptionsState,
          tenantId,
          provider,
        });
      await actions.listRequested();
      if (get().eventTypes.length === 0) {
        try {
          const out = await api.composer.validate({ provider, operation: 'create', tenantId });
          if (get().tenantId === tenantId) set({ eventTypes: out.eventTypes });
        } catch {
          // The composer shows validation errors when it opens; the trigger picker stays empty.
        }
      }
    },

    listRequested: async () => {
      const { tenantId } = get();
      if (!tenantId) return;
      const seq = ++listing;
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
      try {
        const subscriptions = await api.subscription.list({ tenantId });
        if (seq === listing && get().tenantId === tenantId)
          set({ subscriptions, status: 'ready', error: null });
      } catch (error) {
        if (seq === listing) set({ error: describeError(error), status: 'ready', subscriptions: [] });
      }
    },

    composerOpened: async (subscription) => {
      const attributes = subscription ? editableAttributes(subscription.attributes) : {};
      set({
        notice: null,
        composer: {
          mode: subscription ? 'edit' : 'create',
          id: subscription?.id ?? null,
          attributes,
          raw: '',
          validation: null,
          validateError: null,
          inbox: subscription?.inbox ?? null,
          saving: false,
          saveError: null,
        },
      });
      await validate({ attributes });
    },

    composerClosed: () => set({ composer: null }),

    attributesEdited: async (attributes) => {
      patchComposer({ attributes });
      await validate({ attributes });
    },

    rawEdited: async (raw) => {
      patchComposer({ raw });
      await validate({ raw });
    },

    fixApplied: async (finding) => {
      const { composer } = get();
      if (!finding.fix || !composer) return;
      // A fix about the document's shape (e.g. data.type) has no attributes of its own: re-rendering the form's
      // attributes writes the document the API expects.
      const attributes =
        Object.keys(finding.fix.attributes).length > 0 ? finding.fix.attributes : composer.attributes;
      patchComposer({ attributes });
      await validate({ attributes });
    },

    receiverChosen: async (url, inbox) => {
      const { composer, provider } = get();
      if (!composer || !provider) return;
      const attributes = { ...composer.attributes, [URL_FIELD[provider]]: url };
      patchComposer({ attributes, inbox });
      await validate({ attributes });
    },

    composerSaveRequested: async () => {
      const { composer, tenantId } = get();
      if (!composer || !tenantId) return;
      patchComposer({ saving: true, saveError: null });
      try {
        let notice: string;
        if (composer.mode === 'edit' && composer.id) {
          const updated = await api.subscription.update({
            tenantId,
            id: composer.id,
            attributes: composer.attributes,
          });
          notice = `Saved subscription ${updated.id}.`;
        } else {
          const out = await api.subscription.create({
            tenantId,
            attributes: composer.attributes,
            ...(composer.inbox ? { inbox: composer.inbox } : {}),
          });
          notice = createdNotice(out);
        }
        set({ composer: null, notice });
        await actions.listRequested();
      } catch (error) {
        patchComposer({ saving: false, saveError: describeError(error) });
      }
    },

    deleteRequested: async (id) => {
      const { tenantId } = get();
      if (!tenantId) return;
      setRow(id, { busy: true, text: null, ok: null });
      try {
        await api.subscription.delete({ tenantId, id });
        set((s) => ({
          subscriptions: s.subscriptions.filter((x) => x.id !== id),
          notice: `Deleted subscription ${id}.`,
        }));
      } catch (error) {
        setRow(id, { busy: false, text: describeError(error), ok: false });
      }
    },

    testRequested: async (subscription) => {
      const { tenantId } = get();
      if (!tenantId) return;
      setRow(subscription.id, { busy: true, text: null, ok: null });
      try {
        const out = await api.subscription.test({ tenantId, webhookUrl: subscription.url });
        const status = out.httpStatusCode === null ? '' : ` (HTTP ${out.httpStatusCode})`;
        setRow(subscription.id, { busy: false, text: `${out.message}${status}`, ok: out.success });
      } catch (error) {
        setRow(subscription.id, { busy: false, text: describeError(error), ok: false });
      }
    },

    cleanupPreviewRequested: async () => {
      const { tenantId } = get();
      if (!tenantId) return;
      set({ cleanup: { busy: true, orphans: null, error: null } });
      try {
        const out = await api.subscription.cleanup({ tenantId, dryRun: true });
        set({ cleanup: { busy: false, orphans: out.orphans, error: null } });
      } catch (error) {
        set({ cleanup: { busy: false, orphans: null, error: describeError(error) } });
      }
    },

    cleanupConfirmed: async () => {
      const { tenantId, cleanup } = get();
      if (!tenantId) return;
      set({ cleanup: { ...cleanup, busy: true, error: null } });
      try {
        const out = await api.subscription.cleanup({ tenantId, dryRun: false });
        const failed = out.failed.map((f) => `${f.id}: ${f.message}`).join('; ');
        set({
          cleanup: { busy: false, orphans: null, error: null },
          notice:
            `Removed ${out.removed.length} orphaned subscription${out.removed.length === 1 ? '' : 's'}.` +
            (failed ? ` Could not remove ${failed}` : ''),
        });
        await actions.listRequested();
      } catch (error) {
        set((s) => ({ cleanup: { ...s.cleanup, busy: false, error: describeError(error) } }));
      }
    },

    cleanupDismissed: () => set({ cleanup: { busy: false, orphans: null, error: null } }),

    triggerRequested: async (eventType) => {
      const { provider } = get();
      if (!provider) return;
      set({ trigger: { busy: true, result: null, error: null } });
      try {
        const result = await api.sandbox.event({ provider, eventType });
        set({ trigger: { busy: false, result, error: null } });
        await actions.listRequested();
      } catch (error) {
        set({ trigger: { busy: false, result: null, error: describeError(error) } });
      }
    },

    noticeDismissed: () => set({ notice: null }),
  };
  return actions;
}
