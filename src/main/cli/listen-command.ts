import type { CaptureSummary } from '../../shared/models';
import { formatBytes, formatClock } from '../../shared/format';
import { untilStopped, type CliIo } from './cli-io';
import { HELP } from './help-texts';
import { inboxLines } from './inbox-lines';
import { startPublicUrl } from './public-url';
import { parseOptions } from './parse-options';
import { RECEIVER_FLAGS, workbenchOptionsFrom } from './receiver-flags';
import { startWorkbench } from './start-workbench';

/** How long a captured request's line may wait to be printed with others. */
const PRINT_EVERY_MS = 20;

/**
 * One human line per capture: time, method, target, answer, type, size, the signature verdict when the inbox
 * verifies (`sig:valid`), id, and why the signature failed when it did.
 */
export function captureLine(capture: CaptureSummary): string {
  const { signature } = capture;
  const verifies = signature.scheme !== null || signature.verdict !== 'unconfigured';
  // Concatenated rather than joined from an array: `listen` formats one of these per capture, tens of thousands a
  // second under a flood.
  let line =
    `${formatClock(capture.receivedAt)}  ${capture.method.padEnd(7)}  ${capture.url}  ${capture.status}  ` +
    `${capture.contentType ?? '-'}  ${formatBytes(capture.size)}${capture.truncated ? ' (truncated)' : ''}`;
  if (verifies) line += `  sig:${signature.verdict}`;
  if (capture.route !== 'direct') line += `  via:${capture.route}`;
  line += `  #${capture.id}`;
  if (verifies && signature.reason) line += `  ${signature.reason}`;
  return line;
}

/** `hookbench listen`: receiver and history without UI; prints the URL, then each capture as it is stored. */
export async function listenCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, tokens } = parseOptions('listen', argv, {
    ...RECEIVER_FLAGS,
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP.listen ?? '');
    return 0;
  }
  const options = workbenchOptionsFrom(values, 'listen', io, tokens);
  const { inboxes } = options;
  const workbench = await startWorkbench(options);
  // The first stdout line stays the receiver URL alone (scripts read it); inbox and public URLs go to stderr.
  io.out(workbench.status().url ?? '');
  // Lines are written at most every PRINT_EVERY_MS: under a flood one write carries hundreds of captures instead of
  // a write per commit, and a person watching still sees each capture as it arrives.
  let lines: string[] = [];
  let printTimer = null as ReturnType<typeof setTimeout> | null;
  const printLines = (): void => {
    printTimer = null;
    if (lines.length === 0) return;
    io.out(lines.join('\n'));
    lines = [];
  };
  workbench.events.on('capture:received', (capture) => {
    lines.push(values.json ? JSON.stringify(capture) : captureLine(capture));
    printTimer ??= setTimeout(printLines, PRINT_EVERY_MS);
  });
  if (options.public)
    await startPublicUrl(workbench, options.public, { url: io.err, problem: io.err, stop: io.stop });
  for (const line of await inboxLines(workbench, inboxes)) io.err(line);
  await untilStopped(io.stop);
  await workbench.close();
  if (printTimer) clearTimeout(printTimer);
  printLines();
  return 0;
}
