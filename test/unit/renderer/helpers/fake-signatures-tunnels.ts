import type { SecretsStatus } from '../../../../src/shared/signature-models';
import type { TunnelProvider, TunnelSession, TunnelStatus } from '../../../../src/shared/tunnel-models';
import type { Inbox } from '../../../../src/shared/inbox-models';
import type { FakeRawApi } from './fake-raw-api';

export const WRITABLE: SecretsStatus = { kind: 'encrypted-file', writable: true, problem: null };

export function provider(
  kind: TunnelProvider['kind'],
  overrides: Partial<TunnelProvider> = {},
): TunnelProvider {
  return {
    kind,
    label: {
      cloudflared: 'Cloudflare quick tunnel',
      ngrok: 'ngrok',
      relay: 'Relay channel',
      custom: 'Your own URL',
    }[kind],
    description: `${kind} description`,
    available: true,
    binaryPath: null,
    binarySource: null,
    problem: null,
    install: [],
    docsUrl: null,
    credential: kind === 'ngrok' ? 'missing' : 'not-needed',
    warnings: [],
    ...overrides,
  };
}

export function session(overrides: Partial<TunnelSession> = {}): TunnelSession {
  return {
    kind: 'cloudflared',
    state: 'starting',
    publicUrl: null,
    publicHost: null,
    target: 'http://127.0.0.1:4545',
    inbox: null,
    error: null,
    output: [],
    startedAt: 1,
    onlineAt: null,
    restarts: 0,
    nextRetryAt: null,
    warnings: [],
    ...overrides,
  };
}

export function tunnelStatus(overrides: Partial<TunnelStatus> = {}): TunnelStatus {
  return {
    os: 'linux',
    providers: [
      provider('cloudflared', {
        available: false,
        problem: 'cloudflared is not installed (not found on the PATH).',
        install: [
          { os: 'macos', label: 'Homebrew', commands: ['brew install cloudflared'] },
          { os: 'linux', label: 'Debian/Ubuntu', commands: ['sudo apt-get install cloudflared'] },
          { os: 'windows', label: 'winget', commands: ['winget install --id Cloudflare.cloudflared'] },
        ],
      }),
      provider('relay', {
        warnings: ['A relay re-serializes the body, so signature checks fail.'],
      }),
      provider('custom'),
    ],
    active: null,
    allowedHosts: null,
    config: { cloudflaredPath: null, ngrokPath: null },
    ...overrides,
  };
}

/**
 * Adds the secrets, verification and tunnel channels to a fake bridge: `secrets:status` answers `state.secrets`,
 * `inbox:set-verification` saves a masked secret, `tunnel:*` answer `state.tunnel`. Calls are recorded in
 * `fake.calls` like the others.
 */
export function withSignaturesAndTunnels(
  fake: FakeRawApi,
  state: { secrets: SecretsStatus; tunnel: TunnelStatus },
) {
  const raw = fake.raw as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const answer = (channel: string, fn: (input: never) => unknown) => (input: unknown) => {
    fake.calls.push({ channel, input });
    return Promise.resolve({ ok: true, data: fn(input as never) });
  };
  const updateInbox = (slug: string, change: (i: Inbox) => Inbox): Inbox => {
    fake.inboxes = fake.inboxes.map((i) => (i.slug === slug ? change(i) : i));
    return fake.inboxes.find((i) => i.slug === slug)!;
  };
  raw.secrets = { status: answer('secrets:status', () => state.secrets) };
  raw.inbox!['set-verification'] = answer(
    'inbox:set-verification',
    (input: { slug: string; scheme: Inbox['settings']['response']['body']; secret?: string }) =>
      updateInbox(input.slug, (i) => ({
        ...i,
        verification: {
          scheme: input.scheme as never,
          options: {},
          secretMasked: input.secret
            ? `${input.secret.slice(0, 10)}…(${input.secret.length} chars)`
            : (i.verification?.secretMasked ?? null),
          source: 'saved',
          problem: null,
        },
      })),
  );
  raw.inbox!['clear-verification'] = answer('inbox:clear-verification', (input: { slug: string }) =>
    updateInbox(input.slug, (i) => ({ ...i, verification: null })),
  );
  raw.tunnel = {
    status: answer('tunnel:status', () => state.tunnel),
    start: answer('tunnel:start', () => state.tunnel),
    stop: answer('tunnel:stop', () => state.tunnel),
    configure: answer('tunnel:configure', () => state.tunnel),
  };
  return state;
}
