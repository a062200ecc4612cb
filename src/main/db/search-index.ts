import type Database from 'better-sqlite3';
import type { HeaderPair } from '../../shared/models';

/** Bodies are indexed for search up to this size; the rest of a huge body is kept but not searchable. */
const FTS_BODY_BYTES = 256 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const UPTO_KEY = 'search_indexed_upto';

/** The text the full-text index holds for a body: its UTF-8 text, or nothing for binary bodies. */
function searchableBody(body: Buffer): string {
  try {
    return utf8.decode(body.subarray(0, FTS_BODY_BYTES));
  } catch {
    return '';
  }
}

/** A capture queued for indexing, as the receiver handed it over (the text is made when it is indexed). */
interface Queued {
  id: number;
  url: string;
  headers: readonly HeaderPair[];
  body: Buffer;
}

interface StoredRow {
  id: number;
  url: string;
  headers: string;
  body: Buffer;
}

/** Work done in slices by whoever schedules it (the workbench's BackgroundWork). */
export interface SteppedWork {
  /** Does at most `max` items; returns true when more is waiting. */
  step(max: number): boolean;
}

/** Captures kept in memory for indexing; past this, the rest is read back from the table when its turn comes. */
const MAX_QUEUED = 2000;

/**
 * The full-text index over URL, headers and body, kept off the receiver's answer path: committed captures are queued
 * and indexed later, in slices scheduled by `wake` (the workbench runs them at a lower priority than receiving, so a
 * flood of requests is never slowed by tokenizing). `search_indexed_upto` records how far the index is complete;
 * everything above it is the backlog, read back from `captures` after a start or when the in-memory queue would grow
 * past `MAX_QUEUED`. Queries call `flush()` first, so search never misses a capture the list already shows.
 */
export class SearchIndex implements SteppedWork {
  private queue: Queued[] = [];
  /** True when captures above `upto` are waiting that are not in `queue` (read back from the table). */
  private backlog: boolean;
  /** Every capture with an id up to this one is indexed (or deleted). */
  private upto: number;
  private readonly insertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly uptoSetStmt: Database.Statement;
  private readonly missingStmt: Database.Statement;
  private readonly maxIdStmt: Database.Statement;
  private selfScheduled = false;
  private readonly wake: (work: SteppedWork) => void;

  /** `wake` is called when work is waiting; default: index it all in the next turn of the event loop. */
  constructor(
    private readonly db: Database.Database,
    wake?: (work: SteppedWork) => void,
  ) {
    this.wake = wake ?? (() => this.drainSoon());
    this.insertStmt = db.prepare(
      'INSERT INTO captures_fts (rowid, url, headers, body) VALUES (@id, @url, @headers, @body)',
    );
    this.deleteStmt = db.prepare('DELETE FROM captures_fts WHERE rowid = @id');
    this.uptoSetStmt = db.prepare(
      `INSERT INTO settings (key, value) VALUES ('${UPTO_KEY}', @upto)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.missingStmt = db.prepare(
      'SELECT id, url, headers, body FROM captures WHERE id > @upto ORDER BY id LIMIT @limit',
    );
    this.maxIdStmt = db.prepare('SELECT coalesce(max(id), 0) AS n FROM captures').pluck();
    const saved = db.prepare(`SELECT value FROM settings WHERE key = '${UPTO_KEY}'`).pluck().get() as
      string | undefined;
    if (saved === undefined) {
      // A history indexed inline by an older version: everything present in the index is indexed.
      this.upto = db.prepare('SELECT coalesce(max(rowid), 0) FROM captures_fts').pluck().get() as number;
      this.uptoSetStmt.run({ upto: String(this.upto) });
    } else this.upto = Number(saved);
    this.backlog = (this.maxIdStmt.get() as number) > this.upto;
    if (this.backlog) this.wake(this);
  }

  private drainSoon(): void {
    if (this.selfScheduled) return;
    this.selfScheduled = true;
    setImmediate(() => {
      this.selfScheduled = false;
      // Closed meanwhile (shutdown, or a test): the next start indexes what is left.
      if (!this.db.open) return;
      try {
        this.flush();
      } catch (error) {
        // The captures are stored; the index catches up at the next flush or start.
        console.error(error);
      }
    });
  }

  /** True while committed captures wait to be indexed. */
  get waiting(): boolean {
    return this.backlog || this.queue.length > 0;
  }

  /** Queues a committed capture for indexing. */
  enqueue(id: number, url: string, headers: readonly HeaderPair[], body: Buffer): void {
    if (!this.backlog) {
      if (this.queue.length < MAX_QUEUED) this.queue.push({ id, url, headers, body });
      else {
        // A flood: stop holding bodies in memory; the table has them.
        this.queue = [];
        this.backlog = true;
      }
    }
    this.wake(this);
  }

  /** Indexes up to `max` waiting captures, oldest first, in one transaction. */
  step(max: number): boolean {
    if (!this.waiting) return false;
    let rows: { id: number; url: string; headers: string; body: string }[];
    let fromQueue = 0;
    let caughtUp = false;
    if (this.backlog) {
      const stored = this.missingStmt.all({ upto: this.upto, limit: max }) as StoredRow[];
      caughtUp = stored.length < max;
      rows = stored.map((r) => ({
        id: r.id,
        url: r.url,
        headers: headerText(JSON.parse(r.headers) as HeaderPair[]),
        body: searchableBody(r.body),
      }));
    } else {
      fromQueue = Math.min(max, this.queue.length);
      rows = this.queue.slice(0, fromQueue).map((q) => ({
        id: q.id,
        url: q.url,
        headers: headerText(q.headers),
        body: searchableBody(q.body),
      }));
    }
    const last = rows[rows.length - 1];
    if (last) {
      const upto = Math.max(this.upto, last.id);
      this.db.transaction(() => {
        for (const row of rows) this.insertStmt.run(row);
        this.uptoSetStmt.run({ upto: String(upto) });
      })();
      this.upto = upto;
    }
    // Only once committed: a failed transaction leaves the queue and the backlog as they were, to be tried again.
    if (fromQueue > 0) this.queue.splice(0, fromQueue);
    if (caughtUp) this.backlog = false;
    return this.waiting;
  }

  /** Indexes everything waiting (before a query). */
  flush(): void {
    while (this.step(1000));
  }

  /** Removes a capture from the index (or from the queue when it was not indexed yet). */
  remove(id: number): void {
    // Everything up to `upto` is in the index; everything above it is queued or in the backlog (nothing to undo).
    if (id <= this.upto) {
      this.deleteStmt.run({ id });
      return;
    }
    const queued = this.queue.findIndex((q) => q.id === id);
    if (queued !== -1) this.queue.splice(queued, 1);
  }

  /**
   * After deletes: SQLite gives a new row the highest remaining id plus one, which may be at or below `upto` when the
   * newest captures were deleted. Lower `upto` to the highest remaining id so such a row is still indexed.
   */
  afterDelete(): void {
    const max = this.maxIdStmt.get() as number;
    if (max < this.upto) {
      this.upto = max;
      this.uptoSetStmt.run({ upto: String(max) });
    }
  }
}

function headerText(headers: readonly HeaderPair[]): string {
  return headers.map(([n, v]) => `${n}: ${v}`).join('\n');
}
