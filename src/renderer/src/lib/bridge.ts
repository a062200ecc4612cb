/**
 * The renderer's one door to the core. It alone decides how requests travel: through the preload's
 * `window.hookbench` inside the desktop app, or over HTTP and server-sent events in browser mode
 * (`hookbench serve`). Everything else imports `api` and `onEvent` and never learns which one it got.
 */
import type { RawApi, Subscribe } from '../../../shared/api';
import { REQUEST_CHANNELS } from '../../../shared/channels';
import type { Result } from '../../../shared/models';
import { takeAccessToken } from './access-token';
import { BridgeError } from './bridge-error';
import { alwaysConnected, type ConnectionFeed, type ConnectionState } from './connection-state';
import { createHttpTransport } from './http-transport';

export { BridgeError, describeError } from './bridge-error';
export type { ConnectionState } from './connection-state';

type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T>>
  ? (...args: A) => Promise<T>
  : never;

/** The contract as the UI uses it: each call resolves with the data or rejects with a `BridgeError`. */
export type HookbenchApi = {
  [D in Exclude<keyof RawApi, 'on'>]: { [V in keyof RawApi[D]]: Unwrapped<RawApi[D][V]> };
};

interface Transport {
  raw: RawApi;
  connection: ConnectionFeed;
}

/** Picks the transport for this page: the preload's object when present, else browser mode over HTTP. */
function chooseTransport(win: Window): Transport {
  if (win.hookbench) return { raw: win.hookbench, connection: alwaysConnected };
  return createHttpTransport({
    token: takeAccessToken(win),
    fetch: win.fetch.bind(win),
    createEventSource: (url) => new EventSource(url),
  });
}

let transport: Transport | null = null;

// Chosen on first use rather than at import, so importing the bridge has no side effects (tests, HMR).
const current = (): Transport => (transport ??= chooseTransport(window));

/**
 * Wraps a raw, `Result`-returning API so calls resolve with the data or throw a `BridgeError`. A transport that
 * rejects instead of answering (IPC torn down, preload bug) is reported as `unavailable` rather than leaking.
 */
export function unwrapApi(getRaw: () => RawApi): HookbenchApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const at = channel.indexOf(':');
    const domainName = channel.slice(0, at);
    const verb = channel.slice(at + 1);
    const domain = (domains[domainName] ??= {});
    domain[verb] = async (input) => {
      const raw = getRaw() as unknown as Record<string, Record<string, (input?: unknown) => unknown>>;
      let result: Result<unknown>;
      try {
        const call = raw[domainName]?.[verb];
        if (!call) throw new Error(`the transport has no ${channel} request`);
        result = (await call(input)) as Result<unknown>;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BridgeError('unavailable', `Hookbench could not send ${channel}: ${reason}`);
      }
      if (!result.ok) throw BridgeError.from(result.error);
      return result.data;
    };
  }
  // Built from the same channel list as RawApi, so it has exactly the HookbenchApi shape.
  return domains as unknown as HookbenchApi;
}

/** The typed API the stores call. */
export const api: HookbenchApi = unwrapApi(() => current().raw);

/** Subscribes to one pushed event (`capture:received`, `receiver:changed`); returns the unsubscribe function. */
export const onEvent: Subscribe = (event, listener) => current().raw.on(event, listener);

/** Subscribes to changes of the live connection (always `connected` in the desktop app). */
export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
  return current().connection.subscribe(listener);
}

/** The live connection's state right now. */
export function connectionState(): ConnectionState {
  return current().connection.current();
}

/** Forgets the chosen transport so a test can install another `window.hookbench` or fake `fetch`. */
export function resetBridgeForTests(): void {
  transport = null;
}
