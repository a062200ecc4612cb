import type { Migration } from './migration';

/**
 * The check of each capture against the documented shapes, made right after it was answered: verdict (`pending`
 * until it ran, so a capture stored before a crash is checked at the next start), provider and event type, error and
 * warning counts (what list rows and filters show), the findings as JSON and the catalogue version it was made with
 * (history is checked again when the catalogue changes). Captures stored before this are `pending`.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'check-verdicts',
  sql: `
    ALTER TABLE captures ADD COLUMN check_verdict  TEXT    NOT NULL DEFAULT 'pending';
    ALTER TABLE captures ADD COLUMN check_provider TEXT;
    ALTER TABLE captures ADD COLUMN check_event    TEXT;
    ALTER TABLE captures ADD COLUMN check_errors   INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE captures ADD COLUMN check_warnings INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE captures ADD COLUMN check_findings TEXT;
    ALTER TABLE captures ADD COLUMN checked_with   TEXT;

    CREATE INDEX captures_check_verdict ON captures (check_verdict, id);
    CREATE INDEX captures_check_event ON captures (check_event, check_provider, id) WHERE check_event IS NOT NULL;
  `,
};
