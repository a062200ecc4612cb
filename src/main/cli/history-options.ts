import { historyFilter, type HistoryFilter } from '../../shared/models';
import { signatureVerdict } from '../../shared/signature-models';
import { checkVerdict } from '../../shared/check-models';
import { defaultDataDir } from '../core/paths';
import type { Workbench, WorkbenchOptions } from '../core/workbench';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { inboxSlugsOption } from './parse-options';

/** Flags every `history` subcommand takes. */
export const COMMON_FLAGS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags that narrow which captures `list` and `export` see. */
export const FILTER_FLAGS = {
  inbox: { type: 'string' },
  text: { type: 'string' },
  method: { type: 'string' },
  status: { type: 'string' },
  signature: { type: 'string' },
  check: { type: 'string' },
} as const;

/** The workbench a history subcommand opens: the data directory, never a started receiver. */
export function historyWorkbenchOptions(dataDir: string | undefined, io: CliIo): WorkbenchOptions {
  return { dataDir: dataDir ?? defaultDataDir(io.env), mode: 'browser', version: io.version };
}

/** Reads `--status`: an exact status (`404`) or a class (`4xx`). */
function statusOption(value: string, command: string): HistoryFilter['status'] {
  if (/^[1-5]xx$/i.test(value)) return value.toLowerCase() as '1xx' | '2xx' | '3xx' | '4xx' | '5xx';
  if (/^\d{3}$/.test(value) && Number(value) >= 100 && Number(value) <= 599) return Number(value);
  throw new UsageError(
    `--status must be a status from 100 to 599 such as 404, or a class such as 4xx, not "${value}"`,
    command,
  );
}

/** Builds the history filter from `--inbox`, `--text`, `--method`, `--status`, `--signature` and `--check`. */
export function filterOption(
  values: {
    inbox?: string | undefined;
    text?: string | undefined;
    method?: string | undefined;
    status?: string | undefined;
    signature?: string | undefined;
    check?: string | undefined;
  },
  command: string,
): HistoryFilter {
  const raw: HistoryFilter = {};
  if (values.inbox !== undefined) raw.inbox = inboxSlugsOption([values.inbox], command)[0];
  if (values.text !== undefined) raw.text = values.text;
  if (values.method !== undefined) {
    if (!/^[A-Za-z]+$/.test(values.method))
      throw new UsageError(`--method must be a method such as POST, not "${values.method}"`, command);
    raw.method = values.method;
  }
  if (values.status !== undefined) raw.status = statusOption(values.status, command);
  if (values.signature !== undefined) {
    const verdict = signatureVerdict.safeParse(values.signature);
    if (!verdict.success) {
      throw new UsageError(
        `--signature must be one of ${signatureVerdict.options.join(', ')}, not "${values.signature}"`,
        command,
      );
    }
    raw.signature = verdict.data;
  }
  if (values.check !== undefined) {
    const verdict = checkVerdict.safeParse(values.check);
    if (!verdict.success) {
      throw new UsageError(
        `--check must be one of ${checkVerdict.options.join(', ')}, not "${values.check}"`,
        command,
      );
    }
    raw.check = verdict.data;
  }
  const parsed = historyFilter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'filter')}: ${issue?.message ?? 'invalid'}`, command);
  }
  return parsed.data;
}

/** Fails with the list of known inboxes when the filter names one that does not exist (else it silently matches nothing). */
export async function requireInbox(workbench: Workbench, slug: string | undefined): Promise<void> {
  if (slug === undefined) return;
  const known = (await workbench.handlers['inbox:list']({})).map((i) => i.slug);
  if (!known.includes(slug)) {
    throw new CommandError(
      `There is no inbox "${slug}" in ${workbench.dataDir}. Inboxes: ${known.join(', ')}.`,
    );
  }
}

/** Reads a positive whole number flag such as `--limit`. */
export function positiveOption(
  name: string,
  value: string | undefined,
  fallback: number,
  command: string,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a whole number from 1, not "${value}"`, command);
  }
  return Number(value);
}
