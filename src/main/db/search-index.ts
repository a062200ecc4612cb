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

interface Pending {
  id: number;
  url: string;
  headers: string;
  body: string;
}

/**
 * The full-text index over URL, headers and body, kept off the receiver's answer path: captures are indexed in their
 * own transaction right after the batch that stored them commits, so tokenizing a body never delays an
 * acknowledgement. `search_indexed_upto` records how far the index is complete; rows stored but not indexed when
 * the process died are indexed at the next start. Queries flush what is pending first, so search never misses a
 * capture the list already shows.
 */
export class SearchIndex {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly insertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly uptoGetStmt: Database.Statement;
  private readonly uptoSetStmt: Database.Statement;
  private readonly missingStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly report: (error: unknown) => void = (e) => console.error(e),
  ) {
    this.insertStmt = db.prepare(
      'INSERT INTO captures_fts (rowid, url, headers, body) VALUES (@id, @url, @headers, @body)',
    );
    this.deleteStmt = db.prepare('DELETE FROM captures_fts WHERE rowid = @id');
    this.uptoGetStmt = db.prepare(`SELECT value FROM settings WHERE key = '${UPTO_KEY}'`);
    this.uptoSetStmt = db.prepare(
      `INSERT INTO settings (key, value) VALUES ('${UPTO_KEY}', @upto)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(excluded.value AS INTEGER) > CAST(value AS INTEGER)`,
    );
    this.missingStmt = db.prepare(
      'SELECT id, url, headers, body FROM captures WHERE id > @upto ORDER BY id LIMIT 1000',
    );
    this.catchUp();
  }

  /** Queues a committed capture for indexing in the next turn of the event loop. */
  enqueue(id: number, url: string, headers: readonly HeaderPair[], body: Buffer): void {
    this.pending.push({
      id,
      url,
      headers: headers.map(([n, v]) => `${n}: ${v}`).join('\n'),
      body: searchableBody(body),
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        // Closed meanwhile (shutdown, or a test): the next start indexes what is left.
        if (!this.db.open) return;
        try {
          this.flush();
        } catch (error) {
          // The captures are stored; the index catches up at the next flush or start.
          this.report(error);
        }
      });
    }
  }

  /** Indexes everything queued, in one transaction. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.db.transaction(() => {
        for (const row of batch) this.insertStmt.run(row);
        this.uptoSetStmt.run({ upto: String(batch[batch.length - 1]?.id ?? 0) });
      })();
    } catch (error) {
      this.pending = batch.concat(this.pending);
      throw error;
    }
  }

  /** Removes a capture from the index (or from the queue when it was not indexed yet). */
  remove(id: number): void {
    const queued = this.pending.findIndex((p) => p.id === id);
    if (queued !== -1) this.pending.splice(queued, 1);
    else this.deleteStmt.run({ id });
  }

  private catchUp(): void {
    const row = this.uptoGetStmt.get() as { value: string } | undefined;
    let upto = Number(row?.value ?? 0);
    if (row === undefined) {
      // A history indexed inline by an older version: everything present is indexed.
      upto = (this.db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM captures_fts').get() as { n: number })
        .n;
    }
    for (;;) {
      const missing = this.missingStmt.all({ upto }) as {
        id: number;
        url: string;
        headers: string;
        body: Buffer;
      }[];
      if (missing.length === 0) break;
      for (const m of missing) this.enqueue(m.id, m.url, JSON.parse(m.headers) as HeaderPair[], m.body);
      this.flush();
      upto = missing[missing.length - 1]?.id ?? upto;
    }
    this.uptoSetStmt.run({ upto: String(upto) });
  }
}
