import { ControlServer } from '../web/control-server';
import { CommandError, untilStopped, type CliIo } from './cli-io';
import { HELP } from './help-texts';
import { inboxLines } from './inbox-lines';
import { startPublicUrl } from './public-url';
import { parseOptions, portOption } from './parse-options';
import { RECEIVER_FLAGS, workbenchOptionsFrom } from './receiver-flags';
import { startWorkbench } from './start-workbench';

/** `hookbench serve`: the same core as the desktop app, with the UI served to a browser on a separate port. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, tokens } = parseOptions('serve', argv, {
    ...RECEIVER_FLAGS,
    'ui-port': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP.serve ?? '');
    return 0;
  }
  const options = workbenchOptionsFrom(values, 'serve', io, tokens);
  const { inboxes, dataDir } = options;
  const uiPort = portOption('ui-port', values['ui-port'], 0, 'serve');
  const workbench = await startWorkbench(options);
  const control = new ControlServer({
    handlers: workbench.handlers,
    events: workbench.events,
    rendererDir: io.rendererDir,
    port: uiPort,
    report: (error) => io.err(String(error)),
  });
  let uiUrl: string;
  try {
    uiUrl = (await control.listen()).uiUrl;
  } catch (error) {
    await workbench.close();
    const code = (error as { code?: string }).code;
    throw new CommandError(
      code === 'EADDRINUSE'
        ? `UI port ${uiPort} is already in use. Pick another with --ui-port (0 picks a free one).`
        : `The UI server could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  io.out(`Receiver: ${workbench.status().url ?? ''}`);
  io.out(`UI: ${uiUrl}`);
  if (options.public)
    await startPublicUrl(workbench, options.public, { url: io.out, problem: io.err, stop: io.stop });
  io.out(`Data: ${dataDir}`);
  for (const line of await inboxLines(workbench, inboxes)) io.out(line);
  io.out('Send webhooks to the receiver; open the UI address in a browser. Ctrl+C stops.');
  await untilStopped(io.stop);
  await control.close();
  await workbench.close();
  return 0;
}
