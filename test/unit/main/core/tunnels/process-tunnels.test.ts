import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../../helpers/call';
import { eventually } from '../../../../helpers/downstream-server';
import { httpRequest } from '../../../../helpers/http-request';
import { makeStandIns, type StandIns } from '../../../../helpers/tunnel-stand-ins';
import { isAlive, sessionIn, tunnelHarness } from './tunnel-harness';

describe('tunnels run by Hookbench (cloudflared and ngrok stand-ins on a temporary PATH)', () => {
  const harness = tunnelHarness();
  let standIns: StandIns;
  beforeEach(() => {
    standIns = makeStandIns();
  });
  afterEach(async () => {
    await harness.cleanup();
    standIns.remove();
  });

  it('cloudflared: start → URL parsed from the banner → a request through it is captured as route cloudflared', async () => {
    const { wb, url, changes } = await harness.start({ env: standIns.env() }, { inboxes: ['credo'] });
    const started = await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    expect(started.active).toMatchObject({ kind: 'cloudflared', state: 'starting', target: url });

    const online = await sessionIn(changes, 'online');
    expect(online).toMatchObject({
      publicUrl: 'https://quick-test-1234.trycloudflare.com',
      publicHost: 'quick-test-1234.trycloudflare.com',
      error: null,
    });
    const [run] = standIns.runs('cloudflared');
    expect(run!.args).toEqual(['tunnel', '--no-autoupdate', '--url', url]);

    // Inbox URLs in both forms; the tunnel's host is allowed while it is online.
    const credo = (await call(wb, 'inbox:list')).find((i) => i.slug === 'credo')!;
    expect(credo.url).toBe(`${url}/hooks/credo`);
    expect(credo.publicUrl).toBe('https://quick-test-1234.trycloudflare.com/hooks/credo');
    const status = await call(wb, 'tunnel:status');
    expect(status.allowedHosts).toEqual(['quick-test-1234.trycloudflare.com']);
    expect(status.active?.output.join('\n')).toContain('Your quick Tunnel has been created!');

    const res = await httpRequest(`http://127.0.0.1:${run!.port}/hooks/credo`, {
      method: 'POST',
      headers: { Host: 'quick-test-1234.trycloudflare.com', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    const [capture] = (await call(wb, 'history:list')).items;
    expect(capture).toMatchObject({ inbox: 'credo', route: 'cloudflared' });
    const detail = await call(wb, 'history:get', { id: capture!.id });
    expect(detail.headers).toContainEqual(['cf-connecting-ip', '203.0.113.7']);

    // Other hosts are refused while a public URL is online; loopback still works and is direct.
    const other = await httpRequest(`${url}/hooks/credo`, {
      method: 'POST',
      headers: { Host: 'evil.example' },
    });
    expect(other.status).toBe(421);
    await httpRequest(`${url}/hooks/credo`, { method: 'POST', body: 'x' });
    expect((await call(wb, 'history:list')).items[0]).toMatchObject({ route: 'direct' });

    // Stop ends the process and gives the receiver back its own allow-list (none: any host).
    const stopped = await call(wb, 'tunnel:stop');
    expect(stopped.active).toMatchObject({ state: 'stopped', publicUrl: null });
    expect(stopped.allowedHosts).toBeNull();
    await eventually(() => expect(isAlive(run!.pid)).toBe(false));
    expect((await call(wb, 'inbox:list')).find((i) => i.slug === 'credo')!.publicUrl).toBeNull();
    const after = await httpRequest(`${url}/hooks/credo`, {
      method: 'POST',
      headers: { Host: 'evil.example' },
    });
    expect(after.status).toBe(200);
  });

  it('keeps the user’s --allow-host names beside the tunnel host', async () => {
    const { wb, changes } = await harness.start(
      { env: standIns.env() },
      { receiver: { port: 0, allowedHosts: ['hooks.example'] } },
    );
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    await sessionIn(changes, 'online');
    expect((await call(wb, 'tunnel:status')).allowedHosts).toEqual([
      'quick-test-1234.trycloudflare.com',
      'hooks.example',
    ]);
    await call(wb, 'tunnel:stop');
    expect((await call(wb, 'tunnel:status')).allowedHosts).toEqual(['hooks.example']);
  });

  it('ngrok: parses the started tunnel log line; an authtoken entered once goes to the secret store and a private config file', async () => {
    const env = standIns.env({ STANDIN_REQUIRE_TOKEN: '2abcTOKEN_x' });
    const { wb, url, changes } = await harness.start({ env });
    const before = await call(wb, 'tunnel:status');
    expect(before.providers.find((p) => p.kind === 'ngrok')).toMatchObject({
      available: true,
      binarySource: 'path',
      credential: 'missing',
    });

    await call(wb, 'tunnel:start', { kind: 'ngrok', authtoken: '2abcTOKEN_x' });
    const online = await sessionIn(changes, 'online');
    expect(online.publicUrl).toBe('https://1a2b-203-0-113-7.ngrok-free.app');
    const [run] = standIns.runs('ngrok');
    expect(run!.args.slice(0, 6)).toEqual(['http', url, '--log', 'stdout', '--log-format', 'json']);
    expect(run!.args.join(' ')).not.toContain('2abcTOKEN_x');
    expect(run!.config).toContain('authtoken: "2abcTOKEN_x"');
    expect((await call(wb, 'tunnel:status')).providers.find((p) => p.kind === 'ngrok')!.credential).toBe(
      'saved',
    );
    expect(online.output).toContain(`info started tunnel https://1a2b-203-0-113-7.ngrok-free.app`);

    await httpRequest(`http://127.0.0.1:${run!.port}/hooks/default`, {
      method: 'POST',
      headers: { Host: '1a2b-203-0-113-7.ngrok-free.app' },
      body: 'hi',
    });
    expect((await call(wb, 'history:list')).items[0]).toMatchObject({ route: 'ngrok' });
  });

  it('ngrok: a refused authtoken fails with ngrok’s own message and is not restarted', async () => {
    const { wb, changes } = await harness.start({
      env: standIns.env({ STANDIN_MODE: 'auth-error' }),
      backoff: { initialMs: 50 },
    });
    await call(wb, 'tunnel:start', { kind: 'ngrok' });
    const failed = await sessionIn(changes, 'failed');
    expect(failed.error).toMatch(
      /authentication failed: Usage of ngrok requires a verified account and authtoken/,
    );
    expect(failed.error).toContain('ERR_NGROK_4018');
    expect(failed.nextRetryAt).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(changes.at(-1)!.active).toMatchObject({ state: 'failed', restarts: 0 });
  });
});
