import type Database from 'better-sqlite3';
import {
  TOTAL_COUNT_CAP,
  type CaptureDetail,
  type CaptureSummary,
  type DownstreamExchange,
  type HeaderPair,
  type HistoryFilter,
} from '../../shared/models';
import { buildWhere, isUnfiltered } from './history-query';
import {
  detailFromRow,
  signatureParams,
  summaryFromRow,
  type SignatureRow,
  UNCONFIGURED,
  type StoredSignature,
} from './signature-columns';

export type { StoredSignature } from './signature-columns';

/** A capture as the receiver (or an import) hands it over, before it has an id. */
export interface NewCapture {
  inbox: string;
  receivedAt: number;
  method: string;
  url: string;
  path: string;
  httpVersion: string;
  headers: HeaderPair[];
  contentType: string | null;
  body: Buffer;
  truncated: boolean;
  remoteAddress: string | null;
  durationMs: number;
  response: { status: number; headers: HeaderPair[]; body: Buffer };
  unmatched: boolean;
  deliveryId: string | null;
  attempt: number;
  pinned?: boolean;
  forwarded?: DownstreamExchange | null;
  replays?: DownstreamExchange[];
  /** The signature check made at arrival (or kept from an import); unconfigured when absent. */
  signature?: StoredSignature;
}

interface SummaryRow extends SignatureRow {
  id: number;
  inbox: string;
  method: string;
  url: string;
  path: string;
  content_type: string | null;
  body_size: number;
  received_at: number;
  response_status: number;
  truncated: number;
  unmatched: number;
  delivery_id: string | null;
  attempt: number;
  pinned: number;
}

interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  body: Buffer;
  remote_address: string | null;
  duration_ms: number;
  response_headers: string;
  response_body: Buffer;
  forwarded: string | null;
  replays: string;
  signature_detail: string | null;
}

const SUMMARY_COLUMNS =
  'id, inbox, method, url, path, content_type, body_size, received_at, response_status, truncated, unmatched, ' +
  'delivery_id, attempt, pinned, signature_scheme, signature_verdict, signature_reason, signature_cause';

/** Bodies are indexed for search up to this size; the rest of a huge body is kept but not searchable. */
const FTS_BODY_BYTES = 256 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text the full-text index holds for a body: its UTF-8 text, or nothing for binary bodies. */
function searchableBody(body: Buffer): string {
  try {
    return utf8.decode(body.subarray(0, FTS_BODY_BYTES));
  } catch {
    return '';
  }
}

function toSummary(row: SummaryRow): CaptureSummary {
  return {
    id: row.id,
    inbox: row.inbox,
    method: row.method,
    url: row.url,
    path: row.path,
    contentType: row.content_type,
    size: row.body_size,
    receivedAt: row.received_at,
    status: row.response_status,
    truncated: row.truncated === 1,
    unmatched: row.unmatched === 1,
    deliveryId: row.delivery_id,
    attempt: row.attempt,
    pinned: row.pinned === 1,
    signature: summaryFromRow(row),
  };
}

/** The only place that reads and writes captures; statements are prepared once (per filter shape), by name. */
export class CaptureRepository {
  private readonly insertStmt: Database.Statement;
  private readonly ftsInsertStmt: Database.Statement;
  private readonly ftsDeleteStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly summaryStmt: Database.Statement;
  private readonly countAllStmt: Database.Statement;
  private readonly deliveryCountStmt: Database.Statement;
  private readonly attemptsStmt: Database.Statement;
  private readonly pinStmt: Database.Statement;
  private readonly forwardedStmt: Database.Statement;
  private readonly replaysStmt: Database.Statement;
  private readonly byShape = new Map<string, Database.Statement>();
  /** Unfiltered total, kept in memory so the list header does not count a million rows on every page. */
  private total: number;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(`INSERT INTO captures
      (inbox, received_at, method, url, path, http_version, headers, content_type, body, body_size, truncated,
       remote_address, duration_ms, response_status, response_headers, response_body, unmatched, delivery_id,
       attempt, pinned, forwarded, replays, signature_scheme, signature_verdict, signature_reason, signature_cause,
       signature_detail)
      VALUES (@inbox, @receivedAt, @method, @url, @path, @httpVersion, @headers, @contentType, @body, @bodySize,
       @truncated, @remoteAddress, @durationMs, @responseStatus, @responseHeaders, @responseBody, @unmatched,
       @deliveryId, @attempt, @pinned, @forwarded, @replays, @signatureScheme, @signatureVerdict, @signatureReason,
       @signatureCause, @signatureDetail)`);
    this.ftsInsertStmt = db.prepare(
      'INSERT INTO captures_fts (rowid, url, headers, body) VALUES (@id, @url, @headers, @body)',
    );
    this.ftsDeleteStmt = db.prepare('DELETE FROM captures_fts WHERE rowid = @id');
    this.getStmt = db.prepare('SELECT * FROM captures WHERE id = @id');
    this.summaryStmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id = @id`);
    this.countAllStmt = db.prepare('SELECT count(*) AS n FROM captures');
    this.deliveryCountStmt = db.prepare('SELECT count(*) AS n FROM captures WHERE delivery_id = @deliveryId');
    this.attemptsStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM captures WHERE delivery_id = @deliveryId ORDER BY id LIMIT 1000`,
    );
    this.pinStmt = db.prepare('UPDATE captures SET pinned = @pinned WHERE id = @id');
    this.forwardedStmt = db.prepare('UPDATE captures SET forwarded = @forwarded WHERE id = @id');
    this.replaysStmt = db.prepare(
      "UPDATE captures SET replays = json_insert(replays, '$[#]', json(@replay)) WHERE id = @id",
    );
    this.total = (this.countAllStmt.get() as { n: number }).n;
  }

  private insertOne(capture: NewCapture): CaptureSummary {
    const signature = capture.signature ?? UNCONFIGURED;
    const result = this.insertStmt.run({
      inbox: capture.inbox,
      receivedAt: capture.receivedAt,
      method: capture.method,
      url: capture.url,
      path: capture.path,
      httpVersion: capture.httpVersion,
      headers: JSON.stringify(capture.headers),
      contentType: capture.contentType,
      body: capture.body,
      bodySize: capture.body.length,
      truncated: capture.truncated ? 1 : 0,
      remoteAddress: capture.remoteAddress,
      durationMs: capture.durationMs,
      responseStatus: capture.response.status,
      responseHeaders: JSON.stringify(capture.response.headers),
      responseBody: capture.response.body,
      unmatched: capture.unmatched ? 1 : 0,
      deliveryId: capture.deliveryId,
      attempt: capture.attempt,
      pinned: capture.pinned ? 1 : 0,
      forwarded: capture.forwarded ? JSON.stringify(capture.forwarded) : null,
      replays: JSON.stringify(capture.replays ?? []),
      ...signatureParams(signature),
    });
    const id = Number(result.lastInsertRowid);
    this.ftsInsertStmt.run({
      id,
      url: capture.url,
      headers: capture.headers.map(([n, v]) => `${n}: ${v}`).join('\n'),
      body: searchableBody(capture.body),
    });
    this.total += 1;
    return toSummary({
      id,
      inbox: capture.inbox,
      method: capture.method,
      url: capture.url,
      path: capture.path,
      content_type: capture.contentType,
      body_size: capture.body.length,
      received_at: capture.receivedAt,
      response_status: capture.response.status,
      truncated: capture.truncated ? 1 : 0,
      unmatched: capture.unmatched ? 1 : 0,
      delivery_id: capture.deliveryId,
      attempt: capture.attempt,
      pinned: capture.pinned ? 1 : 0,
      signature_scheme: signature.scheme,
      signature_verdict: signature.verdict,
      signature_reason: signature.reason,
      signature_cause: signature.cause,
    });
  }

  /** Stores captures in one transaction; they are committed when this returns (all or none). */
  insertMany(captures: readonly NewCapture[]): CaptureSummary[] {
    const before = this.total;
    try {
      return this.db.transaction(() => captures.map((c) => this.insertOne(c)))();
    } catch (error) {
      this.total = before;
      throw error;
    }
  }

  /** Stores one capture; committed when this returns. */
  insert(capture: NewCapture): CaptureSummary {
    return this.insertMany([capture])[0] as CaptureSummary;
  }

  private statement(kind: string, sqlFor: () => string, shape: string): Database.Statement {
    const key = `${kind}:${shape}`;
    let stmt = this.byShape.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sqlFor());
      this.byShape.set(key, stmt);
    }
    return stmt;
  }

  /** Newest first, `limit` rows older than `beforeId` when given (keyset pagination stays fast on deep pages). */
  list(filter: HistoryFilter, limit: number, beforeId?: number): CaptureSummary[] {
    const where = buildWhere(filter, beforeId);
    const stmt = this.statement(
      'list',
      () => `SELECT ${SUMMARY_COLUMNS} FROM captures ${where.sql} ORDER BY id DESC LIMIT @limit`,
      where.shape,
    );
    return (stmt.all({ ...where.params, limit }) as SummaryRow[]).map(toSummary);
  }

  /** How many captures match; filtered counts stop at `TOTAL_COUNT_CAP`. */
  count(filter: HistoryFilter = {}): { total: number; capped: boolean } {
    if (isUnfiltered(filter)) return { total: this.total, capped: false };
    const where = buildWhere(filter);
    const stmt = this.statement(
      'count',
      () => `SELECT count(*) AS n FROM (SELECT 1 FROM captures ${where.sql} LIMIT ${TOTAL_COUNT_CAP + 1})`,
      where.shape,
    );
    const n = (stmt.get(where.params) as { n: number }).n;
    return n > TOTAL_COUNT_CAP ? { total: TOTAL_COUNT_CAP, capped: true } : { total: n, capped: false };
  }

  /** Every capture matching the filter, oldest first, one at a time (for export without loading all). */
  *iterate(filter: HistoryFilter = {}): Generator<CaptureDetail> {
    const where = buildWhere(filter);
    const stmt = this.statement(
      'iterate',
      () => `SELECT * FROM captures ${where.sql} ORDER BY id`,
      where.shape,
    );
    for (const row of stmt.iterate(where.params) as IterableIterator<DetailRow>) yield this.toDetail(row);
  }

  /** The whole capture, or undefined when there is no such id. */
  get(id: number): CaptureDetail | undefined {
    const row = this.getStmt.get({ id }) as DetailRow | undefined;
    return row ? this.toDetail(row) : undefined;
  }

  /** The list row of one capture, or undefined. */
  summary(id: number): CaptureSummary | undefined {
    const row = this.summaryStmt.get({ id }) as SummaryRow | undefined;
    return row ? toSummary(row) : undefined;
  }

  private toDetail(row: DetailRow): CaptureDetail {
    return {
      ...toSummary(row),
      httpVersion: row.http_version,
      headers: JSON.parse(row.headers) as HeaderPair[],
      bodyBase64: row.body.toString('base64'),
      remoteAddress: row.remote_address,
      durationMs: row.duration_ms,
      response: {
        status: row.response_status,
        headers: JSON.parse(row.response_headers) as HeaderPair[],
        bodyBase64: row.response_body.toString('base64'),
      },
      forwarded: row.forwarded ? (JSON.parse(row.forwarded) as DownstreamExchange) : null,
      replays: JSON.parse(row.replays) as DownstreamExchange[],
      verification: detailFromRow(row, row.body),
    };
  }

  /** How many attempts of this delivery are stored. */
  deliveryAttempts(deliveryId: string): number {
    return (this.deliveryCountStmt.get({ deliveryId }) as { n: number }).n;
  }

  /** Every attempt of one delivery, oldest first. */
  attempts(deliveryId: string): CaptureSummary[] {
    return (this.attemptsStmt.all({ deliveryId }) as SummaryRow[]).map(toSummary);
  }

  /** Pins or unpins; false when there is no such capture. */
  setPinned(id: number, pinned: boolean): boolean {
    return this.pinStmt.run({ id, pinned: pinned ? 1 : 0 }).changes === 1;
  }

  setForwarded(id: number, exchange: DownstreamExchange): void {
    this.forwardedStmt.run({ id, forwarded: JSON.stringify(exchange) });
  }

  addReplay(id: number, exchange: DownstreamExchange): void {
    this.replaysStmt.run({ id, replay: JSON.stringify(exchange) });
  }

  /** Deletes the given ids (and their search entries) in one transaction; returns how many went. */
  delete(ids: readonly number[]): number {
    const del = this.statement('delete-one', () => 'DELETE FROM captures WHERE id = @id', '');
    return this.db.transaction(() => {
      let n = 0;
      for (const id of ids) {
        if (del.run({ id }).changes === 1) {
          this.ftsDeleteStmt.run({ id });
          n += 1;
        }
      }
      this.total -= n;
      return n;
    })();
  }

  /** Deletes every capture matching the filter; pinned ones survive unless `includePinned`. */
  clear(filter: HistoryFilter, includePinned = false): number {
    const where = buildWhere(
      includePinned || filter.pinned !== undefined ? filter : { ...filter, pinned: false },
    );
    const ids = this.statement('ids', () => `SELECT id FROM captures ${where.sql}`, where.shape)
      .pluck()
      .all(where.params) as number[];
    return this.delete(ids);
  }

  /**
   * Retention: keeps the newest `maxCaptures` and those younger than `maxAgeMs` (either may be null), never deleting
   * pinned captures. Returns how many were deleted.
   */
  applyRetention(maxCaptures: number | null, maxAgeMs: number | null, now: number): number {
    const ids = new Set<number>();
    if (maxAgeMs !== null) {
      const old = this.statement(
        'old',
        () => 'SELECT id FROM captures WHERE pinned = 0 AND received_at < @cutoff',
        '',
      );
      for (const id of old.pluck().all({ cutoff: now - maxAgeMs }) as number[]) ids.add(id);
    }
    if (maxCaptures !== null && this.total > maxCaptures) {
      const excess = this.statement(
        'excess',
        () => 'SELECT id FROM captures WHERE pinned = 0 ORDER BY id DESC LIMIT -1 OFFSET @keep',
        '',
      );
      for (const id of excess.pluck().all({ keep: maxCaptures }) as number[]) ids.add(id);
    }
    return ids.size > 0 ? this.delete([...ids]) : 0;
  }
}
