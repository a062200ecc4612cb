import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { base57Id } from '../fire/ids';
import { newJwtKey } from './jwt';

/** Delivery counters, as the v1 platform's list shows them. */
export interface DeliveryStats {
  total_deliveries: number;
  successful_deliveries: number;
  failed_deliveries: number;
}

/** A Credo AI webhook as the sandbox keeps it: the JSON:API attributes and the Svix endpoint secret. */
export interface CredoWebhook {
  id: string;
  attributes: Record<string, unknown>;
  /** The `whsec_` secret its deliveries are signed with (Svix endpoint secret; the real API shows none). */
  secret: string;
  stats: DeliveryStats;
  lastTriggeredAt: string | null;
}

/** A v1 platform webhook: the documented fields plus its `secret_key`. */
export interface V1Webhook {
  id: string;
  event_type: string;
  webhook_url: string;
  is_active: boolean;
  description: string;
  filters: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  secret_key: string;
  stats: DeliveryStats;
  last_triggered_at: string | null;
}

/** A Credas process: its webhookUrl is fixed at creation. */
export interface CredasProcess {
  id: string;
  clientId: string;
  webhookUrl: string;
  status: number;
  body: Record<string, unknown>;
  createdAt: string;
}

/** Client credentials the sandbox's OAuth token server accepts. */
export interface OAuthClient {
  client_id: string;
  client_secret: string;
}

export interface SandboxData {
  tenant: string;
  apiKey: string;
  /** HS256 key of the access tokens `/auth/exchange` issues. */
  jwtKey: string;
  /** HS256 key of the OAuth tokens `/_sandbox/oauth/token` issues (inboxes verify with `jwt-hs256:<key>`). */
  oauthKey: string;
  oauthClients: OAuthClient[];
  credo: CredoWebhook[];
  v1: V1Webhook[];
  credas: CredasProcess[];
  nextLogId: number;
}

/** A new `whsec_` secret: Standard Webhooks / Svix form (base64 of 24 random bytes after the prefix). */
export function newWhsec(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** A new API key in a recognisable form. */
export function newApiKey(): string {
  return `hbk_${randomBytes(24).toString('base64url')}`;
}

export function emptyStats(): DeliveryStats {
  return { total_deliveries: 0, successful_deliveries: 0, failed_deliveries: 0 };
}

/** Fresh sandbox data: a tenant, an API key (given or generated), keys and one OAuth client. */
export function freshSandboxData(tenant: string, apiKey: string | undefined): SandboxData {
  return {
    tenant,
    apiKey: apiKey ?? newApiKey(),
    jwtKey: newJwtKey(),
    oauthKey: newJwtKey(),
    oauthClients: [{ client_id: `client_${base57Id(10)}`, client_secret: randomUUID() }],
    credo: [],
    v1: [],
    credas: [],
    nextLogId: 1,
  };
}

/**
 * The sandbox tenant's state, kept in memory and, with a data directory, in `<dir>/sandbox-tenant.json` (written
 * atomically after each change) so `hookbench tenant serve` keeps its subscriptions and API key across restarts.
 */
export class SandboxState {
  readonly data: SandboxData;
  /** True when the API key was generated now (the CLI prints it). */
  readonly generatedKey: boolean;
  private readonly file: string | null;

  constructor(options: {
    dataDir?: string | undefined;
    tenant?: string | undefined;
    apiKey?: string | undefined;
  }) {
    this.file = options.dataDir ? join(options.dataDir, 'sandbox-tenant.json') : null;
    const saved = this.file && existsSync(this.file) ? this.read(this.file) : null;
    if (saved) {
      if (options.tenant) saved.tenant = options.tenant;
      if (options.apiKey) saved.apiKey = options.apiKey;
      this.data = saved;
      this.generatedKey = false;
    } else {
      this.data = freshSandboxData(options.tenant ?? 'sandbox', options.apiKey);
      this.generatedKey = options.apiKey === undefined;
    }
    this.save();
  }

  private read(file: string): SandboxData | null {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as SandboxData;
    } catch {
      return null;
    }
  }

  /** Writes the state (no-op without a data directory). */
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
