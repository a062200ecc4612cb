import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { eventually } from '../../../helpers/downstream-server';
import { httpRequest } from '../../../helpers/http-request';
import { startSmeeRelay } from '../../../helpers/smee-relay';
import { makeTempDir } from '../../../helpers/temp-dir';
import { makeStandIns, type StandIns } from '../../../helpers/tunnel-stand-ins';

describe('listen and serve --public', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let standIns: StandIns;
  beforeEach(() => {
    temp = makeTempDir();
    standIns = makeStandIns();
  });
  afterEach(() => {
    standIns.remove();
    temp.remove();
  });

  it('listen --public cloudflared: stdout starts with the local URL; the public URL and inbox forms go to stderr', async () => {
    const { io, out, err, stop } = fakeIo(standIns.env());
    const running = runCli(
      ['listen', '--port', '0', '--data-dir', temp.dir, '--inbox', 'credo', '--public', 'cloudflared'],
      io,
    );
    await eventually(() => expect(err).toContain('Public: https://quick-test-1234.trycloudflare.com'), 8000);
    expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await eventually(() =>
      expect(err).toContain('Inbox credo (public): https://quick-test-1234.trycloudflare.com/hooks/credo'),
    );
    expect(err).toContain(`Inbox credo: ${out[0]!}/hooks/credo`);

    const [run] = standIns.runs('cloudflared');
    await httpRequest(`http://127.0.0.1:${run!.port}/hooks/credo`, {
      method: 'POST',
      headers: { Host: 'quick-test-1234.trycloudflare.com' },
      body: 'hi',
    });
    await eventually(() => expect(out).toHaveLength(2));
    expect(out[1]).toMatch(/ {2}POST {5}\/hooks\/credo {2}200 .* via:cloudflared {2}#1$/);
    stop.abort();
    expect(await running).toBe(0);
  });

  it('serve --public custom=<url> prints a Public: line after UI:', async () => {
    const { io, out, stop } = fakeIo({});
    const running = runCli(
      [
        'serve',
        '--port',
        '0',
        '--data-dir',
        temp.dir,
        '--inbox',
        'credo',
        '--public',
        'custom=https://hooks.example.com',
      ],
      io,
    );
    await eventually(() => expect(out.some((l) => l.startsWith('Send webhooks'))).toBe(true));
    expect(out[0]).toMatch(/^Receiver: http:/);
    expect(out[1]).toMatch(/^UI: http:/);
    expect(out[2]).toBe('Public: https://hooks.example.com');
    expect(out[3]).toMatch(/^Data: /);
    expect(out).toContain('Inbox credo (public): https://hooks.example.com/hooks/credo');
    stop.abort();
    expect(await running).toBe(0);
  });

  it('a missing program prints how to install it and the receiver keeps running', async () => {
    const empty = makeTempDir();
    try {
      const { io, out, err, stop } = fakeIo({ PATH: empty.dir });
      const running = runCli(['listen', '--port', '0', '--data-dir', temp.dir, '--public', 'ngrok'], io);
      await eventually(() => expect(err.join('\n')).toContain('The local receiver keeps working.'));
      const text = err.join('\n');
      expect(text).toMatch(
        /^Public URL \(ngrok\): ngrok is not installed \(not found on the PATH\)\. Install it:/m,
      );
      expect(text).toMatch(process.platform === 'darwin' ? /brew install ngrok/ : /ngrok/);
      const res = await fetch(`${out[0]!}/hooks/default`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(200);
      stop.abort();
      expect(await running).toBe(0);
    } finally {
      empty.remove();
    }
  });

  it('a program that exits early: its message, the planned restart, and local capture goes on', async () => {
    const { io, err, stop } = fakeIo(standIns.env({ STANDIN_MODE: 'exit-early' }));
    const running = runCli(['listen', '--port', '0', '--data-dir', temp.dir, '--public', 'cloudflared'], io);
    await eventually(() => expect(err.join('\n')).toContain('Public URL (cloudflared) failed'), 8000);
    expect(err.join('\n')).toMatch(
      /Public URL \(cloudflared\) failed: cloudflared exited with code 1 before it printed a public URL: failed to request quick Tunnel: .* Restarting in 1 s\. The local receiver keeps working\./,
    );
    stop.abort();
    expect(await running).toBe(0);
  });

  it('listen --public smee=<channel>: warns about signatures, relays to the first --inbox', async () => {
    const relay = await startSmeeRelay();
    try {
      const { io, out, err, stop } = fakeIo({});
      const channel = relay.channel('cli');
      const running = runCli(
        ['listen', '--port', '0', '--data-dir', temp.dir, '--inbox', 'gh', '--public', `smee=${channel}`],
        io,
      );
      await eventually(() =>
        expect(err).toContain(`Public: ${channel} (relay channel, delivers to inbox gh)`),
      );
      expect(err[0]).toMatch(/^Warning: A relay re-serializes the body/);
      expect(err).toContain(`Inbox gh (public): ${channel}`);
      await httpRequest(channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a": 1}',
      });
      await eventually(() => expect(out).toHaveLength(2));
      expect(out[1]).toMatch(/\/hooks\/gh {2}200 {2}application\/json {2}7 B {2}via:relay {2}#1$/);
      stop.abort();
      expect(await running).toBe(0);
    } finally {
      await relay.close();
    }
  });

  it('refuses --public values it cannot use, naming the forms it takes', async () => {
    for (const value of ['frp', 'custom', 'custom=ftp://x.example', 'smee=not a url', 'cloudflared=x']) {
      const { io, err } = fakeIo({});
      expect(await runCli(['listen', '--port', '0', '--data-dir', temp.dir, '--public', value], io)).toBe(2);
      expect(err.join('\n')).toMatch(/--public/);
    }
  });
});
