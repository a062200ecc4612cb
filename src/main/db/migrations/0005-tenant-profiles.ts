import type { Migration } from './migration';

/**
 * Tenant profiles of the subscription manager: provider, server, tenant, key header. The API key is never here: only
 * the key of its entry in the secret store.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'tenant-profiles',
  sql: `
    CREATE TABLE tenant_profiles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      provider TEXT NOT NULL,
      server TEXT NOT NULL,
      tenant TEXT,
      api_key_header TEXT,
      secret_ref TEXT,
      sandbox INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
  `,
};
