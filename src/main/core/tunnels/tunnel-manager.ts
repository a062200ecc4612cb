import { EventEmitter } from 'node:events';
import {
  TUNNEL_KINDS,
  type TunnelConfig,
  type TunnelConfigureInput,
  type TunnelSession,
  type TunnelStartInput,
  type TunnelStatus,
} from '../../../shared/tunnel-models';
import { HookbenchError } from '../errors';
import { HOOKS_PREFIX } from '../inboxes/inbox-service';
import type { SecretStore } from '../secrets/secret-store';
import { BackoffPolicy, type BackoffOptions } from './backoff-policy';
import { installOsOf } from './install-help';
import { ngrokConfigPaths } from './ngrok-tunnel';
import { launchTunnel, localTarget, trimSlash, type Plan, type ReceiverTarget } from './launch-tunnel';
import type { TunnelHandle } from './tunnel-handle';
import {
  checkStartable,
  configuredPaths,
  describeProvider,
  lookupBinary,
  NGROK_AUTHTOKEN_KEY,
  type ProviderContext,
} from './tunnel-providers';

export const DEFAULT_URL_TIMEOUT_MS = 20_000;
export const DEFAULT_RELAY_NEW_CHANNEL_URL = 'https://smee.io/new';
const MAX_OUTPUT_LINES = 40;
const OUTPUT_PUBLISH_MS = 250;

export type { ReceiverTarget } from './launch-tunnel';

export interface TunnelManagerDeps {
  /** Where the receiver listens, or null when it does not. */
  receiver: () => ReceiverTarget | null;
  secrets: SecretStore;
  /** Program paths the user configured (kept in the app settings). */
  loadConfig: () => TunnelConfig;
  saveConfig: (config: TunnelConfig) => void;
  /** Called with the public host whenever it changes (null: none online), before `changed` is emitted. */
  onPublicHost: (host: string | null, session: TunnelSession | null) => void;
  /** The receiver's Host allow-list now, for the status. */
  allowedHosts: () => string[] | null;
  /** The run's relay token (see `ArrivalRoutes`). */
  relayToken: string;
  inboxExists?: (slug: string) => boolean;
  /** The environment programs run with (and whose PATH is searched); default process.env. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Folders searched after the PATH; default the usual install folders of the OS. */
  extraSearchDirs?: readonly string[];
  /** Where the user's ngrok config may be; default ngrok's own defaults. */
  ngrokConfigPaths?: readonly string[];
  /** How long a program may take to print its public URL (and a relay to answer). Default 20 s. */
  urlTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** Where a new relay channel is asked for. Default https://smee.io/new. */
  relayNewChannelUrl?: string;
  now?: () => number;
}

export interface TunnelManagerEvents {
  changed: [TunnelStatus];
}

/**
 * Runs at most one public URL for the receiver — a cloudflared quick tunnel, the ngrok agent, a smee-style relay or
 * a URL the user runs — and reports its state as it changes. A tunnel that fails (exits, never prints its URL, loses
 * its relay) restarts with exponential back-off, unless starting again cannot help; stopping ends the process tree.
 */
export class TunnelManager extends EventEmitter<TunnelManagerEvents> {
  private session: TunnelSession | null = null;
  private plan: Plan | null = null;
  private handle: TunnelHandle | null = null;
  /** Ignores callbacks of a tunnel that was replaced or stopped. */
  private generation = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private outputTimer: NodeJS.Timeout | undefined;
  private readonly backoff: BackoffPolicy;
  private readonly env: NodeJS.ProcessEnv;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly deps: TunnelManagerDeps) {
    super();
    this.env = deps.env ?? process.env;
    this.platform = deps.platform ?? process.platform;
    this.backoff = new BackoffPolicy(deps.backoff);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private context(): ProviderContext {
    return {
      os: installOsOf(this.platform),
      config: this.deps.loadConfig(),
      env: this.env,
      platform: this.platform,
      ...(this.deps.extraSearchDirs ? { extraSearchDirs: this.deps.extraSearchDirs } : {}),
      ngrokConfigPaths: this.deps.ngrokConfigPaths ?? ngrokConfigPaths(this.platform, this.env),
      ngrokTokenSaved: () => this.savedNgrokToken() !== null,
    };
  }

  private savedNgrokToken(): string | null {
    try {
      return this.deps.secrets.get(NGROK_AUTHTOKEN_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** Everything the Tunnels panel shows. */
  status(): TunnelStatus {
    const ctx = this.context();
    return {
      os: ctx.os,
      providers: TUNNEL_KINDS.map((kind) => describeProvider(kind, ctx)),
      active: this.session ? { ...this.session, output: [...this.session.output] } : null,
      allowedHosts: this.deps.allowedHosts(),
      config: ctx.config,
    };
  }

  /** The running session, if any. */
  get current(): TunnelSession | null {
    return this.session;
  }

  /** An inbox's public URL while one is online: base + `/hooks/<slug>`, or the relay channel for its inbox. */
  publicUrlFor(slug: string): string | null {
    const s = this.session;
    if (!s || s.state !== 'online' || !s.publicUrl) return null;
    if (s.kind === 'relay') return s.inbox === slug ? s.publicUrl : null;
    return `${s.publicUrl}${HOOKS_PREFIX}${slug}`;
  }

  /**
   * Starts a public URL (stopping the one running). Answers at once with `starting` (a custom URL is online at
   * once); a program that is not installed, or a receiver that does not listen, is an error that says what to do.
   */
  async start(input: TunnelStartInput): Promise<TunnelStatus> {
    const receiver = this.deps.receiver();
    if (!receiver) {
      throw new HookbenchError(
        'unavailable',
        'The receiver is not listening, so there is nothing to make public.',
      );
    }
    const ctx = this.context();
    checkStartable(input, ctx, this.deps.inboxExists);
    if (input.kind === 'ngrok' && input.authtoken !== undefined) {
      await this.deps.secrets.set(NGROK_AUTHTOKEN_KEY, input.authtoken);
    }
    await this.halt();
    const plan: Plan =
      input.kind === 'relay' && input.channelUrl ? { ...input, channel: input.channelUrl } : input;
    this.plan = plan;
    this.backoff.reset();
    const provider = describeProvider(input.kind, ctx);
    this.session = {
      kind: input.kind,
      state: 'starting',
      publicUrl: null,
      publicHost: null,
      target: localTarget(receiver, plan),
      inbox: input.kind === 'relay' ? input.inbox : null,
      error: null,
      output: [],
      startedAt: this.now(),
      onlineAt: null,
      restarts: 0,
      nextRetryAt: null,
      warnings: provider.warnings,
    };
    if (input.kind === 'custom') {
      const url = trimSlash(input.url);
      this.update({
        state: 'online',
        publicUrl: url,
        publicHost: new URL(url).hostname,
        onlineAt: this.now(),
      });
      return this.status();
    }
    this.launch();
    return this.status();
  }

  /** Stops the public URL; the session stays visible as `stopped`. */
  async stop(): Promise<TunnelStatus> {
    await this.halt();
    if (this.session && this.session.state !== 'stopped') {
      this.update({ state: 'stopped', publicUrl: null, publicHost: null, nextRetryAt: null });
    }
    return this.status();
  }

  /** Sets program paths and the ngrok authtoken; a wrong path is refused with what is wrong with it. */
  async configure(input: TunnelConfigureInput): Promise<TunnelStatus> {
    this.deps.saveConfig(configuredPaths(input, this.context()));
    if (input.ngrokAuthtoken === null) await this.deps.secrets.delete(NGROK_AUTHTOKEN_KEY);
    else if (input.ngrokAuthtoken !== undefined)
      await this.deps.secrets.set(NGROK_AUTHTOKEN_KEY, input.ngrokAuthtoken);
    this.publish();
    return this.status();
  }

  /** Stops everything, for shutdown. */
  async close(): Promise<void> {
    clearTimeout(this.outputTimer);
    await this.halt();
    this.removeAllListeners();
  }

  /** Ends the running tunnel and any planned restart, without publishing. */
  private async halt(): Promise<void> {
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.backoff.cancelStable();
    const handle = this.handle;
    this.handle = null;
    await handle?.stop();
  }

  private launch(): void {
    const plan = this.plan;
    const session = this.session;
    if (!plan || !session) return;
    const generation = ++this.generation;
    const live = (): boolean => generation === this.generation;
    // A failed tunnel's process may still be ending; make sure it does.
    void this.handle?.stop();
    const binary =
      plan.kind === 'cloudflared' || plan.kind === 'ngrok' ? lookupBinary(plan.kind, this.context()) : null;
    this.handle = launchTunnel(
      {
        plan,
        binary,
        target: session.target,
        env: this.env,
        urlTimeoutMs: this.deps.urlTimeoutMs ?? DEFAULT_URL_TIMEOUT_MS,
        ngrokAuthtoken: this.savedNgrokToken(),
        relayToken: this.deps.relayToken,
        relayNewChannelUrl: this.deps.relayNewChannelUrl ?? DEFAULT_RELAY_NEW_CHANNEL_URL,
        onChannel: (channel) => {
          if (live() && plan.kind === 'relay') plan.channel = channel;
        },
      },
      {
        online: (url) => {
          if (!live()) return;
          this.backoff.online();
          const publicUrl = trimSlash(url);
          this.update({
            state: 'online',
            publicUrl,
            publicHost: plan.kind === 'relay' ? null : new URL(publicUrl).hostname,
            onlineAt: this.now(),
            error: null,
            nextRetryAt: null,
          });
        },
        failed: (message, retry) => {
          if (!live()) return;
          const delay = retry ? this.backoff.failed() : null;
          const n = this.backoff.attempts;
          const gaveUp =
            retry && delay === null
              ? ` Gave up after ${n} failed ${n === 1 ? 'start' : 'starts'} in a row.`
              : '';
          this.update({
            state: 'failed',
            publicUrl: plan.kind === 'relay' ? (plan.channel ?? null) : null,
            publicHost: null,
            error: message + gaveUp,
            nextRetryAt: delay === null ? null : this.now() + delay,
          });
          if (delay !== null) {
            this.retryTimer = setTimeout(() => {
              if (!live() || !this.session) return;
              this.session = { ...this.session, restarts: this.session.restarts + 1, nextRetryAt: null };
              this.update({ state: 'starting' });
              this.launch();
            }, delay);
          }
        },
        output: (line) => {
          if (!live() || !this.session) return;
          const output = [...this.session.output, line].slice(-MAX_OUTPUT_LINES);
          this.session = { ...this.session, output };
          // The log view follows the tool's output, a few times a second at most.
          this.outputTimer ??= setTimeout(() => {
            this.outputTimer = undefined;
            this.publish();
          }, OUTPUT_PUBLISH_MS);
        },
      },
    );
  }

  private update(changes: Partial<TunnelSession>): void {
    if (!this.session) return;
    this.session = { ...this.session, ...changes };
    this.publish();
  }

  private publish(): void {
    clearTimeout(this.outputTimer);
    this.outputTimer = undefined;
    const s = this.session;
    this.deps.onPublicHost(s && s.state === 'online' ? s.publicHost : null, s);
    this.emit('changed', this.status());
  }
}
