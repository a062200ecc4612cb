import { resendableHeaders } from './request-parts';
import type { ResendRequest } from './curl-command';

/** Methods fetch refuses to send a body with. */
const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

/** A JS array literal of bytes, 16 to a line. */
function bytesLiteral(bytes: Uint8Array, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = Array.from(bytes.subarray(i, i + 16), (b) => `0x${b.toString(16).padStart(2, '0')}`);
    lines.push(`${indent}  ${row.join(', ')},`);
  }
  return `new Uint8Array([\n${lines.join('\n')}\n${indent}])`;
}

/**
 * A JavaScript `fetch` call that resends the captured request (for a browser console or Node 18+): headers as a
 * list of pairs so order and duplicates survive, the body as a string when it is UTF-8, else as a `Uint8Array`
 * literal so every byte survives.
 */
export function buildFetchSnippet(request: ResendRequest): string {
  const method = request.method.toUpperCase();
  const headers = resendableHeaders(request.headers);
  const lines = [`await fetch(${JSON.stringify(request.url)}, {`, `  method: ${JSON.stringify(method)},`];
  if (headers.length > 0) {
    lines.push('  headers: [');
    for (const pair of headers) lines.push(`    ${JSON.stringify(pair)},`);
    lines.push('  ],');
  }
  if (request.body.length > 0) {
    if (NO_BODY_METHODS.has(method)) {
      lines.push(
        `  // The captured ${method} had a ${request.body.length}-byte body; fetch cannot send one.`,
      );
    } else {
      let text: string | null;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(request.body);
      } catch {
        text = null;
      }
      lines.push(`  body: ${text === null ? bytesLiteral(request.body, '  ') : JSON.stringify(text)},`);
    }
  }
  lines.push('});');
  return lines.join('\n');
}
