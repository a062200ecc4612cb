import { defaultDataDir } from '../core/paths';
import { DEFAULT_RECEIVER_PORT, type WorkbenchOptions } from '../core/workbench';
import { UsageError, type CliIo } from './cli-io';
import { inboxSlugsOption, portOption } from './parse-options';

/** The flags `listen` and `serve` share, as parseArgs option specs. */
export const RECEIVER_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  inbox: { type: 'string', multiple: true },
  'max-body': { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
} as const;

interface ReceiverFlagValues {
  port?: string;
  host?: string;
  'data-dir'?: string;
  inbox?: string[];
  'max-body'?: string;
  'allow-host'?: string[];
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
};

/** Reads a size such as `10MB`, `512KB` or `1048576` (bytes); 1 KB = 1024 bytes. */
export function sizeOption(name: string, value: string, command: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const factor = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const bytes = match && factor !== undefined ? Math.floor(Number(match[1]) * factor) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1 || bytes > 2 * 1024 ** 3) {
    throw new UsageError(
      `--${name} must be a size like 10MB, 512KB or a number of bytes (1 B to 2 GB), not "${value}"`,
      command,
    );
  }
  return bytes;
}

/** Host names for the allow-list: bare names (with an optional port), no scheme or path. */
function hostsOption(values: readonly string[] | undefined, command: string): string[] {
  const hosts: string[] = [];
  for (const value of values ?? []) {
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(value)) {
      throw new UsageError(
        `--allow-host takes a host name such as abc.trycloudflare.com, not "${value}"`,
        command,
      );
    }
    hosts.push(value.toLowerCase());
  }
  return hosts;
}

/** Turns the shared receiver flags into workbench options; bad values are usage errors naming the flag. */
export function workbenchOptionsFrom(
  values: ReceiverFlagValues,
  command: string,
  io: CliIo,
): WorkbenchOptions & { inboxes: string[] } {
  const port = portOption('port', values.port, DEFAULT_RECEIVER_PORT, command);
  const maxBodyBytes =
    values['max-body'] === undefined ? undefined : sizeOption('max-body', values['max-body'], command);
  const allowedHosts = hostsOption(values['allow-host'], command);
  return {
    dataDir: values['data-dir'] ?? defaultDataDir(io.env),
    mode: 'browser',
    version: io.version,
    receiver: {
      port,
      ...(values.host ? { host: values.host } : {}),
      ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
    },
    inboxes: inboxSlugsOption(values.inbox, command),
  };
}
