import type { RequestPreview } from '../../../shared/subscription-models';
import { isObject } from '../catalog/json-pointer';
import { HookbenchError } from '../errors';
import { jwtExp } from '../sandbox-tenant/jwt';
import { failOn, sendApi, type ApiCall } from './api-http';
import {
  trimServer,
  type ClientOptions,
  type ProviderClient,
  type RemoteSubscription,
} from './provider-client';

const API = 'Credo AI';
const JSON_API = 'application/vnd.api+json';
/** Exchange again when the token expires within this many seconds. */
export const REFRESH_BEFORE_EXP_SECONDS = 60;

export interface CredoAiClientOptions extends ClientOptions {
  tenant: string;
  now?: () => number;
}

function toSubscription(resource: unknown): RemoteSubscription {
  if (!isObject(resource) || typeof resource.id !== 'string' || !isObject(resource.attributes))
    throw new HookbenchError('unavailable', `${API} answered with a webhook that has no id or attributes.`);
  const a = resource.attributes;
  return {
    provider: 'credo-ai',
    id: resource.id,
    url: typeof a.url === 'string' ? a.url : '',
    eventTypes: Array.isArray(a.event_types) ? a.event_types.map(String) : [],
    description: typeof a.description === 'string' ? a.description : null,
    active: null,
    attributes: a,
    stats: null,
    lastTriggeredAt: null,
  };
}

/**
 * Credo AI's webhooks API: `POST {server}/auth/exchange` `{api_token, tenant}` gives a JWT sent as Bearer; it is
 * exchanged again within 60 s of its `exp` and once on a 401. CRUD on `/api/v2/<tenant>/webhooks` with JSON:API.
 */
export class CredoAiClient implements ProviderClient {
  readonly api = API;
  private token: { value: string; exp: number | null } | null = null;
  /** How many exchanges were made (tests watch re-exchange). */
  exchanges = 0;

  constructor(private readonly options: CredoAiClientOptions) {}

  private get base(): string {
    return trimServer(this.options.server);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private webhooksUrl(id?: string): string {
    const tenant = encodeURIComponent(this.options.tenant);
    return `${this.base}/api/v2/${tenant}/webhooks${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
  }

  private async exchange(): Promise<string> {
    this.exchanges++;
    const answer = await sendApi(
      {
        method: 'POST',
        url: `${this.base}/auth/exchange`,
        headers: [
          ['Content-Type', 'application/json'],
          ['Accept', 'application/json'],
        ],
        body: JSON.stringify({ api_token: this.options.apiKey, tenant: this.options.tenant }),
      },
      { api: API, timeoutMs: this.options.timeoutMs, signal: this.options.signal },
      'exchange the API key for a token',
    );
    failOn(answer, API, 'exchange the API key for a token');
    const token = isObject(answer.json) ? answer.json.access_token : undefined;
    if (typeof token !== 'string' || !token)
      throw new HookbenchError('unavailable', `${API}'s /auth/exchange answered without an access_token.`);
    this.token = { value: token, exp: jwtExp(token) };
    return token;
  }

  private async bearer(): Promise<string> {
    const t = this.token;
    if (t && (t.exp === null || t.exp * 1000 - this.now() > REFRESH_BEFORE_EXP_SECONDS * 1000))
      return t.value;
    return this.exchange();
  }

  private call(method: ApiCall['method'], url: string, token: string, body?: unknown): ApiCall {
    return {
      method,
      url,
      headers: [
        ['Accept', JSON_API],
        ...(body === undefined ? [] : ([['Content-Type', JSON_API]] as [string, string][])),
        ['Authorization', `Bearer ${token}`],
      ],
      body: body === undefined ? undefined : JSON.stringify(body),
    };
  }

  /** Sends with the current token; on 401 exchanges again once and repeats. */
  private async send(method: ApiCall['method'], url: string, what: string, body?: unknown): Promise<unknown> {
    const opts = { api: API, timeoutMs: this.options.timeoutMs, signal: this.options.signal };
    let answer = await sendApi(this.call(method, url, await this.bearer(), body), opts, what);
    if (answer.status === 401)
      answer = await sendApi(this.call(method, url, await this.exchange(), body), opts, what);
    failOn(answer, API, what);
    return answer.json;
  }

  async list(): Promise<RemoteSubscription[]> {
    const json = await this.send('GET', this.webhooksUrl(), 'list webhooks');
    if (!isObject(json) || !Array.isArray(json.data))
      throw new HookbenchError('unavailable', `${API} answered the webhook list without a "data" list.`);
    return json.data.map(toSubscription);
  }

  async get(id: string): Promise<RemoteSubscription> {
    const json = await this.send('GET', this.webhooksUrl(id), `get webhook ${id}`);
    return toSubscription(isObject(json) ? json.data : undefined);
  }

  async create(
    attributes: Record<string, unknown>,
  ): Promise<{ subscription: RemoteSubscription; secret: null }> {
    const json = await this.send('POST', this.webhooksUrl(), 'create a webhook', {
      data: { type: 'webhook', attributes },
    });
    return { subscription: toSubscription(isObject(json) ? json.data : undefined), secret: null };
  }

  async update(id: string, attributes: Record<string, unknown>): Promise<RemoteSubscription> {
    const json = await this.send('PATCH', this.webhooksUrl(id), `update webhook ${id}`, {
      data: { type: 'webhook', id, attributes },
    });
    return toSubscription(isObject(json) ? json.data : undefined);
  }

  async remove(id: string): Promise<void> {
    await this.send('DELETE', this.webhooksUrl(id), `delete webhook ${id}`);
  }

  preview(operation: 'create' | 'update', attributes: Record<string, unknown>, id?: string): RequestPreview {
    const body =
      operation === 'create'
        ? { data: { type: 'webhook', attributes } }
        : { data: { type: 'webhook', id: id ?? '<id>', attributes } };
    const call = this.call(
      operation === 'create' ? 'POST' : 'PATCH',
      this.webhooksUrl(operation === 'create' ? undefined : (id ?? '<id>')),
      '<access token from POST /auth/exchange>',
      body,
    );
    return { method: call.method, url: call.url, headers: call.headers, body: JSON.stringify(body, null, 2) };
  }
}
