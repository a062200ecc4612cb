import type { CaptureSummary, HeaderPair } from '../../../shared/models';
import type { CaptureRepository } from '../../db/capture-repository';
import {
  tooLargeResponse,
  type PlannedResponse,
  type ReceivedRequest,
  type RequestHandler,
} from './receiver-server';

/** Case-insensitive lookup of the first header with this name. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of headers) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** The path part of a request target, without the query. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

const ACCEPTED: PlannedResponse = {
  status: 200,
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from('{"received":true}'),
};

/**
 * Builds the receiver's request handler: decide the answer, commit the capture with that answer, then report it.
 * The row is committed before the handler returns, so the sender is acknowledged only for stored requests.
 */
export function createCaptureHandler(
  captures: CaptureRepository,
  onCaptured: (capture: CaptureSummary) => void,
  maxBodyBytes: number,
): RequestHandler {
  return (request: ReceivedRequest): PlannedResponse => {
    const response = request.truncated ? tooLargeResponse(maxBodyBytes) : ACCEPTED;
    const summary = captures.insert({
      inbox: 'default',
      receivedAt: request.receivedAt,
      method: request.method,
      url: request.url,
      path: pathOf(request.url),
      httpVersion: request.httpVersion,
      headers: request.headers,
      contentType: headerValue(request.headers, 'content-type'),
      body: request.body,
      truncated: request.truncated,
      remoteAddress: request.remoteAddress,
      durationMs: Math.max(0, performance.now() - request.startedAt),
      response,
    });
    onCaptured(summary);
    return response;
  };
}
