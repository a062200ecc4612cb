import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject } from '../catalog/json-pointer';
import { base57Id } from '../fire/ids';
import { signJwt, verifyJwt } from './jwt';
import { header, parseJson, readText, sendJson } from './sandbox-http';
import { emptyStats, newWhsec, type CredoWebhook, type SandboxState } from './sandbox-state';

const JSON_API = 'application/vnd.api+json';

/** The 401 body the real API was seen answering. */
export const CREDO_UNAUTHENTICATED = {
  errors: [
    {
      code: 1000,
      title: 'Unauthenticated',
      detail: 'User is not authenticated, maybe invalid or expired token.',
    },
  ],
};

const REQUIRED = ['description', 'event_types', 'url', 'authentication_method'] as const;
const O_AUTH_REQUIRED = [
  'authentication_payload',
  'authentication_payload_type',
  'authentication_server',
] as const;
const KNOWN = new Set<string>([
  ...REQUIRED,
  ...O_AUTH_REQUIRED,
  'event_type_prefix',
  'event_type_suffix',
  'environment',
  'bucket',
]);

export interface CredoRouteDeps {
  state: SandboxState;
  /** Access-token lifetime in seconds. */
  tokenTtlSeconds: number;
  /** The Credo AI event types of the catalogue. */
  eventTypes: () => readonly string[];
  now: () => number;
}

function errors(
  res: ServerResponse,
  status: number,
  list: { code: number; title: string; detail: string }[],
): void {
  sendJson(res, status, { errors: list }, JSON_API);
}

/** A webhook as the API returns it: every attribute, in the order the real answer has them. */
export function credoResource(hook: CredoWebhook): Record<string, unknown> {
  return { id: hook.id, type: 'webhook', attributes: { ...hook.attributes }, relationships: {} };
}

/** Every missing required attribute (and the o_auth ones), one message each; unknown event types too. */
function validate(attributes: Record<string, unknown>, known: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED) {
    const value = attributes[name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      problems.push(`${name} can't be blank`);
  }
  if (attributes.authentication_method === 'o_auth') {
    for (const name of O_AUTH_REQUIRED)
      if (attributes[name] === undefined || attributes[name] === null || attributes[name] === '')
        problems.push(`${name} is required when authentication_method is o_auth`);
  }
  const method = attributes.authentication_method;
  if (typeof method === 'string' && method !== '' && method !== 'none' && method !== 'o_auth')
    problems.push(`authentication_method must be one of none, o_auth (got "${method}")`);
  const types = attributes.event_types;
  if (types !== undefined && !Array.isArray(types)) problems.push('event_types must be a list');
  if (Array.isArray(types))
    for (const type of types)
      if (typeof type !== 'string' || !known.includes(type))
        problems.push(`event_types: "${String(type)}" is not an event type`);
  const url = attributes.url;
  if (typeof url === 'string' && url !== '' && !URL.canParse(url)) problems.push('url is not a valid URL');
  return problems;
}

function pick(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([k]) => KNOWN.has(k)));
}

/**
 * Credo AI's API as the sandbox serves it: `POST /auth/exchange` and `/api/v2/<tenant>/webhooks[/<id>]` with the
 * status codes and JSON:API bodies the real API returns. Answers true when it handled the request.
 */
export async function handleCredoAi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: CredoRouteDeps,
): Promise<boolean> {
  const { data } = deps.state;
  if (path === '/auth/exchange' && req.method === 'POST') {
    const parsed = parseJson(await readText(req));
    const body = parsed.ok && isObject(parsed.value) ? parsed.value : {};
    if (body.api_token !== data.apiKey || body.tenant !== data.tenant) {
      errors(res, 401, [{ code: 1000, title: 'Unauthenticated', detail: 'Invalid API token or tenant.' }]);
      return true;
    }
    const iat = Math.floor(deps.now() / 1000);
    const token = signJwt(
      { sub: 'sandbox-user', tenant: data.tenant, iat, exp: iat + deps.tokenTtlSeconds },
      data.jwtKey,
    );
    sendJson(res, 200, { access_token: token });
    return true;
  }
  const match = /^\/api\/v2\/([^/]+)\/webhooks(?:\/([^/]+))?\/?$/.exec(path);
  if (!match) return false;
  const [, tenant = '', id] = match;
  const auth = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  const verified = auth?.[1] ? verifyJwt(auth[1], data.jwtKey, deps.now()) : null;
  if (!verified?.ok) {
    sendJson(res, 401, CREDO_UNAUTHENTICATED, JSON_API);
    return true;
  }
  if (decodeURIComponent(tenant) !== data.tenant || verified.claims.tenant !== data.tenant) {
    errors(res, 403, [
      { code: 1003, title: 'Forbidden', detail: `The token does not give access to tenant "${tenant}".` },
    ]);
    return true;
  }
  const notFound = (): void =>
    errors(res, 404, [{ code: 1004, title: 'Not Found', detail: `Webhook ${id ?? ''} was not found.` }]);
  const readBody = async (): Promise<Record<string, unknown> | null> => {
    const parsed = parseJson(await readText(req));
    if (!parsed.ok || !isObject(parsed.value) || !isObject(parsed.value.data)) {
      errors(res, 400, [
        { code: 1001, title: 'Bad Request', detail: 'The body must be a JSON:API document with "data".' },
      ]);
      return null;
    }
    return parsed.value.data;
  };
  if (id === undefined) {
    if (req.method === 'GET') {
      sendJson(res, 200, { data: data.credo.map(credoResource), included: [] }, JSON_API);
      return true;
    }
    if (req.method === 'POST') {
      const doc = await readBody();
      if (!doc) return true;
      const attributes = isObject(doc.attributes) ? doc.attributes : {};
      const problems = validate(attributes, deps.eventTypes());
      if (problems.length > 0) {
        errors(
          res,
          422,
          problems.map((detail) => ({ code: 1002, title: 'Validation error', detail })),
        );
        return true;
      }
      const hook: CredoWebhook = {
        id: base57Id(),
        attributes: {
          description: attributes.description,
          url: attributes.url,
          bucket: attributes.bucket ?? null,
          environment: attributes.environment ?? 'production',
          authentication_method: attributes.authentication_method,
          authentication_payload: attributes.authentication_payload ?? {},
          authentication_payload_type: attributes.authentication_payload_type ?? null,
          authentication_server: attributes.authentication_server ?? null,
          event_type_prefix: attributes.event_type_prefix ?? null,
          event_type_suffix: attributes.event_type_suffix ?? null,
          event_types: attributes.event_types,
        },
        secret: newWhsec(),
        stats: emptyStats(),
        lastTriggeredAt: null,
      };
      data.credo.push(hook);
      deps.state.save();
      sendJson(res, 201, { data: credoResource(hook), included: [] }, JSON_API);
      return true;
    }
    return false;
  }
  const hook = data.credo.find((h) => h.id === id);
  if (!hook) {
    notFound();
    return true;
  }
  if (req.method === 'GET') {
    sendJson(res, 200, { data: credoResource(hook), included: [] }, JSON_API);
    return true;
  }
  if (req.method === 'PATCH') {
    const doc = await readBody();
    if (!doc) return true;
    const merged = { ...hook.attributes, ...pick(isObject(doc.attributes) ? doc.attributes : {}) };
    const problems = validate(merged, deps.eventTypes());
    if (problems.length > 0) {
      errors(
        res,
        422,
        problems.map((detail) => ({ code: 1002, title: 'Validation error', detail })),
      );
      return true;
    }
    hook.attributes = merged;
    deps.state.save();
    sendJson(res, 200, { data: credoResource(hook), included: [] }, JSON_API);
    return true;
  }
  if (req.method === 'DELETE') {
    data.credo = data.credo.filter((h) => h.id !== id);
    deps.state.save();
    sendJson(res, 204);
    return true;
  }
  return false;
}
