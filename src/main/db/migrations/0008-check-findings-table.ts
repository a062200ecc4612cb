import type { Migration } from './migration';

/**
 * A check's findings (a JSON list, often larger than the payload's own row share) are kept in a table of their own,
 * keyed by capture id, instead of in the capture's row: written into the row after the capture, they grew rows in
 * place and split pages in the middle of the table. (This was first blamed for the receiver's slowdown on a large
 * history; later runs found that slowdown in kernel time once the file is large, see BENCHMARKS.md.) Findings of
 * captures checked before this migration stay in `captures.check_findings` and are still read from there; a re-check
 * moves them.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'check-findings-table',
  sql: `
    CREATE TABLE check_findings (
      id       INTEGER PRIMARY KEY REFERENCES captures (id) ON DELETE CASCADE,
      findings TEXT    NOT NULL
    );
  `,
};
