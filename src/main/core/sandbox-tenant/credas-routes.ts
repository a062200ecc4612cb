import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject } from '../catalog/json-pointer';
import { header, parseJson, readText, sendJson } from './sandbox-http';
import type { CredasProcess, SandboxState } from './sandbox-state';

/**
 * Credas' `POST /api/v2/ci/processes` as the sandbox serves it: the key in `X-API-KEY` (403 when wrong), the
 * `webhookUrl` fixed at creation. Answers true when it handled the request.
 */
export async function handleCredas(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: SandboxState,
): Promise<boolean> {
  if (!/^\/api\/v2\/ci\/processes\/?$/.test(path) || req.method !== 'POST') return false;
  if (header(req, 'x-api-key') !== state.data.apiKey) {
    sendJson(res, 403, { message: 'Forbidden: the X-API-KEY header is missing or wrong.' });
    return true;
  }
  const parsed = parseJson(await readText(req));
  const body = parsed.ok && isObject(parsed.value) ? parsed.value : null;
  if (!body) {
    sendJson(res, 400, { message: 'The body must be a JSON object.' });
    return true;
  }
  const url = body.webhookUrl;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || !URL.canParse(url)) {
    sendJson(res, 400, { errors: { webhookUrl: ['webhookUrl must be an absolute http(s) URL.'] } });
    return true;
  }
  const process: CredasProcess = {
    id: randomUUID(),
    clientId: randomUUID(),
    webhookUrl: url,
    status: 1,
    body,
    createdAt: new Date().toISOString(),
  };
  state.data.credas.push(process);
  state.save();
  sendJson(res, 201, { id: process.id, clientId: process.clientId, webhookUrl: url, status: process.status });
  return true;
}
