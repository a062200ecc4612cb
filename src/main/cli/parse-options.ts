import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags strictly, turning node's parser errors into a `UsageError` that names the flag and the
 * command so the user sees `Unknown option --prot for hookbench listen` instead of a stack trace.
 */
export function parseOptions<O extends Options>(
  command: string,
  argv: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${flag}`, command);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`Unexpected argument ${flag}`, command);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(message.replace(/^Option /, 'Option ').split('. ')[0] ?? message, command);
    }
    throw new UsageError(message, command);
  }
}

/** Reads a port flag: a whole number from 0 to 65535 (0 picks a free port). */
export function portOption(
  name: string,
  value: string | undefined,
  fallback: number,
  command: string,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(
      `--${name} must be a whole number from 0 to 65535 (0 picks a free port), not "${value}"`,
      command,
    );
  }
  return Number(value);
}
