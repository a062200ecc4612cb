import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject } from '../catalog/json-pointer';
import { constantTimeEqual } from '../signatures/constant-time';
import { base57Id } from '../fire/ids';
import { signJwt } from './jwt';
import { header, parseJson, readText, sendJson } from './sandbox-http';
import type { SandboxState } from './sandbox-state';

/** A fault the next API requests answer with, to exercise a client's error handling. */
export interface SandboxFault {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Hold the request this long before answering (or forever with no status answer: a stalling server). */
  stallMs?: number;
  /** Handle the request normally but hold its answer for `stallMs` (the answer of a create that "timed out"). */
  passThrough?: boolean;
  /** How many requests it applies to (default 1). */
  times: number;
}

/** What the sandbox-only endpoints need from the server. */
export interface SandboxRouteDeps {
  state: SandboxState;
  baseUrl: () => string;
  faults: SandboxFault[];
  oauthTtlSeconds: number;
  now: () => number;
  trigger: (provider: string, eventType: string, data: unknown) => Promise<unknown>;
  subscriptions: () => unknown[];
  attempts: (id: string) => unknown[] | null;
  completeCredas: (id: string) => Promise<unknown>;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const text = await readText(req);
  const type = header(req, 'content-type') ?? '';
  if (/x-www-form-urlencoded/i.test(type)) return Object.fromEntries(new URLSearchParams(text));
  const parsed = parseJson(text);
  if (!parsed.ok) return null;
  return isObject(parsed.value) ? parsed.value : {};
}

/** Client credentials from the body (`client_id`/`client_secret`, or Credo AI's example `key`) or HTTP Basic. */
function clientOf(
  req: IncomingMessage,
  body: Record<string, unknown>,
): { id: string | null; secret: string | null } {
  const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  if (basic?.[1]) {
    const [id = '', ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id, secret: rest.join(':') };
  }
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { id: str(body.client_id), secret: str(body.client_secret) ?? str(body.key) };
}

/**
 * The endpoints only the sandbox has, under `/_sandbox/`: make an event happen, see subscriptions and attempt logs,
 * complete a Credas process, the OAuth token server, and injected faults. Answers true when it handled the request.
 */
export async function handleSandbox(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: SandboxRouteDeps,
): Promise<boolean> {
  if (!path.startsWith('/_sandbox')) return false;
  const { data } = deps.state;
  const method = req.method ?? 'GET';
  if ((path === '/_sandbox' || path === '/_sandbox/') && method === 'GET') {
    sendJson(res, 200, {
      baseUrl: deps.baseUrl(),
      tenant: data.tenant,
      credoAi: { server: deps.baseUrl(), webhooks: `${deps.baseUrl()}/api/v2/${data.tenant}/webhooks` },
      complianceV1: { webhooks: `${deps.baseUrl()}/api/v1/webhooks/` },
      credas: { processes: `${deps.baseUrl()}/api/v2/ci/processes` },
      oauth: {
        tokenUrl: `${deps.baseUrl()}/_sandbox/oauth/token`,
        clients: data.oauthClients,
        inboxSecret: `jwt-hs256:${data.oauthKey}`,
      },
    });
    return true;
  }
  if (path === '/_sandbox/events' && method === 'POST') {
    const body = await jsonBody(req);
    if (!body || typeof body.provider !== 'string' || typeof body.eventType !== 'string') {
      sendJson(res, 400, { error: 'The body is {"provider", "eventType", "data"?}.' });
      return true;
    }
    try {
      sendJson(res, 202, await deps.trigger(body.provider, body.eventType, body.data));
    } catch (error) {
      sendJson(res, 404, { error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  }
  if (path === '/_sandbox/subscriptions' && method === 'GET') {
    sendJson(res, 200, { subscriptions: deps.subscriptions() });
    return true;
  }
  const attempts = /^\/_sandbox\/subscriptions\/([^/]+)\/attempts$/.exec(path);
  if (attempts?.[1] && method === 'GET') {
    const list = deps.attempts(decodeURIComponent(attempts[1]));
    if (list === null) sendJson(res, 404, { error: `No subscription ${attempts[1]}.` });
    else sendJson(res, 200, { attempts: list });
    return true;
  }
  const complete = /^\/_sandbox\/credas\/processes\/([^/]+)\/complete$/.exec(path);
  if (complete?.[1] && method === 'POST') {
    try {
      sendJson(res, 200, await deps.completeCredas(decodeURIComponent(complete[1])));
    } catch (error) {
      sendJson(res, 404, { error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  }
  if (path === '/_sandbox/oauth/token' && method === 'POST') {
    const body = (await jsonBody(req)) ?? {};
    const { id, secret } = clientOf(req, body);
    const client = data.oauthClients.find(
      (c) =>
        (id === null || c.client_id === id) && secret !== null && constantTimeEqual(c.client_secret, secret),
    );
    if (!client) {
      sendJson(res, 401, { error: 'invalid_client', error_description: 'Unknown client credentials.' });
      return true;
    }
    const iat = Math.floor(deps.now() / 1000);
    const token = signJwt(
      { sub: client.client_id, iat, exp: iat + deps.oauthTtlSeconds, jti: base57Id() },
      data.oauthKey,
    );
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: deps.oauthTtlSeconds });
    return true;
  }
  if (path === '/_sandbox/oauth/clients' && method === 'POST') {
    const body = (await jsonBody(req)) ?? {};
    const client = {
      client_id:
        typeof body.client_id === 'string' && body.client_id ? body.client_id : `client_${base57Id(10)}`,
      client_secret:
        typeof body.client_secret === 'string' && body.client_secret ? body.client_secret : randomUUID(),
    };
    data.oauthClients = [...data.oauthClients.filter((c) => c.client_id !== client.client_id), client];
    deps.state.save();
    sendJson(res, 201, client);
    return true;
  }
  if (path === '/_sandbox/faults') {
    if (method === 'DELETE') {
      deps.faults.splice(0);
      sendJson(res, 204);
      return true;
    }
    if (method === 'POST') {
      const body = await jsonBody(req);
      const status = Number(body?.status ?? 0);
      if (!body || !Number.isInteger(status) || status < 0 || status > 599) {
        sendJson(res, 400, { error: 'The body is {"status", "body"?, "headers"?, "stallMs"?, "times"?}.' });
        return true;
      }
      deps.faults.push({
        status,
        ...(typeof body.body === 'string' ? { body: body.body } : {}),
        ...(isObject(body.headers) ? { headers: body.headers as Record<string, string> } : {}),
        ...(typeof body.stallMs === 'number' ? { stallMs: body.stallMs } : {}),
        ...(body.passThrough === true ? { passThrough: true } : {}),
        times: typeof body.times === 'number' ? body.times : 1,
      });
      sendJson(res, 201, { faults: deps.faults.length });
      return true;
    }
  }
  sendJson(res, 404, { error: `No sandbox endpoint ${method} ${path}.` });
  return true;
}
