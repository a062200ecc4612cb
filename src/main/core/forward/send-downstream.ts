import { request } from 'undici';
import type { DownstreamExchange, HeaderPair } from '../../../shared/models';

/** Headers that describe one hop's connection, not the message; they are recomputed for the next hop. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
]);

export interface DownstreamRequest {
  method: string;
  url: string;
  headers: readonly HeaderPair[];
  body: Buffer;
  timeoutMs: number;
}

/** Response bodies kept beside a capture are capped so a huge downstream answer cannot bloat the history. */
export const MAX_DOWNSTREAM_BODY = 1024 * 1024;

/** Drops hop-by-hop headers, keeping every other header in order, with its case and duplicates. */
export function forwardableHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
}

function describe(error: unknown, timeoutMs: number, url: string): string {
  const code = (error as { code?: string }).code;
  if (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return `No answer from ${url} within ${timeoutMs} ms.`;
  }
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? code;
  if (cause === 'ECONNREFUSED') return `Connection refused by ${url}: is the server running?`;
  if (cause === 'ENOTFOUND') return `The host of ${url} was not found.`;
  if (code === 'UND_ERR_SOCKET') return `The connection to ${url} closed before an answer came.`;
  return `Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Sends a request on (forward or replay) with undici and records the exchange: the body byte for byte, headers in
 * order minus hop-by-hop ones, the answer with its timing. Never throws: a failure is an exchange with `error`.
 */
export async function sendDownstream(req: DownstreamRequest): Promise<DownstreamExchange> {
  const started = performance.now();
  const at = Date.now();
  const base = { at, method: req.method, url: req.url };
  try {
    const res = await request(req.url, {
      method: req.method as 'POST',
      headers: forwardableHeaders(req.headers).flat(),
      body: req.method === 'GET' || req.method === 'HEAD' ? null : req.body,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (size < MAX_DOWNSTREAM_BODY) chunks.push(chunk.subarray(0, MAX_DOWNSTREAM_BODY - size));
      size += chunk.length;
    }
    const headers: HeaderPair[] = [];
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.push([name, v]);
    }
    return {
      ...base,
      status: res.statusCode,
      headers,
      bodyBase64: Buffer.concat(chunks).toString('base64'),
      durationMs: performance.now() - started,
      error:
        size > MAX_DOWNSTREAM_BODY
          ? `The answer was ${size} bytes; the first ${MAX_DOWNSTREAM_BODY} are kept.`
          : null,
    };
  } catch (error) {
    const name = (error as { name?: string }).name;
    const message =
      name === 'TimeoutError' || name === 'AbortError'
        ? `No answer from ${req.url} within ${req.timeoutMs} ms.`
        : describe(error, req.timeoutMs, req.url);
    return {
      ...base,
      status: null,
      headers: [],
      bodyBase64: '',
      durationMs: performance.now() - started,
      error: message,
    };
  }
}
