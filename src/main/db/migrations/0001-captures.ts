import type { Migration } from './migration';

/** The capture table: the request as received, byte-exact, beside the response that was answered. */
export const migration0001: Migration = {
  version: 1,
  name: 'captures',
  sql: `
    CREATE TABLE captures (
      id               INTEGER PRIMARY KEY,
      inbox            TEXT    NOT NULL DEFAULT 'default',
      received_at      INTEGER NOT NULL,
      method           TEXT    NOT NULL,
      url              TEXT    NOT NULL,
      path             TEXT    NOT NULL,
      http_version     TEXT    NOT NULL,
      headers          TEXT    NOT NULL,
      content_type     TEXT,
      body             BLOB    NOT NULL,
      body_size        INTEGER NOT NULL,
      truncated        INTEGER NOT NULL DEFAULT 0,
      remote_address   TEXT,
      duration_ms      REAL    NOT NULL,
      response_status  INTEGER NOT NULL,
      response_headers TEXT    NOT NULL,
      response_body    BLOB    NOT NULL
    );
    CREATE INDEX captures_inbox_id ON captures (inbox, id);
  `,
};
