import { parseArgs, type ParseArgsConfig } from 'node:util';
import { inboxSlug } from '../../shared/inbox-models';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags strictly, turning node's parser errors into a `UsageError` that names the flag and the
 * command so the user sees `Unknown option --prot for hookbench listen` instead of a stack trace. At most
 * `maxPositionals` plain arguments are accepted (none unless given).
 */
export function parseOptions<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  maxPositionals = 0,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true; tokens: true }>
> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true; tokens: true }>
  >;
  try {
    // Tokens keep the order of the flags, for flags that refer to the one before them (`--inbox a --verify …`).
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true, tokens: true });
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
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(`Unexpected argument ${extra}`, command);
  return parsed;
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

/**
 * Reads repeated `--inbox <slug>` flags, checking each slug the way the app does, so a typo is a usage error naming
 * the slug rather than a failure later.
 */
export function inboxSlugsOption(values: readonly string[] | undefined, command: string): string[] {
  const slugs: string[] = [];
  for (const value of values ?? []) {
    const checked = inboxSlug.safeParse(value);
    if (!checked.success) {
      throw new UsageError(
        `--inbox "${value}" is not a valid inbox slug: ${checked.error.issues[0]?.message ?? 'invalid'}`,
        command,
      );
    }
    if (!slugs.includes(value)) slugs.push(value);
  }
  return slugs;
}
