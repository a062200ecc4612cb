import { request } from 'undici';
import type { HeaderPair } from '../../../shared/models';
import { HookbenchError } from '../errors';
import { ApiTimeoutError, mapApiError } from './api-error';

export interface ApiCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers: HeaderPair[];
  body?: string | undefined;
}

export interface ApiAnswer {
  status: number;
  /** The parsed JSON body (undefined for an empty body). */
  json: unknown;
  retryAfter: string | null;
}

export interface ApiHttpOptions {
  /** Name of the API in messages, e.g. "Credo AI". */
  api: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Sends one API request with undici (headers and body timeouts, abort) and returns the status and parsed JSON.
 * Never lets a stack trace out: timeouts throw `ApiTimeoutError`, network failures and bodies that are not JSON a
 * `HookbenchError` saying so. Error statuses are returned, not thrown (the caller may re-authenticate on 401).
 */
export async function sendApi(
  call: ApiCall,
  options: ApiHttpOptions,
  what: string,
): Promise<ApiAnswer & { text: string }> {
  const timer = AbortSignal.timeout(options.timeoutMs);
  const signals = [timer, ...(options.signal ? [options.signal] : [])];
  let text: string;
  let status: number;
  let retryAfter: string | null;
  try {
    const res = await request(call.url, {
      method: call.method,
      headers: call.headers.flat(),
      ...(call.body === undefined ? {} : { body: call.body }),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.any(signals),
    });
    status = res.statusCode;
    const ra = res.headers['retry-after'];
    retryAfter = Array.isArray(ra) ? (ra[0] ?? null) : (ra ?? null);
    text = await res.body.text();
  } catch (error) {
    const code = (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name;
    if (options.signal?.aborted) throw new HookbenchError('unavailable', `Cancelled: ${what}.`);
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || timer.aborted)
      throw new ApiTimeoutError(
        `${options.api} did not answer within ${options.timeoutMs} ms while trying to ${what}.`,
      );
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? code;
    if (cause === 'ECONNREFUSED')
      throw new HookbenchError(
        'unavailable',
        `${options.api} refused the connection at ${new URL(call.url).origin}: is the server URL right?`,
      );
    if (cause === 'ENOTFOUND')
      throw new HookbenchError(
        'unavailable',
        `The host of ${new URL(call.url).origin} was not found: check the server URL.`,
      );
    throw new HookbenchError(
      'unavailable',
      `Could not reach ${options.api} at ${new URL(call.url).origin}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (status >= 400) {
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    return { status, json, retryAfter, text };
  }
  if (text.trim() === '') return { status, json: undefined, retryAfter, text };
  try {
    return { status, json: JSON.parse(text) as unknown, retryAfter, text };
  } catch {
    throw new HookbenchError(
      'unavailable',
      `${options.api} answered ${status} to ${what}, but the body is not valid JSON (it starts with "${text.slice(0, 40)}").`,
    );
  }
}

/** Throws the mapped error for an error status. */
export function failOn(answer: ApiAnswer & { text: string }, api: string, what: string): void {
  if (answer.status >= 400) throw mapApiError(api, what, answer.status, answer.retryAfter, answer.text);
}
