import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../../src/main/cli/index';
import { startDownstream } from '../../../helpers/downstream-server';
import { makeTempDir } from '../../../helpers/temp-dir';

function fakeIo(dataDir: string, stop = new AbortController().signal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { HOOKBENCH_DATA_DIR: dataDir },
    stop,
    rendererDir: '/nonexistent',
    version: '1.2.3',
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
  };
  return { io, out, err };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('hookbench tenant serve and trigger --tenant', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('prints the base URL first, the generated key next; keeps the key across restarts; trigger delivers', async () => {
    const stop = new AbortController();
    const { io, out } = fakeIo(temp.dir, stop.signal);
    const running = runCli(['tenant', 'serve', '--port', '0', '--tenant', 'acme'], io);
    await until(() => out.length > 2);
    const [url, keyLine] = out;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(keyLine).toMatch(/^API key: hbk_/);
    const key = keyLine!.slice('API key: '.length);

    const down = await startDownstream(() => ({ status: 204 }));
    try {
      const res = await fetch(`${url}/api/v1/webhooks/`, {
        method: 'POST',
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ event_type: 'case.opened', webhook_url: `${down.url}/cases` }),
      });
      expect(res.status).toBe(201);
      const trigger = fakeIo(temp.dir);
      expect(await runCli(['trigger', 'case.opened', '--tenant', url!], trigger.io)).toBe(0);
      expect(trigger.out.join('\n')).toMatch(/^delivered case\.opened to http:\/\/127\.0\.0\.1:\d+\/cases/);
    } finally {
      await down.close();
    }
    stop.abort();
    expect(await running).toBe(0);

    const again = new AbortController();
    const second = fakeIo(temp.dir, again.signal);
    const rerun = runCli(['tenant', 'serve', '--port', '0'], second.io);
    await until(() => second.out.length > 1);
    expect(second.out[1]).toBe('Tenant: acme');
    again.abort();
    await rerun;
  });

  it('rejects a bad port and an unknown sub-command', async () => {
    const { io, err } = fakeIo(temp.dir);
    expect(await runCli(['tenant', 'serve', '--port', 'x'], io)).toBe(2);
    expect(await runCli(['tenant', 'nope'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--port must be a port number/);
  });
});
