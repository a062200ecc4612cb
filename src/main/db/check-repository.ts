import type Database from 'better-sqlite3';
import type { HeaderPair } from '../../shared/models';
import { checkResultFromRow, FINDINGS, type CheckRow, type StoredCheck } from './check-columns';

/** What a check reads of a stored capture. */
export interface CheckableCapture {
  id: number;
  inbox: string;
  receivedAt: number;
  body: Buffer;
  contentType: string | null;
  headers: HeaderPair[];
  truncated: boolean;
}

/** A stored capture's check, as kept (null result while pending). */
export interface StoredCheckRow {
  id: number;
  receivedAt: number;
  verdict: string;
  checkedWith: string | null;
}

/** Which captures a background check job reads. */
export type CheckScope =
  { kind: 'pending' } | { kind: 'stale'; version: string } | { kind: 'all'; upto: number };

interface RawCheckable {
  id: number;
  inbox: string;
  received_at: number;
  body: Buffer;
  content_type: string | null;
  headers: string;
  truncated: number;
}

const CHECKABLE = 'id, inbox, received_at, body, content_type, headers, truncated';

function toCheckable(row: RawCheckable): CheckableCapture {
  let headers: HeaderPair[] = [];
  try {
    headers = JSON.parse(row.headers) as HeaderPair[];
  } catch {
    // A damaged header list only loses identification hints.
  }
  return {
    id: row.id,
    inbox: row.inbox,
    receivedAt: row.received_at,
    body: row.body,
    contentType: row.content_type,
    headers,
    truncated: row.truncated === 1,
  };
}

/**
 * The SQL of the checks against the documented shapes: storing results in one transaction per batch, reading the
 * captures a job still has to check, and the reads of the summary, the drift report and the observed schema.
 */
export class CheckRepository {
  private readonly updateStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly checkableStmt: Database.Statement;
  private readonly pendingStmt: Database.Statement;
  private readonly staleStmt: Database.Statement;
  private readonly allStmt: Database.Statement;
  private readonly pendingCountStmt: Database.Statement;
  private readonly rangeCountStmt: Database.Statement;
  private readonly maxIdStmt: Database.Statement;
  private readonly verdictCountsStmt: Database.Statement;
  private readonly eventCountsStmt: Database.Statement;
  private readonly findingsStmt: Database.Statement;
  private readonly bodiesAllStmt: Database.Statement;
  private readonly bodiesEventStmt: Database.Statement;
  private readonly previousStmt: Database.Statement;
  private readonly putFindingsStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // The findings go to their own table (migration 0008); the row keeps the small columns the list filters on.
    this.updateStmt = db.prepare(`UPDATE captures SET check_verdict = @verdict, check_provider = @provider,
      check_event = @event, check_errors = @errors, check_warnings = @warnings, check_findings = NULL,
      checked_with = @checkedWith WHERE id = @id`);
    this.putFindingsStmt = db.prepare(
      'INSERT INTO check_findings (id, findings) VALUES (@id, @findings) ON CONFLICT (id) DO UPDATE SET findings = @findings',
    );
    this.previousStmt = db.prepare(
      'SELECT check_verdict, check_errors, check_warnings FROM captures WHERE id = @id',
    );
    this.getStmt = db.prepare(
      `SELECT c.id, c.received_at, c.check_verdict, c.check_provider, c.check_event, c.check_errors,
       c.check_warnings, ${FINDINGS} AS check_findings, c.checked_with
       FROM captures c LEFT JOIN check_findings f ON f.id = c.id WHERE c.id = @id`,
    );
    this.checkableStmt = db.prepare(`SELECT ${CHECKABLE} FROM captures WHERE id = @id`);
    this.pendingStmt = db.prepare(
      `SELECT ${CHECKABLE} FROM captures WHERE check_verdict = 'pending' AND id > @after ORDER BY check_verdict, id LIMIT @limit`,
    );
    this.staleStmt = db.prepare(
      `SELECT ${CHECKABLE} FROM captures WHERE id > @after AND (checked_with IS NOT @version OR check_verdict = 'pending')
       ORDER BY id LIMIT @limit`,
    );
    this.allStmt = db.prepare(
      `SELECT ${CHECKABLE} FROM captures WHERE id > @after AND id <= @upto ORDER BY id LIMIT @limit`,
    );
    this.pendingCountStmt = db.prepare("SELECT count(*) AS n FROM captures WHERE check_verdict = 'pending'");
    this.rangeCountStmt = db.prepare('SELECT count(*) AS n FROM captures WHERE id <= @upto');
    this.maxIdStmt = db.prepare('SELECT coalesce(max(id), 0) AS n FROM captures');
    this.verdictCountsStmt = db.prepare(
      'SELECT check_verdict AS verdict, count(*) AS n FROM captures GROUP BY check_verdict',
    );
    this.eventCountsStmt = db.prepare(
      `SELECT check_provider AS provider, check_event AS event, count(*) AS n,
       sum(check_verdict = 'deviates') AS deviates FROM captures WHERE check_event IS NOT NULL
       GROUP BY check_event, check_provider`,
    );
    this.findingsStmt = db.prepare(
      `SELECT c.check_provider AS provider, c.check_event AS event, ${FINDINGS} AS findings
       FROM captures c LEFT JOIN check_findings f ON f.id = c.id
       WHERE ${FINDINGS} IS NOT NULL AND c.check_verdict <> 'pending' AND (c.check_errors > 0 OR c.check_warnings > 0)
       ORDER BY c.id DESC`,
    );
    const observed =
      'id, received_at, body, content_type, headers, truncated, check_verdict, check_provider, check_event';
    this.bodiesAllStmt = db.prepare(
      `SELECT ${observed} FROM captures WHERE check_event IS NOT NULL AND id > @after ORDER BY id LIMIT @limit`,
    );
    this.bodiesEventStmt = db.prepare(
      `SELECT ${observed} FROM captures WHERE check_event = @event AND check_provider = @provider AND id > @after
       ORDER BY id LIMIT @limit`,
    );
  }

  /**
   * Stores results in one transaction; returns the ids whose verdict or counts changed (a capture deleted meanwhile
   * is skipped).
   */
  store(results: readonly { id: number; check: StoredCheck }[]): number[] {
    return this.db.transaction(() => {
      const changed: number[] = [];
      for (const { id, check } of results) {
        const before = this.previousStmt.get({ id }) as
          { check_verdict: string; check_errors: number; check_warnings: number } | undefined;
        if (!before) continue;
        this.updateStmt.run({ id, ...check });
        this.putFindingsStmt.run({ id, findings: check.findings });
        if (
          before.check_verdict !== check.verdict ||
          before.check_errors !== check.errors ||
          before.check_warnings !== check.warnings
        )
          changed.push(id);
      }
      return changed;
    })();
  }

  /** A capture's stored check, or undefined when there is no such capture. */
  stored(id: number): (StoredCheckRow & { result: ReturnType<typeof checkResultFromRow> }) | undefined {
    const row = this.getStmt.get({ id }) as
      | (CheckRow & {
          id: number;
          received_at: number;
          check_findings: string | null;
          checked_with: string | null;
        })
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      receivedAt: row.received_at,
      verdict: row.check_verdict,
      checkedWith: row.checked_with,
      result: checkResultFromRow(row),
    };
  }

  /** What checking one capture needs, or undefined. */
  checkable(id: number): CheckableCapture | undefined {
    const row = this.checkableStmt.get({ id }) as RawCheckable | undefined;
    return row ? toCheckable(row) : undefined;
  }

  /** The next captures of a job after id `after`, in id order. */
  nextBatch(scope: CheckScope, after: number, limit: number): CheckableCapture[] {
    const rows =
      scope.kind === 'pending'
        ? this.pendingStmt.all({ after, limit })
        : scope.kind === 'stale'
          ? this.staleStmt.all({ after, limit, version: scope.version })
          : this.allStmt.all({ after, limit, upto: scope.upto });
    return (rows as RawCheckable[]).map(toCheckable);
  }

  /** Captures not checked yet (an index lookup). */
  pendingCount(): number {
    return (this.pendingCountStmt.get() as { n: number }).n;
  }

  /** Captures with an id up to `upto`. */
  countUpTo(upto: number): number {
    return (this.rangeCountStmt.get({ upto }) as { n: number }).n;
  }

  /** The newest capture's id (0 when there is none). */
  maxId(): number {
    return (this.maxIdStmt.get() as { n: number }).n;
  }

  /** Captures per verdict. */
  verdictCounts(): Map<string, number> {
    const rows = this.verdictCountsStmt.all() as { verdict: string; n: number }[];
    return new Map(rows.map((r) => [r.verdict, r.n]));
  }

  /** Identified captures per event type, with how many deviate. */
  eventCounts(): { provider: string; event: string; count: number; deviates: number }[] {
    const rows = this.eventCountsStmt.all() as {
      provider: string | null;
      event: string;
      n: number;
      deviates: number | null;
    }[];
    return rows.map((r) => ({
      provider: r.provider ?? '',
      event: r.event,
      count: r.n,
      deviates: r.deviates ?? 0,
    }));
  }

  /** The stored findings of every checked capture that has some, newest first. */
  *findings(): Generator<{ provider: string | null; event: string | null; findings: string }> {
    yield* this.findingsStmt.iterate() as IterableIterator<{
      provider: string | null;
      event: string | null;
      findings: string;
    }>;
  }

  /** The next identified captures (of one event, or all) after id `after`, for the drift report and observed schema. */
  observedBatch(
    filter: { provider: string; event: string } | null,
    after: number,
    limit: number,
  ): (CheckableCapture & { verdict: string; provider: string; event: string })[] {
    const rows = (
      filter
        ? this.bodiesEventStmt.all({ ...filter, after, limit })
        : this.bodiesAllStmt.all({ after, limit })
    ) as (RawCheckable & { check_verdict: string; check_provider: string | null; check_event: string })[];
    return rows.map((row) => ({
      ...toCheckable({ ...row, inbox: '' }),
      verdict: row.check_verdict,
      provider: row.check_provider ?? '',
      event: row.check_event,
    }));
  }
}
