import type { TunnelStartInput } from '../../../shared/tunnel-models';
import { HOOKS_PREFIX } from '../inboxes/inbox-service';
import { startCloudflared } from './cloudflared-tunnel';
import type { BinaryLookup } from './find-binary';
import { startNgrok } from './ngrok-tunnel';
import { createRelayChannel, startRelay } from './relay-client';
import type { TunnelCallbacks, TunnelHandle } from './tunnel-handle';

/** What was asked for, kept for restarts (a relay keeps the channel it was given or got). */
export type Plan = TunnelStartInput & { channel?: string };

/** The receiver as the tunnel sees it. */
export interface ReceiverTarget {
  /** The address it binds (`127.0.0.1`, `0.0.0.0`, …). */
  host: string;
  port: number;
}

/** A URL without its trailing slashes, so `<url>/hooks/<slug>` has one. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Where a tunnel delivers: the receiver on loopback when it binds every address (a tunnel runs on this machine),
 * with the inbox path for a relay (a smee channel delivers to one URL).
 */
export function localTarget(receiver: ReceiverTarget, plan: Plan): string {
  const host =
    receiver.host === '0.0.0.0' || receiver.host === ''
      ? '127.0.0.1'
      : receiver.host === '::'
        ? '[::1]'
        : receiver.host.includes(':')
          ? `[${receiver.host}]`
          : receiver.host;
  const base = `http://${host}:${receiver.port}`;
  return plan.kind === 'relay' ? `${base}${HOOKS_PREFIX}${plan.inbox}` : base;
}

export interface LaunchOptions {
  plan: Plan;
  /** The program for cloudflared and ngrok (looked up again at each start: it may have been removed). */
  binary: BinaryLookup | null;
  /** The receiver's local URL (with the inbox path for a relay). */
  target: string;
  env: NodeJS.ProcessEnv;
  urlTimeoutMs: number;
  ngrokAuthtoken: string | null;
  relayToken: string;
  relayNewChannelUrl: string;
  /** A relay got a new channel: restarts reuse it. */
  onChannel: (channel: string) => void;
}

/** Starts one tunnel of the planned kind. Never calls back synchronously. */
export function launchTunnel(options: LaunchOptions, callbacks: TunnelCallbacks): TunnelHandle {
  const { plan } = options;
  if (plan.kind === 'cloudflared' || plan.kind === 'ngrok') {
    const binary = options.binary;
    if (!binary?.found) {
      const problem = binary?.found === false ? binary.problem : `${plan.kind} was not found.`;
      setImmediate(() => callbacks.failed(problem, false));
      return { stop: () => Promise.resolve() };
    }
    const common = {
      binary: binary.path,
      target: options.target,
      env: options.env,
      urlTimeoutMs: options.urlTimeoutMs,
    };
    return plan.kind === 'cloudflared'
      ? startCloudflared(common, callbacks)
      : startNgrok({ ...common, authtoken: options.ngrokAuthtoken }, callbacks);
  }
  if (plan.kind === 'relay') {
    let inner: TunnelHandle | null = null;
    let stopped = false;
    const begin = async (): Promise<void> => {
      let channel = plan.channel;
      if (!channel) {
        try {
          channel = await createRelayChannel(options.relayNewChannelUrl, options.urlTimeoutMs);
        } catch (error) {
          if (!stopped) callbacks.failed(error instanceof Error ? error.message : String(error), true);
          return;
        }
        callbacks.output(`New relay channel: ${channel}`);
        options.onChannel(channel);
      }
      if (stopped) return;
      inner = startRelay(
        {
          channelUrl: channel,
          target: options.target,
          marker: options.relayToken,
          connectTimeoutMs: options.urlTimeoutMs,
        },
        callbacks,
      );
    };
    setImmediate(() => void begin());
    return {
      async stop() {
        stopped = true;
        await inner?.stop();
      },
    };
  }
  // A custom URL runs outside Hookbench: nothing to start.
  return { stop: () => Promise.resolve() };
}
