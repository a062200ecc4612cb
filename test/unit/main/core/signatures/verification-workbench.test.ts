import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore } from '../../../../../src/main/core/secrets/encrypted-file-secret-store';
import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store';
import { sign } from '../../../../../src/main/core/signatures/index';
import {
  createWorkbench,
  type Workbench,
  type WorkbenchOptions,
} from '../../../../../src/main/core/workbench';
import type { SignatureScheme } from '../../../../../src/shared/signature-models';
import { call } from '../../../../helpers/call';
import { makeTempDir } from '../../../../helpers/temp-dir';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = '{"type":"CredoAI.use_case_created.v1","data":{"id":"uc_1"}}';

describe('verification per inbox, through the contract', () => {
  const temps: ReturnType<typeof makeTempDir>[] = [];
  const open: Workbench[] = [];
  afterEach(async () => {
    for (const wb of open.splice(0)) await wb.close();
    for (const t of temps.splice(0)) t.remove();
  });

  async function start(
    extra: Partial<WorkbenchOptions> = {},
  ): Promise<{ wb: Workbench; url: string; dir: string }> {
    const temp = makeTempDir();
    temps.push(temp);
    const wb = createWorkbench({
      dataDir: temp.dir,
      mode: 'browser',
      version: 't',
      receiver: { port: 0 },
      ...extra,
    });
    open.push(wb);
    const url = (await wb.start()).url!;
    return { wb, url, dir: temp.dir };
  }

  function signedHeaders(
    scheme: SignatureScheme,
    secret: string,
    body: string,
    timestamp = Math.floor(Date.now() / 1000),
  ) {
    return Object.fromEntries(
      sign(scheme, { secret, options: {} }, { id: 'msg_2Lp', timestamp, body: Buffer.from(body) }),
    );
  }

  async function post(url: string, headers: Record<string, string>, body = BODY): Promise<number> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('saves the secret in the secret store, never in the inbox settings, and shows it masked', async () => {
    const secrets = new MemorySecretStore();
    const { wb, dir } = await start({ secrets, inboxes: ['credo'] });
    const inbox = await call(wb, 'inbox:set-verification', { slug: 'credo', scheme: 'svix', secret: SECRET });
    expect(inbox.verification).toEqual({
      scheme: 'svix',
      options: {},
      secretMasked: 'whsec_MfKQ…(32 chars)',
      source: 'saved',
      problem: null,
    });
    expect(inbox.settings.verification).toMatchObject({
      scheme: 'svix',
      secretRef: expect.stringMatching(/^verification\//) as unknown,
    });
    expect(secrets.get(inbox.settings.verification!.secretRef)).toBe(SECRET);
    expect(JSON.stringify(await call(wb, 'inbox:list'))).not.toContain(SECRET);
    // Neither the database nor its write-ahead log holds it.
    for (const file of ['history.sqlite', 'history.sqlite-wal']) {
      const path = `${dir}/${file}`;
      if (existsSync(path))
        expect(readFileSync(path).includes(Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'))).toBe(false);
    }
    expect(existsSync(`${dir}/history.sqlite-wal`)).toBe(true);
  });

  it('checks every capture at arrival and returns the verdict from history:list and history:get', async () => {
    const { wb, url } = await start({ inboxes: ['credo', 'plain'] });
    await call(wb, 'inbox:set-verification', { slug: 'credo', scheme: 'svix', secret: SECRET });
    const headers = signedHeaders('svix', SECRET, BODY);
    expect(await post(`${url}/hooks/credo`, headers)).toBe(200);
    expect(await post(`${url}/hooks/credo`, headers, JSON.stringify(JSON.parse(BODY), null, 2))).toBe(200);
    expect(await post(`${url}/hooks/credo`, {})).toBe(200);
    expect(await post(`${url}/hooks/plain`, headers)).toBe(200);

    const { items } = await call(wb, 'history:list');
    expect(items.map((c) => [c.inbox, c.signature.verdict])).toEqual([
      ['plain', 'unconfigured'],
      ['credo', 'missing'],
      ['credo', 'invalid'],
      ['credo', 'valid'],
    ]);
    expect(items[0]!.signature).toEqual({ scheme: null, verdict: 'unconfigured', reason: null });
    expect(items[2]!.signature).toEqual({
      scheme: 'svix',
      verdict: 'invalid',
      reason: expect.stringMatching(/matches the body re-serialized as compact JSON/) as unknown,
    });

    const valid = await call(wb, 'history:get', { id: items[3]!.id });
    expect(valid.signature).toEqual({ scheme: 'svix', verdict: 'valid', reason: null });
    expect(valid.verification).toMatchObject({
      cause: null,
      signedContent: `msg_2Lp.${headers['Svix-Timestamp']}.${BODY}`,
      expected: headers['Svix-Signature'],
      received: headers['Svix-Signature'],
      secretMasked: 'whsec_MfKQ…(32 chars)',
    });
    const changed = await call(wb, 'history:get', { id: items[2]!.id });
    expect(changed.verification?.cause).toBe('body-changed');
    expect((await call(wb, 'history:get', { id: items[0]!.id })).verification).toBeNull();

    // The verdict filters the list.
    const invalid = await call(wb, 'history:list', { signature: 'invalid' });
    expect(invalid.items.map((c) => c.id)).toEqual([items[2]!.id]);
  });

  it('keeps the verification when inbox:update sends settings, and clears it on request', async () => {
    const { wb, url } = await start({ inboxes: ['a'] });
    const set = await call(wb, 'inbox:set-verification', {
      slug: 'a',
      scheme: 'github',
      secret: 'gh-secret',
    });
    const updated = await call(wb, 'inbox:update', {
      slug: 'a',
      newSlug: 'a2',
      settings: { ...set.settings, verification: null, deliveryIdHeader: 'X-GitHub-Delivery' },
    });
    expect(updated.verification?.scheme).toBe('github');
    expect(updated.settings.deliveryIdHeader).toBe('X-GitHub-Delivery');
    // Changing options keeps the saved secret.
    const kept = await call(wb, 'inbox:set-verification', {
      slug: 'a2',
      scheme: 'hmac',
      options: { header: 'X-Hub-Signature-256', prefix: 'sha256=' },
    });
    expect(kept.verification).toMatchObject({ scheme: 'hmac', secretMasked: '…(9 chars)' });
    await post(`${url}/hooks/a2`, signedHeaders('github', 'gh-secret', BODY));
    expect((await call(wb, 'history:list', { limit: 1 })).items[0]!.signature.verdict).toBe('valid');

    const cleared = await call(wb, 'inbox:clear-verification', { slug: 'a2' });
    expect(cleared.verification).toBeNull();
    expect(cleared.settings.verification).toBeNull();
    await post(`${url}/hooks/a2`, signedHeaders('github', 'gh-secret', BODY));
    expect((await call(wb, 'history:list', { limit: 1 })).items[0]!.signature.verdict).toBe('unconfigured');
  });

  it('refuses a secret that cannot work, or a missing one, naming the field and not the secret', async () => {
    const { wb } = await start({ inboxes: ['a'] });
    await expect(call(wb, 'inbox:set-verification', { slug: 'a', scheme: 'stripe' })).rejects.toThrow(
      'secret: inbox "a" has no saved secret; give one.',
    );
    const bad = call(wb, 'inbox:set-verification', {
      slug: 'a',
      scheme: 'standard-webhooks',
      secret: 'whsec_no*pe!',
    });
    await expect(bad).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.not.stringContaining('no*pe') as unknown,
    });
    await expect(
      call(wb, 'inbox:set-verification', { slug: 'a', scheme: 'static', secret: 'x' }),
    ).rejects.toThrow(/needs the header name/);
    await expect(
      call(wb, 'inbox:set-verification', { slug: 'zz', scheme: 'github', secret: 'x' }),
    ).rejects.toThrow('There is no inbox "zz".');
  });

  it('without HOOKBENCH_SECRET_KEY a saved secret is refused with what to do; --verify works in memory', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const { wb, url } = await start({
      secrets: EncryptedFileSecretStore.inDataDir(temp.dir, {}),
      verify: [{ inbox: 'cli', spec: { scheme: 'stripe', secret: SECRET, options: {} } }],
    });
    expect(await call(wb, 'secrets:status')).toMatchObject({ kind: 'encrypted-file', writable: false });
    await expect(
      call(wb, 'inbox:set-verification', { slug: 'default', scheme: 'github', secret: 'x' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/set the HOOKBENCH_SECRET_KEY environment variable/) as unknown,
    });
    const cli = (await call(wb, 'inbox:list')).find((i) => i.slug === 'cli');
    expect(cli?.verification).toMatchObject({
      scheme: 'stripe',
      source: 'session',
      secretMasked: 'whsec_MfKQ…(32 chars)',
    });
    await post(`${url}/hooks/cli`, signedHeaders('stripe', SECRET, BODY));
    expect((await call(wb, 'history:list', { limit: 1 })).items[0]!.signature).toEqual({
      scheme: 'stripe',
      verdict: 'valid',
      reason: null,
    });
  });

  it('a saved secret that cannot be read leaves captures unconfigured, saying why', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const key = 'a passphrase of some length';
    const first = await start({
      secrets: EncryptedFileSecretStore.inDataDir(temp.dir, { HOOKBENCH_SECRET_KEY: key }),
      inboxes: ['a'],
    });
    await call(first.wb, 'inbox:set-verification', { slug: 'a', scheme: 'github', secret: 'gh' });
    await first.wb.close();
    open.length = 0;
    const again = createWorkbench({
      dataDir: first.dir,
      mode: 'browser',
      version: 't',
      receiver: { port: 0 },
      secrets: EncryptedFileSecretStore.inDataDir(temp.dir, {
        HOOKBENCH_SECRET_KEY: 'another passphrase entirely',
      }),
    });
    open.push(again);
    const url = (await again.start()).url!;
    const inbox = (await call(again, 'inbox:list')).find((i) => i.slug === 'a');
    expect(inbox?.verification).toMatchObject({
      scheme: 'github',
      secretMasked: null,
      problem: expect.stringMatching(/does not open/) as unknown,
    });
    await post(`${url}/hooks/a`, signedHeaders('github', 'gh', BODY));
    const [capture] = (await call(again, 'history:list', { limit: 1 })).items;
    expect(capture!.signature).toMatchObject({ scheme: 'github', verdict: 'unconfigured' });
    expect(capture!.signature.reason).toMatch(
      /Not checked: this inbox verifies with github, but its secret cannot be read\. HOOKBENCH_SECRET_KEY does not open/,
    );
  });

  it('replay re-signs with a fresh timestamp (same or new id); untouched bytes of an old capture come out expired', async () => {
    const { wb, url } = await start({ inboxes: ['a', 'b'] });
    await call(wb, 'inbox:set-verification', { slug: 'a', scheme: 'svix', secret: SECRET });
    await call(wb, 'inbox:set-verification', { slug: 'b', scheme: 'standard-webhooks', secret: SECRET });
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await post(`${url}/hooks/a`, signedHeaders('svix', SECRET, BODY, hourAgo));
    const [original] = (await call(wb, 'history:list', { inbox: 'a' })).items;
    expect(original!.signature.verdict).toBe('expired');

    const latestOfB = async () => {
      const [capture] = (await call(wb, 'history:list', { inbox: 'b', limit: 1 })).items;
      return call(wb, 'history:get', { id: capture!.id });
    };
    const header = (c: { headers: [string, string][] }, name: string) =>
      c.headers.find(([n]) => n.toLowerCase() === name)?.[1];

    // Untouched: the stale replay is rejected by the receiving side.
    const stale = await call(wb, 'history:replay', { id: original!.id, url: `${url}/hooks/b` });
    expect(stale.status).toBe(200);
    const staleCapture = await latestOfB();
    expect(staleCapture.signature.verdict).toBe('expired');
    expect(header(staleCapture, 'svix-timestamp')).toBe(String(hourAgo));

    // Re-signed with the inbox's secret: fresh timestamp, same message id, valid at the receiving side.
    await call(wb, 'history:replay', { id: original!.id, url: `${url}/hooks/b`, resign: { scheme: 'svix' } });
    const fresh = await latestOfB();
    expect(fresh.signature).toEqual({ scheme: 'standard-webhooks', verdict: 'valid', reason: null });
    expect(header(fresh, 'svix-id')).toBe('msg_2Lp');
    expect(Number(header(fresh, 'svix-timestamp'))).toBeGreaterThan(hourAgo + 3000);
    expect(fresh.deliveryId).toBe('msg_2Lp');

    // A new id, an edited body, a secret given in the request.
    await call(wb, 'history:replay', {
      id: original!.id,
      url: `${url}/hooks/b`,
      bodyBase64: Buffer.from('{"edited":true}').toString('base64'),
      resign: { scheme: 'standard-webhooks', secret: SECRET, newId: true },
    });
    const renamed = await latestOfB();
    expect(renamed.signature.verdict).toBe('valid');
    expect(header(renamed, 'svix-id')).toMatch(/^msg_/);
    expect(header(renamed, 'svix-id')).not.toBe('msg_2Lp');
    expect(renamed.headers.filter(([n]) => /signature/i.test(n))).toHaveLength(1);

    // No secret given and none saved for the capture's inbox: a clear error.
    await call(wb, 'inbox:clear-verification', { slug: 'a' });
    await expect(
      call(wb, 'history:replay', { id: original!.id, url: `${url}/hooks/b`, resign: { scheme: 'svix' } }),
    ).rejects.toThrow(/resign\.secret: give the secret to sign with, or set the verification of inbox "a"/);
  });

  it('exports carry each verdict and never a secret; import keeps the verdict as made at arrival', async () => {
    const { wb, url } = await start({ inboxes: ['credo'] });
    await call(wb, 'inbox:set-verification', { slug: 'credo', scheme: 'svix', secret: SECRET });
    await post(`${url}/hooks/credo`, signedHeaders('svix', SECRET, BODY));
    await post(`${url}/hooks/credo`, signedHeaders('svix', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', BODY));
    for (const format of ['ndjson', 'har'] as const) {
      const { content } = await call(wb, 'history:export', { format });
      expect(content).not.toContain(SECRET);
      expect(content).not.toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
      expect(content).not.toContain('MfKQ…');
    }
    const { content } = await call(wb, 'history:export', { format: 'ndjson' });
    const lines = content
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { signature: unknown });
    expect(lines.map((l) => l.signature)).toEqual([
      { scheme: 'svix', verdict: 'valid', reason: null },
      {
        scheme: 'svix',
        verdict: 'invalid',
        reason: expect.stringMatching(/^No signature matches/) as unknown,
      },
    ]);
    const har = JSON.parse((await call(wb, 'history:export', { format: 'har' })).content) as {
      log: { entries: { _hookbench: { signature: unknown } }[] };
    };
    expect(har.log.entries[0]!._hookbench.signature).toEqual({
      scheme: 'svix',
      verdict: 'valid',
      reason: null,
    });

    const target = await start();
    await call(target.wb, 'history:import', { content });
    const imported = (await call(target.wb, 'history:list')).items;
    expect(imported.map((c) => c.signature.verdict)).toEqual(['invalid', 'valid']);
    const detail = await call(target.wb, 'history:get', { id: imported[0]!.id });
    expect(detail.verification).toMatchObject({
      secretMasked: null,
      expected: null,
      details: [expect.stringMatching(/^Imported/) as unknown],
    });
  });
});
