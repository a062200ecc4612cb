import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TenantTarget } from '../fire/fire-service';
import { Catalog } from '../catalog/catalog';
import { defaultCatalogDir } from '../catalog/catalog-paths';
import { HookbenchError } from '../errors';
import { DEFAULT_V1_KEY_HEADER, handleComplianceV1 } from './compliance-v1-routes';
import { handleCredas } from './credas-routes';
import { handleCredoAi } from './credo-ai-routes';
import { SandboxDelivery, type DeliveryReport, type DeliveryTarget } from './sandbox-delivery';
import { sendJson } from './sandbox-http';
import { handleSandbox, type SandboxFault } from './sandbox-routes';
import { SandboxState } from './sandbox-state';

export interface SandboxTenantOptions {
  /** Keeps the state in `<dataDir>/sandbox-tenant.json`; absent: in memory only. */
  dataDir?: string | undefined;
  tenant?: string | undefined;
  apiKey?: string | undefined;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  catalogDir?: string | undefined;
  /** Lifetime of the access tokens `/auth/exchange` issues (default 3600 s). */
  tokenTtlSeconds?: number;
  /** Lifetime of the OAuth tokens of `/_sandbox/oauth/token` (default 3600 s). */
  oauthTtlSeconds?: number;
  /** Retry delays are divided by this (default 1000: 5 min → 0.3 s). */
  retryCompression?: number;
  /** Time limit of each delivery attempt (default 10 s). */
  deliveryTimeoutMs?: number;
  /** Header of the v1 platform's API key (default `X-API-Key`). */
  v1KeyHeader?: string;
  /** Let the v1 platform accept http:// URLs on this machine (default true; every other URL must be HTTPS). */
  allowHttpLoopback?: boolean;
  now?: () => number;
}

/** A subscription of any provider, as `/_sandbox/subscriptions` lists it. */
export interface SandboxSubscription {
  provider: 'credo-ai' | 'compliance-platform-v1';
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  stats: { total_deliveries: number; successful_deliveries: number; failed_deliveries: number };
  lastTriggeredAt: string | null;
  /** The endpoint's `whsec_` signing secret (the sandbox shows it, as Svix's dashboard does). */
  secret: string;
}

/** What `/_sandbox/events` answers. */
export interface TriggerResult {
  provider: string;
  eventType: string;
  deliveries: DeliveryReport[];
}

const PROVIDER_ALIASES: Record<string, string> = {
  'credo-ai': 'credo-ai',
  credoai: 'credo-ai',
  'compliance-platform-v1': 'compliance-platform-v1',
  v1: 'compliance-platform-v1',
  credas: 'credas',
};

/**
 * A local tenant of the three providers: their documented APIs over HTTP (Credo AI's auth exchange and JSON:API
 * webhooks, the v1 platform's webhooks, Credas' processes), and the events behind them delivered like the providers
 * deliver them. `hookbench tenant serve` and the app's sandbox switch both run this.
 */
export class SandboxTenantServer {
  readonly state: SandboxState;
  readonly delivery: SandboxDelivery;
  private readonly server: Server;
  private readonly faults: SandboxFault[] = [];
  private readonly catalog: () => Catalog;
  private readonly now: () => number;
  private url: string | null = null;

  constructor(private readonly options: SandboxTenantOptions = {}) {
    this.state = new SandboxState(options);
    this.now = options.now ?? Date.now;
    let loaded: Catalog | undefined;
    const dir = options.catalogDir ?? defaultCatalogDir();
    this.catalog = () => (loaded ??= new Catalog({ builtinDir: dir, userDir: null }));
    this.delivery = new SandboxDelivery({
      catalog: this.catalog,
      compression: options.retryCompression ?? 1000,
      timeoutMs: options.deliveryTimeoutMs ?? 10_000,
      onChange: () => this.state.save(),
    });
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { error: error instanceof Error ? error.message : 'internal error' });
        else res.destroy();
      });
    });
  }

  /** The base URL once listening, e.g. `http://127.0.0.1:4600`. */
  get baseUrl(): string {
    if (!this.url) throw new HookbenchError('unavailable', 'The sandbox tenant is not running.');
    return this.url;
  }

  get running(): boolean {
    return this.url !== null;
  }

  async listen(): Promise<string> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.delivery.close();
    this.url = null;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private eventTypes(provider: string): string[] {
    return this.catalog()
      .get(provider)
      .events.map((e) => e.info.name);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (!path.startsWith('/_sandbox') && (await this.applyFault(res))) return;
    const now = this.now;
    const handled =
      (await handleSandbox(req, res, path, {
        state: this.state,
        baseUrl: () => this.baseUrl,
        faults: this.faults,
        oauthTtlSeconds: this.options.oauthTtlSeconds ?? 3600,
        now,
        trigger: (provider, eventType, data) => this.trigger(provider, eventType, data),
        subscriptions: () => this.subscriptions(),
        attempts: (id) =>
          this.state.data.credo.some((h) => h.id === id) || this.state.data.v1.some((h) => h.id === id)
            ? this.delivery.attempts(id)
            : null,
        completeCredas: (id) => this.completeCredas(id),
      })) ||
      (await handleCredoAi(req, res, path, {
        state: this.state,
        tokenTtlSeconds: this.options.tokenTtlSeconds ?? 3600,
        eventTypes: () => this.eventTypes('credo-ai'),
        now,
      })) ||
      (await handleComplianceV1(req, res, path, {
        state: this.state,
        keyHeader: this.options.v1KeyHeader ?? DEFAULT_V1_KEY_HEADER,
        allowHttpLoopback: this.options.allowHttpLoopback ?? true,
        eventTypes: () => this.eventTypes('compliance-platform-v1'),
        deliverTest: (target) =>
          this.delivery.deliver({
            ...target,
            provider: 'compliance-platform-v1',
            body: this.delivery.sampleBody('compliance-platform-v1', 'test', undefined),
          }),
      })) ||
      (await handleCredas(req, res, path, this.state));
    if (!handled) sendJson(res, 404, { error: `Not found: ${req.method ?? 'GET'} ${path}` });
  }

  /** Answers with the next injected fault, if any; a fault without status holds the request until it is dropped. */
  private async applyFault(res: ServerResponse): Promise<boolean> {
    const fault = this.faults[0];
    if (!fault) return false;
    if (--fault.times <= 0) this.faults.shift();
    if (fault.passThrough) {
      // The request is handled (a create happens) but its answer is held: a lost answer, as a client sees it.
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        setTimeout(() => end(...args), fault.stallMs ?? 0);
        return res;
      }) as ServerResponse['end'];
      return false;
    }
    if (fault.stallMs) await sleep(fault.stallMs);
    if (fault.status === 0) {
      res.destroy();
      return true;
    }
    res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
    res.end(fault.body ?? '');
    return true;
  }

  /** Every subscription of the tenant, with its stats. */
  subscriptions(): SandboxSubscription[] {
    const { credo, v1 } = this.state.data;
    return [
      ...credo.map((h) => ({
        provider: 'credo-ai' as const,
        id: h.id,
        url: String(h.attributes.url),
        eventTypes: (h.attributes.event_types as string[] | undefined) ?? [],
        active: true,
        stats: { ...h.stats },
        lastTriggeredAt: h.lastTriggeredAt,
        secret: h.secret,
      })),
      ...v1.map((h) => ({
        provider: 'compliance-platform-v1' as const,
        id: h.id,
        url: h.webhook_url,
        eventTypes: [h.event_type],
        active: h.is_active,
        stats: { ...h.stats },
        lastTriggeredAt: h.last_triggered_at,
        secret: h.secret_key,
      })),
    ];
  }

  /** The delivery of an event to each matching subscription of a provider (not sent yet). */
  private targets(provider: string, eventType: string, data: unknown): DeliveryTarget[] {
    const { credo, v1 } = this.state.data;
    if (provider === 'credo-ai') {
      return credo
        .filter((h) => ((h.attributes.event_types as string[] | undefined) ?? []).includes(eventType))
        .map((h) => {
          const a = h.attributes;
          const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
          return {
            provider: 'credo-ai',
            subscriptionId: h.id,
            url: String(a.url),
            eventType,
            body: this.delivery.sampleBody('credo-ai', eventType, data, {
              prefix: str(a.event_type_prefix),
              suffix: str(a.event_type_suffix),
            }),
            sign: { scheme: 'svix', secret: h.secret, options: {} },
            ...(a.authentication_method === 'o_auth'
              ? {
                  oauth: {
                    server: String(a.authentication_server),
                    payload: a.authentication_payload,
                    payloadType: str(a.authentication_payload_type) ?? 'application/json',
                  },
                }
              : {}),
            stats: h.stats,
            onDelivered: (attempt) => (h.lastTriggeredAt = attempt.at),
          } satisfies DeliveryTarget;
        });
    }
    return v1
      .filter((h) => h.is_active && (h.event_type === eventType || h.event_type === 'all'))
      .map((h) => ({
        provider: 'compliance-platform-v1',
        subscriptionId: h.id,
        url: h.webhook_url,
        eventType,
        body: this.delivery.sampleBody('compliance-platform-v1', eventType, data),
        sign: { scheme: 'standard-webhooks', secret: h.secret_key, options: {} },
        stats: h.stats,
        onDelivered: (attempt) => (h.last_triggered_at = attempt.at.replace('Z', '+00:00')),
      }));
  }

  /** Makes an event happen: delivered to every matching subscription; answers after each first attempt. */
  async trigger(providerName: string, eventType: string, data?: unknown): Promise<TriggerResult> {
    const provider = PROVIDER_ALIASES[providerName.toLowerCase()];
    if (!provider)
      throw new HookbenchError(
        'invalid_input',
        `provider: "${providerName}" is not one of credo-ai, compliance-platform-v1, credas.`,
      );
    if (provider === 'credas') {
      const id = (data as { ProcessId?: unknown } | undefined)?.ProcessId;
      if (typeof id !== 'string')
        throw new HookbenchError(
          'invalid_input',
          'A Credas webhook is sent when a process completes: give data.ProcessId or POST /_sandbox/credas/processes/<id>/complete.',
        );
      return this.completeCredas(id);
    }
    const found = this.catalog().findEvent(eventType, provider);
    if (found.event.info.kind === 'wildcard')
      throw new HookbenchError('invalid_input', `${eventType} is a subscription wildcard, not an event.`);
    const name = found.event.info.name;
    const deliveries = await Promise.all(
      this.targets(provider, name, data).map((t) => this.delivery.deliver(t)),
    );
    this.state.save();
    return { provider, eventType: name, deliveries };
  }

  /** Completes a Credas process: one POST of `{ProcessId, ClientId, Status: 2, StatusDescription}` to its webhookUrl. */
  async completeCredas(id: string): Promise<TriggerResult> {
    const process = this.state.data.credas.find((p) => p.id === id);
    if (!process) throw new HookbenchError('not_found', `No Credas process ${id}.`);
    process.status = 2;
    this.state.save();
    const report = await this.delivery.deliver({
      provider: 'credas',
      subscriptionId: process.id,
      url: process.webhookUrl,
      eventType: 'process.completed',
      body: {
        ProcessId: process.id,
        ClientId: process.clientId,
        Status: 2,
        StatusDescription: 'The process is complete',
      },
      schedule: [0],
    });
    return { provider: 'credas', eventType: 'process.completed', deliveries: [report] };
  }

  /**
   * The fire code's `tenantTargets` hook: the subscriptions listening to an event, with their signing and envelope,
   * so `fire:send` with target `{kind: 'subscriptions'}` delivers like the sandbox does.
   */
  tenantTargets(provider: string, event: string): TenantTarget[] {
    if (provider !== 'credo-ai' && provider !== 'compliance-platform-v1') return [];
    return this.targets(provider, event, undefined).map((t) => ({
      url: t.url,
      ...(t.sign ? { sign: t.sign } : {}),
      ...(provider === 'credo-ai'
        ? {
            envelope: {
              prefix: (this.state.data.credo.find((h) => h.id === t.subscriptionId)?.attributes
                .event_type_prefix ?? null) as string | null,
              suffix: (this.state.data.credo.find((h) => h.id === t.subscriptionId)?.attributes
                .event_type_suffix ?? null) as string | null,
            },
          }
        : {}),
    }));
  }
}
