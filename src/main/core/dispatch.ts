import { type ZodError } from 'zod';
import { isRequestChannel } from '../../shared/channels';
import { requestContract, type Handlers } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/models';
import { HookbenchError } from './errors';

/** Turns a zod failure into one sentence naming every field that is wrong. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function toApiError(error: unknown, report: (e: unknown) => void): ApiError {
  if (error instanceof HookbenchError) return { code: error.code, message: error.message };
  report(error);
  return { code: 'internal', message: 'Hookbench hit an internal error; the details are in its log.' };
}

/**
 * Runs one request from an untrusted transport: checks the channel name, parses the input with the contract,
 * calls the handler, checks its output against the contract and wraps the outcome as a `Result`. Both the
 * Electron IPC wrapper and browser mode's HTTP transport go through here, so the two behave the same.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  report: (error: unknown) => void = (e) => console.error(e),
): Promise<Result<unknown>> {
  if (!isRequestChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` } };
  }
  const parsed = requestContract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${channel}: ${describeZodError(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    // The contract holds both ways: a handler that returns the wrong shape is a bug reported here, not in the UI.
    const checked = requestContract[channel].output.safeParse(data);
    if (!checked.success) {
      throw new Error(
        `${channel} returned data that breaks the contract: ${describeZodError(checked.error)}`,
      );
    }
    return { ok: true, data: checked.data };
  } catch (error) {
    return { ok: false, error: toApiError(error, report) };
  }
}
