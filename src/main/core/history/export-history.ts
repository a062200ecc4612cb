import { STATUS_CODES } from 'node:http';
import type { ExportFormat } from '../../../shared/history-models';
import type { CaptureDetail, DownstreamExchange, HeaderPair } from '../../../shared/models';
import { headerValue } from '../receiver/capture-pipeline';

export interface ExportOptions {
  /** Replace the values of credential and signature headers with `[redacted]`. */
  redact: boolean;
  /** Export time, ms since the epoch (named in the HAR log). */
  now: number;
  /** The app version, for HAR's `creator.version`. */
  version?: string;
}

/** What a redacted header value becomes. */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'svix-signature',
  'webhook-signature',
  'stripe-signature',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-slack-signature',
  'x-shopify-hmac-sha256',
  'x-signature',
]);

/** True for headers that carry credentials or signatures (compared case-insensitively). */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || lower.endsWith('-signature');
}

/** The same headers in the same order, with secret values replaced. */
export function redactHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.map(([name, value]) => [name, isSecretHeader(name) ? REDACTED : value]);
}

function redactCapture(capture: CaptureDetail): CaptureDetail {
  const exchange = (e: DownstreamExchange): DownstreamExchange => ({
    ...e,
    headers: redactHeaders(e.headers),
  });
  return {
    ...capture,
    headers: redactHeaders(capture.headers),
    response: { ...capture.response, headers: redactHeaders(capture.response.headers) },
    forwarded: capture.forwarded ? exchange(capture.forwarded) : null,
    replays: capture.replays.map(exchange),
  };
}

/**
 * One NDJSON line's object. The field order is the documented one (the minimum first), and every stored fact
 * that is not derivable from the others is here, so an import restores the capture exactly.
 */
function ndjsonRecord(c: CaptureDetail): Record<string, unknown> {
  return {
    id: c.id,
    inbox: c.inbox,
    receivedAt: new Date(c.receivedAt).toISOString(),
    method: c.method,
    url: c.url,
    httpVersion: c.httpVersion,
    headers: c.headers,
    bodyBase64: c.bodyBase64,
    remoteAddress: c.remoteAddress,
    response: { status: c.response.status, headers: c.response.headers, bodyBase64: c.response.bodyBase64 },
    durationMs: c.durationMs,
    truncated: c.truncated,
    unmatched: c.unmatched,
    deliveryId: c.deliveryId,
    attempt: c.attempt,
    pinned: c.pinned,
    // The verdict made at arrival, never the secret nor the signatures compared (they are in `headers`).
    signature: c.signature,
    // How it arrived: direct, through a tunnel (cloudflared, ngrok, custom) or a relay.
    route: c.route,
    forwarded: c.forwarded,
    replays: c.replays,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** HAR's way to carry a body: text when it is UTF-8, else base64 with `encoding` (as browsers' HAR exports do). */
function harText(bodyBase64: string): { text: string; encoding?: 'base64' } {
  if (bodyBase64 === '') return { text: '' };
  try {
    return { text: utf8.decode(Buffer.from(bodyBase64, 'base64')) };
  } catch {
    return { text: bodyBase64, encoding: 'base64' };
  }
}

function harHeaders(headers: readonly HeaderPair[]): { name: string; value: string }[] {
  return headers.map(([name, value]) => ({ name, value }));
}

/** `name=value` pairs of Cookie headers, or the first pair of each Set-Cookie header. */
function harCookies(
  headers: readonly HeaderPair[],
  header: 'cookie' | 'set-cookie',
): { name: string; value: string }[] {
  const cookies: { name: string; value: string }[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== header || value === REDACTED) continue;
    const parts = header === 'cookie' ? value.split(';') : [value.split(';')[0] ?? ''];
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq > 0) cookies.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() });
    }
  }
  return cookies;
}

/** An absolute URL for HAR: the request target as received, on the host the sender addressed. */
function absoluteUrl(c: CaptureDetail): string {
  if (/^https?:\/\//i.test(c.url)) return c.url;
  const host = headerValue(c.headers, 'host') ?? '127.0.0.1';
  return `http://${host}${c.url.startsWith('/') ? '' : '/'}${c.url}`;
}

function queryString(url: string): { name: string; value: string }[] {
  const q = url.indexOf('?');
  if (q === -1) return [];
  return [...new URLSearchParams(url.slice(q + 1))].map(([name, value]) => ({ name, value }));
}

function harEntry(c: CaptureDetail): Record<string, unknown> {
  const requestType = c.contentType ?? '';
  const responseType = headerValue(c.response.headers, 'content-type') ?? '';
  const requestSize = Buffer.byteLength(c.bodyBase64, 'base64');
  const responseSize = Buffer.byteLength(c.response.bodyBase64, 'base64');
  const protocol = `HTTP/${c.httpVersion}`;
  return {
    startedDateTime: new Date(c.receivedAt).toISOString(),
    time: c.durationMs,
    request: {
      method: c.method,
      url: absoluteUrl(c),
      httpVersion: protocol,
      cookies: harCookies(c.headers, 'cookie'),
      headers: harHeaders(c.headers),
      queryString: queryString(c.url),
      ...(requestSize > 0 ? { postData: { mimeType: requestType, ...harText(c.bodyBase64) } } : {}),
      headersSize: -1,
      bodySize: requestSize,
    },
    response: {
      status: c.response.status,
      statusText: STATUS_CODES[c.response.status] ?? '',
      httpVersion: protocol,
      cookies: harCookies(c.response.headers, 'set-cookie'),
      headers: harHeaders(c.response.headers),
      content: { size: responseSize, mimeType: responseType, ...harText(c.response.bodyBase64) },
      redirectURL: headerValue(c.response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: responseSize,
    },
    cache: {},
    timings: { send: 0, wait: c.durationMs, receive: 0 },
    // HAR allows custom fields that start with an underscore; these tie an entry back to its capture.
    _hookbench: {
      id: c.id,
      inbox: c.inbox,
      remoteAddress: c.remoteAddress,
      deliveryId: c.deliveryId,
      attempt: c.attempt,
      truncated: c.truncated,
      signature: c.signature,
      route: c.route,
    },
  };
}

/**
 * Writes captures (oldest first, as given) as Hookbench NDJSON — one capture per line, lossless, what import reads —
 * or as a HAR 1.2 log for other tools. Lines and entries are collected and joined once, so a large history costs
 * linear time.
 */
export function exportHistory(
  captures: Iterable<CaptureDetail>,
  format: ExportFormat,
  options: ExportOptions,
): { content: string; count: number } {
  const lines: string[] = [];
  const entries: Record<string, unknown>[] = [];
  for (const stored of captures) {
    const capture = options.redact ? redactCapture(stored) : stored;
    if (format === 'ndjson') lines.push(JSON.stringify(ndjsonRecord(capture)));
    else entries.push(harEntry(capture));
  }
  if (format === 'ndjson')
    return { content: lines.length ? `${lines.join('\n')}\n` : '', count: lines.length };
  const log = {
    version: '1.2',
    creator: { name: 'Hookbench', version: options.version ?? 'unknown' },
    entries,
    comment: `Exported by Hookbench at ${new Date(options.now).toISOString()}${options.redact ? ', secret headers redacted' : ''}.`,
  };
  return { content: `${JSON.stringify({ log }, null, 2)}\n`, count: entries.length };
}
