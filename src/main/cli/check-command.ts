import type { CheckHistorySummary, CheckProgress, CheckResult } from '../../shared/check-models';
import { PayloadChecker } from '../core/check/payload-checker';
import type { Workbench } from '../core/workbench';
import { columns, openCatalog, requireEvent, requireProvider } from './catalog-cli-support';
import { UsageError, type CliIo, readInputFile } from './cli-io';
import { HELP } from './help-texts';
import { historyWorkbenchOptions } from './history-options';
import { withWorkbench } from './open-workbench';
import { parseOptions } from './parse-options';

const COMMAND = 'check';

const FLAGS = {
  provider: { type: 'string' },
  event: { type: 'string' },
  json: { type: 'boolean' },
  history: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Exit codes: 0 conforms, 1 deviates, 2 unidentified or not JSON (and a wrong command line). */
function exitCode(result: CheckResult): number {
  if (result.verdict === 'conforms') return 0;
  if (result.verdict === 'deviates') return 1;
  return 2;
}

function readPayload(file: string, io: CliIo): Promise<Buffer> | Buffer {
  return readInputFile(file, io, (message) => new UsageError(message, COMMAND));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The result for people: the verdict line, then one line per finding (or the closest candidates). */
function resultLines(result: CheckResult): string[] {
  if (result.verdict === 'not-json') {
    return [`not JSON: ${result.findings[0]?.message ?? 'the body is not JSON.'}`];
  }
  if (result.verdict === 'unidentified') {
    const lines = ['unidentified: no documented event matches this payload.'];
    const candidates = result.candidates ?? [];
    if (candidates.length === 0) {
      lines.push(
        'No documented event comes close; name one with --event (and --provider) to check against it.',
      );
      return lines;
    }
    lines.push('Closest:');
    for (const c of candidates)
      lines.push(`  ${c.provider} ${c.eventType} (${Math.round(c.score * 100)}%): ${c.reason}`);
    lines.push('Check against one of them with --event <name> --provider <id>.');
    return lines;
  }
  const count = (severity: string): number => result.findings.filter((f) => f.severity === severity).length;
  const parts = [
    count('error') ? plural(count('error'), 'error') : '',
    count('warning') ? plural(count('warning'), 'warning') : '',
    count('info') ? plural(count('info'), 'note') : '',
  ].filter((p) => p !== '');
  const lines = [
    `${result.provider ?? ''} ${result.eventType ?? ''}: ${result.verdict}${parts.length ? ` (${parts.join(', ')})` : ''}`,
  ];
  lines.push(
    ...columns(
      result.findings.map((f) => [
        `  ${f.severity === 'info' ? 'note' : f.severity}`,
        f.kind,
        f.path || '(body)',
        f.message,
      ]),
    ),
  );
  return lines;
}

/** Starts a re-check of what is pending or stale and resolves when it is done. */
async function bringUpToDate(workbench: Workbench, io: CliIo, json: boolean): Promise<number> {
  let finished: CheckProgress | null = null;
  const done = new Promise<void>((resolve) => {
    workbench.events.on('check:progress', (progress) => {
      if (progress.state !== 'done') return;
      finished = progress;
      resolve();
    });
  });
  const { started, total } = await workbench.handlers['check:recheck']({ scope: 'stale' });
  if (!started) return 0;
  if (total > 1000 && !json) io.err(`Checking up to ${plural(total, 'capture')} against the catalogue…`);
  await done;
  return (finished as CheckProgress | null)?.done ?? 0;
}

function summaryLines(summary: CheckHistorySummary, rechecked: number): string[] {
  const lines = [
    `${plural(summary.total, 'capture')}, checked against catalogue ${summary.checkedWith}${rechecked ? ` (${plural(rechecked, 'capture')} checked now)` : ''}.`,
  ];
  const labels: Record<string, string> = { 'not-json': 'not JSON' };
  lines.push(
    ...columns(
      Object.entries(summary.verdicts).map(([verdict, n]) => [
        `  ${labels[verdict] ?? verdict}`,
        n.toLocaleString('en-US'),
      ]),
    ),
  );
  if (summary.events.length > 0) {
    lines.push('By event type:');
    lines.push(
      ...columns(
        summary.events.map((e) => [
          `  ${e.provider}`,
          e.eventType,
          e.count.toLocaleString('en-US'),
          e.deviates ? `${e.deviates.toLocaleString('en-US')} deviate` : '',
        ]),
      ),
    );
  }
  if (summary.findings.length > 0) {
    lines.push('Most frequent findings:');
    lines.push(
      ...columns(
        summary.findings.map((f) => [
          `  ${f.count.toLocaleString('en-US')}`,
          f.severity,
          f.kind,
          f.path || '(body)',
          f.provider && f.eventType ? `${f.provider} ${f.eventType}` : '',
        ]),
      ),
    );
  }
  return lines;
}

/**
 * `hookbench check <file|-> [--provider P] [--event E] [--json]`: identifies a payload and checks it against the
 * documented shape; exit 0 when it conforms, 1 when it deviates, 2 when unidentified or not JSON.
 * `hookbench check --history [--data-dir D] [--json]`: checks the stored captures not checked with this catalogue
 * yet and summarises the history per verdict, per event type and by the most frequent findings.
 */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(COMMAND, argv, FLAGS, 1);
  if (values.help) {
    io.out(HELP.check ?? '');
    return 0;
  }
  const file = positionals[0];
  if (values.history) {
    if (file !== undefined)
      throw new UsageError('--history checks the stored captures: leave out the file', COMMAND);
    if (values.provider !== undefined || values.event !== undefined)
      throw new UsageError('--provider and --event check one payload, not --history', COMMAND);
    return withWorkbench(historyWorkbenchOptions(values['data-dir'], io), async (workbench) => {
      const rechecked = await bringUpToDate(workbench, io, values.json ?? false);
      const summary = await workbench.handlers['check:summary']({});
      if (values.json) io.out(JSON.stringify({ ...summary, rechecked }));
      else for (const line of summaryLines(summary, rechecked)) io.out(line);
      return 0;
    });
  }
  if (file === undefined)
    throw new UsageError(
      'name the payload file, or - to read it from standard input (or use --history)',
      COMMAND,
    );
  if (values.provider === '') throw new UsageError('--provider is empty', COMMAND);
  if (values.event === '') throw new UsageError('--event is empty', COMMAND);
  const catalog = openCatalog(io, values['data-dir']);
  if (values.provider !== undefined) requireProvider(catalog, values.provider, COMMAND);
  if (values.event !== undefined) requireEvent(catalog, values.event, values.provider, COMMAND);
  const body = await readPayload(file, io);
  const { result } = new PayloadChecker(catalog).check({
    body,
    provider: values.provider,
    event: values.event,
  });
  if (values.json) {
    io.out(
      JSON.stringify({
        provider: result.provider,
        eventType: result.eventType,
        conforms: result.conforms,
        findings: result.findings.map(({ path, kind, severity, message }) => ({
          path,
          kind,
          severity,
          message,
        })),
      }),
    );
  } else for (const line of resultLines(result)) io.out(line);
  return exitCode(result);
}
