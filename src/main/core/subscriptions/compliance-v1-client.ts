import type { RequestPreview } from '../../../shared/subscription-models';
import { isObject } from '../catalog/json-pointer';
import { HookbenchError } from '../errors';
import { maskSecret } from '../signatures/mask-secret';
import { failOn, sendApi, type ApiCall } from './api-http';
import {
  trimServer,
  type ClientOptions,
  type ProviderClient,
  type RemoteSubscription,
} from './provider-client';

const API = 'The compliance platform';
/** The document does not say how the key is sent: this default header is configurable per tenant profile. */
export const DEFAULT_V1_API_KEY_HEADER = 'X-API-Key';

export interface ComplianceV1ClientOptions extends ClientOptions {
  apiKeyHeader?: string | null | undefined;
}

function toSubscription(hook: unknown): RemoteSubscription {
  if (!isObject(hook) || typeof hook.id !== 'string')
    throw new HookbenchError('unavailable', `${API} answered with a webhook that has no id.`);
  const stats = isObject(hook.stats) ? hook.stats : null;
  // The secret is shown once by create and kept in the secret store, never among the attributes.
  const attributes = Object.fromEntries(Object.entries(hook).filter(([k]) => k !== 'secret_key'));
  return {
    provider: 'compliance-platform-v1',
    id: hook.id,
    url: typeof hook.webhook_url === 'string' ? hook.webhook_url : '',
    eventTypes: typeof hook.event_type === 'string' ? [hook.event_type] : [],
    description: typeof hook.description === 'string' ? hook.description : null,
    active: typeof hook.is_active === 'boolean' ? hook.is_active : null,
    attributes,
    stats: stats
      ? {
          total_deliveries: Number(stats.total_deliveries ?? 0),
          successful_deliveries: Number(stats.successful_deliveries ?? 0),
          failed_deliveries: Number(stats.failed_deliveries ?? 0),
        }
      : null,
    lastTriggeredAt: typeof hook.last_triggered_at === 'string' ? hook.last_triggered_at : null,
  };
}

/**
 * The compliance platform's Webhooks API v1: `/api/v1/webhooks/` CRUD with the API key in a header, one event type
 * per webhook, the `secret_key` returned once by create, and the synchronous test endpoint.
 */
export class ComplianceV1Client implements ProviderClient {
  readonly api = API;

  constructor(private readonly options: ComplianceV1ClientOptions) {}

  private url(id?: string): string {
    return `${trimServer(this.options.server)}/api/v1/webhooks/${id === undefined ? '' : `${encodeURIComponent(id)}/`}`;
  }

  private call(method: ApiCall['method'], url: string, key: string, body?: unknown): ApiCall {
    return {
      method,
      url,
      headers: [
        ['Accept', 'application/json'],
        ...(body === undefined ? [] : ([['Content-Type', 'application/json']] as [string, string][])),
        [this.options.apiKeyHeader ?? DEFAULT_V1_API_KEY_HEADER, key],
      ],
      body: body === undefined ? undefined : JSON.stringify(body),
    };
  }

  private async send(
    method: ApiCall['method'],
    url: string,
    what: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const answer = await sendApi(
      this.call(method, url, this.options.apiKey, body),
      {
        api: API,
        timeoutMs: this.options.timeoutMs,
        signal: this.options.signal,
      },
      what,
    );
    if (!(answer.status === 502 && url.endsWith('/test/'))) failOn(answer, API, what);
    return answer;
  }

  async list(): Promise<RemoteSubscription[]> {
    const { json } = await this.send('GET', this.url(), 'list webhooks');
    if (!isObject(json) || !Array.isArray(json.webhooks))
      throw new HookbenchError('unavailable', `${API} answered the webhook list without a "webhooks" list.`);
    return json.webhooks.map(toSubscription);
  }

  async get(id: string): Promise<RemoteSubscription> {
    return toSubscription((await this.send('GET', this.url(id), `get webhook ${id}`)).json);
  }

  async create(
    attributes: Record<string, unknown>,
  ): Promise<{ subscription: RemoteSubscription; secret: string | null }> {
    const { json } = await this.send('POST', this.url(), 'create a webhook', attributes);
    const secret = isObject(json) && typeof json.secret_key === 'string' ? json.secret_key : null;
    return { subscription: toSubscription(json), secret };
  }

  async update(id: string, attributes: Record<string, unknown>): Promise<RemoteSubscription> {
    await this.send('PATCH', this.url(id), `update webhook ${id}`, attributes);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.send('DELETE', this.url(id), `delete webhook ${id}`);
  }

  /** `POST /api/v1/webhooks/test/`: the platform delivers a `test` event now and reports the outcome. */
  async test(
    webhookUrl: string,
  ): Promise<{ success: boolean; message: string; logId: number | null; httpStatusCode: number | null }> {
    const { json } = await this.send('POST', this.url('test'), 'send a test webhook', {
      webhook_url: webhookUrl,
    });
    const r = isObject(json) ? json : {};
    return {
      success: r.success === true,
      message: typeof r.message === 'string' ? r.message : '',
      logId: typeof r.log_id === 'number' ? r.log_id : null,
      httpStatusCode: typeof r.http_status_code === 'number' ? r.http_status_code : null,
    };
  }

  preview(operation: 'create' | 'update', attributes: Record<string, unknown>, id?: string): RequestPreview {
    const call = this.call(
      operation === 'create' ? 'POST' : 'PATCH',
      this.url(operation === 'create' ? undefined : (id ?? '<id>')),
      maskSecret(this.options.apiKey || '<API key>'),
      attributes,
    );
    return {
      method: call.method,
      url: call.url,
      headers: call.headers,
      body: JSON.stringify(attributes, null, 2),
    };
  }
}
