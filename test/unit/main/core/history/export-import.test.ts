import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportHistory } from '../../../../../src/main/core/history/export-history';
import { parseNdjsonImport } from '../../../../../src/main/core/history/import-history';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import type { CaptureDetail } from '../../../../../src/shared/models';
import { startDownstream } from '../../../../helpers/downstream-server';
import { rawRequest } from '../../../../helpers/raw-http';
import { makeTempDir } from '../../../../helpers/temp-dir';

/** A raw HTTP/1.1 request with headers exactly as listed (case, order, duplicates) and the body bytes. */
function raw(
  method: string,
  target: string,
  port: number,
  headers: [string, string][],
  body = Buffer.alloc(0),
): Buffer {
  const head = [
    `${method} ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    ...headers.map(([n, v]) => `${n}: ${v}`),
    `Content-Length: ${body.length}`,
    'Connection: close',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]);
}

const INVALID_UTF8 = Buffer.from([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a, 0x7b]);
const GZIPPED = gzipSync(Buffer.from('{"type":"CredoAI.use_case_name_updated.v1","data":{"id":"uc_1"}}'));

/** Every stored fact of a capture but its id, which an import does not keep. */
function withoutId(c: CaptureDetail): Partial<CaptureDetail> {
  const copy: Partial<CaptureDetail> = { ...c };
  delete copy.id;
  // The check against the documentation is derived: imported captures are checked again after the import.
  delete copy.check;
  delete copy.checkDetail;
  return copy;
}

async function allDetails(wb: Workbench): Promise<CaptureDetail[]> {
  const { items } = await wb.handlers['history:list']({ limit: 500 });
  const details: CaptureDetail[] = [];
  for (const c of items.reverse()) details.push(await wb.handlers['history:get']({ id: c.id }));
  return details;
}

describe('history export and import', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const open: Workbench[] = [];
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    for (const wb of open.splice(0)) await wb.close();
    temp.remove();
  });

  function workbench(dir: string, inboxes: string[] = []): Workbench {
    const wb = createWorkbench({
      dataDir: `${temp.dir}/${dir}`,
      mode: 'browser',
      version: 't',
      receiver: { port: 0 },
      inboxes,
    });
    open.push(wb);
    return wb;
  }

  /** Captures of every awkward kind, sent over raw sockets, plus a pin and a stored replay. */
  async function seed(wb: Workbench): Promise<void> {
    const { port } = await wb.start();
    await rawRequest(
      port,
      raw(
        'POST',
        '/hooks/alpha/bin?x=1&y=%20z&x=2',
        port,
        [
          ['Content-Type', 'application/octet-stream'],
          ['X-Dup', 'one'],
          ['x-dup', 'Two'],
          ['X-Custom-Signature', 'sig=abc'],
        ],
        INVALID_UTF8,
      ),
    );
    await rawRequest(
      port,
      raw(
        'POST',
        '/hooks/default',
        port,
        [
          ['content-type', 'application/json'],
          ['Content-Encoding', 'gzip'],
          ['svix-id', 'msg_1'],
          ['Svix-Signature', 'v1,c2lnbmF0dXJl'],
          ['Authorization', 'Bearer secret-token'],
          ['Cookie', 'session=s3cret'],
        ],
        GZIPPED,
      ),
    );
    await rawRequest(
      port,
      raw('POST', '/hooks/default', port, [['svix-id', 'msg_1']], Buffer.from('{"retry":true}')),
    );
    await rawRequest(port, raw('GET', '/elsewhere?only=query', port, [['Accept', '*/*']]));
    const { items } = await wb.handlers['history:list']({ limit: 10 });
    expect(items).toHaveLength(4);
    await wb.handlers['history:pin']({ id: items[0]!.id, pinned: true });
    const downstream = await startDownstream();
    try {
      await wb.handlers['history:replay']({
        id: items[0]!.id,
        url: `${downstream.url}/replayed`,
        timeoutMs: 5000,
      });
    } finally {
      await downstream.close();
    }
  }

  it('round-trips every capture byte for byte through NDJSON into another data directory', async () => {
    const source = workbench('a', ['alpha']);
    await seed(source);
    const before = await allDetails(source);
    const exported = await source.handlers['history:export']({ format: 'ndjson', filter: {}, redact: false });
    expect(exported.count).toBe(4);
    expect(exported.mimeType).toBe('application/x-ndjson');
    expect(exported.filename).toMatch(/^hookbench-.*\.ndjson$/);

    const lines = exported.content.split('\n');
    expect(lines.at(-1)).toBe('');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'id',
      'inbox',
      'receivedAt',
      'method',
      'url',
      'httpVersion',
      'headers',
      'bodyBase64',
      'remoteAddress',
      'response',
      'durationMs',
      'truncated',
      'unmatched',
      'deliveryId',
      'attempt',
      'pinned',
      'signature',
      'route',
      'forwarded',
      'replays',
    ]);
    expect(first.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.url).toBe('/hooks/alpha/bin?x=1&y=%20z&x=2');

    const target = workbench('b', ['alpha']);
    const { imported } = await target.handlers['history:import']({
      content: exported.content,
      filename: 'x.ndjson',
    });
    expect(imported).toBe(4);
    const after = await allDetails(target);
    expect(after.map(withoutId)).toEqual(before.map(withoutId));

    // The bytes themselves, not only their base64 spelling.
    const [bin, gz, retry, get] = after;
    expect(Buffer.from(bin!.bodyBase64, 'base64').equals(INVALID_UTF8)).toBe(true);
    expect(bin!.headers.filter(([n]) => n.toLowerCase() === 'x-dup')).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'Two'],
    ]);
    expect(bin).toMatchObject({
      inbox: 'alpha',
      unmatched: false,
      path: '/hooks/alpha/bin',
      contentType: 'application/octet-stream',
    });
    expect(Buffer.from(gz!.bodyBase64, 'base64').equals(GZIPPED)).toBe(true);
    expect(gz).toMatchObject({
      inbox: 'default',
      deliveryId: 'msg_1',
      attempt: 1,
      contentType: 'application/json',
    });
    expect(retry).toMatchObject({ deliveryId: 'msg_1', attempt: 2 });
    expect(get).toMatchObject({ method: 'GET', bodyBase64: '', size: 0, pinned: true, unmatched: true });
    expect(get!.replays).toHaveLength(1);
    expect(get!.replays[0]).toMatchObject({
      status: 201,
      url: expect.stringMatching(/\/replayed$/) as unknown,
    });
    expect(after.map((c) => c.receivedAt)).toEqual(before.map((c) => c.receivedAt));
    expect(after.every((c) => c.response.status === 200)).toBe(true);

    // Exporting the copy gives the same file, ids aside.
    const again = await target.handlers['history:export']({ format: 'ndjson', filter: {}, redact: false });
    const noIds = (text: string) => text.replace(/^\{"id":\d+,/gm, '{');
    expect(noIds(again.content)).toBe(noIds(exported.content));
  });

  it('creates an inbox the target lacks, so imported captures keep their inbox', async () => {
    const source = workbench('a', ['alpha']);
    await seed(source);
    const { content } = await source.handlers['history:export']({
      format: 'ndjson',
      filter: { inbox: 'alpha' },
      redact: false,
    });
    const target = workbench('b');
    await target.handlers['history:import']({ content, filename: 'x.ndjson' });
    const [only] = (await target.handlers['history:list']({ limit: 100 })).items;
    expect(only).toMatchObject({ inbox: 'alpha', unmatched: false, url: '/hooks/alpha/bin?x=1&y=%20z&x=2' });
    const inboxes = await target.handlers['inbox:list']({});
    expect(inboxes.map((i) => [i.slug, i.captureCount])).toEqual([
      ['default', 0],
      ['alpha', 1],
    ]);
  });

  it('writes a HAR 1.2 log with absolute URLs, ordered headers and base64 for binary bodies', async () => {
    const wb = workbench('a', ['alpha']);
    await seed(wb);
    const port = wb.status().port;
    const har = await wb.handlers['history:export']({ format: 'har', filter: {}, redact: false });
    expect(har.filename).toMatch(/\.har$/);
    const { log } = JSON.parse(har.content) as { log: HarLog };
    expect(log.version).toBe('1.2');
    expect(log.creator.name).toBe('Hookbench');
    expect(typeof log.creator.version).toBe('string');
    expect(log.entries).toHaveLength(4);
    const [bin, gz, retry, get] = log.entries;
    expect(bin!.request.url).toBe(`http://127.0.0.1:${port}/hooks/alpha/bin?x=1&y=%20z&x=2`);
    expect(bin!.request.httpVersion).toBe('HTTP/1.1');
    expect(bin!.request.queryString).toEqual([
      { name: 'x', value: '1' },
      { name: 'y', value: ' z' },
      { name: 'x', value: '2' },
    ]);
    expect(bin!.request.headers.map((h) => h.name)).toEqual([
      'Host',
      'Content-Type',
      'X-Dup',
      'x-dup',
      'X-Custom-Signature',
      'Content-Length',
      'Connection',
    ]);
    expect(bin!.request.postData).toEqual({
      mimeType: 'application/octet-stream',
      text: INVALID_UTF8.toString('base64'),
      encoding: 'base64',
    });
    expect(bin!.request.bodySize).toBe(INVALID_UTF8.length);
    expect(bin!._hookbench).toMatchObject({ inbox: 'alpha' });
    expect(Buffer.from(gz!.request.postData!.text, 'base64').equals(GZIPPED)).toBe(true);
    expect(gz!.request.cookies).toEqual([{ name: 'session', value: 's3cret' }]);
    expect(retry!.request.postData).toEqual({ mimeType: '', text: '{"retry":true}' });
    expect(get!.request.postData).toBeUndefined();
    expect(get!.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      content: { mimeType: 'application/json', text: '{"received":true}', size: 17 },
      redirectURL: '',
      headersSize: -1,
    });
    expect(get!.startedDateTime).toMatch(/Z$/);
    expect(get!.timings.wait).toBe(get!.time);
    expect(get!.cache).toEqual({});
  });

  it('redacts credential and signature header values on request, keeping order and every other header', async () => {
    const wb = workbench('a', ['alpha']);
    await seed(wb);
    const { content } = await wb.handlers['history:export']({ format: 'ndjson', filter: {}, redact: true });
    const [bin, gz] = content
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CaptureDetail);
    expect(bin!.headers.slice(1, 5)).toEqual([
      ['Content-Type', 'application/octet-stream'],
      ['X-Dup', 'one'],
      ['x-dup', 'Two'],
      ['X-Custom-Signature', '[redacted]'],
    ]);
    expect(gz!.headers.slice(1, 7)).toEqual([
      ['content-type', 'application/json'],
      ['Content-Encoding', 'gzip'],
      ['svix-id', 'msg_1'],
      ['Svix-Signature', '[redacted]'],
      ['Authorization', '[redacted]'],
      ['Cookie', '[redacted]'],
    ]);
    expect(content).not.toMatch(/secret-token|s3cret|c2lnbmF0dXJl|sig=abc/);
    const har = await wb.handlers['history:export']({ format: 'har', filter: {}, redact: true });
    expect(har.content).not.toMatch(/secret-token|s3cret|c2lnbmF0dXJl|sig=abc/);
  });

  it('redacts response, forwarded and replay headers too', () => {
    const exchange = {
      at: 0,
      method: 'POST',
      url: 'http://x',
      status: 200,
      headers: [
        ['Set-Cookie', 'a=b'],
        ['X-Ok', '1'],
      ] as [string, string][],
      bodyBase64: '',
      durationMs: 1,
      error: null,
    };
    const capture: CaptureDetail = {
      ...parsedCapture(),
      id: 1,
      size: 0,
      response: {
        status: 200,
        headers: [
          ['set-cookie', 'id=1'],
          ['X-API-KEY', 'k'],
        ],
        bodyBase64: '',
      },
      forwarded: exchange,
      replays: [exchange],
    };
    const line = JSON.parse(
      exportHistory([capture], 'ndjson', { redact: true, now: 0 }).content,
    ) as CaptureDetail;
    expect(line.response.headers).toEqual([
      ['set-cookie', '[redacted]'],
      ['X-API-KEY', '[redacted]'],
    ]);
    expect(line.forwarded!.headers).toEqual([
      ['Set-Cookie', '[redacted]'],
      ['X-Ok', '1'],
    ]);
    expect(line.replays[0]!.headers[0]).toEqual(['Set-Cookie', '[redacted]']);
    expect(exportHistory([], 'ndjson', { redact: false, now: 0 })).toEqual({ content: '', count: 0 });
  });

  describe('import errors name the file, the line and the field', () => {
    const good = JSON.stringify(minimalLine());
    const withLine = (patch: Record<string, unknown>, at = 3): string => {
      const lines = [good, good, good];
      lines[at - 1] = JSON.stringify({ ...minimalLine(), ...patch });
      return lines.join('\n');
    };
    const cases: [string, string, RegExp][] = [
      [
        'wrong type',
        withLine({ response: { status: '200', headers: [], bodyBase64: '' } }),
        /^c\.ndjson: line 3: field response\.status: expected a number, got a string$/,
      ],
      ['missing field', withLine({ method: undefined }, 2), /^c\.ndjson: line 2: field method: missing$/],
      [
        'bad base64',
        withLine({ bodyBase64: 'eyJh$$==' }),
        /^c\.ndjson: line 3: field bodyBase64: expected base64/,
      ],
      [
        'bad header pair',
        withLine({ headers: [['A', 1]] }),
        /^c\.ndjson: line 3: field headers\[0\]\[1\]: expected a string/,
      ],
      [
        'bad date',
        withLine({ receivedAt: 'yesterday' }),
        /^c\.ndjson: line 3: field receivedAt: expected an ISO 8601 date-time/,
      ],
      ['bad JSON', `${good}\n${good}\n{"id": 1,`, /^c\.ndjson: line 3: not valid JSON \(.+\)$/],
      ['not an object', `${good}\n[1,2]`, /^c\.ndjson: line 2: expected a JSON object/],
      ['empty file', '', /^c\.ndjson contains no captures\.$/],
      ['blank lines only', '\n  \n\r\n', /^c\.ndjson contains no captures\.$/],
      [
        'HAR given',
        '{\n  "log": {"version": "1.2", "entries": []}\n}\n',
        /c\.ndjson is a HAR file\. Import reads Hookbench NDJSON exports/,
      ],
    ];
    for (const [name, content, message] of cases) {
      it(name, () => {
        expect(() => parseNdjsonImport(content, 'c.ndjson')).toThrow(message);
        try {
          parseNdjsonImport(content, 'c.ndjson');
        } catch (error) {
          expect(error).toMatchObject({ name: 'HookbenchError', code: 'invalid_input' });
        }
      });
    }

    it('accepts the minimum fields, a BOM, CRLF line ends and blank lines, with sensible defaults', () => {
      const [capture] = parseNdjsonImport(`\uFEFF${good}\r\n\r\n`, 'c.ndjson');
      expect(capture).toEqual({
        inbox: 'default',
        receivedAt: Date.parse('2024-05-01T12:00:00.123Z'),
        method: 'POST',
        url: '/hooks/default?a=1',
        path: '/hooks/default',
        httpVersion: '1.1',
        headers: [['CONTENT-type', 'text/plain']],
        contentType: 'text/plain',
        body: Buffer.from('hi'),
        truncated: false,
        remoteAddress: null,
        durationMs: 0,
        response: { status: 204, headers: [], body: Buffer.alloc(0) },
        unmatched: false,
        deliveryId: null,
        attempt: 1,
        pinned: false,
        forwarded: null,
        replays: [],
        route: 'direct',
      });
    });
  });

  it('stores nothing when any line is bad (all or nothing)', async () => {
    const wb = workbench('a');
    const good = JSON.stringify(minimalLine());
    const bad = JSON.stringify({ ...minimalLine(), attempt: 0 });
    expect(() =>
      wb.handlers['history:import']({ content: [good, good, bad, good].join('\n'), filename: 'c.ndjson' }),
    ).toThrow('c.ndjson: line 3: field attempt: expected a whole number from 1');
    expect((await wb.handlers['history:list']({ limit: 100 })).total).toBe(0);
    expect(
      await wb.handlers['history:import']({ content: [good, good].join('\n'), filename: 'c.ndjson' }),
    ).toEqual({ imported: 2 });
    expect((await wb.handlers['history:list']({ limit: 100 })).total).toBe(2);
  });
});

/** The minimum fields for one line. */
function minimalLine(): Record<string, unknown> {
  return {
    id: 7,
    inbox: 'default',
    receivedAt: '2024-05-01T12:00:00.123Z',
    method: 'POST',
    url: '/hooks/default?a=1',
    httpVersion: '1.1',
    headers: [['CONTENT-type', 'text/plain']],
    bodyBase64: Buffer.from('hi').toString('base64'),
    remoteAddress: null,
    response: { status: 204, headers: [], bodyBase64: '' },
  };
}

function parsedCapture(): Omit<CaptureDetail, 'id' | 'size'> {
  return {
    inbox: 'default',
    method: 'POST',
    url: '/',
    path: '/',
    contentType: null,
    receivedAt: 0,
    status: 200,
    truncated: false,
    unmatched: false,
    deliveryId: null,
    attempt: 1,
    pinned: false,
    signature: { scheme: null, verdict: 'unconfigured', reason: null },
    route: 'direct',
    check: { verdict: 'pending', provider: null, eventType: null, errors: 0, warnings: 0 },
    httpVersion: '1.1',
    headers: [],
    bodyBase64: '',
    remoteAddress: null,
    durationMs: 0,
    response: { status: 200, headers: [], bodyBase64: '' },
    forwarded: null,
    replays: [],
    verification: null,
  };
}

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    url: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    cookies: { name: string; value: string }[];
    postData?: { mimeType: string; text: string; encoding?: string };
    bodySize: number;
  };
  response: Record<string, unknown>;
  cache: Record<string, unknown>;
  timings: { wait: number };
  _hookbench: Record<string, unknown>;
}

interface HarLog {
  version: string;
  creator: { name: string; version: string };
  entries: HarEntry[];
}
