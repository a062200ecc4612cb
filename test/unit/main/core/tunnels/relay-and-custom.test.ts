import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sign } from '../../../../../src/main/core/signatures/index';
import { call } from '../../../../helpers/call';
import { eventually } from '../../../../helpers/downstream-server';
import { httpRequest } from '../../../../helpers/http-request';
import { startSmeeRelay, type SmeeRelay } from '../../../../helpers/smee-relay';
import { sessionIn, tunnelHarness } from './tunnel-harness';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('relay channels (a local smee-protocol relay) and custom URLs', () => {
  const harness = tunnelHarness();
  let relay: SmeeRelay;
  beforeEach(async () => {
    relay = await startSmeeRelay();
  });
  afterEach(async () => {
    await harness.cleanup();
    await relay.close();
  });

  it('POST to the channel → event to the client → re-POSTed to the inbox → capture with route relay', async () => {
    const { wb, url, changes } = await harness.start({}, { inboxes: ['credo'] });
    const channel = relay.channel('abc123');
    await call(wb, 'tunnel:start', { kind: 'relay', channelUrl: channel, inbox: 'credo' });
    const online = await sessionIn(changes, 'online');
    expect(online).toMatchObject({
      kind: 'relay',
      publicUrl: channel,
      publicHost: null,
      inbox: 'credo',
      target: `${url}/hooks/credo`,
    });
    expect(online.warnings[0]).toMatch(/re-serializes the body/);
    const inboxes = await call(wb, 'inbox:list');
    expect(inboxes.find((i) => i.slug === 'credo')!.publicUrl).toBe(channel);
    expect(inboxes.find((i) => i.slug === 'default')!.publicUrl).toBeNull();
    // A relay reaches the receiver over loopback: the allow-list stays as the user set it.
    expect((await call(wb, 'tunnel:status')).allowedHosts).toBeNull();

    const sent = await httpRequest(`${channel}?attempt=2`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GitHub-Event': 'push',
        'X-Hookbench-Relay': 'forged',
      },
      body: '{ "zen": "Keep it simple.", "n": 1 }',
    });
    expect(sent.status).toBe(200);
    await eventually(async () => expect((await call(wb, 'history:list')).items).toHaveLength(1));
    const [summary] = (await call(wb, 'history:list')).items;
    expect(summary).toMatchObject({ inbox: 'credo', route: 'relay', method: 'POST', path: '/hooks/credo' });
    expect(summary!.url).toBe('/hooks/credo?attempt=2');
    const detail = await call(wb, 'history:get', { id: summary!.id });
    expect(Buffer.from(detail.bodyBase64, 'base64').toString()).toBe('{"zen":"Keep it simple.","n":1}');
    const names = detail.headers.map(([n]) => n.toLowerCase());
    expect(names).toContain('x-github-event');
    expect(names).not.toContain('x-hookbench-relay');
    expect(detail.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('a Standard Webhooks payload signed as pretty JSON gets "body re-serialized by the relay"', async () => {
    const { wb, changes } = await harness.start(
      {},
      { verify: [{ inbox: 'sw', spec: { scheme: 'standard-webhooks', secret: SECRET, options: {} } }] },
    );
    await call(wb, 'tunnel:start', { kind: 'relay', channelUrl: relay.channel('signed'), inbox: 'sw' });
    await sessionIn(changes, 'online');
    const body = JSON.stringify(
      { type: 'CredoAI.use_case_created.v1', data: { id: 'uc_1', name: 'Zoë' } },
      null,
      2,
    );
    const headers = Object.fromEntries(
      sign(
        'standard-webhooks',
        { secret: SECRET, options: {} },
        {
          id: 'msg_relay',
          timestamp: Math.floor(Date.now() / 1000),
          body: Buffer.from(body),
        },
      ),
    );
    await httpRequest(relay.channel('signed'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    await eventually(async () => expect((await call(wb, 'history:list')).items).toHaveLength(1));
    const [capture] = (await call(wb, 'history:list')).items;
    expect(capture!.route).toBe('relay');
    expect(capture!.signature.verdict).toBe('invalid');
    expect(capture!.signature.reason).toMatch(
      /^Body re-serialized by the relay \(smee re-encodes JSON\); signatures cannot be checked through a relay — use a tunnel\./,
    );
    expect(capture!.signature.reason).toContain('pretty-printed as JSON with a 2-space indent');
    const detail = await call(wb, 'history:get', { id: capture!.id });
    expect(detail.verification?.cause).toBe('body-changed');

    // The same payload sent straight to the receiver verifies: it is the relay that breaks it.
    const direct = await httpRequest((await call(wb, 'inbox:list')).find((i) => i.slug === 'sw')!.url!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    expect(direct.status).toBe(200);
    expect((await call(wb, 'history:list')).items[0]).toMatchObject({
      route: 'direct',
      signature: { verdict: 'valid' },
    });
  });

  it('asks the relay for a new channel when none is given, and reconnects with back-off when the stream drops', async () => {
    const { wb, changes } = await harness.start({
      relayNewChannelUrl: relay.newChannelUrl,
      backoff: { initialMs: 50 },
    });
    await call(wb, 'tunnel:start', { kind: 'relay' });
    const online = await sessionIn(changes, 'online');
    expect(online.publicUrl).toMatch(new RegExp(`^${relay.url}/[0-9a-f]{16}$`));
    expect(online.output).toContain(`New relay channel: ${online.publicUrl!}`);
    const id = online.publicUrl!.slice(relay.url.length + 1);
    expect(relay.listeners(id)).toBe(1);

    relay.dropClients();
    await eventually(() => expect(changes.some((c) => c.active?.state === 'failed')).toBe(true));
    const failed = changes.find((c) => c.active?.state === 'failed')!.active!;
    expect(failed.error).toMatch(/closed the connection|broke/);
    await eventually(() => expect(changes.at(-1)?.active).toMatchObject({ state: 'online', restarts: 1 }));
    // The same channel: the sender's URL stays valid across reconnections.
    expect(changes.at(-1)!.active!.publicUrl).toBe(online.publicUrl);
    await eventually(() => expect(relay.listeners(id)).toBe(1));
  });

  it('a relay that cannot be reached fails with the reason; an unknown inbox is refused', async () => {
    const { wb, changes } = await harness.start({ backoff: { initialMs: 60_000 } });
    await expect(
      call(wb, 'tunnel:start', { kind: 'relay', channelUrl: relay.channel('x'), inbox: 'nope' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'inbox: there is no inbox "nope" for the relay to deliver to.',
    });
    const gone = await startSmeeRelay();
    await gone.close();
    await call(wb, 'tunnel:start', { kind: 'relay', channelUrl: gone.channel('chan') });
    const failed = await sessionIn(changes, 'failed');
    expect(failed.error).toBe(`Could not reach the relay ${gone.channel('chan')}: ECONNREFUSED`);
    expect(failed.nextRetryAt).not.toBeNull();
  });

  it('a custom URL is online at once: its host is allowed and marks the captures', async () => {
    const { wb, url, changes } = await harness.start({}, { inboxes: ['credo'] });
    const inboxEvents: string[] = [];
    wb.events.on('inbox:changed', (list) => {
      inboxEvents.push(list.find((i) => i.slug === 'credo')?.publicUrl ?? 'none');
    });
    const status = await call(wb, 'tunnel:start', { kind: 'custom', url: 'https://hooks.example.com/' });
    // The UI's inbox list learns the public form as soon as it is online.
    expect(inboxEvents).toEqual(['https://hooks.example.com/hooks/credo']);
    expect(status.active).toMatchObject({
      kind: 'custom',
      state: 'online',
      publicUrl: 'https://hooks.example.com',
      publicHost: 'hooks.example.com',
    });
    expect(changes.at(-1)!.active!.state).toBe('online');
    expect((await call(wb, 'inbox:list')).find((i) => i.slug === 'credo')!.publicUrl).toBe(
      'https://hooks.example.com/hooks/credo',
    );
    await httpRequest(`${url}/hooks/credo`, { method: 'POST', headers: { Host: 'hooks.example.com' } });
    // A proxy that rewrites Host but says where the request was for.
    await httpRequest(`${url}/hooks/credo`, {
      method: 'POST',
      headers: { 'X-Forwarded-Host': 'hooks.example.com' },
    });
    expect((await call(wb, 'history:list')).items.map((c) => c.route)).toEqual(['custom', 'custom']);
    expect(
      (await httpRequest(`${url}/hooks/credo`, { method: 'POST', headers: { Host: 'other.example' } }))
        .status,
    ).toBe(421);

    // Export keeps the route; import restores it.
    const exported = await call(wb, 'history:export', { format: 'ndjson' });
    expect(JSON.parse(exported.content.split('\n')[0]!)).toMatchObject({ route: 'custom' });
    const { wb: other } = await harness.start({});
    await call(other, 'history:import', { content: exported.content });
    expect((await call(other, 'history:list')).items.map((c) => c.route)).toEqual(['custom', 'custom']);
  });
});
