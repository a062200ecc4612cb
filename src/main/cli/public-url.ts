import { tunnelStartInput, type TunnelStartInput, type TunnelStatus } from '../../shared/tunnel-models';
import { describeZodError } from '../core/dispatch';
import { HookbenchError } from '../core/errors';
import { DEFAULT_INBOX } from '../core/inboxes/inbox-service';
import { RELAY_FIDELITY_WARNING } from '../core/tunnels/tunnel-providers';
import type { Workbench } from '../core/workbench';
import { UsageError } from './cli-io';

const PUBLIC_FORMS = 'cloudflared, ngrok, smee, smee=<channel URL> or custom=<URL>';

/**
 * Reads `--public <kind>`: `cloudflared`, `ngrok`, `smee` (a new smee.io channel), `smee=<channel URL>` (`relay` is
 * accepted for `smee`) or `custom=<URL>`. A relay delivers to the first `--inbox` given, else `default`.
 */
export function publicOption(
  value: string | undefined,
  inboxes: readonly string[],
  command: string,
): TunnelStartInput | null {
  if (value === undefined) return null;
  const eq = value.indexOf('=');
  const name = (eq === -1 ? value : value.slice(0, eq)).trim().toLowerCase();
  const arg = eq === -1 ? undefined : value.slice(eq + 1).trim();
  let raw: unknown;
  if ((name === 'cloudflared' || name === 'ngrok') && arg === undefined) raw = { kind: name };
  else if (name === 'smee' || name === 'relay')
    raw = { kind: 'relay', inbox: inboxes[0] ?? DEFAULT_INBOX, ...(arg ? { channelUrl: arg } : {}) };
  else if (name === 'custom' && arg) raw = { kind: 'custom', url: arg };
  else throw new UsageError(`--public takes ${PUBLIC_FORMS}, not "${value}"`, command);
  const parsed = tunnelStartInput.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--public ${value}: ${describeZodError(parsed.error)}`, command);
  return parsed.data;
}

/** Where the lines about the public URL go: its URL (stdout for serve), and warnings and failures. */
export interface PublicUrlReport {
  url: (line: string) => void;
  problem: (line: string) => void;
  /** Ctrl+C: stop waiting for the first outcome. */
  stop: AbortSignal;
}

function label(kind: string): string {
  return kind === 'relay' ? 'relay' : kind;
}

/**
 * Starts the public URL for `listen` or `serve` and keeps reporting it: `Public: <url>` each time a (new) URL is
 * online, the tool's own message when it fails and whether it restarts. The local receiver keeps running whatever
 * happens. Resolves once the first start came online or failed (the manager's time limit bounds the wait).
 */
export async function startPublicUrl(
  workbench: Workbench,
  input: TunnelStartInput,
  report: PublicUrlReport,
): Promise<void> {
  if (input.kind === 'relay') report.problem(`Warning: ${RELAY_FIDELITY_WARNING}`);
  let lastUrl: string | null = null;
  let lastState: string | null = null;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  report.stop.addEventListener('abort', () => settle(), { once: true });
  const onChange = (status: TunnelStatus): void => {
    const s = status.active;
    if (!s || s.kind !== input.kind) return;
    if (s.state === 'online' && s.publicUrl && (s.publicUrl !== lastUrl || lastState !== 'online')) {
      lastUrl = s.publicUrl;
      const where =
        s.kind === 'relay' ? ` (relay channel, delivers to inbox ${s.inbox ?? DEFAULT_INBOX})` : '';
      report.url(`Public: ${s.publicUrl}${where}`);
      settle();
    } else if (s.state === 'failed' && lastState !== 'failed') {
      const next =
        s.nextRetryAt === null
          ? 'Not restarting.'
          : `Restarting in ${Math.max(1, Math.round((s.nextRetryAt - Date.now()) / 1000))} s.`;
      report.problem(
        `Public URL (${label(s.kind)}) failed: ${s.error ?? 'no reason given'} ${next} ` +
          'The local receiver keeps working.',
      );
      settle();
    }
    lastState = s.state;
  };
  workbench.events.on('tunnel:changed', onChange);
  try {
    const status = await workbench.handlers['tunnel:start'](input);
    onChange(status);
  } catch (error) {
    workbench.events.off('tunnel:changed', onChange);
    if (!(error instanceof HookbenchError)) throw error;
    report.problem(`Public URL (${label(input.kind)}): ${error.message}`);
    report.problem('The local receiver keeps working.');
    return;
  }
  await settled;
}
