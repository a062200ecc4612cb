import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrapApi, BridgeError } from '../../../../src/renderer/src/lib/bridge';
import { createHttpTransport, TOKEN_HEADER } from '../../../../src/renderer/src/lib/http-transport';
import { FakeEventSource } from '../helpers/fake-event-source';
import { summary } from '../helpers/fixtures';

type FetchArgs = [string, RequestInit];

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn((url: string, init: RequestInit) => Promise.resolve(respond(url, init)));
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function transport(fetchFn: ReturnType<typeof fakeFetch>, token: string | null = 'tok-123') {
  return createHttpTransport({
    token,
    fetch: fetchFn as unknown as typeof fetch,
    createEventSource: (url) => new FakeEventSource(url),
  });
}

beforeEach(() => {
  FakeEventSource.instances = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HTTP transport requests', () => {
  it('posts the JSON input to /api/<channel> with the token header', async () => {
    const page = { items: [summary(2)], total: 1, totalCapped: false };
    const fetchFn = fakeFetch(() => json({ ok: true, data: page }));
    const { raw } = transport(fetchFn);

    const result = await raw.history.list({ beforeId: 10, limit: 50 });

    expect(result).toEqual({ ok: true, data: page });
    const [url, init] = fetchFn.mock.calls[0] as FetchArgs;
    expect(url).toBe('/api/history:list');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ [TOKEN_HEADER]: 'tok-123', 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ beforeId: 10, limit: 50 });
  });

  it('sends {} when a channel is called without input', async () => {
    const fetchFn = fakeFetch(() => json({ ok: true, data: {} }));
    // The shared Caller type makes the input required for no-input channels; undefined is what a bare call sends.
    await transport(fetchFn).raw.receiver.status(undefined);
    const [url, init] = fetchFn.mock.calls[0] as FetchArgs;
    expect(url).toBe('/api/receiver:status');
    expect(init.body).toBe('{}');
  });

  it('reads the Result in the body of an HTTP error answer', async () => {
    const error = { code: 'not_found', message: 'No capture #9.' };
    const fetchFn = fakeFetch(() => json({ ok: false, error }, 404));
    expect(await transport(fetchFn).raw.history.get({ id: 9 })).toEqual({ ok: false, error });
  });

  it('turns a body that is not JSON into an unavailable error naming the status', async () => {
    const fetchFn = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const result = await transport(fetchFn).raw.history.get({ id: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The Hookbench server answered history:get with HTTP 502 and a body that is not JSON.',
      },
    });
  });

  it('turns JSON that is not a Result into an unavailable error', async () => {
    const fetchFn = fakeFetch(() => json({ hello: 'world' }));
    const result = await transport(fetchFn).raw.app.info({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
  });

  it('reports a server that cannot be reached in plain words', async () => {
    const fetchFn = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    const { raw } = createHttpTransport({
      token: 't',
      fetch: fetchFn,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const result = await raw.app.info({});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'Cannot reach the Hookbench server (Failed to fetch). Is `hookbench serve` still running?',
      },
    });
  });

  it('without a token, sends nothing and says how to open the page', async () => {
    const fetchFn = fakeFetch(() => json({ ok: true, data: {} }));
    const { raw, connection } = transport(fetchFn, null);
    const result = await raw.app.info({});
    expect(fetchFn).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('forbidden');
      expect(result.error.message).toContain('?token=');
    }
    expect(connection.current()).toBe('disconnected');
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('is unwrapped by the bridge: data on success, BridgeError with code and message on failure', async () => {
    const responses = [
      json({ ok: true, data: { items: [], total: 0, totalCapped: false } }),
      json(
        { ok: false, error: { code: 'invalid_input', message: 'Invalid input for history:list: limit' } },
        400,
      ),
    ];
    const fetchFn = fakeFetch(() => responses.shift() ?? json({}));
    const { raw } = transport(fetchFn);
    const api = unwrapApi(() => raw);

    await expect(api.history.list({})).resolves.toEqual({ items: [], total: 0, totalCapped: false });
    const failure = api.history.list({ limit: 9999 });
    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Invalid input for history:list: limit',
    });
  });
});

describe('HTTP transport events', () => {
  it('opens /api/events with the token and delivers parsed payloads by event name', () => {
    const { raw } = transport(
      fakeFetch(() => json({})),
      'a b&c',
    );
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/events?token=a%20b%26c');

    const captures: unknown[] = [];
    const statuses: unknown[] = [];
    const stop = raw.on('capture:received', (c) => captures.push(c));
    raw.on('receiver:changed', (s) => statuses.push(s));
    stream.push('capture:received', JSON.stringify(summary(7)));
    stream.push('receiver:changed', JSON.stringify({ state: 'stopped' }));
    stop();
    stream.push('capture:received', JSON.stringify(summary(8)));

    expect(captures).toEqual([summary(7)]);
    expect(statuses).toEqual([{ state: 'stopped' }]);
  });

  it('reports an event whose data is not JSON instead of dropping it silently', () => {
    const problems: string[] = [];
    const { raw } = createHttpTransport({
      token: 't',
      fetch: fakeFetch(() => json({})) as unknown as typeof fetch,
      createEventSource: (url) => new FakeEventSource(url),
      onProblem: (message) => problems.push(message),
    });
    const listener = vi.fn();
    raw.on('capture:received', listener);
    FakeEventSource.latest().push('capture:received', 'not json');
    expect(listener).not.toHaveBeenCalled();
    expect(problems[0]).toContain('"capture:received" event whose data is not JSON');
  });

  it('reports connecting, connected and reconnecting as the stream comes and goes', () => {
    const { connection } = transport(fakeFetch(() => json({})));
    const seen: string[] = [];
    connection.subscribe((state) => seen.push(state));
    const stream = FakeEventSource.latest();
    expect(connection.current()).toBe('connecting');
    stream.open();
    stream.fail();
    stream.open();
    expect(seen).toEqual(['connected', 'reconnecting', 'connected']);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('opens a new stream after a delay when the browser gives up on the old one', () => {
    vi.useFakeTimers();
    const { raw, connection } = transport(fakeFetch(() => json({})));
    const listener = vi.fn();
    raw.on('capture:received', listener);
    const first = FakeEventSource.latest();
    first.open();
    first.fail(true);
    expect(connection.current()).toBe('reconnecting');
    expect(first.closed).toBe(true);

    vi.advanceTimersByTime(1000);
    const second = FakeEventSource.latest();
    expect(second).not.toBe(first);
    second.open();
    expect(connection.current()).toBe('connected');
    second.push('capture:received', JSON.stringify(summary(3)));
    expect(listener).toHaveBeenCalledWith(summary(3));
  });
});
