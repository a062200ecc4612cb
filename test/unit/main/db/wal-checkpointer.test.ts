import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/db/open-database';
import { INLINE_AUTOCHECKPOINT_PAGES, WalCheckpointer } from '../../../../src/main/db/wal-checkpointer';
import { eventually } from '../../../helpers/downstream-server';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('WalCheckpointer', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'history.sqlite');
    db = openDatabase(file);
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  });
  afterEach(() => {
    if (db.open) db.close();
    temp.remove();
  });

  const autocheckpoint = (): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const walBytes = (): number => statSync(`${file}-wal`).size;

  /** Writes `megabytes` MiB in transactions of 64 KiB rows, letting timers and the worker run between them. */
  async function write(megabytes: number): Promise<void> {
    const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)');
    const batch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(Buffer.alloc(64 * 1024, i));
    });
    for (let i = 0; i < megabytes; i++) {
      batch(16);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('moves checkpoints to a worker once the WAL grows, which keeps the WAL small', async () => {
    const checkpointer = new WalCheckpointer(db, file, {
      startAboveBytes: 1024 * 1024,
      watchEveryMs: 10,
      checkpointEveryMs: 10,
    });
    expect(checkpointer.offloaded).toBe(false);
    expect(autocheckpoint()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    await write(2);
    await eventually(() => expect(autocheckpoint()).toBe(0));
    expect(checkpointer.offloaded).toBe(true);

    // 48 MiB more without a checkpoint on this connection: without the worker's, the WAL would hold all 50 MiB.
    // (The bound is loose: on a busy machine the worker lags behind the writer.)
    await write(48);
    expect(walBytes()).toBeLessThan(40 * 1024 * 1024);
    await checkpointer.close();
    expect(checkpointer.checkpoints).toBeGreaterThan(0);
    expect(autocheckpoint()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(50 * 16);
  });

  it('leaves checkpoints on the main connection while the WAL is small', async () => {
    const checkpointer = new WalCheckpointer(db, file, { watchEveryMs: 10 });
    await write(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checkpointer.offloaded).toBe(false);
    expect(autocheckpoint()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    await checkpointer.close();
  });

  it('goes back to checkpointing inline, and says so, when the worker cannot open the database', async () => {
    const problems: string[] = [];
    const checkpointer = new WalCheckpointer(db, file, {
      startAboveBytes: 0,
      watchEveryMs: 10,
      nativeBinding: join(temp.dir, 'missing.node'),
      onProblem: (message) => problems.push(message),
    });
    await write(1);
    await eventually(() => expect(problems).toHaveLength(1));
    expect(problems[0]).toMatch(/^The checkpoint worker failed: /);
    expect(checkpointer.offloaded).toBe(false);
    expect(autocheckpoint()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    // Writing goes on as before.
    await write(1);
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(32);
    await checkpointer.close();
  });
});
