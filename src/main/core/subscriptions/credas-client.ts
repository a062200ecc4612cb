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

const API = 'Credas';

/**
 * Credas: the webhook URL is the `webhookUrl` of a process, set by `POST /api/v2/ci/processes` with the key in
 * `X-API-KEY`. There is no API to list, change or delete it, so those operations say so.
 */
export class CredasClient implements ProviderClient {
  readonly api = API;

  constructor(private readonly options: ClientOptions) {}

  private call(key: string, body: unknown): ApiCall {
    return {
      method: 'POST',
      url: `${trimServer(this.options.server)}/api/v2/ci/processes`,
      headers: [
        ['Accept', 'application/json'],
        ['Content-Type', 'application/json'],
        ['X-API-KEY', key],
      ],
      body: JSON.stringify(body),
    };
  }

  private unsupportedError(what: string): HookbenchError {
    return new HookbenchError(
      'invalid_input',
      `Credas has no API to ${what}: a webhook URL is set when a process is created and only affects that process.`,
    );
  }

  list(): Promise<RemoteSubscription[]> {
    return Promise.resolve([]);
  }

  get(): Promise<RemoteSubscription> {
    return Promise.reject(this.unsupportedError('read a process webhook'));
  }

  async create(
    attributes: Record<string, unknown>,
  ): Promise<{ subscription: RemoteSubscription; secret: null }> {
    const answer = await sendApi(
      this.call(this.options.apiKey, attributes),
      {
        api: API,
        timeoutMs: this.options.timeoutMs,
        signal: this.options.signal,
      },
      'create a process',
    );
    failOn(answer, API, 'create a process');
    const json = isObject(answer.json) ? answer.json : {};
    const id =
      typeof json.id === 'string' ? json.id : typeof json.processId === 'string' ? json.processId : '';
    return {
      subscription: {
        provider: 'credas',
        id,
        url: typeof attributes.webhookUrl === 'string' ? attributes.webhookUrl : '',
        eventTypes: ['process.completed'],
        description: null,
        active: null,
        attributes: json,
        stats: null,
        lastTriggeredAt: null,
      },
      secret: null,
    };
  }

  update(): Promise<RemoteSubscription> {
    return Promise.reject(this.unsupportedError('change a process webhook'));
  }

  remove(): Promise<void> {
    return Promise.reject(this.unsupportedError('delete a process webhook'));
  }

  preview(_operation: 'create' | 'update', attributes: Record<string, unknown>): RequestPreview {
    const call = this.call(maskSecret(this.options.apiKey || '<API key>'), attributes);
    return {
      method: call.method,
      url: call.url,
      headers: call.headers,
      body: JSON.stringify(attributes, null, 2),
    };
  }
}
