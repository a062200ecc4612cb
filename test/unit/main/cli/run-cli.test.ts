import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { makeTempDir } from '../../../helpers/temp-dir';

/** Waits until `check` passes, polling; the commands under test run concurrently with it. */
async function eventually(check: () => void, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('runCli', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('prints help for the tool and every command, and the version', async () => {
    for (const argv of [
      [],
      ['--help'],
      ['help'],
      ['listen', '--help'],
      ['serve', '-h'],
      ['help', 'listen'],
    ]) {
      const { io, out } = fakeIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(out.join('\n')).toMatch(/Usage: hookbench/);
    }
    const { io, out } = fakeIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(out).toEqual(['1.2.3']);
  });

  it('exits 2 with a message naming the problem for bad command lines', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /hookbench: Unknown command "frobnicate"/],
      [['listen', '--prot', '1'], /hookbench listen: Unknown option --prot/],
      [['listen', '--port', 'abc'], /--port must be a whole number from 0 to 65535/],
      [['serve', '--ui-port', '70000'], /--ui-port must be a whole number/],
      [['listen', 'extra'], /Unexpected argument/],
      [['help', 'nope'], /Unknown command "nope"/],
      [['listen', '--max-body', 'lots'], /--max-body must be a size like 10MB/],
      [['serve', '--allow-host', 'https://x.example/path'], /--allow-host takes a host name/],
    ];
    for (const [argv, message] of cases) {
      const { io, err } = fakeIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).toContain('--help');
    }
  });

  it('listen prints the receiver URL first, then one line per capture, and stops on the signal', async () => {
    const { io, out, stop } = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
    const running = runCli(['listen', '--port', '0'], io);
    await eventually(() => expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));
    const url = out[0]!;
    await fetch(`${url}/hooks/default?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await eventually(() => expect(out).toHaveLength(2));
    expect(out[1]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} {2}POST {5}\/hooks\/default\?x=1 {2}200 {2}application\/json {2}2 B {2}#1$/,
    );
    stop.abort();
    expect(await running).toBe(0);
  });

  it('listen --json prints each capture as one JSON object', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(['listen', '--port', '0', '--json', '--data-dir', temp.dir], io);
    await eventually(() => expect(out[0]).toMatch(/^http:/));
    await fetch(`${out[0]!}/a`, { method: 'PUT', body: 'abc' });
    await eventually(() => expect(out).toHaveLength(2));
    expect(JSON.parse(out[1]!)).toMatchObject({ id: 1, method: 'PUT', path: '/a', size: 3, status: 200 });
    stop.abort();
    expect(await running).toBe(0);
  });

  it('listen --max-body caps bodies (413, stored truncated) and --allow-host refuses other hosts', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(
      [
        'listen',
        '--port',
        '0',
        '--json',
        '--max-body',
        '1KB',
        '--allow-host',
        'hooks.example',
        '--data-dir',
        temp.dir,
      ],
      io,
    );
    await eventually(() => expect(out[0]).toMatch(/^http:/));
    const big = await fetch(`${out[0]!}/hooks/default`, { method: 'POST', body: 'x'.repeat(4096) });
    expect(big.status).toBe(413);
    await eventually(() => expect(out).toHaveLength(2));
    expect(JSON.parse(out[1]!)).toMatchObject({ size: 1024, truncated: true, status: 413 });
    const { httpRequest } = await import('../../../helpers/http-request');
    const other = await httpRequest(`${out[0]!}/hooks/default`, {
      method: 'POST',
      headers: { Host: 'evil.example' },
    });
    expect(other.status).toBe(421);
    const allowed = await httpRequest(`${out[0]!}/hooks/default`, {
      method: 'POST',
      headers: { Host: 'hooks.example' },
    });
    expect(allowed.status).toBe(200);
    stop.abort();
    expect(await running).toBe(0);
  });

  it('exits 1 with a plain message when the port is taken', async () => {
    const first = fakeIo();
    const running = runCli(['listen', '--port', '0', '--data-dir', join(temp.dir, 'a')], first.io);
    await eventually(() => expect(first.out[0]).toMatch(/^http:/));
    const port = new URL(first.out[0]!).port;
    const second = fakeIo();
    expect(await runCli(['listen', '--port', port, '--data-dir', join(temp.dir, 'b')], second.io)).toBe(1);
    expect(second.err.join('\n')).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    first.stop.abort();
    await running;
  });

  it('serve prints the receiver URL and the UI URL with its token', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(['serve', '--port', '0', '--ui-port', '0', '--data-dir', temp.dir], io);
    await eventually(() => expect(out.length).toBeGreaterThanOrEqual(2));
    expect(out[0]).toMatch(/^Receiver: http:\/\/127\.0\.0\.1:\d+$/);
    expect(out[1]).toMatch(/^UI: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    stop.abort();
    expect(await running).toBe(0);
  });

  it('explains a damaged database and how to move it aside', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(temp.dir, 'history.sqlite'), Buffer.alloc(4096, 7));
    const { io, err } = fakeIo();
    expect(await runCli(['listen', '--port', '0', '--data-dir', temp.dir], io)).toBe(1);
    expect(err.join('\n')).toMatch(
      /is damaged[\s\S]*move it aside:\n {2}mv '.*history\.sqlite' '.*history\.sqlite\.broken'/,
    );
  });
});
