import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { sign, verify } from '../../../../../src/main/core/signatures/index';
import { allowedHostsFor, ArrivalRoutes } from '../../../../../src/main/core/tunnels/arrival-route';
import { BackoffPolicy } from '../../../../../src/main/core/tunnels/backoff-policy';
import { parseCloudflaredLine } from '../../../../../src/main/core/tunnels/cloudflared-tunnel';
import { findBinary } from '../../../../../src/main/core/tunnels/find-binary';
import { ngrokHasOwnAuthtoken, parseNgrokLine } from '../../../../../src/main/core/tunnels/ngrok-tunnel';
import { rebuildRequest } from '../../../../../src/main/core/tunnels/relay-client';
import { SseParser } from '../../../../../src/main/core/tunnels/sse-parser';
import { makeTempDir } from '../../../../helpers/temp-dir';

describe('reading the tools’ output', () => {
  it('cloudflared: the URL in the banner, not the API host of an error; ERR lines kept', () => {
    expect(
      parseCloudflaredLine(
        '2024-05-01T12:00:01Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                 |',
      ),
    ).toEqual({ kind: 'url', url: 'https://seasonal-deck-organisms-sf.trycloudflare.com' });
    expect(
      parseCloudflaredLine('2024-05-01T12:00:00Z INF Requesting new quick Tunnel on trycloudflare.com...'),
    ).toBeNull();
    expect(
      parseCloudflaredLine(
        'failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": EOF',
      ),
    ).toBeNull();
    expect(
      parseCloudflaredLine('2024-05-01T12:00:00Z ERR Failed to serve quic connection error="timeout"'),
    ).toEqual({
      kind: 'error',
      message: 'Failed to serve quic connection error="timeout"',
    });
  });

  it('ngrok: the started tunnel record; authtoken errors are final, others are kept', () => {
    expect(
      parseNgrokLine(
        '{"lvl":"info","msg":"started tunnel","obj":"tunnels","url":"https://a1b2.ngrok-free.app"}',
      ),
    ).toEqual({ kind: 'url', url: 'https://a1b2.ngrok-free.app' });
    expect(parseNgrokLine('{"lvl":"info","msg":"client session established"}')).toBeNull();
    expect(
      parseNgrokLine(
        '{"lvl":"eror","msg":"session closing","err":"authentication failed: bad\\r\\n\\r\\nERR_NGROK_105\\r\\n"}',
      ),
    ).toEqual({
      kind: 'fatal',
      message: 'session closing: authentication failed: bad ERR_NGROK_105',
      retry: false,
    });
    expect(parseNgrokLine('ERROR:  failed to start tunnel: bind: address already in use')).toEqual({
      kind: 'error',
      message: 'failed to start tunnel: bind: address already in use',
    });
  });

  it('finds the user’s own ngrok authtoken in its config or the environment', () => {
    const temp = makeTempDir();
    try {
      const file = join(temp.dir, 'ngrok.yml');
      writeFileSync(file, 'version: "3"\nagent:\n    authtoken: 2abc\n');
      expect(ngrokHasOwnAuthtoken([join(temp.dir, 'none.yml'), file], {})).toBe(true);
      writeFileSync(file, 'version: "3"\n');
      expect(ngrokHasOwnAuthtoken([file], {})).toBe(false);
      expect(ngrokHasOwnAuthtoken([file], { NGROK_AUTHTOKEN: 'x' })).toBe(true);
    } finally {
      temp.remove();
    }
  });
});

describe('finding programs', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('searches the PATH, then the extra folders; skips files that are not executable', () => {
    const a = join(temp.dir, 'a');
    const b = join(temp.dir, 'b');
    for (const dir of [a, b]) mkdirSync(dir);
    writeFileSync(join(a, 'cloudflared'), '#!/bin/sh\n');
    writeFileSync(join(b, 'cloudflared'), '#!/bin/sh\n');
    chmodSync(join(b, 'cloudflared'), 0o755);
    expect(findBinary('cloudflared', null, { env: { PATH: a }, extraDirs: [b], platform: 'linux' })).toEqual({
      found: true,
      path: join(b, 'cloudflared'),
      source: 'path',
    });
    expect(findBinary('cloudflared', null, { env: { PATH: a }, extraDirs: [], platform: 'linux' })).toEqual({
      found: false,
      problem: 'cloudflared is not installed (not found on the PATH).',
    });
    // A configured path must be the tool: the setting is no way to run any program.
    expect(findBinary('cloudflared', '/bin/sh', { env: {}, platform: 'linux' })).toEqual({
      found: false,
      problem: 'The configured program /bin/sh is not cloudflared (its name must start with cloudflared).',
    });
    expect(findBinary('cloudflared', join(b, 'cloudflared'), { env: {}, platform: 'linux' })).toEqual({
      found: true,
      path: join(b, 'cloudflared'),
      source: 'configured',
    });
    expect(findBinary('cloudflared', 'relative/cloudflared', { env: {}, platform: 'linux' })).toMatchObject({
      found: false,
      problem: 'The configured path relative/cloudflared is not absolute.',
    });
  });
});

describe('server-sent events', () => {
  it('parses events split anywhere, with CRLF, comments, names and multi-line data', () => {
    const parser = new SseParser();
    const text = ': hi\r\nevent: ready\r\ndata: {}\r\n\r\ndata: {"a":\ndata: 1}\n\nevent: ping\ndata:\n\n';
    const events = [];
    // One character at a time: every split point (inside CRLF too) is exercised.
    for (let i = 0; i < text.length; i++) events.push(...parser.feed(text.charAt(i)));
    expect(events).toEqual([
      { event: 'ready', data: '{}', id: null },
      { event: 'message', data: '{"a":\n1}', id: null },
      { event: 'ping', data: '', id: null },
    ]);
  });
});

describe('how requests arrived', () => {
  const routes = new ArrivalRoutes();

  it('trusts the relay marker only with this run’s token, from loopback, and strips it', () => {
    const marked: [string, string][] = [
      ['Host', '127.0.0.1:4545'],
      ['X-Hookbench-Relay', routes.relayToken],
      ['Content-Type', 'application/json'],
    ];
    expect(routes.classify(marked, '127.0.0.1')).toEqual({
      route: 'relay',
      headers: [
        ['Host', '127.0.0.1:4545'],
        ['Content-Type', 'application/json'],
      ],
    });
    expect(routes.classify(marked, '::ffff:127.0.0.1').route).toBe('relay');
    // From elsewhere, or with another token: what was sent is kept, and the request is direct.
    expect(routes.classify(marked, '192.0.2.5')).toEqual({ route: 'direct', headers: marked });
    const forged: [string, string][] = [['X-Hookbench-Relay', 'guess']];
    expect(routes.classify(forged, '127.0.0.1')).toEqual({ route: 'direct', headers: forged });
    expect(new ArrivalRoutes().relayToken).not.toBe(routes.relayToken);
  });

  it('marks requests for the public host with the tunnel kind', () => {
    routes.setPublicHost('Quick-Test.trycloudflare.com', 'cloudflared');
    expect(routes.classify([['host', 'quick-test.trycloudflare.com']], '127.0.0.1').route).toBe(
      'cloudflared',
    );
    expect(routes.classify([['host', 'QUICK-TEST.trycloudflare.com:443']], '127.0.0.1').route).toBe(
      'cloudflared',
    );
    expect(routes.classify([['host', 'other.example']], '127.0.0.1').route).toBe('direct');
    routes.setPublicHost(null, 'cloudflared');
    expect(routes.classify([['host', 'quick-test.trycloudflare.com']], '127.0.0.1').route).toBe('direct');
  });

  it('allows the public host, the user’s hosts and, for a wildcard bind, this machine’s addresses', () => {
    const addresses = () => ['192.0.2.10', 'fe80::1'];
    expect(allowedHostsFor([], null, '127.0.0.1', addresses)).toBeNull();
    expect(allowedHostsFor(['a.example'], null, '127.0.0.1', addresses)).toEqual(['a.example']);
    expect(allowedHostsFor(['a.example'], 'x.trycloudflare.com', '127.0.0.1', addresses)).toEqual([
      'x.trycloudflare.com',
      'a.example',
    ]);
    expect(allowedHostsFor([], 'x.trycloudflare.com', '0.0.0.0', addresses)).toEqual([
      'x.trycloudflare.com',
      '192.0.2.10',
      'fe80::1',
    ]);
    expect(allowedHostsFor([], 'x.trycloudflare.com', '192.0.2.10', addresses)).toEqual([
      'x.trycloudflare.com',
      '192.0.2.10',
    ]);
  });
});

describe('the relay client rebuilds requests as smee-client does', () => {
  it('re-serializes the body, merges the query and recomputes host and length', () => {
    const rebuilt = rebuildRequest(
      {
        host: 'smee.io',
        'content-type': 'application/json',
        'content-length': '40',
        'x-github-event': 'push',
        'x-hookbench-relay': 'smuggled',
        body: { b: 1, a: [1, 2] },
        query: { x: '1', y: ['2', '3'] },
        timestamp: 1,
      },
      '/hooks/credo?keep=1',
    );
    expect(rebuilt.path).toBe('/hooks/credo?keep=1&x=1&y=2&y=3');
    expect(rebuilt.body.toString()).toBe('{"b":1,"a":[1,2]}');
    expect(rebuilt.headers).toEqual({
      'content-type': 'application/json',
      'x-github-event': 'push',
      'content-length': '17',
    });
  });

  it('a form body arrives as JSON, with a JSON content type', () => {
    const rebuilt = rebuildRequest(
      { 'content-type': 'application/x-www-form-urlencoded', body: { payload: '{"a":1}' } },
      '/hooks/default',
    );
    expect(rebuilt.body.toString()).toBe('{"payload":"{\\"a\\":1}"}');
    expect(rebuilt.headers['content-type']).toBe('application/json');
  });
});

describe('restart back-off', () => {
  afterEach(() => vi.useRealTimers());

  it('doubles up to the cap, gives up after the limit and starts again after a stable period', () => {
    vi.useFakeTimers();
    const policy = new BackoffPolicy({
      initialMs: 1000,
      factor: 2,
      maxMs: 5000,
      maxAttempts: 5,
      stableMs: 30_000,
    });
    expect([policy.failed(), policy.failed(), policy.failed(), policy.failed(), policy.failed()]).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(policy.failed()).toBeNull();
    policy.reset();
    expect(policy.failed()).toBe(1000);
    policy.online();
    vi.advanceTimersByTime(29_999);
    expect(policy.failed()).toBe(2000); // Failed again before it was stable: the count goes on.
    policy.online();
    vi.advanceTimersByTime(30_000);
    expect(policy.attempts).toBe(0);
    expect(policy.failed()).toBe(1000);
  });
});

describe('signature diagnosis through a relay', () => {
  const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const NOW = 1_700_000_000_000;
  const pretty = Buffer.from(JSON.stringify({ type: 't', data: { id: 1 } }, null, 2));
  const compact = Buffer.from(JSON.stringify({ type: 't', data: { id: 1 } }));
  const headers = sign(
    'standard-webhooks',
    { secret: SECRET, options: {} },
    { id: 'msg_1', timestamp: NOW / 1000, body: pretty },
  );

  it('names the relay instead of a bare body change when the route is relay', () => {
    const check = (route?: 'relay' | 'direct') =>
      verify(
        'standard-webhooks',
        { secret: SECRET, options: {} },
        { headers, body: compact, now: NOW, ...(route ? { route } : {}) },
      );
    expect(check('relay')).toMatchObject({
      verdict: 'invalid',
      cause: 'body-changed',
      reason:
        'Body re-serialized by the relay (smee re-encodes JSON); signatures cannot be checked through a relay — use a ' +
        'tunnel. The signature matches the body pretty-printed as JSON with a 2-space indent, as the sender sent it.',
    });
    expect(check('direct').reason).toMatch(
      /^The signature matches the body pretty-printed .*\(JSON re-serialized\)\.$/,
    );
    expect(check().reason).toBe(check('direct').reason);
  });

  it('a relayed capture that matches no variant says why a relay may be the cause', () => {
    const v = verify(
      'standard-webhooks',
      { secret: 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', options: {} },
      {
        headers,
        body: compact,
        now: NOW,
        route: 'relay',
      },
    );
    expect(v.cause).toBe('wrong-secret');
    expect(v.details.at(-1)).toMatch(/came through a relay, which re-serializes the body/);
  });
});
