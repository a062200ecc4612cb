import type Database from 'better-sqlite3';
import type { SubscriptionProvider } from '../../shared/subscription-models';

/** A tenant profile as stored: no secret, only the key of the API key in the secret store. */
export interface StoredTenant {
  id: string;
  name: string;
  provider: SubscriptionProvider;
  server: string;
  tenant: string | null;
  apiKeyHeader: string | null;
  secretRef: string | null;
  sandbox: boolean;
  createdAt: number;
}

interface Row {
  id: string;
  name: string;
  provider: string;
  server: string;
  tenant: string | null;
  api_key_header: string | null;
  secret_ref: string | null;
  sandbox: number;
  created_at: number;
}

/** Tenant profiles of the subscription manager. */
export class TenantRepository {
  private readonly listStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.listStmt = db.prepare('SELECT * FROM tenant_profiles ORDER BY created_at, id');
    this.upsertStmt = db.prepare(
      `INSERT INTO tenant_profiles (id, name, provider, server, tenant, api_key_header, secret_ref, sandbox, created_at)
       VALUES (@id, @name, @provider, @server, @tenant, @apiKeyHeader, @secretRef, @sandbox, @createdAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, provider = excluded.provider, server = excluded.server,
         tenant = excluded.tenant, api_key_header = excluded.api_key_header, secret_ref = excluded.secret_ref,
         sandbox = excluded.sandbox`,
    );
    this.deleteStmt = db.prepare('DELETE FROM tenant_profiles WHERE id = @id');
  }

  list(): StoredTenant[] {
    return (this.listStmt.all() as Row[]).map((r) => ({
      id: r.id,
      name: r.name,
      provider: r.provider as SubscriptionProvider,
      server: r.server,
      tenant: r.tenant,
      apiKeyHeader: r.api_key_header,
      secretRef: r.secret_ref,
      sandbox: r.sandbox === 1,
      createdAt: r.created_at,
    }));
  }

  save(tenant: StoredTenant): void {
    this.upsertStmt.run({ ...tenant, sandbox: tenant.sandbox ? 1 : 0 });
  }

  delete(id: string): boolean {
    return this.deleteStmt.run({ id }).changes > 0;
  }
}
