import type { TunnelCallbacks, TunnelHandle } from './tunnel-handle';
import { startProcessTunnel, type LineMeaning } from './process-tunnel';

const QUICK_URL = /https:\/\/([a-z0-9-]+)\.trycloudflare\.com\b/i;
const LEVEL = /\s(ERR|FTL)\s+(.*)$/;

/**
 * Reads one line of cloudflared's log (it logs to stderr): the quick tunnel's URL appears inside a boxed banner
 * (`|  https://<words>.trycloudflare.com  |`); `ERR` and `FTL` lines are kept for the failure message. The API host
 * (`api.trycloudflare.com`, named in connection errors) is not a tunnel URL.
 */
export function parseCloudflaredLine(line: string): LineMeaning {
  const level = LEVEL.exec(line);
  if (level) return { kind: 'error', message: (level[2] ?? '').trim() };
  const url = QUICK_URL.exec(line);
  if (url && url[1]?.toLowerCase() !== 'api') return { kind: 'url', url: url[0].toLowerCase() };
  return null;
}

export interface CloudflaredOptions {
  binary: string;
  /** The receiver's local URL, e.g. `http://127.0.0.1:4545`. */
  target: string;
  env: NodeJS.ProcessEnv;
  urlTimeoutMs: number;
}

/** Starts `cloudflared tunnel --url <target>`: a quick tunnel, no account needed, a new random URL each start. */
export function startCloudflared(options: CloudflaredOptions, callbacks: TunnelCallbacks): TunnelHandle {
  return startProcessTunnel(
    {
      name: 'cloudflared',
      command: options.binary,
      args: ['tunnel', '--no-autoupdate', '--url', options.target],
      env: options.env,
      urlTimeoutMs: options.urlTimeoutMs,
      parseLine: parseCloudflaredLine,
    },
    callbacks,
  );
}
