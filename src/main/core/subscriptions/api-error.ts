import { HookbenchError } from '../errors';

/** A request that got no answer in time: a create that timed out must be checked (list and compare) before retrying. */
export class ApiTimeoutError extends HookbenchError {
  readonly timedOut = true;
  constructor(message: string) {
    super('unavailable', message);
  }
}

/** The JSON:API `errors[]` of a body as "title: detail (code n)" lines, or the DRF-style `detail` / field lists. */
export function errorDetails(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) {
    return record.errors.map((e) => {
      const { title, detail, code } = (e ?? {}) as { title?: unknown; detail?: unknown; code?: unknown };
      const text = [title, detail].filter((t) => typeof t === 'string' && t).join(': ');
      if (typeof code === 'number' || typeof code === 'string') return `${text} (code ${code})`;
      return text;
    });
  }
  if (typeof record.detail === 'string') return [record.detail];
  if (typeof record.message === 'string') return [record.message];
  return Object.entries(record)
    .filter(([, v]) => Array.isArray(v))
    .map(([field, v]) => `${field}: ${(v as unknown[]).map(String).join(' ')}`);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Turns an error answer into a message a user can act on: what the status means for this API, then what the
 * server said (JSON:API `errors[].title/detail/code`). 429 names its Retry-After.
 */
export function mapApiError(
  api: string,
  what: string,
  status: number,
  retryAfter: string | null,
  text: string,
): HookbenchError {
  const said = errorDetails(parse(text));
  const tail = said.length > 0 ? ` The server said: ${said.join('; ')}` : '';
  if (status === 401)
    return new HookbenchError(
      'forbidden',
      `${api} refused the credentials (401) while trying to ${what}: check the API key and tenant.${tail}`,
    );
  if (status === 403)
    return new HookbenchError(
      'forbidden',
      `${api} answered 403 Forbidden to ${what}: the key is wrong or lacks the permission.${tail}`,
    );
  if (status === 404)
    return new HookbenchError(
      'not_found',
      `${api} answered 404 Not Found to ${what}: the subscription (or the tenant, or the server URL) does not exist.${tail}`,
    );
  if (status === 422 || status === 400)
    return new HookbenchError('invalid_input', `${api} rejected the request to ${what} (${status}).${tail}`);
  if (status === 429) {
    const wait = retryAfter
      ? ` Retry after ${/^\d+$/.test(retryAfter) ? `${retryAfter} s` : retryAfter}.`
      : '';
    return new HookbenchError(
      'unavailable',
      `${api} is rate-limiting requests (429) to ${what}.${wait}${tail}`,
    );
  }
  if (status >= 500)
    return new HookbenchError(
      'unavailable',
      `${api} had a server error (${status}) while trying to ${what}: try again later.${tail}`,
    );
  return new HookbenchError('unavailable', `${api} answered ${status} to ${what}.${tail}`);
}
