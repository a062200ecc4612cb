import { catalogCommand } from './catalog-command';
import { checkCommand } from './check-command';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { HELP } from './help-texts';
import { historyCommand } from './history-command';
import { listenCommand } from './listen-command';
import { serveCommand } from './serve-command';
import { signCommand } from './sign-command';
import { tenantCommand } from './tenant-command';
import { triggerCommand } from './trigger-command';

export type { CliIo } from './cli-io';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  serve: serveCommand,
  listen: listenCommand,
  history: historyCommand,
  sign: signCommand,
  catalog: catalogCommand,
  trigger: triggerCommand,
  check: checkCommand,
  tenant: tenantCommand,
};

/**
 * Runs one command line and returns the exit code: 0 done, 1 the command failed (message printed), 2 the command
 * line is wrong (message and a pointer to --help printed).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      io.out(HELP.main ?? '');
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(io.version);
      return 0;
    }
    if (command === 'help') {
      const topic = rest[0];
      const text = topic === undefined ? HELP.main : Object.hasOwn(HELP, topic) ? HELP[topic] : undefined;
      if (text === undefined) throw new UsageError(`Unknown command "${topic ?? ''}"`, null);
      io.out(text);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`Unknown command "${command}"`, null);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.command ? `hookbench ${error.command}` : 'hookbench';
      io.err(`${where}: ${error.message}.`);
      io.err(`Run \`${where} --help\` to see what it accepts.`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err(`hookbench: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
