import { DEFAULT_INBOX } from '../core/inboxes/inbox-service';
import { defaultDataDir } from '../core/paths';
import { EncryptedFileSecretStore } from '../core/secrets/encrypted-file-secret-store';
import { parseVerifySpec, VerifySpecError, type VerifySpec } from '../core/signatures/verify-spec';
import { DEFAULT_RECEIVER_PORT, type WorkbenchOptions } from '../core/workbench';
import type { TunnelStartInput } from '../../shared/tunnel-models';
import { UsageError, type CliIo } from './cli-io';
import { inboxSlugsOption, portOption } from './parse-options';
import { publicOption } from './public-url';

/** The flags `listen` and `serve` share, as parseArgs option specs. */
export const RECEIVER_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  inbox: { type: 'string', multiple: true },
  'max-body': { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  verify: { type: 'string', multiple: true },
  public: { type: 'string' },
} as const;

/** A parsed flag in command-line order (node's parseArgs token). */
export interface FlagToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

interface ReceiverFlagValues {
  port?: string;
  host?: string;
  'data-dir'?: string;
  inbox?: string[];
  'max-body'?: string;
  'allow-host'?: string[];
  verify?: string[];
  public?: string;
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

/**
 * Reads `--verify <scheme>:<secret>` flags in order: each applies to the `--inbox` given before it, or to `default`
 * when none came before; one per inbox. Errors name the scheme and the inbox, never the secret.
 */
export function verifyOption(
  tokens: readonly FlagToken[],
  command: string,
): { inbox: string; spec: VerifySpec }[] {
  const found: { inbox: string; spec: VerifySpec }[] = [];
  let inbox = DEFAULT_INBOX;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'inbox' && token.value !== undefined) inbox = token.value;
    if (token.name !== 'verify') continue;
    const text = token.value ?? '';
    if (found.some((v) => v.inbox === inbox)) {
      throw new UsageError(`--verify was given twice for inbox ${inbox}; give one per --inbox`, command);
    }
    try {
      found.push({ inbox, spec: parseVerifySpec(text) });
    } catch (error) {
      if (!(error instanceof VerifySpecError)) throw error;
      throw new UsageError(`--verify for inbox ${inbox}: ${error.message}`, command);
    }
  }
  return found;
}

/** Turns the shared receiver flags into workbench options; bad values are usage errors naming the flag. */
export function workbenchOptionsFrom(
  values: ReceiverFlagValues,
  command: string,
  io: CliIo,
  tokens: readonly FlagToken[] = [],
): WorkbenchOptions & { inboxes: string[]; public: TunnelStartInput | null } {
  const port = portOption('port', values.port, DEFAULT_RECEIVER_PORT, command);
  const maxBodyBytes =
    values['max-body'] === undefined ? undefined : sizeOption('max-body', values['max-body'], command);
  const allowedHosts = hostsOption(values['allow-host'], command);
  const inboxes = inboxSlugsOption(values.inbox, command);
  const verify = verifyOption(tokens, command);
  const publicUrl = publicOption(values.public, inboxes, command);
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
  return {
    dataDir,
    mode: 'browser',
    version: io.version,
    receiver: {
      port,
      ...(values.host ? { host: values.host } : {}),
      ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
    },
    inboxes,
    verify,
    public: publicUrl,
    // Tunnel programs are found on this environment's PATH and run with it.
    tunnels: { env: io.env },
    // Saved inbox secrets: encrypted with HOOKBENCH_SECRET_KEY; `--verify` secrets stay in memory.
    secrets: EncryptedFileSecretStore.inDataDir(dataDir, io.env),
  };
}
