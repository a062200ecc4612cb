import { EventEmitter } from 'node:events';
import { networkInterfaces } from 'node:os';
import type Database from 'better-sqlite3';
import type { EventChannel } from '../../shared/channels';
import type { EventPayload, Handlers } from '../../shared/contract';
import type { ReceiverStatus } from '../../shared/models';
import { CaptureRepository } from '../db/capture-repository';
import { BackgroundWork } from './background/background-work';
import { InboxRepository } from '../db/inbox-repository';
import { openDatabase } from '../db/open-database';
import { SettingsRepository } from '../db/settings-repository';
import { HistoryService } from './history/history-service';
import { CheckRepository } from '../db/check-repository';
import { createCheckHandlers } from './check/check-handlers';
import { CheckService } from './check/check-service';
import { InboxService } from './inboxes/inbox-service';
import { createCatalogFire } from './fire/catalog-fire-handlers';
import { TenantRepository } from '../db/tenant-repository';
import { createSubscriptionFeature } from './subscriptions/subscription-handlers';
import { SubscriptionEnvelopes } from './subscriptions/subscription-envelopes';
import { databasePathIn } from './paths';
import { CapturePipeline } from './receiver/capture-pipeline';
import { CaptureWriter } from './receiver/capture-writer';
import { MemorySecretStore } from './secrets/memory-secret-store';
import { ScopedSecretStore } from './secrets/scoped-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { sign } from './signatures/index';
import { VerificationService } from './signatures/verification-service';
import type { VerifySpec } from './signatures/verify-spec';
import { DEFAULT_MAX_BODY_BYTES, ReceiverServer, type ReceiverOptions } from './receiver/receiver-server';
import { tunnelConfig } from '../../shared/tunnel-models';
import { allowedHostsFor, ArrivalRoutes } from './tunnels/arrival-route';
import { TunnelManager, type TunnelManagerDeps } from './tunnels/tunnel-manager';

export type WorkbenchEvents = { [E in EventChannel]: [EventPayload<E>] };

export interface WorkbenchOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  receiver?: {
    host?: string;
    /** Default 4545; 0 picks a free port. */
    port?: number;
    /** When the port is taken, listen on a free one instead of failing (the desktop app's default behaviour). */
    fallbackToFreePort?: boolean;
    maxBodyBytes?: number;
    /** Host names accepted besides loopback (for a tunnel); empty or absent accepts any. */
    allowedHosts?: string[];
  };
  /** Inboxes to create at start if they do not exist yet (`--inbox` on the CLI). */
  inboxes?: string[];
  /**
   * Verifications for this run only (`--verify` on the CLI), overriding an inbox's saved one; their secrets stay in
   * memory. A missing inbox is created.
   */
  verify?: { inbox: string; spec: VerifySpec }[];
  /** Where inbox secrets are kept; default: in memory (nothing saved). */
  secrets?: SecretStore;
  /** The better-sqlite3 addon for this runtime; see scripts/native-builds.mjs. */
  nativeBinding?: string;
  /** How often retention runs; default one minute. */
  retentionIntervalMs?: number;
  /** The shipped provider catalogue (resources/catalog); default: found from the app's folder. */
  catalogDir?: string;
  /** Public URLs (tunnels, relays): the environment programs are found and run with, time limits, back-off. */
  tunnels?: Pick<
    TunnelManagerDeps,
    | 'env'
    | 'platform'
    | 'extraSearchDirs'
    | 'ngrokConfigPaths'
    | 'urlTimeoutMs'
    | 'backoff'
    | 'relayNewChannelUrl'
  >;
}

export interface Workbench {
  readonly handlers: Handlers;
  readonly events: EventEmitter<WorkbenchEvents>;
  readonly dataDir: string;
  readonly databasePath: string;
  /** Starts the receiver; the status says where it listens or why it could not. */
  start(): Promise<ReceiverStatus>;
  status(): ReceiverStatus;
  close(): Promise<void>;
}

export const DEFAULT_RECEIVER_PORT = 4545;

function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} on ${host} is already in use. Pick another port (0 picks a free one).`;
  if (code === 'EACCES')
    return `Not allowed to listen on port ${port}. Ports below 1024 need privileges; pick another.`;
  if (code === 'EADDRNOTAVAIL') return `The address ${host} does not belong to this machine.`;
  return `The receiver could not start on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Builds every service from a data directory and returns the handlers of the contract. The Electron main process,
 * `hookbench serve` and `hookbench listen` all run exactly this.
 */
export function createWorkbench(options: WorkbenchOptions): Workbench {
  const databasePath = databasePathIn(options.dataDir);
  const db: Database.Database = openDatabase(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  // Search indexing and checks run after the captures they follow, at a lower priority than receiving.
  const background = new BackgroundWork();
  const captures = new CaptureRepository(db, (work) => background.wake(work));
  const events = new EventEmitter<WorkbenchEvents>();
  const host = options.receiver?.host ?? '127.0.0.1';
  const port = options.receiver?.port ?? DEFAULT_RECEIVER_PORT;
  const maxBodyBytes = options.receiver?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  let status: ReceiverStatus = { state: 'stopped', host, port, url: null, error: null };
  const setStatus = (next: ReceiverStatus): ReceiverStatus => {
    status = next;
    events.emit('receiver:changed', next);
    events.emit('inbox:changed', inboxes.list());
    return next;
  };

  const secrets = options.secrets ?? new MemorySecretStore();
  const verification = new VerificationService(secrets);
  // Public URLs: the receiver accepts the online tunnel's host and marks captures with how they arrived.
  const routes = new ArrivalRoutes();
  const userAllowedHosts = options.receiver?.allowedHosts ?? [];
  let allowedHosts: string[] | null = userAllowedHosts.length > 0 ? [...userAllowedHosts] : null;
  // One settings table (key → JSON) for the services that keep small state.
  const settings = new SettingsRepository(db);
  const tunnels: TunnelManager = new TunnelManager({
    ...options.tunnels,
    receiver: () => (status.state === 'listening' ? { host, port: status.port } : null),
    secrets,
    loadConfig: () =>
      tunnelConfig.catch({ cloudflaredPath: null, ngrokPath: null }).parse(settings.get('tunnels')),
    saveConfig: (config) => settings.set('tunnels', config),
    onPublicHost: (publicHost, session) => {
      routes.setPublicHost(publicHost, session?.kind ?? 'custom');
      allowedHosts = allowedHostsFor(userAllowedHosts, publicHost, host, () =>
        Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)),
      );
      receiver.setAllowedHosts(allowedHosts);
    },
    allowedHosts: () => allowedHosts,
    relayToken: routes.relayToken,
    inboxExists: (slug): boolean => inboxes.list().some((inbox) => inbox.slug === slug),
  });
  const inboxes = new InboxService({
    inboxes: new InboxRepository(db),
    captures,
    receiverUrl: () => status.url,
    publicUrl: (slug): string | null => tunnels.publicUrlFor(slug),
    describeVerification: (inbox) => verification.present(inbox.slug, inbox.settings.verification),
  });
  for (const slug of [...(options.inboxes ?? []), ...(options.verify ?? []).map((v) => v.inbox)])
    inboxes.ensure(slug);
  for (const { inbox, spec } of options.verify ?? []) verification.addSession(inbox, spec);
  const history = new HistoryService({
    captures,
    version: options.version,
    settings,
    onChanged: (change) => events.emit('history:changed', change),
    onUpdated: (capture) => events.emit('capture:updated', capture),
    resign: (slug, headers, body, input) =>
      verification.resign(slug, inboxes.require(slug).settings.verification, headers, body, input),
  });
  // Checks against the documented shapes run after the answer; the catalogue loads right after start().
  const checkRepository = new CheckRepository(db);
  // The prefix and suffix each subscription made for an inbox sets: the arrival checks compare captures against them.
  const envelopes = new SubscriptionEnvelopes({
    load: () => settings.get('subscription_envelopes'),
    save: (value) => settings.set('subscription_envelopes', value),
  });
  const checks = new CheckService({
    checks: checkRepository,
    captures,
    settings,
    catalog: () => catalogFire.catalog(),
    onUpdated: (summary) => events.emit('capture:updated', summary),
    onProgress: (progress) => events.emit('check:progress', progress),
    expectedEnvelope: (inbox, provider) => envelopes.expected(inbox, provider),
    background,
  });
  const pipeline = new CapturePipeline({
    inboxes,
    writer: new CaptureWriter(captures),
    storedAttempts: (id) => captures.deliveryAttempts(id),
    onCaptured: (summary) => events.emit('capture:received', summary),
    afterStored: (summary, capture) => checks.enqueue(summary.id, capture),
    onForwarded: (id, exchange) => history.recordDownstream(id, exchange, 'forward'),
    arrival: (request) => routes.classify(request.headers, request.remoteAddress),
    verify: (inbox, request, route) =>
      verification.check(inbox.slug, inbox.settings.verification, {
        headers: request.headers,
        body: request.body,
        now: request.receivedAt,
        truncated: request.truncated,
        route,
      }),
    maxBodyBytes,
  });
  const receiverOptions: ReceiverOptions = {
    host,
    port,
    maxBodyBytes,
    allowedHosts: options.receiver?.allowedHosts ?? null,
  };
  let receiver = new ReceiverServer(pipeline.handle, receiverOptions);

  let publicInboxes = '';
  tunnels.on('changed', (tunnelStatus) => {
    events.emit('tunnel:changed', tunnelStatus);
    // Inbox objects carry their public URL: send them again when it changes (not for each line of tool output).
    const active = tunnelStatus.active;
    const key = active?.state === 'online' ? `${active.publicUrl ?? ''} ${active.inbox ?? ''}` : '';
    if (key !== publicInboxes) {
      publicInboxes = key;
      events.emit('inbox:changed', inboxes.list());
    }
  });

  history.applyRetention();
  const retentionTimer = setInterval(() => history.applyRetention(), options.retentionIntervalMs ?? 60_000);
  retentionTimer.unref();

  async function start(): Promise<ReceiverStatus> {
    setStatus({ state: 'starting', host, port, url: null, error: null });
    try {
      const address = await receiver.listen();
      return setStatus({ state: 'listening', host, port: address.port, url: address.url, error: null });
    } catch (error) {
      const inUse = (error as { code?: string }).code === 'EADDRINUSE';
      if (inUse && options.receiver?.fallbackToFreePort && port !== 0) {
        receiver = new ReceiverServer(pipeline.handle, { ...receiverOptions, port: 0 });
        const address = await receiver.listen();
        return setStatus({ state: 'listening', host, port: address.port, url: address.url, error: null });
      }
      return setStatus({
        state: 'failed',
        host,
        port,
        url: null,
        error: describeListenError(error, host, port),
      });
    }
  }

  const inboxesChanged = <T>(value: T): T => {
    events.emit('inbox:changed', inboxes.list());
    return value;
  };

  const catalogFire = createCatalogFire({
    dataDir: options.dataDir,
    catalogDir: options.catalogDir,
    signer: sign,
    receiverUrl: () => status.url,
    inboxExists: (slug) => inboxes.list().some((inbox) => inbox.slug === slug),
    onProgress: (progress) => events.emit('fire:progress', progress),
    tenantTargets: (tenant, provider, event) => subscriptions.tenantTargets(tenant, provider, event),
  });
  const subscriptions = createSubscriptionFeature({
    dataDir: options.dataDir,
    catalogDir: options.catalogDir,
    tenants: new TenantRepository(db),
    // Sandbox profiles and their subscriptions use local demo keys: kept for the session, so the sandbox works
    // without a keyring or HOOKBENCH_SECRET_KEY.
    secrets: new ScopedSecretStore(secrets, ['tenant/sandbox-', 'subscription/sandbox-']),
    catalog: () => catalogFire.catalog(),
    inboxExists: (slug) => inboxes.list().some((inbox) => inbox.slug === slug),
    configureInbox: async (slug, scheme, secret) => {
      if (!secrets.status().writable) {
        // Secrets cannot be saved here: verify for this session, like a --verify flag, rather than fail the create.
        verification.addSession(slug, { scheme, secret, options: {} });
        inboxesChanged(undefined);
        return;
      }
      const current = inboxes.require(slug).settings.verification;
      const setting = await verification.save(slug, current, { scheme, secret, options: {} });
      inboxesChanged(inboxes.setVerification(slug, setting));
    },
    onSeen: (subscription) => envelopes.seen(subscription),
    onDeleted: (tenantId, id) => envelopes.deleted(tenantId, id),
    onSandboxChanged: (sandbox) => events.emit('sandbox:changed', sandbox),
  });

  const handlers: Handlers = {
    ...catalogFire.handlers,
    ...subscriptions.handlers,
    ...createCheckHandlers({
      service: checks,
      checks: checkRepository,
      catalog: () => catalogFire.catalog(),
    }),
    // A catalogue change re-checks the history in the background.
    'catalog:import': async (input) => {
      const imported = await catalogFire.handlers['catalog:import'](input);
      checks.catalogChanged();
      return imported;
    },
    'catalog:remove': async (input) => {
      const removed = await catalogFire.handlers['catalog:remove'](input);
      checks.catalogChanged();
      return removed;
    },
    'app:info': () => ({
      version: options.version,
      dataDir: options.dataDir,
      databasePath,
      mode: options.mode,
      receiver: status,
      captureCount: captures.count().total,
    }),
    'receiver:status': () => status,
    'settings:get': () => history.settings(),
    'settings:update': (input) => history.updateSettings(input),
    'inbox:list': () => inboxes.list(),
    'inbox:create': ({ slug, name, settings }) => inboxesChanged(inboxes.create(slug, name, settings)),
    'inbox:update': ({ slug, ...changes }) => {
      const updated = inboxes.update(slug, changes);
      if (changes.newSlug && changes.newSlug !== slug) {
        verification.moveSession(slug, changes.newSlug);
        events.emit('history:changed', { reason: 'inbox-moved', count: 0 });
      }
      return inboxesChanged(inboxes.get(updated.slug));
    },
    'inbox:set-verification': async ({ slug, scheme, secret, options: schemeOptions }) => {
      const current = inboxes.require(slug).settings.verification;
      const setting = await verification.save(slug, current, { scheme, secret, options: schemeOptions });
      return inboxesChanged(inboxes.setVerification(slug, setting));
    },
    'inbox:clear-verification': async ({ slug }) => {
      await verification.forget(slug, inboxes.require(slug).settings.verification);
      return inboxesChanged(inboxes.setVerification(slug, null));
    },
    'secrets:status': () => secrets.status(),
    'tunnel:status': () => tunnels.status(),
    'tunnel:start': (input) => tunnels.start(input),
    'tunnel:stop': () => tunnels.stop(),
    'tunnel:configure': (input) => tunnels.configure(input),
    'inbox:delete': async ({ slug }) => {
      const saved = inboxes.require(slug).settings.verification;
      const deletedCaptures = inboxes.delete(slug);
      await verification.forget(slug, saved);
      events.emit('history:changed', { reason: 'inbox-deleted', count: deletedCaptures });
      return inboxesChanged({ deletedCaptures });
    },
    'history:list': ({ limit, beforeId, ...filter }) => {
      const { total, capped } = captures.count(filter);
      return { items: captures.list(filter, limit, beforeId), total, totalCapped: capped };
    },
    'history:get': ({ id }) => history.get(id),
    'history:attempts': ({ deliveryId }) => captures.attempts(deliveryId),
    'history:pin': ({ id, pinned }) => history.pin(id, pinned),
    'history:delete': ({ ids }) => ({ deleted: history.delete(ids) }),
    'history:clear': ({ filter, includePinned }) => ({ deleted: history.clear(filter, includePinned) }),
    'history:replay': (input) => history.replay(input),
    'history:export': (input) => history.export(input),
    'history:import': ({ content, filename }) => {
      const imported = history.import(content, filename, (slug) => inboxes.ensure(slug));
      checks.start('pending', 'imported');
      return inboxesChanged({ imported });
    },
  };

  return {
    handlers,
    events,
    dataDir: options.dataDir,
    databasePath,
    async start() {
      const started = await start();
      // Load the catalogue, then check captures stored before their check ran (or with another catalogue).
      setImmediate(() => {
        try {
          checks.resume();
        } catch (error) {
          console.error(error);
        }
      });
      return started;
    },
    status: () => status,
    async close() {
      clearInterval(retentionTimer);
      catalogFire.close();
      await subscriptions.close();
      await tunnels.close();
      await receiver.close();
      status = { ...status, state: 'stopped', url: null };
      events.emit('receiver:changed', status);
      checks.close();
      // What is not indexed yet stays above `search_indexed_upto` and is indexed after the next start.
      background.close();
      db.close();
    },
  };
}
