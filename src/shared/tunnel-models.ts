import { z } from 'zod';
import { inboxSlug } from './inbox-models';

/** Ways to give the receiver a public URL; each one is also the `route` of the captures that arrive through it. */
export const TUNNEL_KINDS = ['cloudflared', 'ngrok', 'relay', 'custom'] as const;
export const tunnelKind = z.enum(TUNNEL_KINDS);
export type TunnelKind = z.infer<typeof tunnelKind>;

export const installOs = z.enum(['macos', 'windows', 'linux']);
export type InstallOs = z.infer<typeof installOs>;

/** One way to install a tool on one OS: commands to paste into a terminal, in order. */
export const installStep = z.object({
  os: installOs,
  /** Names the way, e.g. `Homebrew` or `Debian/Ubuntu (Cloudflare's apt repository)`. */
  label: z.string(),
  commands: z.array(z.string()),
});
export type InstallStep = z.infer<typeof installStep>;

/** One way to get a public URL, whether it can be used here, and what to know before picking it. */
export const tunnelProvider = z.object({
  kind: tunnelKind,
  /** E.g. `Cloudflare quick tunnel`. */
  label: z.string(),
  /** One or two sentences: what it does and what it needs. */
  description: z.string(),
  /** False when its program is not installed (the relay and a custom URL are always available). */
  available: z.boolean(),
  /** The program that will run, when the kind needs one and it was found. */
  binaryPath: z.string().nullable(),
  /** Where the program was found: the configured path or the PATH (and the usual install folders). */
  binarySource: z.enum(['configured', 'path']).nullable(),
  /** What stands in the way, in words a user can act on (not installed, configured path missing, no authtoken). */
  problem: z.string().nullable(),
  /** How to install its program, for every OS (the one running first); empty when nothing needs installing. */
  install: z.array(installStep),
  docsUrl: z.string().nullable(),
  /**
   * ngrok's authtoken: `saved` in Hookbench's secret store, `tool-config` in the user's ngrok config (or the
   * environment), `missing`. Other kinds need none.
   */
  credential: z.enum(['not-needed', 'saved', 'tool-config', 'missing']),
  /** Shown before the user picks it, e.g. that a relay re-serializes bodies and breaks signatures. */
  warnings: z.array(z.string()),
});
export type TunnelProvider = z.infer<typeof tunnelProvider>;

/**
 * `starting` (program launched, URL not known yet), `online` (URL known and serving), `failed` (the tool's own
 * message in `error`; `nextRetryAt` says when it restarts, null when it gave up), `stopped`.
 */
export const tunnelState = z.enum(['starting', 'online', 'failed', 'stopped']);
export type TunnelState = z.infer<typeof tunnelState>;

/** The public URL being run (one at a time). */
export const tunnelSession = z.object({
  kind: tunnelKind,
  state: tunnelState,
  /** The public base URL (tunnel, custom) or the relay's channel URL; null until known. */
  publicUrl: z.string().nullable(),
  /** The host name the receiver accepts and marks captures with while online; null for a relay. */
  publicHost: z.string().nullable(),
  /** Where the tunnel or relay delivers: the receiver's local URL (with the inbox path for a relay). */
  target: z.string(),
  /** The inbox a relay delivers to; null for tunnels (every inbox is reachable). */
  inbox: z.string().nullable(),
  /** Why it failed, in the tool's own words (its last error lines); null unless failed. */
  error: z.string().nullable(),
  /** The last lines the tool printed (at most 40), for the panel's log view. */
  output: z.array(z.string()),
  startedAt: z.number().int(),
  onlineAt: z.number().int().nullable(),
  /** Restarts after failures since the user started it. */
  restarts: z.number().int().nonnegative(),
  /** When the next restart is due (ms since the epoch); null when none is planned. */
  nextRetryAt: z.number().int().nullable(),
  warnings: z.array(z.string()),
});
export type TunnelSession = z.infer<typeof tunnelSession>;

export const tunnelConfig = z.object({
  /** A cloudflared program to use instead of the one on the PATH. */
  cloudflaredPath: z.string().nullable(),
  /** An ngrok program to use instead of the one on the PATH. */
  ngrokPath: z.string().nullable(),
});
export type TunnelConfig = z.infer<typeof tunnelConfig>;

/** Everything the Tunnels panel shows. */
export const tunnelStatus = z.object({
  /** The OS Hookbench runs on, to show its install commands first. */
  os: installOs,
  providers: z.array(tunnelProvider),
  active: tunnelSession.nullable(),
  /** Host names the receiver accepts besides loopback right now; null: any host. */
  allowedHosts: z.array(z.string()).nullable(),
  config: tunnelConfig,
});
export type TunnelStatus = z.infer<typeof tunnelStatus>;

const publicUrl = z.url({ protocol: /^https?$/, error: 'a http:// or https:// URL is needed' });

/** Starts a public URL for the receiver (stopping the one running, if any). */
export const tunnelStartInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cloudflared') }),
  z.object({
    kind: z.literal('ngrok'),
    /** Saved in the secret store and used from now on; else the one saved before, else the user's ngrok config. */
    authtoken: z.string().trim().min(1, 'the authtoken is empty').max(500).optional(),
  }),
  z.object({
    kind: z.literal('relay'),
    /** An existing channel (e.g. `https://smee.io/abc123`); absent: a new one is asked for. */
    channelUrl: publicUrl.optional(),
    /** The inbox the relay delivers to. */
    inbox: inboxSlug.default('default'),
  }),
  z.object({
    kind: z.literal('custom'),
    /** The public base URL of a tunnel or reverse proxy the user runs, pointing at the receiver. */
    url: publicUrl,
  }),
]);
export type TunnelStartInput = z.infer<typeof tunnelStartInput>;

/** Changes where programs are found and the saved ngrok authtoken; a field left out stays, null clears it. */
export const tunnelConfigureInput = z.object({
  cloudflaredPath: z.string().trim().min(1).max(4096).nullable().optional(),
  ngrokPath: z.string().trim().min(1).max(4096).nullable().optional(),
  ngrokAuthtoken: z.string().trim().min(1, 'the authtoken is empty').max(500).nullable().optional(),
});
export type TunnelConfigureInput = z.infer<typeof tunnelConfigureInput>;
