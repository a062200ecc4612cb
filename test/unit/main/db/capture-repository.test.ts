import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureRepository, type NewCapture } from '../../../../src/main/db/capture-repository';
import type { SteppedWork } from '../../../../src/main/db/search-index';
import { openDatabase } from '../../../../src/main/db/open-database';
import { newCapture } from '../../../helpers/new-capture';
import { makeTempDir } from '../../../helpers/temp-dir';

const capture = (inbox: string, body: string, url?: string): NewCapture =>
  newCapture({ inbox, body, ...(url ? { url } : {}) });

describe('CaptureRepository: counts and the search index', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  const path = () => join(temp.dir, 'history.sqlite');
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(path());
  });
  afterEach(() => {
    if (db.open) db.close();
    temp.remove();
  });

  it('keeps per-inbox counts and the total current through inserts, deletes and moves', () => {
    const repo = new CaptureRepository(db);
    const stored = repo.insertMany([capture('a', '{}'), capture('a', '{}'), capture('b', '{}')]);
    expect(Object.fromEntries(repo.countsByInbox())).toEqual({ a: 2, b: 1 });
    expect(repo.count()).toEqual({ total: 3, capped: false });
    expect(repo.count({ inbox: 'a' })).toEqual({ total: 2, capped: false });
    repo.delete([stored[0]!.id, 9999]);
    repo.inboxMoved('b', 'c');
    expect(Object.fromEntries(repo.countsByInbox())).toEqual({ a: 1, c: 1 });
    // A fresh repository counts from the table and agrees (inboxMoved only mirrors the UPDATE done elsewhere).
    db.prepare("UPDATE captures SET inbox = 'c' WHERE inbox = 'b'").run();
    expect(Object.fromEntries(new CaptureRepository(db).countsByInbox())).toEqual({ a: 1, c: 1 });
  });

  it('stores a plain capture (defaults bound by the table) and one with every optional column alike', () => {
    const repo = new CaptureRepository(db);
    const rule = { status: 201, headers: [['X-Rule', 'yes']] as [string, string][], body: Buffer.from('ok') };
    const [plain, full, plainAgain] = repo.insertMany([
      newCapture({ response: rule }),
      newCapture({
        response: rule,
        truncated: true,
        unmatched: true,
        deliveryId: 'msg_1',
        attempt: 2,
        pinned: true,
        route: 'cloudflared',
        signature: {
          scheme: 'svix',
          verdict: 'invalid',
          reason: 'no match',
          cause: 'body-changed',
          detail: null,
        },
        forwarded: {
          at: 1,
          method: 'POST',
          url: 'http://127.0.0.1:1/x',
          status: 204,
          headers: [],
          bodyBase64: '',
          durationMs: 2,
          error: null,
        },
        replays: [],
      }),
      newCapture({ response: rule }),
    ]);
    const a = repo.get(plain!.id)!;
    expect(a).toMatchObject({
      truncated: false,
      unmatched: false,
      deliveryId: null,
      attempt: 1,
      pinned: false,
      route: 'direct',
      forwarded: null,
      replays: [],
      signature: { scheme: null, verdict: 'unconfigured', reason: null },
      response: {
        status: 201,
        headers: [['X-Rule', 'yes']],
        bodyBase64: Buffer.from('ok').toString('base64'),
      },
    });
    expect(plain!.signature).toEqual({ scheme: null, verdict: 'unconfigured', reason: null });
    const b = repo.get(full!.id)!;
    expect(b).toMatchObject({
      truncated: true,
      unmatched: true,
      deliveryId: 'msg_1',
      attempt: 2,
      pinned: true,
      route: 'cloudflared',
      forwarded: { status: 204 },
      signature: { scheme: 'svix', verdict: 'invalid', reason: 'no match' },
      response: { status: 201, headers: [['X-Rule', 'yes']] },
    });
    // The answer's header JSON is made once per list and reused: the third capture reads back the same.
    expect(repo.get(plainAgain!.id)!.response.headers).toEqual([['X-Rule', 'yes']]);
  });

  it('finds a capture by text right after it is stored, before the deferred indexing ran', () => {
    const repo = new CaptureRepository(db);
    repo.insert(capture('a', '{"event":"screening.completed"}'));
    expect(repo.list({ text: 'screening' }, 10).map((c) => c.inbox)).toEqual(['a']);
    expect(repo.count({ text: 'screening' })).toEqual({ total: 1, capped: false });
    expect(repo.count({ text: 'screening', inbox: 'b' })).toEqual({ total: 0, capped: false });
  });

  it('indexes at the next start what was stored but not indexed when the process died', () => {
    const repo = new CaptureRepository(db);
    repo.insert(capture('a', '{"word":"kestrel"}'));
    // Closing now drops the queued index work, as a kill would.
    db.close();
    db = openDatabase(path());
    const again = new CaptureRepository(db);
    expect(again.list({ text: 'kestrel' }, 10)).toHaveLength(1);
  });

  it('pages text results newest first with a cursor, combined with other filters', () => {
    const repo = new CaptureRepository(db);
    repo.insertMany(
      Array.from({ length: 5 }, (_, i) => capture(i % 2 ? 'odd' : 'even', `{"n":${i},"w":"common"}`)),
    );
    const first = repo.list({ text: 'common' }, 2);
    expect(first.map((c) => c.id)).toEqual([5, 4]);
    expect(repo.list({ text: 'common' }, 2, 4).map((c) => c.id)).toEqual([3, 2]);
    expect(repo.list({ text: 'common', inbox: 'odd' }, 10).map((c) => c.id)).toEqual([4, 2]);
    repo.delete([4]);
    expect(repo.list({ text: 'common', inbox: 'odd' }, 10).map((c) => c.id)).toEqual([2]);
  });

  describe('deferred indexing under a scheduler', () => {
    /** Collects the index's wake-ups instead of running them: the test decides when slices run. */
    const manual = () => {
      const woken: SteppedWork[] = [];
      return { woken, schedule: (work: SteppedWork) => void woken.push(work) };
    };

    it('indexes in slices the scheduler runs, oldest first, and a query flushes the rest', () => {
      const { woken, schedule } = manual();
      const repo = new CaptureRepository(db, schedule);
      repo.insertMany(Array.from({ length: 5 }, (_, i) => capture('a', `{"n":"item${i}"}`)));
      expect(woken.length).toBeGreaterThan(0);
      expect(repo.searchWaiting).toBe(true);
      const work = woken[0]!;
      expect(work.step(2)).toBe(true);
      const indexed = () => db.prepare('SELECT rowid FROM captures_fts ORDER BY rowid').pluck().all();
      expect(indexed()).toEqual([1, 2]);
      expect(repo.list({ text: 'item4' }, 10)).toHaveLength(1);
      expect(indexed()).toEqual([1, 2, 3, 4, 5]);
      expect(repo.searchWaiting).toBe(false);
    });

    it('keeps at most 2,000 captures in memory during a flood and reads the rest back from the table', () => {
      const { woken, schedule } = manual();
      const repo = new CaptureRepository(db, schedule);
      for (let i = 0; i < 5; i++)
        repo.insertMany(Array.from({ length: 500 }, (_, j) => capture('a', `{"w":"flood${i * 500 + j}"}`)));
      const work = woken[0]!;
      let slices = 0;
      while (work.step(300)) slices++;
      expect(slices).toBe(8);
      expect(db.prepare('SELECT count(*) FROM captures_fts').pluck().get()).toBe(2500);
      for (const word of ['flood0', 'flood1999', 'flood2000', 'flood2499'])
        expect(repo.list({ text: word }, 10)).toHaveLength(1);
    });

    it('does not index at start what the last run left: the scheduler does, and a query still finds it', () => {
      new CaptureRepository(db, () => undefined).insert(capture('a', '{"w":"leftover"}'));
      const { woken, schedule } = manual();
      const again = new CaptureRepository(db, schedule);
      expect(again.searchWaiting).toBe(true);
      expect(woken).toHaveLength(1);
      expect(db.prepare('SELECT count(*) FROM captures_fts').pluck().get()).toBe(0);
      expect(again.list({ text: 'leftover' }, 10)).toHaveLength(1);
    });

    it('indexes a capture that reuses the id of a deleted newest capture', () => {
      const repo = new CaptureRepository(db, () => undefined);
      const [, second, third] = repo.insertMany([
        capture('a', '{"w":"one"}'),
        capture('a', '{"w":"two"}'),
        capture('a', '{"w":"three"}'),
      ]);
      repo.flushSearch();
      repo.delete([second!.id, third!.id]);
      // SQLite gives the next row the highest remaining id plus one: 2 again.
      const reused = repo.insert(capture('a', '{"w":"phoenix"}'));
      expect(reused.id).toBe(2);
      // The process dies before indexing it; the next start must still index it.
      db.close();
      db = openDatabase(path());
      expect(new CaptureRepository(db).list({ text: 'phoenix' }, 10).map((c) => c.id)).toEqual([2]);
    });
  });
});
