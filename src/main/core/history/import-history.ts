import { z } from 'zod';
import { captureRoute, downstreamExchange } from '../../../shared/models';
import { signatureSummary, type SignatureSummary } from '../../../shared/signature-models';
import type { NewCapture, StoredSignature } from '../../db/capture-repository';
import { HookbenchError } from '../errors';
import { headerValue, pathOf } from '../receiver/capture-pipeline';

/** Strict base64 (Buffer.from would silently skip junk characters and lose bytes). */
const base64 = z.base64({ error: 'expected base64 (A–Z, a–z, 0–9, + and /, with = padding)' });
const wholeFrom = (min: number): z.ZodNumber =>
  z
    .number()
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected a whole number from ${min}` });

/** A header as exported: `[name, value]`, both strings (same shape as the shared `headerPair`, with a plain message). */
const headerPair = z.tuple([z.string(), z.string()], { error: 'expected a [name, value] pair of strings' });
const exchange = downstreamExchange.extend({ headers: z.array(headerPair), bodyBase64: base64 });

/**
 * One line of a Hookbench NDJSON export. The issue's minimum fields are required; the rest default to what a fresh
 * capture has. Unknown fields are ignored, so files from newer versions still import. `id` is read but not reused.
 */
const importLine = z.object({
  id: z.number().optional(),
  inbox: z.string().min(1, { error: 'expected an inbox slug' }),
  receivedAt: z.iso
    .datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2024-05-01T12:00:00.123Z' })
    .transform((iso) => Date.parse(iso)),
  method: z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: 'expected an HTTP method such as POST' }),
  url: z.string().min(1, { error: 'expected the path and query as received' }),
  httpVersion: z.string().min(1, { error: 'expected an HTTP version such as 1.1' }),
  headers: z.array(headerPair),
  bodyBase64: base64,
  remoteAddress: z.string().nullable(),
  response: z.object({
    status: wholeFrom(0),
    headers: z.array(headerPair),
    bodyBase64: base64,
  }),
  durationMs: z.number().nonnegative({ error: 'expected a number from 0' }).default(0),
  truncated: z.boolean().default(false),
  unmatched: z.boolean().default(false),
  deliveryId: z.string().nullable().default(null),
  attempt: wholeFrom(1).default(1),
  pinned: z.boolean().default(false),
  signature: signatureSummary.optional(),
  /** Older exports have none (direct); a route this version does not know also reads as direct. */
  route: captureRoute.catch('direct'),
  forwarded: exchange.nullable().default(null),
  replays: z.array(exchange).default([]),
});

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  tuple: 'a [name, value] pair',
  object: 'an object',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'an object';
}

/** The value at a zod issue path, to say what was found instead. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `response.headers[2][0]` from `['response', 'headers', 2, 0]`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue, line: unknown): string {
  const where = issue.path.length ? `field ${fieldPath(issue.path)}: ` : '';
  if (issue.code === 'invalid_type') {
    if (issue.path.length === 0) return 'expected a JSON object (one capture per line)';
    const found = valueAt(line, issue.path);
    if (found === undefined) return `${where}missing`;
    return `${where}expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(found)}`;
  }
  return `${where}${issue.message}`;
}

/**
 * An exported verdict is kept as it was made at arrival: checking again here would need the secret, and every old
 * timestamp would now be outside the tolerance.
 */
function importedSignature(summary: SignatureSummary, receivedAt: number): StoredSignature | undefined {
  if (summary.verdict === 'unconfigured' && summary.scheme === null) return undefined;
  return {
    ...summary,
    cause: null,
    detail: {
      signed: null,
      expected: null,
      received: null,
      secretMasked: null,
      details: ['Imported: the verdict of the Hookbench that exported this capture, not checked again here.'],
      checkedAt: receivedAt,
    },
  };
}

/** Looks like `{"log": …`: a HAR file, which import does not read. */
const HAR_START = /^\s*\{\s*"log"\s*:/;

/**
 * Parses a Hookbench NDJSON export into captures ready to insert, checking every line before anything is stored.
 * Blank lines, CRLF line ends and a leading UTF-8 BOM are tolerated. A bad line throws an `invalid_input` error naming
 * the file, the 1-based line and the field, so the caller can refuse the whole file (all or nothing).
 */
export function parseNdjsonImport(content: string, filename: string): NewCapture[] {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (HAR_START.test(text)) {
    throw new HookbenchError(
      'invalid_input',
      `${filename} is a HAR file. Import reads Hookbench NDJSON exports (one capture per line, ` +
        'as written by export with the ndjson format); HAR is for other tools.',
    );
  }
  const fail = (lineNumber: number, problem: string): never => {
    throw new HookbenchError('invalid_input', `${filename}: line ${lineNumber}: ${problem}`);
  };
  const captures: NewCapture[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      fail(i + 1, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = importLine.safeParse(json);
    if (!parsed.success) {
      const [first] = parsed.error.issues;
      return fail(i + 1, first ? describeIssue(first, json) : 'not a capture');
    }
    const line = parsed.data;
    captures.push({
      inbox: line.inbox,
      receivedAt: line.receivedAt,
      method: line.method,
      url: line.url,
      path: pathOf(line.url),
      httpVersion: line.httpVersion,
      headers: line.headers,
      contentType: headerValue(line.headers, 'content-type'),
      body: Buffer.from(line.bodyBase64, 'base64'),
      truncated: line.truncated,
      remoteAddress: line.remoteAddress,
      durationMs: line.durationMs,
      response: {
        status: line.response.status,
        headers: line.response.headers,
        body: Buffer.from(line.response.bodyBase64, 'base64'),
      },
      unmatched: line.unmatched,
      deliveryId: line.deliveryId,
      attempt: line.attempt,
      pinned: line.pinned,
      forwarded: line.forwarded,
      replays: line.replays,
      route: line.route,
      ...(line.signature ? { signature: importedSignature(line.signature, line.receivedAt) } : {}),
    });
  }
  if (captures.length === 0) throw new HookbenchError('invalid_input', `${filename} contains no captures.`);
  return captures;
}
