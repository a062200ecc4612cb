import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../../helpers/call';
import { eventually } from '../../../../helpers/downstream-server';
import { httpRequest } from '../../../../helpers/http-request';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { makeStandIns, type StandIns } from '../../../../helpers/tunnel-stand-ins';
import { isAlive, sessionIn, tunnelHarness } from './tunnel-harness';

describe('tunnel failures: missing program, early exit, no URL in time, restarts with back-off', () => {
  const harness = tunnelHarness();
  let standIns: StandIns;
  let empty: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    standIns = makeStandIns();
    empty = makeTempDir();
  });
  afterEach(async () => {
    await harness.cleanup();
    standIns.remove();
    empty.remove();
  });

  it('a program that is not installed: the status says so with install commands per OS; start refuses plainly', async () => {
    const { wb } = await harness.start({ env: { PATH: empty.dir }, platform: 'linux' });
    const status = await call(wb, 'tunnel:status');
    expect(status.os).toBe('linux');
    const cloudflared = status.providers.find((p) => p.kind === 'cloudflared')!;
    expect(cloudflared).toMatchObject({
      available: false,
      binaryPath: null,
      problem: 'cloudflared is not installed (not found on the PATH).',
    });
    expect(cloudflared.install.map((s) => s.os)).toEqual(['linux', 'linux', 'macos', 'windows']);
    expect(cloudflared.install.flatMap((s) => s.commands)).toEqual(
      expect.arrayContaining([
        'brew install cloudflared',
        'winget install --id Cloudflare.cloudflared',
        'sudo apt-get update && sudo apt-get install cloudflared',
      ]),
    );
    const ngrok = status.providers.find((p) => p.kind === 'ngrok')!;
    expect(ngrok.available).toBe(false);
    expect(ngrok.install.flatMap((s) => s.commands)).toEqual(
      expect.arrayContaining(['brew install ngrok', 'winget install ngrok.ngrok', 'sudo snap install ngrok']),
    );
    // The relay and a custom URL need nothing installed; the relay warns about signatures before it is picked.
    const relay = status.providers.find((p) => p.kind === 'relay')!;
    expect(relay).toMatchObject({ available: true, install: [], credential: 'not-needed' });
    expect(relay.warnings[0]).toMatch(/re-serializes the body.*signature checks fail/);
    expect(status.providers.find((p) => p.kind === 'custom')!.available).toBe(true);

    await expect(call(wb, 'tunnel:start', { kind: 'cloudflared' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(
        /cloudflared is not installed[\s\S]*sudo apt-get install cloudflared/,
      ) as unknown,
    });
    expect((await call(wb, 'tunnel:status')).active).toBeNull();
  });

  it('a configured program path is used instead of the PATH; a wrong one is refused naming the field', async () => {
    const { wb, changes } = await harness.start({
      env: { ...standIns.env(), PATH: `${empty.dir}:${process.env.PATH ?? ''}` },
    });
    await expect(
      call(wb, 'tunnel:configure', { cloudflaredPath: join(empty.dir, 'nope') }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^cloudflaredPath: The configured program/) as unknown,
    });
    const configured = await call(wb, 'tunnel:configure', {
      cloudflaredPath: join(standIns.bin, 'cloudflared'),
    });
    expect(configured.config.cloudflaredPath).toBe(join(standIns.bin, 'cloudflared'));
    expect(configured.providers.find((p) => p.kind === 'cloudflared')).toMatchObject({
      available: true,
      binarySource: 'configured',
    });
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    await sessionIn(changes, 'online');
    expect((await call(wb, 'tunnel:configure', { cloudflaredPath: null })).config.cloudflaredPath).toBeNull();
  });

  it('a program that exits early fails with its own error lines and is restarted with back-off', async () => {
    const { wb, changes } = await harness.start({
      env: standIns.env({ STANDIN_MODE: 'exit-early' }),
      backoff: { initialMs: 10_000 },
    });
    const before = Date.now();
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    const failed = await sessionIn(changes, 'failed');
    expect(failed.error).toMatch(
      /^cloudflared exited with code 1 before it printed a public URL: failed to request quick Tunnel: Post "https:\/\/api\.trycloudflare\.com\/tunnel": dial tcp: lookup api\.trycloudflare\.com/,
    );
    expect(failed.publicUrl).toBeNull();
    expect(failed.nextRetryAt).toBeGreaterThanOrEqual(before + 10_000);
    expect(failed.nextRetryAt).toBeLessThan(Date.now() + 10_001);
    expect((await call(wb, 'tunnel:stop')).active).toMatchObject({ state: 'stopped', nextRetryAt: null });
  });

  it('a program that never prints a URL fails at the time limit and its process is ended', async () => {
    const { wb, changes } = await harness.start({
      env: standIns.env({ STANDIN_MODE: 'silent' }),
      urlTimeoutMs: 600,
      backoff: { maxAttempts: 0 },
    });
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    const failed = await sessionIn(changes, 'failed');
    expect(failed.error).toBe(
      'cloudflared did not print a public URL within 1 s. Gave up after 1 failed start in a row.',
    );
    expect(failed.output.join('\n')).toContain('Requesting new quick Tunnel on trycloudflare.com...');
    expect(failed.nextRetryAt).toBeNull();
    const pids = standIns.startedPids('cloudflared');
    expect(pids).toHaveLength(1);
    await eventually(() => expect(isAlive(pids[0]!)).toBe(false));
  });

  it('restarts after a crash with back-off, gets the new URL and keeps counting restarts', async () => {
    const { wb, changes } = await harness.start({
      env: standIns.env({ STANDIN_CRASH_RUNS: '1' }),
      backoff: { initialMs: 100 },
    });
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    await eventually(() => expect(changes.some((c) => c.active?.state === 'failed')).toBe(true), 8000);
    const failed = changes.find((c) => c.active?.state === 'failed')!.active!;
    expect(failed.error).toMatch(/cloudflared exited with code 1 after it was online: Connection terminated/);
    expect(failed.nextRetryAt).not.toBeNull();

    const online = await sessionIn(changes, 'online');
    expect(online).toMatchObject({ restarts: 1, publicUrl: 'https://quick-test-1235.trycloudflare.com' });
    const runs = standIns.runs('cloudflared');
    expect(runs).toHaveLength(2);
    expect(isAlive(runs[0]!.pid)).toBe(false);
    const res = await httpRequest(`http://127.0.0.1:${runs[1]!.port}/hooks/default`, {
      method: 'POST',
      headers: { Host: 'quick-test-1235.trycloudflare.com' },
    });
    expect(res.status).toBe(200);
  });

  it('a program that exits at once without a word: the failure says so', async () => {
    const bin = join(empty.dir, 'cloudflared');
    writeFileSync(bin, '#!/bin/sh\nexit 0\n');
    chmodSync(bin, 0o755);
    const { wb, changes } = await harness.start({ env: { PATH: empty.dir }, backoff: { initialMs: 10_000 } });
    await call(wb, 'tunnel:start', { kind: 'cloudflared' });
    const failed = await sessionIn(changes, 'failed');
    expect(failed.error).toBe(
      'cloudflared exited with code 0 before it printed a public URL without printing anything.',
    );
  });
});
