import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../helpers/temp-dir';

const CLI = join(process.cwd(), 'bin', 'hookbench.mjs');

describe('durability (real child process)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('loses no acknowledged request when the process is killed with SIGKILL under concurrent load', async () => {
    expect(existsSync(join(process.cwd(), 'out', 'main', 'cli.js')), 'build first: npm run build').toBe(true);
    const child = spawn(process.execPath, [CLI, 'listen', '--port', '0', '--data-dir', temp.dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const first = out.split('\n')[0];
        if (out.includes('\n') && first) resolve(first);
      });
      child.once('exit', (code) => reject(new Error(`listen exited early with ${String(code)}`)));
    });

    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const seq = `w${w}-${i}`;
        try {
          const res = await fetch(`${url}/hooks/default`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ seq, padding: 'x'.repeat(512) }),
          });
          await res.arrayBuffer();
          if (res.status === 200) acknowledged.push(seq);
        } catch {
          return; // the server died mid-request: that one was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 25 }, (_, w) => worker(w));
    while (acknowledged.length < 400) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(workers);

    const db = new Database(join(temp.dir, 'history.sqlite'));
    const stored = new Set(
      (db.prepare('SELECT body FROM captures').pluck().all() as Buffer[]).map(
        (b) => (JSON.parse(b.toString()) as { seq: string }).seq,
      ),
    );
    db.close();
    const lost = acknowledged.filter((seq) => !stored.has(seq));
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(lost).toEqual([]);
  }, 30_000);
});
