import type { Migration } from './migration';

/**
 * Inboxes with their settings (response rule, failure simulation, forwarding), per-capture facts the list filters on
 * (matched inbox, delivery id and attempt, pin), a full-text index over URL, headers and body, and app settings.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'inboxes-search-pins',
  sql: `
    CREATE TABLE inboxes (
      slug       TEXT    PRIMARY KEY,
      name       TEXT    NOT NULL,
      created_at INTEGER NOT NULL,
      settings   TEXT    NOT NULL DEFAULT '{}'
    );
    INSERT INTO inboxes (slug, name, created_at) VALUES ('default', 'Default', CAST(unixepoch('subsec') * 1000 AS INTEGER));

    ALTER TABLE captures ADD COLUMN unmatched   INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE captures ADD COLUMN delivery_id TEXT;
    ALTER TABLE captures ADD COLUMN attempt     INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE captures ADD COLUMN pinned      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE captures ADD COLUMN forwarded   TEXT;
    ALTER TABLE captures ADD COLUMN replays     TEXT NOT NULL DEFAULT '[]';

    CREATE INDEX captures_delivery    ON captures (delivery_id, id) WHERE delivery_id IS NOT NULL;
    CREATE INDEX captures_received_at ON captures (received_at);
    CREATE INDEX captures_method_id   ON captures (method, id);
    CREATE INDEX captures_status_id   ON captures (response_status, id);
    CREATE INDEX captures_pinned      ON captures (pinned, id) WHERE pinned = 1;

    CREATE VIRTUAL TABLE captures_fts USING fts5(
      url, headers, body, content = '', contentless_delete = 1, tokenize = 'unicode61'
    );

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
