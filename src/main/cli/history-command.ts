import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exportFormat } from '../../shared/history-models';
import type { CaptureSummary } from '../../shared/models';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { captureCount, captureTable, captureText } from './format-captures';
import { HELP } from './help-texts';
import {
  COMMON_FLAGS,
  FILTER_FLAGS,
  filterOption,
  historyWorkbenchOptions,
  positiveOption,
  requireInbox,
} from './history-options';
import { withWorkbench } from './open-workbench';
import { parseOptions } from './parse-options';

type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

/** Most rows one `history:list` call may return (the contract's cap); longer lists are read page by page. */
const PAGE = 500;

function help(io: CliIo): number {
  io.out(HELP.history ?? '');
  return 0;
}

/** Why a file could not be read or written, in plain words. */
function fileProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

/** Writes next to the target, flushes, then renames over it: readers see the old file or the whole new one. */
function writeAtomically(path: string, content: string): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CommandError(`Cannot write ${path}: ${fileProblem(error)}.`);
  }
}

const list: Subcommand = async (argv, io) => {
  const command = 'history list';
  const { values } = parseOptions(command, argv, {
    ...COMMON_FLAGS,
    ...FILTER_FLAGS,
    json: { type: 'boolean' },
    limit: { type: 'string' },
  });
  if (values.help) return help(io);
  const limit = positiveOption('limit', values.limit, 50, command);
  const filter = filterOption(values, command);
  return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
    await requireInbox(workbench, filter.inbox);
    const items: CaptureSummary[] = [];
    let total = 0;
    let capped = false;
    let beforeId: number | undefined;
    for (;;) {
      const want = Math.min(PAGE, limit - items.length);
      const page = await workbench.handlers['history:list']({ ...filter, limit: want, beforeId });
      if (items.length === 0) ({ total, totalCapped: capped } = page);
      items.push(...page.items);
      const last = page.items.at(-1);
      if (page.items.length < want || items.length >= limit || !last) break;
      beforeId = last.id;
    }
    if (values.json) {
      for (const capture of items) io.out(JSON.stringify(capture));
      return 0;
    }
    if (items.length === 0) {
      io.out(total === 0 && Object.keys(filter).length === 0 ? 'No captures yet.' : 'No captures match.');
      return 0;
    }
    for (const line of captureTable(items)) io.out(line);
    const of = `${total.toLocaleString('en-US')}${capped ? '+' : ''}`;
    io.out(
      `${captureCount(items.length)} of ${of}, newest first.${items.length < total ? ' --limit shows more.' : ''}`,
    );
    return 0;
  });
};

const show: Subcommand = async (argv, io) => {
  const command = 'history show';
  const { values, positionals } = parseOptions(
    command,
    argv,
    { ...COMMON_FLAGS, json: { type: 'boolean' } },
    1,
  );
  if (values.help) return help(io);
  const given = positionals[0];
  if (given === undefined)
    throw new UsageError('show needs a capture id, e.g. hookbench history show 12', command);
  const id = Number(given.replace(/^#/, ''));
  if (!/^#?\d+$/.test(given) || !Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(`A capture id is a whole number from 1, not "${given}"`, command);
  }
  return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
    const capture = await workbench.handlers['history:get']({ id });
    if (values.json) io.out(JSON.stringify(capture));
    else for (const line of captureText(capture)) io.out(line);
    return 0;
  });
};

const exportCaptures: Subcommand = async (argv, io) => {
  const command = 'history export';
  const { values } = parseOptions(command, argv, {
    ...COMMON_FLAGS,
    ...FILTER_FLAGS,
    format: { type: 'string' },
    out: { type: 'string' },
    redact: { type: 'boolean' },
  });
  if (values.help) return help(io);
  const format = exportFormat.safeParse(values.format ?? 'ndjson');
  if (!format.success)
    throw new UsageError(`--format must be ndjson or har, not "${values.format ?? ''}"`, command);
  if (values.out === '') throw new UsageError('--out needs a file name', command);
  const filter = filterOption(values, command);
  return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
    await requireInbox(workbench, filter.inbox);
    const { content, count } = await workbench.handlers['history:export']({
      format: format.data,
      filter,
      redact: values.redact ?? false,
    });
    if (values.out !== undefined) {
      writeAtomically(values.out, content);
      io.err(`Exported ${captureCount(count)} to ${values.out}`);
      return 0;
    }
    if (content !== '') io.out(content);
    if (count === 0) io.err('No captures matched: the export is empty.');
    return 0;
  });
};

const importCaptures: Subcommand = async (argv, io) => {
  const command = 'history import';
  const { values, positionals } = parseOptions(
    command,
    argv,
    { ...COMMON_FLAGS, json: { type: 'boolean' } },
    1,
  );
  if (values.help) return help(io);
  const file = positionals[0];
  if (file === undefined)
    throw new UsageError('import needs a file, e.g. hookbench history import captures.ndjson', command);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`Cannot read ${file}: ${fileProblem(error)}.`);
  }
  return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
    const { imported } = await workbench.handlers['history:import']({ content, filename: file });
    io.out(values.json ? JSON.stringify({ imported }) : `Imported ${captureCount(imported)} from ${file}`);
    return 0;
  });
};

const clear: Subcommand = async (argv, io) => {
  const command = 'history clear';
  const { values } = parseOptions(command, argv, {
    ...COMMON_FLAGS,
    inbox: FILTER_FLAGS.inbox,
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
    'include-pinned': { type: 'boolean' },
  });
  if (values.help) return help(io);
  const filter = filterOption({ inbox: values.inbox }, command);
  const includePinned = values['include-pinned'] ?? false;
  return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
    await requireInbox(workbench, filter.inbox);
    const count = async (pinned: boolean | undefined): Promise<number> =>
      (
        await workbench.handlers['history:list']({
          ...filter,
          ...(pinned === undefined ? {} : { pinned }),
          limit: 1,
        })
      ).total;
    const where = filter.inbox ? ` of inbox ${filter.inbox}` : '';
    if (!values.yes) {
      const doomed = await count(includePinned ? undefined : false);
      throw new UsageError(
        `clear would delete ${captureCount(doomed)}${where} for good; add --yes to delete them`,
        command,
      );
    }
    const { deleted } = await workbench.handlers['history:clear']({ filter, includePinned });
    if (values.json) {
      io.out(JSON.stringify({ deleted }));
      return 0;
    }
    const kept = includePinned ? 0 : await count(true);
    const keptNote = kept
      ? `; kept ${kept === 1 ? '1 pinned capture' : `${kept} pinned captures`} (add --include-pinned to delete ${kept === 1 ? 'it' : 'them'} too)`
      : '';
    io.out(`Deleted ${captureCount(deleted)}${where}${keptNote}.`);
    return 0;
  });
};

const SUBCOMMANDS = new Map<string, Subcommand>([
  ['list', list],
  ['show', show],
  ['export', exportCaptures],
  ['import', importCaptures],
  ['clear', clear],
]);

/**
 * `hookbench history <list|show|export|import|clear>`: reads and changes the stored history directly, without
 * starting the receiver, so it works beside a running `listen`, `serve` or desktop app.
 */
export async function historyCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') return help(io);
  const names = [...SUBCOMMANDS.keys()].join(', ');
  if (name === undefined) throw new UsageError(`Name what to do: ${names}`, 'history');
  const run = SUBCOMMANDS.get(name);
  if (!run) throw new UsageError(`Unknown subcommand "${name}" (use ${names})`, 'history');
  return run(rest, io);
}
