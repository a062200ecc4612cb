import { join } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { SandboxStatus, Subscription, SubscriptionProvider } from '../../../shared/subscription-models';
import type { SignatureScheme } from '../../../shared/signature-models';
import type { TenantRepository } from '../../db/tenant-repository';
import type { Catalog } from '../catalog/catalog';
import { HookbenchError } from '../errors';
import type { TenantTarget } from '../fire/fire-service';
import { SandboxTenantServer } from '../sandbox-tenant/sandbox-tenant-server';
import type { SecretStore } from '../secrets/secret-store';
import { SubscriptionService } from './subscription-service';

type SubscriptionChannel =
  | 'tenant:list'
  | 'tenant:save'
  | 'tenant:delete'
  | 'subscription:list'
  | 'subscription:get'
  | 'subscription:create'
  | 'subscription:update'
  | 'subscription:delete'
  | 'subscription:test'
  | 'subscription:cleanup'
  | 'composer:validate'
  | 'sandbox:start'
  | 'sandbox:stop'
  | 'sandbox:status'
  | 'sandbox:event';

export interface SubscriptionHandlerDeps {
  dataDir: string;
  catalogDir?: string | undefined;
  tenants: TenantRepository;
  secrets: SecretStore;
  catalog: () => Catalog;
  inboxExists: (slug: string) => boolean;
  configureInbox: (slug: string, scheme: SignatureScheme, secret: string) => Promise<void>;
  onSeen?: (subscription: Subscription) => void;
  onDeleted?: (tenantId: string, id: string) => void;
  onSandboxChanged: (status: SandboxStatus) => void;
}

export interface SubscriptionFeature {
  readonly handlers: Pick<Handlers, SubscriptionChannel>;
  readonly service: SubscriptionService;
  /** The fire code's hook: subscriptions of the running sandbox tenant listening to an event. */
  tenantTargets(tenant: string, provider: string, event: string): TenantTarget[];
  close(): Promise<void>;
}

const PROVIDERS: SubscriptionProvider[] = ['credo-ai', 'compliance-platform-v1', 'credas'];

/**
 * The subscription manager and the app's sandbox switch as contract handlers: the sandbox tenant runs in-process on
 * a free port with its state in `<data dir>/sandbox`, and one tenant profile per provider points at it.
 */
export function createSubscriptionFeature(deps: SubscriptionHandlerDeps): SubscriptionFeature {
  const service = new SubscriptionService(deps);
  let sandbox: SandboxTenantServer | null = null;

  const status = (): SandboxStatus => {
    const running = sandbox?.running ? sandbox : null;
    return {
      running: running !== null,
      baseUrl: running?.baseUrl ?? null,
      tenant: running?.state.data.tenant ?? null,
      profiles: running ? PROVIDERS.map((provider) => ({ provider, tenantId: `sandbox-${provider}` })) : [],
      oauthTokenUrl: running ? `${running.baseUrl}/_sandbox/oauth/token` : null,
      oauthClientId: running?.state.data.oauthClients[0]?.client_id ?? null,
    };
  };

  const requireSandbox = (): SandboxTenantServer => {
    if (!sandbox?.running)
      throw new HookbenchError('unavailable', 'The sandbox tenant is not running: start it first.');
    return sandbox;
  };

  const handlers: Pick<Handlers, SubscriptionChannel> = {
    'tenant:list': () => service.listTenants(),
    'tenant:save': (input) => service.saveTenant(input),
    'tenant:delete': ({ tenantId }) => service.deleteTenant(tenantId),
    'subscription:list': ({ tenantId }) => service.list(tenantId),
    'subscription:get': ({ tenantId, id }) => service.get(tenantId, id),
    'subscription:create': (input) => service.create(input),
    'subscription:update': ({ tenantId, id, attributes, timeoutMs }) =>
      service.update(tenantId, id, attributes, timeoutMs),
    'subscription:delete': ({ tenantId, id }) => service.delete(tenantId, id),
    'subscription:test': ({ tenantId, webhookUrl }) => service.test(tenantId, webhookUrl),
    'subscription:cleanup': ({ tenantId, dryRun }) => service.cleanup(tenantId, dryRun),
    'composer:validate': (input) => service.validate(input),
    'sandbox:start': async () => {
      if (sandbox?.running) return status();
      const server = new SandboxTenantServer({
        dataDir: join(deps.dataDir, 'sandbox'),
        catalogDir: deps.catalogDir,
        port: 0,
      });
      const baseUrl = await server.listen();
      sandbox = server;
      const { tenant, apiKey } = server.state.data;
      for (const provider of PROVIDERS)
        await service.saveTenant({
          id: `sandbox-${provider}`,
          name: `Sandbox (${provider})`,
          provider,
          server: baseUrl,
          ...(provider === 'credo-ai' ? { tenant } : {}),
          apiKey,
          sandbox: true,
        });
      const next = status();
      deps.onSandboxChanged(next);
      return next;
    },
    'sandbox:stop': async () => {
      await sandbox?.close();
      sandbox = null;
      const next = status();
      deps.onSandboxChanged(next);
      return next;
    },
    'sandbox:status': () => status(),
    'sandbox:event': ({ provider, eventType, data }) => requireSandbox().trigger(provider, eventType, data),
  };

  return {
    handlers,
    service,
    tenantTargets(tenant, provider, event) {
      const running = requireSandbox();
      const names = [running.state.data.tenant, running.baseUrl, 'sandbox'];
      if (!names.includes(tenant.replace(/\/+$/, '')))
        throw new HookbenchError(
          'not_found',
          `No sandbox tenant "${tenant}" is running (it is "${running.state.data.tenant}").`,
        );
      return running.tenantTargets(provider, event);
    },
    async close() {
      await sandbox?.close();
      sandbox = null;
    },
  };
}
