import { newMessageId, SecretFormatError, sign } from '../core/signatures/index';
import { parseVerifySpec, VerifySpecError } from '../core/signatures/verify-spec';
import { CommandError, UsageError, type CliIo, readInputFile } from './cli-io';
import { HELP } from './help-texts';
import { parseOptions } from './parse-options';

const COMMAND = 'sign';

function readBody(file: string, io: CliIo): Promise<Buffer> | Buffer {
  return readInputFile(file, io, (message) => new CommandError(`${message}.`));
}

/**
 * `hookbench sign --scheme S --secret K [--id ID] [--timestamp UNIX] <file|->`: prints the headers a sender using
 * that scheme would add to this body, one `Name: value` per line (`--json`: an array of [name, value]), to test a
 * receiver or to compare with what a provider sent.
 */
export async function signCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    COMMAND,
    argv,
    {
      scheme: { type: 'string' },
      secret: { type: 'string' },
      id: { type: 'string' },
      timestamp: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (values.help) {
    io.out(HELP.sign ?? '');
    return 0;
  }
  if (values.scheme === undefined)
    throw new UsageError('--scheme is needed, e.g. --scheme standard-webhooks', COMMAND);
  if (values.secret === undefined) throw new UsageError('--secret is needed, e.g. --secret whsec_…', COMMAND);
  const file = positionals[0];
  if (file === undefined)
    throw new UsageError('name the body file, or - to read it from standard input', COMMAND);
  if (values.timestamp !== undefined && !/^\d{1,12}$/.test(values.timestamp)) {
    throw new UsageError(
      `--timestamp takes Unix seconds such as 1614265330, not "${values.timestamp}"`,
      COMMAND,
    );
  }
  if (values.id === '') throw new UsageError('--id is empty', COMMAND);
  let spec;
  try {
    spec = parseVerifySpec(`${values.scheme}:${values.secret}`);
  } catch (error) {
    if (error instanceof VerifySpecError) throw new UsageError(`--secret: ${error.message}`, COMMAND);
    throw error;
  }
  const body = await readBody(file, io);
  const input = {
    id: values.id ?? newMessageId(),
    timestamp: values.timestamp === undefined ? Math.floor(Date.now() / 1000) : Number(values.timestamp),
    body,
  };
  let headers;
  try {
    headers = sign(spec.scheme, spec, input);
  } catch (error) {
    if (error instanceof SecretFormatError) throw new UsageError(`--secret: ${error.message}`, COMMAND);
    throw error;
  }
  if (values.json) io.out(JSON.stringify(headers));
  else for (const [name, value] of headers) io.out(`${name}: ${value}`);
  return 0;
}
