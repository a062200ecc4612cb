import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComplianceV1Client } from '../../../../../src/main/core/subscriptions/compliance-v1-client';
import { CredasClient } from '../../../../../src/main/core/subscriptions/credas-client';
import { CredoAiClient } from '../../../../../src/main/core/subscriptions/credo-ai-client';
import { SandboxTenantServer } from '../../../../../src/main/core/sandbox-tenant/sandbox-tenant-server';
import { signJwt } from '../../../../../src/main/core/sandbox-tenant/jwt';

const KEY = 'hbk_test_key_0123456789';
const ATTRS = {
  description: 'Test webhook',
  url: 'https://example.com/hook',
  event_types: ['use_case_review_status_updated'],
  event_type_prefix: 'CredoAI',
  event_type_suffix: 'v1',
  environment: 'production',
  authentication_method: 'none',
};

async function fault(base: string, body: Record<string, unknown>): Promise<void> {
  await fetch(`${base}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });
}

describe('provider clients against the sandbox tenant over real sockets', () => {
  let sandbox: SandboxTenantServer;
  let base: string;
  let clock = Date.now();
  beforeEach(async () => {
    clock = Date.now();
    sandbox = new SandboxTenantServer({
      apiKey: KEY,
      tenant: 'acme',
      tokenTtlSeconds: 600,
      now: () => clock,
    });
    base = await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const credo = (extra: Partial<ConstructorParameters<typeof CredoAiClient>[0]> = {}) =>
    new CredoAiClient({
      server: base,
      tenant: 'acme',
      apiKey: KEY,
      timeoutMs: 2000,
      now: () => clock,
      ...extra,
    });

  it('Credo AI: exchanges the key, creates, lists, gets, updates and deletes with the real shapes', async () => {
    const raw = await fetch(`${base}/api/v2/acme/webhooks`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({
      errors: [
        {
          code: 1000,
          title: 'Unauthenticated',
          detail: 'User is not authenticated, maybe invalid or expired token.',
        },
      ],
    });
    const client = credo();
    expect(await client.list()).toEqual([]);
    const { subscription } = await client.create(ATTRS);
    expect(subscription.id).toMatch(/^[2-9A-HJ-NP-Za-km-z]{22}$/);
    expect(Object.keys(subscription.attributes)).toEqual([
      'description',
      'url',
      'bucket',
      'environment',
      'authentication_method',
      'authentication_payload',
      'authentication_payload_type',
      'authentication_server',
      'event_type_prefix',
      'event_type_suffix',
      'event_types',
    ]);
    expect(subscription.attributes.authentication_payload).toEqual({});
    expect((await client.get(subscription.id)).url).toBe(ATTRS.url);
    const updated = await client.update(subscription.id, { description: 'Renamed' });
    expect(updated.description).toBe('Renamed');
    expect((await client.list()).map((s) => s.id)).toEqual([subscription.id]);
    await client.remove(subscription.id);
    await expect(client.get(subscription.id)).rejects.toThrow(/404 Not Found.*was not found/);
    expect(client.exchanges).toBe(1);
  });

  it('Credo AI: raw create answers 201 JSON:API and a 422 naming each missing attribute', async () => {
    const token = (
      (await (
        await fetch(`${base}/auth/exchange`, {
          method: 'POST',
          body: JSON.stringify({ api_token: KEY, tenant: 'acme' }),
        })
      ).json()) as { access_token: string }
    ).access_token;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.api+json' };
    const created = await fetch(`${base}/api/v2/acme/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ data: { type: 'webhook', attributes: ATTRS } }),
    });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as {
      data: { type: string; relationships: unknown };
      included: unknown[];
    };
    expect(doc.data.type).toBe('webhook');
    expect(doc.data.relationships).toEqual({});
    expect(doc.included).toEqual([]);
    const bad = await fetch(`${base}/api/v2/acme/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        data: { type: 'webhook', attributes: { url: 'https://x.test', authentication_method: 'o_auth' } },
      }),
    });
    expect(bad.status).toBe(422);
    const details = ((await bad.json()) as { errors: { detail: string }[] }).errors
      .map((e) => e.detail)
      .join('\n');
    for (const name of [
      'description',
      'event_types',
      'authentication_payload',
      'authentication_payload_type',
      'authentication_server',
    ])
      expect(details).toContain(name);
    const del = await fetch(`${base}/api/v2/acme/webhooks/${(doc.data as unknown as { id: string }).id}`, {
      method: 'DELETE',
      headers,
    });
    expect(del.status).toBe(204);
  });

  it('Credo AI: exchanges again within 60 s of exp, and once on a 401', async () => {
    const client = credo();
    await client.list();
    expect(client.exchanges).toBe(1);
    clock += 545_000; // 55 s before the 600 s token expires
    await client.list();
    expect(client.exchanges).toBe(2);
    // The server rotates its key: the cached token now gets a 401, the client exchanges once and succeeds.
    sandbox.state.data.jwtKey = 'rotated';
    await client.list();
    expect(client.exchanges).toBe(3);
    // A wrong key is a clear 401 message.
    await expect(credo({ apiKey: 'wrong' }).list()).rejects.toThrow(
      /refused the credentials \(401\).*Invalid API token/,
    );
    expect(signJwt({ sub: 'x', iat: 0, exp: 1 }, 'k').split('.')).toHaveLength(3);
  });

  it('maps 403, 429 with Retry-After, 5xx, invalid JSON and timeouts to clear messages', async () => {
    const client = credo();
    await client.list();
    await fault(base, {
      status: 403,
      body: JSON.stringify({ errors: [{ code: 1003, title: 'Forbidden', detail: 'No access' }] }),
    });
    await expect(client.list()).rejects.toThrow(/403 Forbidden.*Forbidden: No access \(code 1003\)/);
    await fault(base, { status: 429, headers: { 'Retry-After': '30' }, body: '' });
    await expect(client.list()).rejects.toThrow(/rate-limiting requests \(429\).*Retry after 30 s/);
    await fault(base, { status: 503, body: '' });
    await expect(client.list()).rejects.toThrow(/server error \(503\)/);
    await fault(base, { status: 200, body: '<html>oops' });
    await expect(client.list()).rejects.toThrow(/not valid JSON/);
    await fault(base, { status: 200, stallMs: 1500, body: '{}' });
    await expect(credo({ timeoutMs: 300 }).list()).rejects.toMatchObject({ timedOut: true });
  });

  it('v1 platform: one-time secret, HTTPS check, stats, update, test endpoint and 401/404/400', async () => {
    const v1 = new ComplianceV1Client({ server: base, apiKey: KEY, timeoutMs: 2000 });
    await expect(
      new ComplianceV1Client({ server: base, apiKey: 'nope', timeoutMs: 2000 }).list(),
    ).rejects.toThrow(/401.*Invalid API key/);
    await expect(
      v1.create({ event_type: 'screening.completed', webhook_url: 'http://example.com/x' }),
    ).rejects.toThrow(/400.*webhook_url: Webhook URL must use HTTPS/);
    const { subscription, secret } = await v1.create({
      event_type: 'screening.completed',
      webhook_url: 'https://example.com/x',
      description: 'd',
    });
    expect(secret).toMatch(/^whsec_/);
    const [listed] = await v1.list();
    expect(listed?.stats).toEqual({ total_deliveries: 0, successful_deliveries: 0, failed_deliveries: 0 });
    expect(listed?.attributes).not.toHaveProperty('secret_key');
    expect((await v1.get(subscription.id)).attributes).toHaveProperty('updated_at');
    expect((await v1.update(subscription.id, { is_active: false })).active).toBe(false);
    const test = await v1.test('https://127.0.0.1:1/unreachable');
    expect(test.success).toBe(false);
    expect(test.message).toMatch(/^Test webhook delivery failed/);
    await v1.remove(subscription.id);
    await expect(v1.get(subscription.id)).rejects.toThrow(/404/);
  });

  it('Credas: creates a process with webhookUrl; a wrong X-API-KEY is 403', async () => {
    const credas = new CredasClient({ server: base, apiKey: KEY, timeoutMs: 2000 });
    const { subscription } = await credas.create({
      webhookUrl: 'https://my-webhook.credas.com/updates?our-reference=1232323',
    });
    expect(subscription.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      new CredasClient({ server: base, apiKey: 'bad', timeoutMs: 2000 }).create({
        webhookUrl: 'https://x.test',
      }),
    ).rejects.toThrow(/403 Forbidden/);
    await expect(credas.remove()).rejects.toThrow(/Credas has no API/);
  });
});
