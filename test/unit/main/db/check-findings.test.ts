import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureRepository } from '../../../../src/main/db/capture-repository';
import type { StoredCheck } from '../../../../src/main/db/check-columns';
import { CheckRepository } from '../../../../src/main/db/check-repository';
import { openDatabase } from '../../../../src/main/db/open-database';
import { newCapture } from '../../../helpers/new-capture';
import { makeTempDir } from '../../../helpers/temp-dir';

const FINDINGS = JSON.stringify({
  findings: [{ path: 'data.reviewId', kind: 'missing', severity: 'error', message: 'missing' }],
});
const CHECK: StoredCheck = {
  verdict: 'deviates',
  provider: 'credo-ai',
  event: 'use_case_review_status_updated',
  errors: 1,
  warnings: 0,
  findings: FINDINGS,
  checkedWith: 'catalog-v1',
};

describe('check findings (migration 0008: a table of their own)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let captures: CaptureRepository;
  let checks: CheckRepository;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.dir, 'history.sqlite'));
    captures = new CaptureRepository(db);
    checks = new CheckRepository(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const rowFindings = (id: number): unknown =>
    db.prepare('SELECT check_findings FROM captures WHERE id = ?').pluck().get(id);
  const tableFindings = (id: number): unknown =>
    db.prepare('SELECT findings FROM check_findings WHERE id = ?').pluck().get(id);

  it('stores findings beside the capture, not in its row, and reads them back everywhere', () => {
    const { id } = captures.insert(newCapture({ body: '{"type":"CredoAI.x"}' }));
    expect(checks.store([{ id, check: CHECK }])).toEqual([id]);
    expect(tableFindings(id)).toBe(FINDINGS);
    expect(rowFindings(id)).toBeNull();
    expect(checks.stored(id)).toMatchObject({ verdict: 'deviates', checkedWith: 'catalog-v1' });
    expect(checks.stored(id)?.result?.findings).toEqual([expect.objectContaining({ path: 'data.reviewId' })]);
    expect(captures.get(id)?.checkDetail?.result?.findings).toHaveLength(1);
    expect([...checks.findings()]).toEqual([
      { provider: 'credo-ai', event: 'use_case_review_status_updated', findings: FINDINGS },
    ]);
    // A re-check replaces them.
    const again = JSON.stringify({ findings: [] });
    checks.store([{ id, check: { ...CHECK, verdict: 'conforms', errors: 0, findings: again } }]);
    expect(tableFindings(id)).toBe(again);
  });

  it('still reads findings kept in the row by a check made before the migration, and moves them on a re-check', () => {
    const { id } = captures.insert(newCapture());
    db.prepare(
      `UPDATE captures SET check_verdict = 'deviates', check_provider = 'credo-ai',
       check_event = 'use_case_review_status_updated', check_errors = 1, check_findings = ?, checked_with = 'old'
       WHERE id = ?`,
    ).run(FINDINGS, id);
    expect(checks.stored(id)?.result?.findings).toHaveLength(1);
    expect([...checks.findings()].map((f) => f.findings)).toEqual([FINDINGS]);
    checks.store([{ id, check: CHECK }]);
    expect(rowFindings(id)).toBeNull();
    expect(tableFindings(id)).toBe(FINDINGS);
  });

  it('deletes the findings with their capture', () => {
    const { id } = captures.insert(newCapture());
    checks.store([{ id, check: CHECK }]);
    expect(captures.delete([id])).toBe(1);
    expect(tableFindings(id)).toBeUndefined();
    // SQLite gives the next capture the same id: it must not inherit the deleted one's findings.
    const next = captures.insert(newCapture());
    expect(next.id).toBe(id);
    expect(tableFindings(next.id)).toBeUndefined();
  });
});
