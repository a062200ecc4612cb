import type Database from 'better-sqlite3';
import type { CaptureDetail, CaptureSummary, HeaderPair } from '../../shared/models';

/** A capture as the receiver hands it over, before it has an id. */
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
}

interface SummaryRow {
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
}

interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  body: Buffer;
  remote_address: string | null;
  duration_ms: number;
  response_headers: string;
  response_body: Buffer;
}

const SUMMARY_COLUMNS =
  'id, inbox, method, url, path, content_type, body_size, received_at, response_status, truncated';

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
  };
}

/** The only place that reads and writes captures; statements are prepared once, by name. */
export class CaptureRepository {
  private readonly insertStmt: Database.Statement;
  private readonly pageStmt: Database.Statement;
  private readonly pageBeforeStmt: Database.Statement;
  private readonly countStmt: Database.Statement;
  private readonly getStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(`INSERT INTO captures
      (inbox, received_at, method, url, path, http_version, headers, content_type, body, body_size, truncated,
       remote_address, duration_ms, response_status, response_headers, response_body)
      VALUES (@inbox, @receivedAt, @method, @url, @path, @httpVersion, @headers, @contentType, @body, @bodySize,
       @truncated, @remoteAddress, @durationMs, @responseStatus, @responseHeaders, @responseBody)`);
    this.pageStmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures ORDER BY id DESC LIMIT @limit`);
    this.pageBeforeStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id < @beforeId ORDER BY id DESC LIMIT @limit`,
    );
    this.countStmt = db.prepare('SELECT count(*) AS n FROM captures');
    this.getStmt = db.prepare('SELECT * FROM captures WHERE id = @id');
  }

  /** Stores one capture and returns its summary; the row is committed when this returns. */
  insert(capture: NewCapture): CaptureSummary {
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
    });
    return {
      id: Number(result.lastInsertRowid),
      inbox: capture.inbox,
      method: capture.method,
      url: capture.url,
      path: capture.path,
      contentType: capture.contentType,
      size: capture.body.length,
      receivedAt: capture.receivedAt,
      status: capture.response.status,
      truncated: capture.truncated,
    };
  }

  /** Newest first, `limit` rows older than `beforeId` when given (keyset pagination stays fast on deep pages). */
  list(limit: number, beforeId?: number): CaptureSummary[] {
    const rows = (
      beforeId === undefined ? this.pageStmt.all({ limit }) : this.pageBeforeStmt.all({ limit, beforeId })
    ) as SummaryRow[];
    return rows.map(toSummary);
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n;
  }

  /** The whole capture, or undefined when there is no such id. */
  get(id: number): CaptureDetail | undefined {
    const row = this.getStmt.get({ id }) as DetailRow | undefined;
    if (!row) return undefined;
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
    };
  }
}
