import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import { requestContract } from '../../../../../src/shared/contract';
import { call } from '../../../../helpers/call';
import { makeTempDir } from '../../../../helpers/temp-dir';

async function waitFor<T>(read: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the quick flow: subscription → sandbox event → capture with a valid signature', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let base: string;
  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: 't', receiver: { port: 0 } });
    await wb.start();
    base = (await call(wb, 'sandbox:start')).baseUrl!;
  });
  afterEach(async () => {
    await wb.close();
    temp.remove();
  });

  // Read the history through the handlers (input parsed by the contract) without checking the output schema, which
  // another feature (payload check) extends at the same time.
  const captureOf = (inbox: string) =>
    waitFor(async () => {
      const input = requestContract['history:list'].input.parse({ inbox, limit: 10 });
      return (await wb.handlers['history:list'](input)).items[0];
    });
  const bodyOf = async (id: number): Promise<Record<string, unknown>> => {
    const detail = await wb.handlers['history:get']({ id });
    return JSON.parse(Buffer.from(detail.bodyBase64, 'base64').toString('utf8')) as Record<string, unknown>;
  };

  async function inboxUrl(slug: string): Promise<string> {
    return (await call(wb, 'inbox:create', { slug })).url!;
  }

  it('Credo AI: Svix-signed delivery with the subscription prefix/suffix, verified automatically', async () => {
    const url = await inboxUrl('credo');
    const tenants = await call(wb, 'tenant:list');
    expect(tenants.find((t) => t.id === 'sandbox-credo-ai')?.apiKeyMasked).toMatch(/^hbk_.*…\(\d+ chars\)$/);
    const created = await call(wb, 'subscription:create', {
      tenantId: 'sandbox-credo-ai',
      inbox: 'credo',
      attributes: {
        description: 'Quick flow',
        url,
        event_types: ['use_case_review_status_updated'],
        event_type_prefix: 'Acme',
        event_type_suffix: 'v2',
        authentication_method: 'none',
      },
    });
    expect(created.verificationConfigured).toBe('credo');
    expect(created.subscription.description).toBe('[hookbench inbox=credo] Quick flow');
    const event = await call(wb, 'sandbox:event', {
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
    });
    expect(event.deliveries).toHaveLength(1);
    expect(event.deliveries[0]?.ok).toBe(true);
    const capture = await captureOf('credo');
    expect(capture.signature).toMatchObject({ scheme: 'svix', verdict: 'valid' });
    const body = await bodyOf(capture.id);
    expect(body.type).toBe('Acme.use_case_review_status_updated.v2');
    expect(body).toHaveProperty('time');
    expect(body.subject).toBe('use_case_review_status_updated');
    const attempts = (await (
      await fetch(`${base}/_sandbox/subscriptions/${created.subscription.id}/attempts`)
    ).json()) as { attempts: { ok: boolean }[] };
    expect(attempts.attempts[0]?.ok).toBe(true);
    // fire:send through the tenantTargets hook reaches the same subscription, signed.
    const fired = await call(wb, 'fire:send', {
      provider: 'credo-ai',
      event: 'use_case_review_status_updated',
      target: { kind: 'subscriptions', tenant: 'sandbox' },
    });
    expect(fired.attempts[0]?.ok).toBe(true);
  });

  it("checks each arrival against its inbox's subscription prefix and suffix, also after a restart", async () => {
    const url = await inboxUrl('credo');
    await call(wb, 'subscription:create', {
      tenantId: 'sandbox-credo-ai',
      inbox: 'credo',
      attributes: {
        description: 'Envelope',
        url,
        event_types: ['use_case_review_status_updated'],
        event_type_prefix: 'Acme',
        event_type_suffix: null,
        authentication_method: 'none',
      },
    });
    await call(wb, 'sandbox:event', { provider: 'credo-ai', eventType: 'use_case_review_status_updated' });
    const delivered = await waitFor(async () => {
      const c = await captureOf('credo');
      return c.check.verdict === 'pending' ? undefined : c;
    });
    // As the subscription says: Acme, no suffix.
    expect(delivered.check).toMatchObject({ verdict: 'conforms', warnings: 0 });

    // A sender using another prefix (the tenant's default) is named, with the subscription's value.
    const other = { ...(await bodyOf(delivered.id)), type: 'CredoAI.use_case_review_status_updated.v1' };
    /** Posts the other-prefix body to the inbox and resolves with the id of the capture it became. */
    const post = async (to: string): Promise<number> => {
      const res = await fetch(to, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(other),
      });
      await res.arrayBuffer();
      return (await captureOf('credo')).id;
    };
    const checkedOf = (id: number) =>
      waitFor(async () => {
        const check = await call(wb, 'check:capture', { id });
        return check.result.verdict === 'pending' ? undefined : check;
      });
    const findings = (await checkedOf(await post(url))).result.findings.map((f) => f.message);
    expect(findings).toContain('The prefix of `type` is "CredoAI"; the subscription sets "Acme".');
    expect(findings).toContain('The suffix of `type` is "v1"; the subscription sets none.');

    // Remembered across a restart (no need to list the subscriptions again).
    await wb.close();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: 't', receiver: { port: 0 } });
    await wb.start();
    const restartedUrl = (await call(wb, 'inbox:list')).find((i) => i.slug === 'credo')!.url!;
    const afterRestart = await checkedOf(await post(restartedUrl));
    expect(afterRestart.result.findings.some((f) => f.message.includes('the subscription sets "Acme"'))).toBe(
      true,
    );
  });

  it('Credo AI o_auth: the sandbox fetches a token from the local token server and the inbox accepts it', async () => {
    const url = await inboxUrl('oauth');
    const info = (await (await fetch(`${base}/_sandbox`)).json()) as {
      oauth: {
        tokenUrl: string;
        inboxSecret: string;
        clients: { client_id: string; client_secret: string }[];
      };
    };
    await call(wb, 'inbox:set-verification', {
      slug: 'oauth',
      scheme: 'bearer',
      secret: info.oauth.inboxSecret,
    });
    await call(wb, 'subscription:create', {
      tenantId: 'sandbox-credo-ai',
      attributes: {
        description: 'OAuth',
        url,
        event_types: ['use_case_custom_field_updated'],
        authentication_method: 'o_auth',
        authentication_payload: info.oauth.clients[0],
        authentication_payload_type: 'application/json',
        authentication_server: info.oauth.tokenUrl,
      },
    });
    const event = await call(wb, 'sandbox:event', {
      provider: 'credo-ai',
      eventType: 'use_case_custom_field_updated',
      data: { useCaseId: 'U1' },
    });
    expect(event.deliveries[0]?.ok).toBe(true);
    expect((await captureOf('oauth')).signature).toMatchObject({ scheme: 'bearer', verdict: 'valid' });
  });

  it('v1 platform: secret_key stored, inbox verification set, Standard Webhooks valid, stats, test, clean-up', async () => {
    const url = await inboxUrl('v1');
    const created = await call(wb, 'subscription:create', {
      tenantId: 'sandbox-compliance-platform-v1',
      inbox: 'v1',
      attributes: { event_type: 'screening.completed', webhook_url: url },
    });
    expect(created.secretMasked).toMatch(/^whsec_/);
    expect(created.verificationConfigured).toBe('v1');
    const inbox = (await call(wb, 'inbox:list')).find((i) => i.slug === 'v1');
    expect(inbox?.verification).toMatchObject({ scheme: 'standard-webhooks', source: 'saved' });
    expect(
      (
        await call(wb, 'sandbox:event', {
          provider: 'compliance-platform-v1',
          eventType: 'screening.completed',
        })
      ).deliveries[0]?.ok,
    ).toBe(true);
    expect((await captureOf('v1')).signature).toMatchObject({
      scheme: 'standard-webhooks',
      verdict: 'valid',
    });
    const [listed] = await call(wb, 'subscription:list', { tenantId: 'sandbox-compliance-platform-v1' });
    expect(listed?.stats).toEqual({ total_deliveries: 1, successful_deliveries: 1, failed_deliveries: 0 });
    expect(listed?.lastTriggeredAt).not.toBeNull();
    const test = await call(wb, 'subscription:test', {
      tenantId: 'sandbox-compliance-platform-v1',
      webhookUrl: url,
    });
    expect(test).toMatchObject({
      success: true,
      message: 'Test webhook delivered successfully',
      httpStatusCode: 200,
    });
    await call(wb, 'inbox:delete', { slug: 'v1' });
    const dry = await call(wb, 'subscription:cleanup', {
      tenantId: 'sandbox-compliance-platform-v1',
      dryRun: true,
    });
    expect(dry.orphans.map((s) => s.id)).toEqual([created.subscription.id]);
    const done = await call(wb, 'subscription:cleanup', { tenantId: 'sandbox-compliance-platform-v1' });
    expect(done.removed).toEqual([created.subscription.id]);
    expect(await call(wb, 'subscription:list', { tenantId: 'sandbox-compliance-platform-v1' })).toEqual([]);
  });

  it('a create that timed out is found by listing, not created twice', async () => {
    await fetch(`${base}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ status: 0, passThrough: true, stallMs: 800 }),
    });
    const created = await call(wb, 'subscription:create', {
      tenantId: 'sandbox-compliance-platform-v1',
      inbox: 'default',
      timeoutMs: 200,
      attributes: { event_type: 'case.opened', webhook_url: 'https://example.com/cases' },
    });
    expect(created.recoveredAfterTimeout).toBe(true);
    expect(await call(wb, 'subscription:list', { tenantId: 'sandbox-compliance-platform-v1' })).toHaveLength(
      1,
    );
  });

  it('Credas: completing a process posts its webhook', async () => {
    const url = await inboxUrl('credas');
    const { subscription } = await call(wb, 'subscription:create', {
      tenantId: 'sandbox-credas',
      attributes: { webhookUrl: url },
    });
    const res = await fetch(`${base}/_sandbox/credas/processes/${subscription.id}/complete`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    const capture = await captureOf('credas');
    const body = await bodyOf(capture.id);
    expect(body).toMatchObject({
      ProcessId: subscription.id,
      Status: 2,
      StatusDescription: 'The process is complete',
    });
  });

  it('composer: validation cites the guide, lint finds the variants, preview masks secrets, curl', async () => {
    const out = await call(wb, 'composer:validate', {
      provider: 'credo-ai',
      tenantId: 'sandbox-credo-ai',
      raw: JSON.stringify({
        data: {
          attributes: {
            url: 'https://x.test',
            authentication_type: 'none',
            authentication_method: 'o_auth',
            event_types: ['use_case_review_status_update', 'use_case_governance_status_updated'],
          },
        },
      }),
    });
    const rules = out.findings.map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'missing-data-type',
        'required',
        'required-with-o_auth',
        'authentication-type-renamed',
        'review-status-name',
        'deprecated-event',
      ]),
    );
    expect(out.findings.find((f) => f.field === 'description')?.message).toContain(
      'required by the Credo AI Webhooks General Guide',
    );
    expect(out.fields.find((f) => f.name === 'authentication_server')?.requirement).toBe('conditional');
    expect(out.preview.url).toBe(`${base}/api/v2/sandbox/webhooks`);
    expect(JSON.stringify(out)).not.toMatch(/hbk_[A-Za-z0-9_-]{20,}/);
    expect(out.curl).toMatch(/^curl -X POST/);
    const v1 = await call(wb, 'composer:validate', {
      provider: 'compliance-platform-v1',
      attributes: { event_type: 'screening.completed', webhook_url: 'http://example.com/x' },
    });
    expect(v1.findings.map((f) => f.rule)).toContain('https-required');
  });
});
