import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TunnelCallbacks, TunnelHandle } from './tunnel-handle';
import { startProcessTunnel, type LineMeaning } from './process-tunnel';

/** ngrok error codes that starting again cannot fix: the authtoken is missing, malformed or refused. */
const PERMANENT = /ERR_NGROK_(4018|105|107|106|302)\b|authentication failed/i;

interface NgrokLogRecord {
  lvl?: string;
  msg?: string;
  err?: string;
  url?: string;
}

function record(line: string): NgrokLogRecord | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as NgrokLogRecord | null;
    return value !== null && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Reads one line of `ngrok … --log stdout --log-format json`: the `started tunnel` record carries the public `url`;
 * `eror`/`crit` records (and plain `ERROR:` lines ngrok prints on stderr before exiting) are kept for the failure
 * message, and an authtoken problem fails at once without restarts.
 */
export function parseNgrokLine(line: string): LineMeaning {
  const r = record(line);
  if (r) {
    if (r.msg === 'started tunnel' && typeof r.url === 'string' && /^https?:\/\//.test(r.url))
      return { kind: 'url', url: r.url };
    if (r.lvl === 'eror' || r.lvl === 'crit') {
      const message = oneLine(r.err && r.err !== '<nil>' ? `${r.msg ?? ''}: ${r.err}` : (r.msg ?? line));
      return PERMANENT.test(message) ? { kind: 'fatal', message, retry: false } : { kind: 'error', message };
    }
    return null;
  }
  const plain = /^\s*(ERROR|ERR):?\s+(.*)$/.exec(line);
  if (plain) {
    const message = oneLine(plain[2] ?? '');
    return PERMANENT.test(message) ? { kind: 'fatal', message, retry: false } : { kind: 'error', message };
  }
  return null;
}

/** A JSON log record as `info started tunnel https://…`, for the log view. */
export function showNgrokLine(line: string): string {
  const r = record(line);
  if (!r) return line;
  return [r.lvl, r.msg, r.err && r.err !== '<nil>' ? oneLine(r.err) : null, r.url]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ');
}

/** Where the ngrok agent keeps its config by default on each OS (and where v2 agents kept it). */
export function ngrokConfigPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  const legacy = join(home, '.ngrok2', 'ngrok.yml');
  if (platform === 'darwin')
    return [join(home, 'Library', 'Application Support', 'ngrok', 'ngrok.yml'), legacy];
  if (platform === 'win32')
    return [join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ngrok', 'ngrok.yml'), legacy];
  return [join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ngrok', 'ngrok.yml'), legacy];
}

/** True when the user's ngrok config (or the environment) holds an authtoken, so the agent can sign in by itself. */
export function ngrokHasOwnAuthtoken(paths: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (env.NGROK_AUTHTOKEN) return true;
  return paths.some((path) => {
    try {
      return existsSync(path) && /^\s*authtoken:\s*\S/m.test(readFileSync(path, 'utf8'));
    } catch {
      return false;
    }
  });
}

export interface NgrokOptions {
  binary: string;
  target: string;
  env: NodeJS.ProcessEnv;
  urlTimeoutMs: number;
  /** The authtoken saved in Hookbench; null: the agent uses the user's own ngrok config. */
  authtoken: string | null;
}

/**
 * Starts `ngrok http <target> --log stdout --log-format json`. A saved authtoken goes in a private temporary config
 * file (`--config`), not on the command line where other users of the machine could read it in the process list.
 */
export function startNgrok(options: NgrokOptions, callbacks: TunnelCallbacks): TunnelHandle {
  const args = ['http', options.target, '--log', 'stdout', '--log-format', 'json'];
  let configDir: string | null = null;
  if (options.authtoken !== null) {
    configDir = mkdtempSync(join(tmpdir(), 'hookbench-ngrok-'));
    const file = join(configDir, 'ngrok.yml');
    writeFileSync(file, `version: "2"\nauthtoken: ${JSON.stringify(options.authtoken)}\n`, { mode: 0o600 });
    args.push('--config', file);
  }
  const dir = configDir;
  return startProcessTunnel(
    {
      name: 'ngrok',
      command: options.binary,
      args,
      env: options.env,
      urlTimeoutMs: options.urlTimeoutMs,
      parseLine: parseNgrokLine,
      showLine: showNgrokLine,
      cleanup: () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    },
    callbacks,
  );
}
