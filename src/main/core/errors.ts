import type { ApiErrorCode } from '../../shared/models';

/**
 * An error whose message is written for the user and whose code survives the trip over IPC or HTTP. Anything else
 * thrown by a handler is reported as `internal` with a generic message, so stack traces never reach the UI.
 */
export class HookbenchError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HookbenchError';
  }
}
