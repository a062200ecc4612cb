import type { RequestPreview, Subscription } from '../../../shared/subscription-models';

/** A subscription as a provider client returns it, before Hookbench's tag and orphan status are added. */
export type RemoteSubscription = Omit<Subscription, 'tenantId' | 'inbox' | 'createdByHookbench' | 'orphaned'>;

/** The CRUD every provider client offers (Credas only creates: its webhook URL is set per process). */
export interface ProviderClient {
  readonly api: string;
  list(): Promise<RemoteSubscription[]>;
  get(id: string): Promise<RemoteSubscription>;
  /** `secret` is a secret returned once (the v1 platform's `secret_key`), else null. */
  create(
    attributes: Record<string, unknown>,
  ): Promise<{ subscription: RemoteSubscription; secret: string | null }>;
  update(id: string, attributes: Record<string, unknown>): Promise<RemoteSubscription>;
  remove(id: string): Promise<void>;
  /** The exact request an operation sends, secrets masked. */
  preview(operation: 'create' | 'update', attributes: Record<string, unknown>, id?: string): RequestPreview;
}

/** Options every client takes. */
export interface ClientOptions {
  server: string;
  apiKey: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The server URL without a trailing slash. */
export function trimServer(server: string): string {
  return server.replace(/\/+$/, '');
}
