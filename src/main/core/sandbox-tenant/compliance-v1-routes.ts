import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { isObject } from '../catalog/json-pointer';
import type { DeliveryReport, DeliveryTarget } from './sandbox-delivery';
import { header, isLoopbackUrl, parseJson, readText, sendJson } from './sandbox-http';
import { emptyStats, newWhsec, type SandboxState, type V1Webhook } from './sandbox-state';

/** The platform's header for the API key is undocumented: the sandbox's default, configurable. */
export const DEFAULT_V1_KEY_HEADER = 'X-API-Key';

export interface V1RouteDeps {
  state: SandboxState;
  /** Header names that may carry the API key (besides `Authorization: Api-Key|Bearer|Token <key>`). */
  keyHeader: string;
  /** Accept http:// webhook URLs on this machine (a local inbox has no certificate); others must be HTTPS. */
  allowHttpLoopback: boolean;
  eventTypes: () => readonly string[];
  /** Delivers the synthetic `test` event to a URL (signed with the secret of a webhook of that URL, if any). */
  deliverTest: (target: Omit<DeliveryTarget, 'provider' | 'body'>) => Promise<DeliveryReport>;
}

function isoMicros(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** How the list and get answers show a webhook (without its secret; get adds `updated_at`). */
function present(hook: V1Webhook, withUpdated: boolean): Record<string, unknown> {
  return {
    id: hook.id,
    event_type: hook.event_type,
    webhook_url: hook.webhook_url,
    is_active: hook.is_active,
    description: hook.description,
    filters: hook.filters,
    created_at: hook.created_at,
    ...(withUpdated ? { updated_at: hook.updated_at } : {}),
    stats: { ...hook.stats },
    last_triggered_at: hook.last_triggered_at,
  };
}

function keyOf(req: IncomingMessage, keyHeader: string): string | undefined {
  const direct = header(req, keyHeader);
  if (direct) return direct.trim();
  const auth = header(req, 'authorization');
  if (!auth) return undefined;
  const match = /^(?:Api-Key|Bearer|Token)\s+(\S+)$/i.exec(auth.trim());
  return match?.[1] ?? auth.trim();
}

function checkUrl(value: unknown, allowHttpLoopback: boolean): string | null {
  if (typeof value !== 'string' || value === '') return 'This field is required.';
  if (!URL.canParse(value)) return 'Enter a valid URL.';
  const url = new URL(value);
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowHttpLoopback && isLoopbackUrl(url)) return null;
  return 'Webhook URL must use HTTPS.';
}

/**
 * The compliance platform's Webhooks API v1 as the sandbox serves it: `/api/v1/webhooks/` CRUD with the HTTPS check,
 * the one-time `secret_key`, stats, and the synchronous test endpoint. Answers true when it handled the request.
 */
export async function handleComplianceV1(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: V1RouteDeps,
): Promise<boolean> {
  const match = /^\/api\/v1\/webhooks\/(?:([^/]+)\/)?$/.exec(path);
  if (!match) return false;
  const id = match[1];
  const { data } = deps.state;
  const key = keyOf(req, deps.keyHeader);
  if (key === undefined) {
    sendJson(res, 401, { detail: 'Authentication credentials were not provided.' });
    return true;
  }
  if (key !== data.apiKey) {
    sendJson(res, 401, { detail: 'Invalid API key.' });
    return true;
  }
  const body = async (): Promise<Record<string, unknown> | null> => {
    const parsed = parseJson(await readText(req));
    if (!parsed.ok) {
      sendJson(res, 400, { detail: 'JSON parse error.' });
      return null;
    }
    return isObject(parsed.value) ? parsed.value : {};
  };
  if (id === 'test' && req.method === 'POST') {
    const input = await body();
    if (!input) return true;
    const problem = checkUrl(input.webhook_url, deps.allowHttpLoopback);
    if (problem) {
      sendJson(res, 400, { webhook_url: [problem] });
      return true;
    }
    const url = String(input.webhook_url);
    const owner = data.v1.find((h) => h.webhook_url === url);
    const report = await deps.deliverTest({
      subscriptionId: owner?.id ?? 'test',
      url,
      eventType: 'test',
      schedule: [0],
      ...(owner ? { sign: { scheme: 'standard-webhooks', secret: owner.secret_key, options: {} } } : {}),
    });
    const logId = data.nextLogId++;
    deps.state.save();
    if (report.ok) {
      sendJson(res, 200, {
        success: true,
        message: 'Test webhook delivered successfully',
        log_id: logId,
        http_status_code: report.status,
      });
    } else {
      const why =
        report.status === null
          ? (report.error ?? 'no answer')
          : `HTTP ${report.status}: ${STATUS_CODES[report.status] ?? ''}`;
      sendJson(res, 502, {
        success: false,
        message: `Test webhook delivery failed: ${why}`,
        log_id: logId,
        http_status_code: report.status,
      });
    }
    return true;
  }
  if (id === undefined) {
    if (req.method === 'GET') {
      sendJson(res, 200, { webhooks: data.v1.map((h) => present(h, false)) });
      return true;
    }
    if (req.method !== 'POST') return false;
    const input = await body();
    if (!input) return true;
    const problems: Record<string, string[]> = {};
    if (typeof input.event_type !== 'string' || input.event_type === '')
      problems.event_type = ['This field is required.'];
    else if (!deps.eventTypes().includes(input.event_type) || input.event_type === 'test')
      problems.event_type = [`"${input.event_type}" is not a valid choice.`];
    const urlProblem = checkUrl(input.webhook_url, deps.allowHttpLoopback);
    if (urlProblem) problems.webhook_url = [urlProblem];
    if (Object.keys(problems).length > 0) {
      sendJson(res, 400, problems);
      return true;
    }
    const now = isoMicros();
    const hook: V1Webhook = {
      id: randomUUID(),
      event_type: String(input.event_type),
      webhook_url: String(input.webhook_url),
      is_active: true,
      description: typeof input.description === 'string' ? input.description : '',
      filters: isObject(input.filters) ? input.filters : {},
      created_at: now,
      updated_at: now,
      secret_key: newWhsec(),
      stats: emptyStats(),
      last_triggered_at: null,
    };
    data.v1.push(hook);
    deps.state.save();
    sendJson(res, 201, {
      id: hook.id,
      event_type: hook.event_type,
      webhook_url: hook.webhook_url,
      secret_key: hook.secret_key,
      message: 'Webhook created successfully',
    });
    return true;
  }
  const hook = data.v1.find((h) => h.id === id);
  if (!hook) {
    sendJson(res, 404, { detail: 'Not found.' });
    return true;
  }
  if (req.method === 'GET') {
    sendJson(res, 200, present(hook, true));
    return true;
  }
  if (req.method === 'PATCH') {
    const input = await body();
    if (!input) return true;
    if (input.webhook_url !== undefined) {
      const problem = checkUrl(input.webhook_url, deps.allowHttpLoopback);
      if (problem) {
        sendJson(res, 400, { webhook_url: [problem] });
        return true;
      }
      hook.webhook_url = input.webhook_url as string;
    }
    if (typeof input.is_active === 'boolean') hook.is_active = input.is_active;
    if (typeof input.description === 'string') hook.description = input.description;
    if (isObject(input.filters)) hook.filters = input.filters;
    hook.updated_at = isoMicros();
    deps.state.save();
    sendJson(res, 200, { message: 'Webhook updated', id: hook.id });
    return true;
  }
  if (req.method === 'DELETE') {
    data.v1 = data.v1.filter((h) => h.id !== id);
    deps.state.save();
    sendJson(res, 200, { message: 'Webhook deleted successfully' });
    return true;
  }
  return false;
}
