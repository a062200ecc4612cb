import type { ApiError, ApiErrorCode } from '../../../shared/models';

/** A failed request: `code` is stable for code paths, `message` is written for the person using the app. */
export class BridgeError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  /** Builds the error from the `error` half of a `Result`. */
  static from(error: ApiError): BridgeError {
    return new BridgeError(error.code, error.message);
  }
}

/** Turns anything a request may throw into one plain sentence for the UI (never a stack trace). */
export function describeError(error: unknown): string {
  if (error instanceof BridgeError) return error.message;
  if (error instanceof Error && error.message) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
