import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureRepository, type NewCapture } from '../../../../src/main/db/capture-repository';
import { buildWhere } from '../../../../src/main/db/history-query';
import { openDatabase } from '../../../../src/main/db/open-database';
import type { HistoryFilter } from '../../../../src/shared/models';
import { newCapture } from '../../../helpers/new-capture';
import { makeTempDir } from '../../../helpers/temp-dir';

function capture(method: string, status: number, verdict: 'unconfigured' | 'valid' | 'invalid'): NewCapture {
  return newCapture({
    method,
    body: '{"word":"kestrel"}',
    response: { status, headers: [], body: Buffer.alloc(0) },
    signature: {
      scheme: verdict === 'unconfigured' ? null : 'standard-webhooks',
      verdict,
      reason: null,
      cause: null,
      detail: null,
    },
  });
}

describe('history filters and the partial indexes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let repo: CaptureRepository;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.dir, 'history.sqlite'));
    repo = new CaptureRepository(db);
    repo.insertMany([
      capture('POST', 200, 'unconfigured'),
      capture('GET', 200, 'valid'),
      capture('POST', 503, 'invalid'),
      capture('PUT', 404, 'unconfigured'),
      capture('POST', 0, 'valid'),
    ]);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const plan = (filter: HistoryFilter): string => {
    const where = buildWhere(filter);
    const rows = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM captures ${where.sql} ORDER BY id DESC LIMIT 100`)
      .all(where.params) as { detail: string }[];
    return rows.map((r) => r.detail).join('; ');
  };
  const ids = (filter: HistoryFilter): number[] => repo.list(filter, 100).map((c) => c.id);

  it('uses the partial index for unusual values and finds the same captures as before', () => {
    expect(plan({ method: 'GET' })).toContain('captures_method_id');
    expect(plan({ status: 503 })).toContain('captures_status_id');
    expect(plan({ status: '4xx' })).toContain('captures_status_id');
    expect(plan({ signature: 'invalid' })).toContain('captures_signature_verdict');
    expect(ids({ method: 'GET' })).toEqual([2]);
    expect(ids({ method: 'PUT' })).toEqual([4]);
    expect(ids({ status: 503 })).toEqual([3]);
    expect(ids({ status: '5xx' })).toEqual([3]);
    expect(ids({ status: '4xx' })).toEqual([4]);
    expect(ids({ signature: 'valid' })).toEqual([5, 2]);
    expect(ids({ signature: 'invalid', method: 'POST' })).toEqual([3]);
  });

  it('reads the usual values newest first without those indexes', () => {
    expect(ids({ method: 'POST' })).toEqual([5, 3, 1]);
    expect(ids({ status: 200 })).toEqual([2, 1]);
    expect(ids({ status: '2xx' })).toEqual([2, 1]);
    expect(ids({ signature: 'unconfigured' })).toEqual([4, 1]);
    expect(repo.count({ method: 'POST' })).toEqual({ total: 3, capped: false });
    expect(repo.count({ status: '5xx' })).toEqual({ total: 1, capped: false });
  });

  it('combines them with a text search (the search joins the captures under an alias)', () => {
    expect(ids({ text: 'kestrel', method: 'GET' })).toEqual([2]);
    expect(ids({ text: 'kestrel', status: '5xx', signature: 'invalid' })).toEqual([3]);
    expect(repo.count({ text: 'kestrel', signature: 'valid' })).toEqual({ total: 2, capped: false });
  });
});
