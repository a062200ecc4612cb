import type { StoreApi } from 'zustand';
import {
  SUBSCRIPTION_PROVIDERS,
  type SandboxStatus,
  type TenantProfile,
  type TenantSaveInput,
} from '../../../../shared/subscription-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';

/** What the tenants store needs from the core; tests pass a fake. */
export type TenantsApi = Pick<HookbenchApi, 'tenant' | 'sandbox'>;

/** The input of `tenant:save` as the dialog builds it (`sandbox` left to its default). */
export type TenantSaveRequest = Omit<TenantSaveInput, 'sandbox'> & { sandbox?: boolean };

export interface TenantsState {
  tenants: TenantProfile[];
  status: 'idle' | 'loading' | 'ready';
  error: string | null;
  sandbox: SandboxStatus | null;
  /** A start or stop is under way. */
  sandboxBusy: boolean;
  sandboxError: string | null;
}

export interface TenantsActions {
  /** The Tenants or Subscriptions area opened: read the profiles and the sandbox status. */
  tenantsRequested: () => Promise<void>;
  /** Saves a profile; rejects with a `BridgeError` whose message says what to fix. */
  tenantSaveRequested: (input: TenantSaveRequest) => Promise<TenantProfile>;
  /** Deletes a profile (its API key goes with it). */
  tenantDeleteRequested: (id: string) => Promise<void>;
  /** The user flipped the sandbox switch. */
  sandboxToggled: (on: boolean) => Promise<void>;
  /** The core reported the sandbox started or stopped (its profiles come and go with it). */
  sandboxChanged: (status: SandboxStatus) => void;
}

export type TenantsStore = TenantsState & TenantsActions;

export const initialTenantsState: TenantsState = {
  tenants: [],
  status: 'idle',
  error: null,
  sandbox: null,
  sandboxBusy: false,
  sandboxError: null,
};

/** Sandbox profiles first (in the providers' order: Credo AI first), then by name. */
export function sortedTenants(tenants: TenantProfile[]): TenantProfile[] {
  const rank = (t: TenantProfile): number => (t.sandbox ? SUBSCRIPTION_PROVIDERS.indexOf(t.provider) : 99);
  return [...tenants].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Builds the tenants actions over a zustand `set`/`get` pair and the injected API. */
export function createTenantsActions(
  set: StoreApi<TenantsStore>['setState'],
  get: StoreApi<TenantsStore>['getState'],
  api: TenantsApi,
): TenantsActions {
  const reloadTenants = async (): Promise<void> => {
    try {
      set({ tenants: sortedTenants(await api.tenant.list({})), status: 'ready', error: null });
    } catch (error) {
      set((s) => ({ error: describeError(error), status: s.status === 'loading' ? 'idle' : s.status }));
    }
  };
  return {
    tenantsRequested: async () => {
      if (get().status === 'idle') set({ status: 'loading' });
      const sandbox = api.sandbox
        .status({})
        .then((status) => set({ sandbox: status }))
        .catch((error: unknown) => set({ sandboxError: describeError(error) }));
      await Promise.all([reloadTenants(), sandbox]);
    },

    tenantSaveRequested: async (input) => {
      const saved = await api.tenant.save({ sandbox: false, ...input });
      set((s) => ({ tenants: sortedTenants([...s.tenants.filter((t) => t.id !== saved.id), saved]) }));
      return saved;
    },

    tenantDeleteRequested: async (id) => {
      await api.tenant.delete({ tenantId: id });
      set((s) => ({ tenants: s.tenants.filter((t) => t.id !== id) }));
    },

    sandboxToggled: async (on) => {
      set({ sandboxBusy: true, sandboxError: null });
      try {
        const status = on ? await api.sandbox.start({}) : await api.sandbox.stop({});
        set({ sandbox: status, sandboxBusy: false });
      } catch (error) {
        set({ sandboxBusy: false, sandboxError: describeError(error) });
      }
      await reloadTenants();
    },

    sandboxChanged: (status) => {
      set({ sandbox: status });
      void reloadTenants();
    },
  };
}
