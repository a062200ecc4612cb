import { formatBytes, formatClock } from '../../shared/format';
import type { CaptureDetail, CaptureSummary, DownstreamExchange, HeaderPair } from '../../shared/models';
import type { SignatureSummary } from '../../shared/signature-models';

const URL_WIDTH = 60;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Local date and time with milliseconds, `YYYY-MM-DD HH:MM:SS.mmm`: a history spans days, so the date is needed. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ms)}`;
}

/** "1 capture", "3 captures". */
export function captureCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'capture' : 'captures'}`;
}

function statusText(status: number): string {
  return status === 0 ? 'none' : String(status);
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The signature column: the verdict, or `-` when the inbox did not verify. */
function verdictCell(signature: SignatureSummary): string {
  return signature.scheme === null && signature.verdict === 'unconfigured' ? '-' : signature.verdict;
}

/**
 * The rows of `history list`: a header line, then one aligned line per capture (id, local time, method, inbox, URL,
 * answered status, content type, body size, signature verdict).
 */
export function captureTable(captures: readonly CaptureSummary[]): string[] {
  const header = ['ID', 'TIME', 'METHOD', 'INBOX', 'URL', 'STATUS', 'TYPE', 'SIZE', 'SIGNATURE'];
  const rows = [
    header,
    ...captures.map((c) => [
      String(c.id),
      formatDateTime(c.receivedAt),
      c.method,
      c.inbox,
      shorten(c.url, URL_WIDTH),
      statusText(c.status),
      c.contentType?.split(';')[0]?.trim() || '-',
      formatBytes(c.size) + (c.truncated ? ' (truncated)' : ''),
      verdictCell(c.signature),
    ]),
  ];
  const widths = header.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)));
  return rows.map((row) =>
    row
      .map((cell, col) => (col === 0 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType);
}

/** A body for reading in a terminal: pretty JSON when it is JSON, its text when UTF-8, else a note. */
export function bodyText(bodyBase64: string, contentType: string | null): string[] {
  const bytes = Buffer.from(bodyBase64, 'base64');
  if (bytes.length === 0) return ['(empty body)'];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return [`(binary body, ${formatBytes(bytes.length)}: not shown; use --json to get it as base64)`];
  }
  const trimmed = text.trim();
  if (isJsonType(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2).split('\n');
    } catch {
      // Not JSON after all: show it as text.
    }
  }
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

function headerLines(headers: readonly HeaderPair[]): string[] {
  return headers.length ? headers.map(([name, value]) => `  ${name}: ${value}`) : ['  (none)'];
}

function contentTypeOf(headers: readonly HeaderPair[]): string | null {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
}

function exchangeLine(kind: string, e: DownstreamExchange): string {
  const outcome =
    e.status === null
      ? `failed: ${e.error ?? 'no answer'}`
      : `${e.status} after ${Math.round(e.durationMs)} ms`;
  return `${kind} ${e.method} ${e.url} at ${formatDateTime(e.at)}: ${outcome}`;
}

const SIGNED_CONTENT_SHOWN = 2000;

/** The signature check of `history show`: verdict and reason, then what was compared (the secret masked). */
export function signatureText(c: CaptureDetail): string[] {
  const { signature: s, verification: v } = c;
  if (s.scheme === null && s.verdict === 'unconfigured')
    return ['Signature: not checked (the inbox does not verify)'];
  const lines = [`Signature (${s.scheme ?? 'none'}): ${s.verdict}${s.reason ? ` — ${s.reason}` : ''}`];
  if (!v) return lines;
  if (v.cause) lines.push(`  cause: ${v.cause}`);
  if (v.secretMasked) lines.push(`  secret: ${v.secretMasked}`);
  if (v.expected) lines.push(`  expected: ${v.expected}`);
  if (v.received) lines.push(`  received: ${v.received}`);
  if (v.signedContent !== null) {
    const shown = v.signedContent.slice(0, SIGNED_CONTENT_SHOWN);
    const more = v.signedContent.length - shown.length;
    lines.push(
      `  signed content: ${JSON.stringify(shown)}${more > 0 ? ` … (${more} more characters; --json has all)` : ''}`,
    );
  }
  for (const detail of v.details) lines.push(`  - ${detail}`);
  return lines;
}

/** The check of `history show`: verdict, the documented event, then one line per finding. */
export function checkText(c: CaptureDetail): string[] {
  const { check } = c;
  if (check.verdict === 'pending') return ['Check: pending (not checked against the documentation yet)'];
  const event = check.provider && check.eventType ? ` — ${check.provider} ${check.eventType}` : '';
  const counts = [
    check.errors ? `${check.errors} error${check.errors === 1 ? '' : 's'}` : '',
    check.warnings ? `${check.warnings} warning${check.warnings === 1 ? '' : 's'}` : '',
  ].filter((p) => p !== '');
  const lines = [`Check: ${check.verdict}${event}${counts.length ? ` (${counts.join(', ')})` : ''}`];
  for (const f of c.checkDetail?.result?.findings ?? [])
    lines.push(
      `  ${f.severity === 'info' ? 'note' : f.severity} ${f.kind} ${f.path || '(body)'}: ${f.message}`,
    );
  return lines;
}

/** `history show`: what arrived (line, facts, headers, body), then what was answered, forwarded and replayed. */
export function captureText(c: CaptureDetail): string[] {
  const facts = [
    `Received ${formatDateTime(c.receivedAt)}${c.remoteAddress ? ` from ${c.remoteAddress}` : ''}`,
    `inbox ${c.inbox}${c.unmatched ? ' (path matched no inbox)' : ''}`,
    ...(c.route === 'direct' ? [] : [`via ${c.route === 'relay' ? 'a relay' : c.route}`]),
    ...(c.deliveryId ? [`attempt ${c.attempt} of delivery ${c.deliveryId}`] : []),
    ...(c.pinned ? ['pinned'] : []),
  ];
  const size = Buffer.byteLength(c.bodyBase64, 'base64');
  return [
    `#${c.id}  ${c.method} ${c.url}  HTTP/${c.httpVersion}`,
    facts.join(' · '),
    '',
    'Request headers:',
    ...headerLines(c.headers),
    '',
    `Request body (${formatBytes(size)}${c.truncated ? ', truncated: only this much was kept' : ''}):`,
    ...bodyText(c.bodyBase64, c.contentType),
    '',
    ...signatureText(c),
    ...checkText(c),
    '',
    ...(c.response.status === 0
      ? ['Response: none (the inbox never answered)']
      : [
          `Response ${c.response.status} after ${Math.round(c.durationMs)} ms:`,
          ...headerLines(c.response.headers),
          '',
          ...bodyText(c.response.bodyBase64, contentTypeOf(c.response.headers)),
        ]),
    ...(c.forwarded || c.replays.length ? [''] : []),
    ...(c.forwarded ? [exchangeLine('Forwarded', c.forwarded)] : []),
    ...c.replays.map((r) => exchangeLine('Replayed', r)),
  ];
}
