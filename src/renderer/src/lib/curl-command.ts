import type { HeaderPair } from '../../../shared/models';
import { hasHeader, resendableHeaders } from './request-parts';
import { ansiCQuote, headerTextBytes, printfFormat, shellQuote } from './shell-quote';

/** What a command resends: the request as captured. */
export interface ResendRequest {
  method: string;
  /** Absolute URL, e.g. `http://127.0.0.1:4545/hooks/default?x=1`. */
  url: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
  /** `1.0` makes curl speak HTTP/1.0 too. */
  httpVersion?: string;
}

/** Above this size curl sends `Expect: 100-continue` on its own; the original request did not. */
const EXPECT_THRESHOLD = 1024 * 1024;

const quoteText = (text: string): string => shellQuote(new TextEncoder().encode(text));

/**
 * A bash command that sends exactly the captured request with curl: same method, URL, every header in order
 * (those curl computes itself are left to it) and the body byte for byte through `--data-binary $'…'`. A body with
 * a NUL byte cannot live in a bash string, so it is piped from `printf` instead. Headers curl would add on its own
 * (User-Agent, Accept, a form Content-Type) are switched off when the capture had none.
 */
export function buildCurlCommand(request: ResendRequest): string {
  const method = request.method.toUpperCase();
  const hasBody = request.body.length > 0;
  const headers = resendableHeaders(request.headers);
  const args: string[] = [];
  const implied = hasBody ? 'POST' : 'GET';
  if (method === 'HEAD' && !hasBody) args.push('--head');
  else if (method !== implied) args.push(`-X ${quoteText(method)}`);
  if (request.httpVersion === '1.0') args.push('--http1.0');
  // curl would expand [..] and {..} in the URL as globs, and squash /./ and /../ segments.
  if (/[[\]{}]/.test(request.url)) args.push('--globoff');
  if (/\/\.\.?(\/|$|\?)/.test(request.url)) args.push('--path-as-is');
  args.push(shellQuote(headerTextBytes(request.url)));
  for (const [name, value] of headers) {
    // `Name:` would remove the header in curl; `Name;` sends it with an empty value.
    const line = value === '' ? `${name};` : `${name}: ${value}`;
    args.push(`-H ${shellQuote(headerTextBytes(line))}`);
  }
  if (!hasHeader(headers, 'user-agent')) args.push("-H 'User-Agent:'");
  if (!hasHeader(headers, 'accept')) args.push("-H 'Accept:'");
  if (hasBody && !hasHeader(headers, 'content-type')) args.push("-H 'Content-Type:'");
  if (request.body.length > EXPECT_THRESHOLD && !hasHeader(headers, 'expect')) args.push("-H 'Expect:'");
  let prefix = '';
  if (hasBody && request.body.includes(0)) {
    prefix = `printf ${printfFormat(request.body)} | `;
    args.push('--data-binary @-');
  } else if (hasBody) {
    args.push(`--data-binary ${ansiCQuote(request.body)}`);
  }
  return `${prefix}curl ${args.join(' \\\n  ')}`;
}
