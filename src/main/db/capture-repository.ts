import type Database from 'better-sqlite3';
import {
  captureRoute,
  TOTAL_COUNT_CAP,
  type CaptureDetail,
  type CaptureRoute,
  type CaptureSummary,
  type DownstreamExchange,
  type HeaderPair,
  type HistoryFilter,
} from '../../shared/models';
import { buildWhere, isUnfiltered, toFtsQuery } from './history-query';
import {
  CHECK_SUMMARY_COLUMNS,
  checkDetailFromRow,
  checkSummaryFromRow,
  FINDINGS,
  PENDING_CHECK,
  type CheckRow,
} from './check-columns';
import { SearchIndex, type SteppedWork } from './search-index';
import {
  detailFromRow,
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
  /** How it reached the receiver; `direct` when absent. */
  route?: CaptureRoute;
}

interface SummaryRow extends SignatureRow, CheckRow {
  id: number;
  inbox: string;
  method: string;
  url: string;
  path: string;
  content_type: string | null;
  body_size: number;
  received_at: number;
  response_status: number;
  duration_ms: number;
  truncated: number;
  unmatched: number;
  delivery_id: string | null;
  attempt: number;
  pinned: number;
  route: string;
}

interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  body: Buffer;
  remote_address: string | null;
  response_headers: string;
  response_body: Buffer;
  forwarded: string | null;
  replays: string;
  signature_detail: string | null;
  check_findings: string | null;
  checked_with: string | null;
}

/** The columns the receiver writes, in the order `insertOne` passes their values. */
const INSERT_COLUMNS = [
  'inbox',
  'received_at',
  'method',
  'url',
  'path',
  'http_version',
  'headers',
  'content_type',
  'body',
  'body_size',
  'truncated',
  'remote_address',
  'duration_ms',
  'response_status',
  'response_headers',
  'response_body',
  'unmatched',
  'delivery_id',
  'attempt',
  'pinned',
  'forwarded',
  'replays',
  'signature_scheme',
  'signature_verdict',
  'signature_reason',
  'signature_cause',
  'signature_detail',
  'route',
] as const;

/**
 * Columns whose table default is what a plain capture holds (not truncated, matched, no delivery id, first attempt,
 * not pinned, not forwarded, no replays, no signature check, direct): most of what a flood brings. A plain capture is
 * inserted with the other 15 columns only, which is measurably cheaper per insert than binding all 28.
 */
const DEFAULTED_COLUMNS: ReadonlySet<string> = new Set([
  'truncated',
  'unmatched',
  'delivery_id',
  'attempt',
  'pinned',
  'forwarded',
  'replays',
  'signature_scheme',
  'signature_verdict',
  'signature_reason',
  'signature_cause',
  'signature_detail',
  'route',
]);
const PLAIN_COLUMNS = INSERT_COLUMNS.filter((c) => !DEFAULTED_COLUMNS.has(c));

/** True when every column in DEFAULTED_COLUMNS would get its default. */
function isPlain(capture: NewCapture): boolean {
  const s = capture.signature;
  return (
    !capture.truncated &&
    !capture.unmatched &&
    capture.deliveryId === null &&
    capture.attempt === 1 &&
    !capture.pinned &&
    !capture.forwarded &&
    (capture.replays === undefined || capture.replays.length === 0) &&
    (s === undefined ||
      s === UNCONFIGURED ||
      (s.verdict === 'unconfigured' &&
        s.scheme === null &&
        s.reason === null &&
        s.cause === null &&
        s.detail === null)) &&
    (capture.route === undefined || capture.route === 'direct')
  );
}

/** The JSON of each answer's header list, made once: a rule answers every request with the same list. */
const headersJson = new WeakMap<readonly HeaderPair[], string>();
function responseHeadersJson(headers: readonly HeaderPair[]): string {
  if (headers.length === 0) return '[]';
  let json = headersJson.get(headers);
  if (json === undefined) {
    json = JSON.stringify(headers);
    headersJson.set(headers, json);
  }
  return json;
}

/** The signature part of a list row for captures without a signature check. */
const UNCONFIGURED_SUMMARY = Object.freeze({ scheme: null, verdict: 'unconfigured', reason: null } as const);

const SUMMARY_COLUMNS =
  'id, inbox, method, url, path, content_type, body_size, received_at, response_status, duration_ms, truncated, unmatched, ' +
  'delivery_id, attempt, pinned, signature_scheme, signature_verdict, signature_reason, signature_cause, route, ' +
  CHECK_SUMMARY_COLUMNS;

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
    durationMs: row.duration_ms,
    truncated: row.truncated === 1,
    unmatched: row.unmatched === 1,
    deliveryId: row.delivery_id,
    attempt: row.attempt,
    pinned: row.pinned === 1,
    signature: summaryFromRow(row),
    // A value written by a newer version reads as direct rather than failing.
    route: captureRoute.catch('direct').parse(row.route),
    check: checkSummaryFromRow(row),
  };
}

/** The only place that reads and writes captures; statements are prepared once (per filter shape), by name. */
export class CaptureRepository {
  private readonly insertStmt: Database.Statement;
  private readonly insertPlainStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly summaryStmt: Database.Statement;
  private readonly countsStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly search: SearchIndex;
  private readonly insertAll: (captures: readonly NewCapture[]) => CaptureSummary[];
  /**
   * Captures per inbox, counted once (one index scan) on first use and then kept current by every write, so list
   * headers and inbox badges never count a million rows again.
   */
  private counts: Map<string, number> | null = null;
  private readonly deliveryCountStmt: Database.Statement;
  private readonly attemptsStmt: Database.Statement;
  private readonly pinStmt: Database.Statement;
  private readonly forwardedStmt: Database.Statement;
  private readonly replaysStmt: Database.Statement;
  private readonly byShape = new Map<string, Database.Statement>();

  /**
   * `scheduleSearch` runs the search index's deferred work (the workbench passes its BackgroundWork); default: the
   * index drains itself in the next turn of the event loop.
   */
  constructor(
    private readonly db: Database.Database,
    scheduleSearch?: (work: SteppedWork) => void,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO captures (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.insertPlainStmt = db.prepare(
      `INSERT INTO captures (${PLAIN_COLUMNS.join(', ')}) VALUES (${PLAIN_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.insertAll = db.transaction((list: readonly NewCapture[]) => list.map((c) => this.insertOne(c)));
    // The findings alias comes after `c.*`, so it is the value the row object gets.
    this.getStmt = db.prepare(
      `SELECT c.*, ${FINDINGS} AS check_findings FROM captures c LEFT JOIN check_findings f ON f.id = c.id
       WHERE c.id = @id`,
    );
    this.summaryStmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id = @id`);
    this.countsStmt = db.prepare('SELECT inbox, count(*) AS n FROM captures GROUP BY inbox');
    this.deleteStmt = db.prepare('DELETE FROM captures WHERE id = @id RETURNING inbox');
    this.deliveryCountStmt = db.prepare('SELECT count(*) AS n FROM captures WHERE delivery_id = @deliveryId');
    this.attemptsStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM captures WHERE delivery_id = @deliveryId ORDER BY id LIMIT 1000`,
    );
    this.pinStmt = db.prepare('UPDATE captures SET pinned = @pinned WHERE id = @id');
    this.forwardedStmt = db.prepare('UPDATE captures SET forwarded = @forwarded WHERE id = @id');
    this.replaysStmt = db.prepare(
      "UPDATE captures SET replays = json_insert(replays, '$[#]', json(@replay)) WHERE id = @id",
    );
    this.search = new SearchIndex(db, scheduleSearch);
  }

  private countsByInboxMap(): Map<string, number> {
    if (!this.counts) {
      const rows = this.countsStmt.all() as { inbox: string; n: number }[];
      this.counts = new Map(rows.map((r) => [r.inbox, r.n]));
    }
    return this.counts;
  }

  private adjust(inbox: string, by: number): void {
    // Not counted yet: the first count will see this change in the table itself.
    const counts = this.counts;
    if (!counts) return;
    const next = (counts.get(inbox) ?? 0) + by;
    if (next > 0) counts.set(inbox, next);
    else counts.delete(inbox);
  }

  /** Indexes everything waiting for the search index now. */
  flushSearch(): void {
    this.search.flush();
  }

  /** True while stored captures wait to be indexed for search. */
  get searchWaiting(): boolean {
    return this.search.waiting;
  }

  /** Number of captures per inbox slug. */
  countsByInbox(): ReadonlyMap<string, number> {
    return this.countsByInboxMap();
  }

  /** The captures of an inbox moved to a new slug (see InboxRepository.update). */
  inboxMoved(slug: string, newSlug: string): void {
    const counts = this.countsByInboxMap();
    const n = counts.get(slug);
    counts.delete(slug);
    if (n !== undefined) counts.set(newSlug, (counts.get(newSlug) ?? 0) + n);
  }

  /** Unfiltered total, from the per-inbox counts kept in memory. */
  private get total(): number {
    let n = 0;
    for (const v of this.countsByInboxMap().values()) n += v;
    return n;
  }

  private insertOne(capture: NewCapture): CaptureSummary {
    const signature = capture.signature ?? UNCONFIGURED;
    const route = capture.route ?? 'direct';
    const { response } = capture;
    // Positional values, in the order of PLAIN_COLUMNS or INSERT_COLUMNS: this runs once per received request, on its
    // answer path.
    const result = isPlain(capture)
      ? this.insertPlainStmt.run(
          capture.inbox,
          capture.receivedAt,
          capture.method,
          capture.url,
          capture.path,
          capture.httpVersion,
          JSON.stringify(capture.headers),
          capture.contentType,
          capture.body,
          capture.body.length,
          capture.remoteAddress,
          capture.durationMs,
          response.status,
          responseHeadersJson(response.headers),
          response.body,
        )
      : this.insertStmt.run(
          capture.inbox,
          capture.receivedAt,
          capture.method,
          capture.url,
          capture.path,
          capture.httpVersion,
          JSON.stringify(capture.headers),
          capture.contentType,
          capture.body,
          capture.body.length,
          capture.truncated ? 1 : 0,
          capture.remoteAddress,
          capture.durationMs,
          response.status,
          responseHeadersJson(response.headers),
          response.body,
          capture.unmatched ? 1 : 0,
          capture.deliveryId,
          capture.attempt,
          capture.pinned ? 1 : 0,
          capture.forwarded ? JSON.stringify(capture.forwarded) : null,
          capture.replays && capture.replays.length > 0 ? JSON.stringify(capture.replays) : '[]',
          signature.scheme,
          signature.verdict,
          signature.reason,
          signature.cause,
          signature.detail ? JSON.stringify(signature.detail) : null,
          route,
        );
    // The list row, built from the values just stored (they are typed already: no reading back, no parsing).
    return {
      id: Number(result.lastInsertRowid),
      inbox: capture.inbox,
      method: capture.method,
      url: capture.url,
      path: capture.path,
      contentType: capture.contentType,
      size: capture.body.length,
      receivedAt: capture.receivedAt,
      status: response.status,
      durationMs: capture.durationMs,
      truncated: capture.truncated,
      unmatched: capture.unmatched,
      deliveryId: capture.deliveryId,
      attempt: capture.attempt,
      pinned: capture.pinned ?? false,
      signature:
        signature === UNCONFIGURED
          ? UNCONFIGURED_SUMMARY
          : { scheme: signature.scheme, verdict: signature.verdict, reason: signature.reason },
      route,
      check: PENDING_CHECK,
    };
  }

  /**
   * Stores captures in one transaction; they are committed when this returns (all or none). Search indexing follows
   * later (see SearchIndex), off the sender's answer path.
   */
  insertMany(captures: readonly NewCapture[]): CaptureSummary[] {
    const stored = this.insertAll(captures);
    for (let i = 0; i < captures.length; i++) {
      const c = captures[i] as NewCapture;
      this.adjust(c.inbox, 1);
      this.search.enqueue((stored[i] as CaptureSummary).id, c.url, c.headers, c.body);
    }
    return stored;
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
    const fts = filter.text ? toFtsQuery(filter.text) : null;
    if (fts) return this.listByText(fts, filter, limit, beforeId);
    const where = buildWhere(filter, beforeId);
    const stmt = this.statement(
      'list',
      () => `SELECT ${SUMMARY_COLUMNS} FROM captures ${where.sql} ORDER BY id DESC LIMIT @limit`,
      where.shape,
    );
    return (stmt.all({ ...where.params, limit }) as SummaryRow[]).map(toSummary);
  }

  /**
   * A text search driven by the full-text index in rowid order, newest first: FTS5 streams its matches, so the query
   * stops after `limit` rows instead of collecting every match of a common word before sorting.
   */
  private listByText(fts: string, filter: HistoryFilter, limit: number, beforeId?: number): CaptureSummary[] {
    this.search.flush();
    const others = buildWhere({ ...filter, text: undefined }, undefined, 'c');
    const conditions = [
      others.sql.replace(/^WHERE /, ''),
      beforeId === undefined ? '' : 'captures_fts.rowid < @beforeId',
    ]
      .filter((c) => c !== '')
      .map((c) => `AND ${c}`)
      .join(' ');
    const stmt = this.statement(
      'list-text',
      () =>
        `SELECT ${SUMMARY_COLUMNS.split(', ')
          .map((c) => `c.${c}`)
          .join(', ')} FROM captures_fts CROSS JOIN captures AS c ON c.id = captures_fts.rowid ` +
        `WHERE captures_fts MATCH @text ${conditions} ORDER BY captures_fts.rowid DESC LIMIT @limit`,
      `${others.shape}|${beforeId === undefined ? '' : 'before'}`,
    );
    const params = { ...others.params, text: fts, limit, ...(beforeId === undefined ? {} : { beforeId }) };
    return (stmt.all(params) as SummaryRow[]).map(toSummary);
  }

  /** How many captures match; filtered counts stop at `TOTAL_COUNT_CAP`. */
  count(filter: HistoryFilter = {}): { total: number; capped: boolean } {
    if (isUnfiltered(filter)) return { total: this.total, capped: false };
    const onlyInbox = filter.inbox !== undefined && isUnfiltered({ ...filter, inbox: undefined });
    if (onlyInbox) return { total: this.countsByInboxMap().get(filter.inbox ?? '') ?? 0, capped: false };
    const fts = filter.text ? toFtsQuery(filter.text) : null;
    if (fts) this.search.flush();
    if (fts && isUnfiltered({ ...filter, text: undefined })) {
      // Text only: each capture has exactly one index row, so count index matches without touching the captures.
      const byIndex = this.statement(
        'count-text',
        () =>
          `SELECT count(*) AS n FROM (SELECT 1 FROM captures_fts WHERE captures_fts MATCH @text LIMIT ${TOTAL_COUNT_CAP + 1})`,
        '',
      );
      const n = (byIndex.get({ text: fts }) as { n: number }).n;
      return n > TOTAL_COUNT_CAP ? { total: TOTAL_COUNT_CAP, capped: true } : { total: n, capped: false };
    }
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
      response: {
        status: row.response_status,
        headers: JSON.parse(row.response_headers) as HeaderPair[],
        bodyBase64: row.response_body.toString('base64'),
      },
      forwarded: row.forwarded ? (JSON.parse(row.forwarded) as DownstreamExchange) : null,
      replays: JSON.parse(row.replays) as DownstreamExchange[],
      verification: detailFromRow(row, row.body),
      checkDetail: checkDetailFromRow(row),
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
    const gone = this.db.transaction(() => {
      const inboxes: string[] = [];
      for (const id of ids) {
        const row = this.deleteStmt.get({ id }) as { inbox: string } | undefined;
        if (row) {
          this.search.remove(id);
          inboxes.push(row.inbox);
        }
      }
      return inboxes;
    })();
    for (const inbox of gone) this.adjust(inbox, -1);
    if (gone.length > 0) this.search.afterDelete();
    return gone.length;
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
