import type { Migration } from './migration';

/**
 * The signature check of each capture, made at arrival: scheme, verdict, reason and cause (what list rows, filters
 * and `--json` show) and the full detail as JSON (signed content around the body, expected and received signatures,
 * the secret masked, what was tried). Captures stored before this have no check: `unconfigured`.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'signature-verdicts',
  sql: `
    ALTER TABLE captures ADD COLUMN signature_scheme  TEXT;
    ALTER TABLE captures ADD COLUMN signature_verdict TEXT NOT NULL DEFAULT 'unconfigured';
    ALTER TABLE captures ADD COLUMN signature_reason  TEXT;
    ALTER TABLE captures ADD COLUMN signature_cause   TEXT;
    ALTER TABLE captures ADD COLUMN signature_detail  TEXT;

    CREATE INDEX captures_signature_verdict ON captures (signature_verdict, id);
  `,
};
