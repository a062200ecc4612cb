import type { HistoryFilter } from '../../shared/models';

/** A WHERE clause with its named parameters, and a key naming its shape (for caching prepared statements). */
export interface WhereClause {
  sql: string;
  params: Record<string, string | number>;
  shape: string;
}

/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error: every word becomes a quoted phrase
 * (all must occur) and the last one also matches as a prefix, so results narrow while typing.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, '""'))
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/**
 * The conditions of the partial indexes of migration 0007, written exactly as there: SQLite uses a partial index only
 * when the query's WHERE contains its condition, so a filter for a value the index covers adds it.
 */
const PARTIAL = {
  method: (col: string): string => `${col} <> 'POST'`,
  status: (col: string): string => `${col} NOT BETWEEN 200 AND 299`,
  signature: (col: string): string => `${col} <> 'unconfigured'`,
} as const;

/**
 * Builds the WHERE clause for a history filter; only fields that are present narrow the result. `alias` qualifies
 * the capture columns when the query joins another table (the search index also has `url`, `headers`, `body`).
 */
export function buildWhere(filter: HistoryFilter, beforeId?: number, alias?: string): WhereClause {
  const col = (name: string): string => (alias ? `${alias}.${name}` : name);
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const shape: string[] = [];
  /** `key` names the clause's shape; its value goes to the parameter `param` (default: the key). */
  const add = (key: string, sql: string, value?: string | number, param = key): void => {
    parts.push(sql);
    shape.push(key);
    if (value !== undefined) params[param] = value;
  };
  if (filter.inbox !== undefined) add('inbox', `${col('inbox')} = @inbox`, filter.inbox);
  if (filter.method !== undefined) {
    if (filter.method === 'POST') add('methodPost', `${col('method')} = @method`, filter.method, 'method');
    else add('method', `${col('method')} = @method AND ${PARTIAL.method(col('method'))}`, filter.method);
  }
  const status = col('response_status');
  if (typeof filter.status === 'number') {
    const usual = filter.status >= 200 && filter.status <= 299;
    if (usual) add('status2xx', `${status} = @status`, filter.status, 'status');
    else add('status', `${status} = @status AND ${PARTIAL.status(status)}`, filter.status);
  }
  if (typeof filter.status === 'string') {
    const low = Number(filter.status[0]) * 100;
    const range = `${status} BETWEEN @statusLow AND @statusHigh`;
    if (low === 200) add('statusClass2xx', range);
    else add('statusClass', `${range} AND ${PARTIAL.status(status)}`);
    params.statusLow = low;
    params.statusHigh = low + 99;
  }
  if (filter.contentType) {
    add(
      'contentType',
      `${col('content_type')} LIKE '%' || @contentType || '%' ESCAPE '\\'`,
      filter.contentType.replace(/[%_\\]/g, '\\$&'),
    );
  }
  if (filter.from !== undefined) add('from', `${col('received_at')} >= @from`, filter.from);
  if (filter.to !== undefined) add('to', `${col('received_at')} <= @to`, filter.to);
  if (filter.pinned !== undefined) add('pinned', `${col('pinned')} = @pinned`, filter.pinned ? 1 : 0);
  if (filter.signature !== undefined) {
    const verdict = col('signature_verdict');
    if (filter.signature === 'unconfigured')
      add('signatureUnconfigured', `${verdict} = @signature`, filter.signature, 'signature');
    else add('signature', `${verdict} = @signature AND ${PARTIAL.signature(verdict)}`, filter.signature);
  }
  if (filter.check !== undefined) add('check', `${col('check_verdict')} = @check`, filter.check);
  const fts = filter.text ? toFtsQuery(filter.text) : null;
  if (fts)
    add('text', `${col('id')} IN (SELECT rowid FROM captures_fts WHERE captures_fts MATCH @text)`, fts);
  if (beforeId !== undefined) add('beforeId', `${col('id')} < @beforeId`, beforeId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, shape: shape.join(',') };
}

/** True when the filter narrows nothing. */
export function isUnfiltered(filter: HistoryFilter): boolean {
  return buildWhere(filter).sql === '';
}
