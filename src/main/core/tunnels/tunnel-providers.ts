import type {
  InstallOs,
  TunnelConfig,
  TunnelConfigureInput,
  TunnelKind,
  TunnelProvider,
  TunnelStartInput,
} from '../../../shared/tunnel-models';
import { HookbenchError } from '../errors';
import { findBinary, type BinaryLookup } from './find-binary';
import { DOCS_URLS, installHelp, installLines } from './install-help';
import { ngrokHasOwnAuthtoken } from './ngrok-tunnel';

/** The secret store key of the ngrok authtoken entered in Hookbench. */
export const NGROK_AUTHTOKEN_KEY = 'tunnels/ngrok-authtoken';

/** Shown before a relay is picked, and on each capture whose signature it broke. */
export const RELAY_FIDELITY_WARNING =
  'A relay re-serializes the body: smee parses the JSON and sends it on re-encoded, so the bytes differ from what ' +
  'the sender signed and signature checks fail (each such capture says "body re-serialized by the relay"). Use a ' +
  'tunnel (cloudflared or ngrok) when signatures matter.';

const TEXTS: Record<TunnelKind, { label: string; description: string; warnings: string[] }> = {
  cloudflared: {
    label: 'Cloudflare quick tunnel',
    description:
      'Runs cloudflared tunnel --url <receiver>: a random https://….trycloudflare.com address for the receiver. ' +
      'No Cloudflare account needed.',
    warnings: [
      'A quick tunnel gets a new random URL each time it starts, also after a restart: update the URL at the sender.',
      'Cloudflare gives account-less quick tunnels no uptime guarantee: they are for testing.',
    ],
  },
  ngrok: {
    label: 'ngrok',
    description:
      'Runs the ngrok agent (ngrok http <receiver>). Needs the authtoken of a free ngrok account: from your ngrok ' +
      'config (ngrok config add-authtoken), or entered here once and kept in the secret store.',
    warnings: [
      'Without a reserved domain, ngrok gives a new URL each time it starts: update the URL at the sender.',
    ],
  },
  relay: {
    label: 'Relay channel (smee.io)',
    description:
      'Listens to a smee.io-style channel (server-sent events) and re-sends every webhook posted there to one ' +
      'inbox. Needs no program and no account.',
    warnings: [
      RELAY_FIDELITY_WARNING,
      'Anyone who knows the channel URL can post to it and read what is posted to it: do not relay production data.',
      'Only JSON and form bodies survive the relay; other bodies arrive empty.',
    ],
  },
  custom: {
    label: 'Your own URL',
    description:
      'A tunnel or reverse proxy you run yourself (any tool) that forwards to the receiver. Hookbench records the ' +
      'URL, accepts its host name and marks the captures that arrive with it.',
    warnings: [
      'Hookbench does not run or watch it: if it stops, nothing here says so.',
      'Captures are marked as arriving through it only when the proxy keeps the public Host header (or sets ' +
        'X-Forwarded-Host); otherwise they look direct.',
    ],
  },
};

export interface ProviderContext {
  os: InstallOs;
  config: TunnelConfig;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  extraSearchDirs?: readonly string[];
  ngrokConfigPaths: readonly string[];
  /** True when an ngrok authtoken is saved in the secret store. */
  ngrokTokenSaved: () => boolean;
}

/** Finds the program of a kind that needs one. */
export function lookupBinary(kind: 'cloudflared' | 'ngrok', ctx: ProviderContext): BinaryLookup {
  const configured = kind === 'cloudflared' ? ctx.config.cloudflaredPath : ctx.config.ngrokPath;
  return findBinary(kind, configured, {
    env: ctx.env,
    platform: ctx.platform,
    ...(ctx.extraSearchDirs ? { extraDirs: ctx.extraSearchDirs } : {}),
  });
}

/** Whether a kind can be used here, with install help and the warnings to show before it is picked. */
export function describeProvider(kind: TunnelKind, ctx: ProviderContext): TunnelProvider {
  const text = TEXTS[kind];
  const base = { kind, ...text, warnings: [...text.warnings] };
  if (kind === 'relay' || kind === 'custom') {
    return {
      ...base,
      available: true,
      binaryPath: null,
      binarySource: null,
      problem: null,
      install: [],
      docsUrl: kind === 'relay' ? DOCS_URLS.relay : null,
      credential: 'not-needed',
    };
  }
  const found = lookupBinary(kind, ctx);
  let credential: TunnelProvider['credential'] = 'not-needed';
  let problem = found.found ? null : found.problem;
  if (kind === 'ngrok') {
    credential = ctx.ngrokTokenSaved()
      ? 'saved'
      : ngrokHasOwnAuthtoken(ctx.ngrokConfigPaths, ctx.env)
        ? 'tool-config'
        : 'missing';
    if (found.found && credential === 'missing') {
      problem =
        'No ngrok authtoken found: enter yours (dashboard.ngrok.com → Your Authtoken) or run ' +
        'ngrok config add-authtoken <token>.';
    }
  }
  return {
    ...base,
    available: found.found,
    binaryPath: found.found ? found.path : null,
    binarySource: found.found ? found.source : null,
    problem,
    install: installHelp(kind, ctx.os),
    docsUrl: DOCS_URLS[kind],
    credential,
  };
}

/** Refuses a start that cannot work, saying what to do: a program that is not installed, an unknown inbox. */
export function checkStartable(
  input: TunnelStartInput,
  ctx: ProviderContext,
  inboxExists?: (slug: string) => boolean,
): void {
  if (input.kind === 'cloudflared' || input.kind === 'ngrok') {
    const found = lookupBinary(input.kind, ctx);
    if (!found.found) {
      const how = installLines(input.kind, ctx.os).join('\n');
      throw new HookbenchError('unavailable', `${found.problem} Install it:\n${how}`);
    }
  }
  if (input.kind === 'relay' && inboxExists && !inboxExists(input.inbox)) {
    throw new HookbenchError(
      'not_found',
      `inbox: there is no inbox "${input.inbox}" for the relay to deliver to.`,
    );
  }
}

/** The program paths after a configure request; a path that is not the tool is refused naming the field. */
export function configuredPaths(input: TunnelConfigureInput, ctx: ProviderContext): TunnelConfig {
  const config = { ...ctx.config };
  for (const [field, kind] of [
    ['cloudflaredPath', 'cloudflared'],
    ['ngrokPath', 'ngrok'],
  ] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null) {
      const found = lookupBinary(kind, { ...ctx, config: { ...config, [field]: value } });
      if (!found.found) throw new HookbenchError('invalid_input', `${field}: ${found.problem}`);
    }
    config[field] = value;
  }
  return config;
}
