import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import type { SignatureScheme } from '../../../shared/signature-models';
import {
  CREDO_AI_DEFAULT_SERVER,
  type ComposerValidateInput,
  type ComposerValidateOutput,
  type Subscription,
  type SubscriptionProvider,
  type TenantProfile,
  type TenantSaveInput,
} from '../../../shared/subscription-models';
import type { StoredTenant, TenantRepository } from '../../db/tenant-repository';
import type { Catalog } from '../catalog/catalog';
import { HookbenchError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { maskSecret } from '../signatures/mask-secret';
import { ApiTimeoutError } from './api-error';
import { ComplianceV1Client, DEFAULT_V1_API_KEY_HEADER } from './compliance-v1-client';
import { pickerEvents, readRaw, toCurl, validateAttributes } from './composer';
import { CredasClient } from './credas-client';
import { CredoAiClient } from './credo-ai-client';
import { taggedInbox, tagDescription } from './hookbench-tag';
import type { ProviderClient, RemoteSubscription } from './provider-client';

export interface SubscriptionServiceDeps {
  tenants: TenantRepository;
  secrets: SecretStore;
  catalog: () => Catalog;
  inboxExists: (slug: string) => boolean;
  /** Makes an inbox verify signatures with a subscription's secret (saved in the secret store). */
  configureInbox: (slug: string, scheme: SignatureScheme, secret: string) => Promise<void>;
  /** Every subscription read from or written to a tenant (the arrival checks learn its `type` prefix and suffix). */
  onSeen?: (subscription: Subscription) => void;
  /** A subscription deleted at its tenant. */
  onDeleted?: (tenantId: string, id: string) => void;
  now?: () => number;
}

const DEFAULT_SERVER: Record<SubscriptionProvider, string | null> = {
  'credo-ai': CREDO_AI_DEFAULT_SERVER,
  'compliance-platform-v1': null,
  credas: null,
};

/**
 * The subscription manager: tenant profiles (API keys in the secret store), CRUD through each provider's client,
 * Hookbench's tag and clean-up of orphans, the v1 platform's one-time secret and test endpoint, and the composer.
 */
export class SubscriptionService {
  /** One client per tenant so Credo AI's token is reused until it nears its `exp`. */
  private readonly clients = new Map<string, { key: string; client: ProviderClient }>();

  constructor(private readonly deps: SubscriptionServiceDeps) {}

  private stored(id: string): StoredTenant {
    const found = this.deps.tenants.list().find((t) => t.id === id);
    if (!found) throw new HookbenchError('not_found', `There is no tenant profile "${id}".`);
    return found;
  }

  private present(t: StoredTenant): TenantProfile {
    let apiKeyMasked: string | null = null;
    let problem: string | null = null;
    try {
      const key = t.secretRef ? this.deps.secrets.get(t.secretRef) : undefined;
      apiKeyMasked = key === undefined ? null : maskSecret(key);
      if (t.secretRef && key === undefined)
        problem = 'The API key is no longer in the secret store: enter it again.';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    return {
      id: t.id,
      name: t.name,
      provider: t.provider,
      server: t.server,
      tenant: t.tenant,
      apiKeyHeader: t.apiKeyHeader,
      sandbox: t.sandbox,
      createdAt: t.createdAt,
      apiKeyMasked,
      problem,
    };
  }

  listTenants(): TenantProfile[] {
    return this.deps.tenants.list().map((t) => this.present(t));
  }

  /** Creates or updates a profile; the API key goes to the secret store, never to SQLite. */
  async saveTenant(input: TenantSaveInput): Promise<TenantProfile> {
    const current = input.id ? this.deps.tenants.list().find((t) => t.id === input.id) : undefined;
    const server = input.server ?? current?.server ?? DEFAULT_SERVER[input.provider];
    if (!server)
      throw new HookbenchError('invalid_input', 'server: give the API server URL of this provider.');
    const tenant = input.tenant ?? current?.tenant ?? null;
    if (input.provider === 'credo-ai' && !tenant)
      throw new HookbenchError(
        'invalid_input',
        'tenant: Credo AI needs the tenant (used in /api/v2/<tenant>/webhooks).',
      );
    const id = input.id ?? randomUUID();
    const secretRef = current?.secretRef ?? `tenant/${id}/api-key`;
    if (input.apiKey !== undefined) await this.deps.secrets.set(secretRef, input.apiKey);
    else if (!current) throw new HookbenchError('invalid_input', 'apiKey: give the API key of this tenant.');
    const stored: StoredTenant = {
      id,
      name: input.name,
      provider: input.provider,
      server,
      tenant,
      apiKeyHeader:
        input.apiKeyHeader ??
        current?.apiKeyHeader ??
        (input.provider === 'compliance-platform-v1'
          ? DEFAULT_V1_API_KEY_HEADER
          : input.provider === 'credas'
            ? 'X-API-KEY'
            : null),
      secretRef,
      sandbox: input.sandbox,
      createdAt: current?.createdAt ?? (this.deps.now ?? Date.now)(),
    };
    this.deps.tenants.save(stored);
    this.clients.delete(id);
    return this.present(stored);
  }

  async deleteTenant(id: string): Promise<{ deleted: boolean }> {
    const t = this.stored(id);
    if (t.secretRef) await this.deps.secrets.delete(t.secretRef);
    this.clients.delete(id);
    return { deleted: this.deps.tenants.delete(id) };
  }

  /** The client of a tenant (cached per tenant and settings). */
  client(tenantId: string, timeoutMs = 15_000): ProviderClient {
    const t = this.stored(tenantId);
    const apiKey = t.secretRef ? this.deps.secrets.get(t.secretRef) : undefined;
    if (apiKey === undefined)
      throw new HookbenchError(
        'invalid_input',
        `Tenant profile "${t.name}" has no API key saved: enter it again.`,
      );
    const cacheKey = JSON.stringify([t.server, t.tenant, t.apiKeyHeader, apiKey, timeoutMs]);
    const cached = this.clients.get(tenantId);
    if (cached?.key === cacheKey) return cached.client;
    const base = { server: t.server, apiKey, timeoutMs };
    const client: ProviderClient =
      t.provider === 'credo-ai'
        ? new CredoAiClient({ ...base, tenant: t.tenant ?? '' })
        : t.provider === 'compliance-platform-v1'
          ? new ComplianceV1Client({ ...base, apiKeyHeader: t.apiKeyHeader })
          : new CredasClient(base);
    this.clients.set(tenantId, { key: cacheKey, client });
    return client;
  }

  private decorate(tenantId: string, remote: RemoteSubscription): Subscription {
    const inbox = taggedInbox(remote.description);
    const subscription: Subscription = {
      ...remote,
      tenantId,
      inbox,
      createdByHookbench: inbox !== null,
      orphaned: inbox !== null && !this.deps.inboxExists(inbox),
    };
    this.deps.onSeen?.(subscription);
    return subscription;
  }

  async list(tenantId: string): Promise<Subscription[]> {
    return (await this.client(tenantId).list()).map((s) => this.decorate(tenantId, s));
  }

  async get(tenantId: string, id: string): Promise<Subscription> {
    return this.decorate(tenantId, await this.client(tenantId).get(id));
  }

  /**
   * Creates a subscription, tagged for the inbox when one is given. A create that timed out is never retried
   * blindly: the list is read and compared (url, event types, tagged description) to find out whether it exists.
   */
  async create(input: {
    tenantId: string;
    attributes: Record<string, unknown>;
    inbox?: string | undefined;
    timeoutMs: number;
  }): Promise<{
    subscription: Subscription;
    secretMasked: string | null;
    verificationConfigured: string | null;
    recoveredAfterTimeout: boolean;
  }> {
    const t = this.stored(input.tenantId);
    const attributes = { ...input.attributes };
    if (input.inbox && t.provider !== 'credas')
      attributes.description = tagDescription(input.inbox, attributes.description);
    const client = this.client(input.tenantId, input.timeoutMs);
    let created: { subscription: RemoteSubscription; secret: string | null };
    let recovered = false;
    try {
      created = await client.create(attributes);
    } catch (error) {
      if (!(error instanceof ApiTimeoutError) || t.provider === 'credas') throw error;
      const match = (await client.list()).find((s) => sameSubscription(s, attributes));
      if (!match)
        throw new HookbenchError(
          'unavailable',
          `${error.message} The list shows no such subscription, so it was not created: it is safe to try again.`,
        );
      created = { subscription: match, secret: null };
      recovered = true;
    }
    const subscription = this.decorate(input.tenantId, created.subscription);
    let secret = created.secret;
    if (secret) await this.deps.secrets.set(`subscription/${input.tenantId}/${subscription.id}`, secret);
    if (!secret && t.sandbox && t.provider === 'credo-ai')
      secret = await this.sandboxSecret(t.server, subscription.id);
    let verificationConfigured: string | null = null;
    if (secret && input.inbox && this.deps.inboxExists(input.inbox)) {
      await this.deps.configureInbox(
        input.inbox,
        t.provider === 'credo-ai' ? 'svix' : 'standard-webhooks',
        secret,
      );
      verificationConfigured = input.inbox;
    }
    return {
      subscription,
      secretMasked: created.secret ? maskSecret(created.secret) : null,
      verificationConfigured,
      recoveredAfterTimeout: recovered,
    };
  }

  /** A sandbox tenant shows its Credo AI endpoint secrets at `/_sandbox/subscriptions` (the real API does not). */
  private async sandboxSecret(server: string, id: string): Promise<string | null> {
    try {
      const res = await request(`${server.replace(/\/+$/, '')}/_sandbox/subscriptions`, {
        headersTimeout: 5000,
      });
      const body = (await res.body.json()) as { subscriptions?: { id: string; secret?: string }[] };
      return body.subscriptions?.find((s) => s.id === id)?.secret ?? null;
    } catch {
      return null;
    }
  }

  async update(
    tenantId: string,
    id: string,
    attributes: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<Subscription> {
    return this.decorate(tenantId, await this.client(tenantId, timeoutMs).update(id, attributes));
  }

  async delete(tenantId: string, id: string): Promise<{ deleted: boolean }> {
    await this.client(tenantId).remove(id);
    this.deps.onDeleted?.(tenantId, id);
    try {
      await this.deps.secrets.delete(`subscription/${tenantId}/${id}`);
    } catch {
      // A locked store keeps the (now useless) secret encrypted.
    }
    return { deleted: true };
  }

  /** The v1 platform's `POST /api/v1/webhooks/test/`. */
  test(tenantId: string, webhookUrl: string): ReturnType<ComplianceV1Client['test']> {
    const client = this.client(tenantId);
    if (!(client instanceof ComplianceV1Client))
      throw new HookbenchError('invalid_input', 'Only the compliance platform v1 has a test endpoint.');
    return client.test(webhookUrl);
  }

  /** Lists the subscriptions Hookbench created for inboxes that no longer exist and (unless dryRun) deletes them. */
  async cleanup(
    tenantId: string,
    dryRun: boolean,
  ): Promise<{ orphans: Subscription[]; removed: string[]; failed: { id: string; message: string }[] }> {
    const orphans = (await this.list(tenantId)).filter((s) => s.orphaned);
    const removed: string[] = [];
    const failed: { id: string; message: string }[] = [];
    if (!dryRun)
      for (const s of orphans) {
        try {
          await this.delete(tenantId, s.id);
          removed.push(s.id);
        } catch (error) {
          failed.push({ id: s.id, message: error instanceof Error ? error.message : String(error) });
        }
      }
    return { orphans, removed, failed };
  }

  /** The composer: findings, the body in sync, the exact request (secrets masked) and curl. */
  validate(input: ComposerValidateInput): ComposerValidateOutput {
    const catalog = this.deps.catalog();
    const fromRaw = input.raw !== undefined ? readRaw(input.provider, input.raw) : null;
    const attributes = input.attributes ?? fromRaw?.attributes ?? {};
    const { findings, fields } = validateAttributes(catalog, input.provider, input.operation, attributes);
    const t = input.tenantId ? this.stored(input.tenantId) : null;
    if (t && t.provider !== input.provider)
      throw new HookbenchError(
        'invalid_input',
        `tenantId: profile "${t.name}" is for ${t.provider}, not ${input.provider}.`,
      );
    let key: string;
    try {
      key = (t?.secretRef ? this.deps.secrets.get(t.secretRef) : undefined) ?? '';
    } catch {
      key = '';
    }
    const base = {
      server: t?.server ?? DEFAULT_SERVER[input.provider] ?? 'https://<api host>',
      apiKey: key,
      timeoutMs: 1,
    };
    const client: ProviderClient =
      input.provider === 'credo-ai'
        ? new CredoAiClient({ ...base, tenant: t?.tenant ?? '<tenant>' })
        : input.provider === 'compliance-platform-v1'
          ? new ComplianceV1Client({ ...base, apiKeyHeader: t?.apiKeyHeader })
          : new CredasClient(base);
    const preview = client.preview(input.operation, attributes, input.id);
    return {
      findings: [...(fromRaw?.findings ?? []), ...findings],
      attributes,
      raw: preview.body ?? '',
      preview,
      curl: toCurl(preview),
      fields,
      eventTypes: pickerEvents(catalog, input.provider),
    };
  }
}

/** Same URL, same event types, same (tagged) description: the subscription a timed-out create would have made. */
function sameSubscription(s: RemoteSubscription, attributes: Record<string, unknown>): boolean {
  const url = attributes.url ?? attributes.webhook_url;
  const types = Array.isArray(attributes.event_types)
    ? attributes.event_types.map(String)
    : typeof attributes.event_type === 'string'
      ? [attributes.event_type]
      : [];
  const sameTypes = s.eventTypes.length === types.length && types.every((t) => s.eventTypes.includes(t));
  const description = typeof attributes.description === 'string' ? attributes.description : null;
  return s.url === url && sameTypes && (description === null || s.description === description);
}
