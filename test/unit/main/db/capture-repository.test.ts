import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureRepository, type NewCapture } from '../../../../src/main/db/capture-repository';
import { openDatabase } from '../../../../src/main/db/open-database';
import { makeTempDir } from '../../../helpers/temp-dir';

function capture(inbox: string, body: string, url = `/hooks/${inbox}`): NewCapture {
  return {
    inbox,
    receivedAt: Date.now(),
    method: 'POST',
    url,
    path: url,
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    contentType: 'application/json',
    body: Buffer.from(body),
    truncated: false,
    remoteAddress: '127.0.0.1',
    durationMs: 1,
    response: { status: 200, headers: [], body: Buffer.alloc(0) },
    unmatched: false,
    deliveryId: null,
    attempt: 1,
  };
}

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
});
