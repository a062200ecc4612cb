import { dispatch } from '../../src/main/core/dispatch';
import type { Workbench } from '../../src/main/core/workbench';
import type { RequestChannel } from '../../src/shared/channels';
import type { RequestInput, RequestOutput } from '../../src/shared/contract';

/**
 * Calls a channel the way both transports do — input parsed with the contract, output checked — and returns the
 * data, or throws an Error carrying the user-facing message (and the error code as `code`).
 */
export async function call<C extends RequestChannel>(
  wb: Pick<Workbench, 'handlers'>,
  channel: C,
  input?: RequestInput<C>,
): Promise<RequestOutput<C>> {
  const result = await dispatch(wb.handlers, channel, input ?? {}, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.data as RequestOutput<C>;
}
