import type { CaptureDetail } from '../../../shared/models';
import { buildCurlCommand, type ResendRequest } from './curl-command';
import { base64ToBytes } from './decode-body';
import { buildFetchSnippet } from './fetch-snippet';
import { captureAddress } from './request-parts';

/** The request a capture describes, addressed to the receiver it arrived at. */
export function resendRequestOf(detail: CaptureDetail, receiverUrl: string | null): ResendRequest {
  return {
    method: detail.method,
    url: captureAddress(receiverUrl, detail.url),
    headers: detail.headers,
    body: base64ToBytes(detail.bodyBase64),
    httpVersion: detail.httpVersion,
  };
}

/** `Copy as curl` for a capture: a bash command that sends the same bytes to the same receiver address. */
export function curlForCapture(detail: CaptureDetail, receiverUrl: string | null): string {
  return buildCurlCommand(resendRequestOf(detail, receiverUrl));
}

/** `Copy as fetch` for a capture: a JavaScript snippet that sends the same request. */
export function fetchForCapture(detail: CaptureDetail, receiverUrl: string | null): string {
  return buildFetchSnippet(resendRequestOf(detail, receiverUrl));
}
