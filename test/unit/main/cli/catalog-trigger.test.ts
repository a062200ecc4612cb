import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { startDownstream } from '../../../helpers/downstream-server';
import { makeTempDir } from '../../../helpers/temp-dir';

function headerOf(raw: string[], name: string): string | undefined {
  const at = raw.findIndex((h) => h.toLowerCase() === name);
  return at === -1 ? undefined : raw[at + 1];
}

describe('hookbench catalog and trigger', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let down: Awaited<ReturnType<typeof startDownstream>>;
  beforeEach(async () => {
    temp = makeTempDir();
    down = await startDownstream((req) => ({
      status: req.url.includes('fail') ? 500 : 204,
      headers: { 'X-Seen': 'yes' },
    }));
  });
  afterEach(async () => {
    await down.close();
    temp.remove();
  });

  const run = async (argv: string[], stdin = '') => {
    const f = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir }, stdin);
    const code = await runCli(argv, f.io);
    return { code, out: f.out.join('\n'), err: f.err.join('\n') };
  };

  it('lists every event, by provider, with its status', async () => {
    const all = await run(['catalog', 'list']);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^credo-ai — Credo AI webhooks \(15 events\)$/m);
    expect(all.out).toMatch(/use_case_governance_status_updated\s+deprecated\s+Governance lifecycle stage/);
    expect(all.out).toMatch(/screening\.completed\s+no payload doc/);
    const one = await run(['catalog', 'list', '--provider', 'credas', '--json']);
    const parsed = JSON.parse(one.out) as { id: string; events: { name: string }[] }[];
    expect(parsed.map((p) => [p.id, p.events.map((e) => e.name)])).toEqual([
      ['credas', ['process.completed', 'status.update']],
    ]);
    const bad = await run(['catalog', 'list', '--provider', 'stripe']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /No provider "stripe" in the catalogue\. Known: compliance-platform-v1, credas, credo-ai/,
    );
  });

  it('shows an event and a provider, as text and JSON', async () => {
    const text = await run(['catalog', 'show', 'use_case_governance_status_updated']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/DEPRECATED:/);
    expect(text.out).toMatch(/Type field: CredoAI\.use_case_governance_status_updated\.v1/);
    const json = await run(['catalog', 'show', 'CredoAI.use_case_review_status_updated.v1', '--json']);
    const event = JSON.parse(json.out) as { provider: string; name: string; aliases: string[] };
    expect(event).toMatchObject({
      provider: 'credo-ai',
      name: 'use_case_review_status_updated',
      aliases: ['use_case_review_status_update'],
    });
    const provider = await run(['catalog', 'show', '--provider', 'compliance-platform-v1']);
    expect(provider.out).toMatch(/POST\s+\/api\/v1\/webhooks\/test\//);
    expect(provider.out).toMatch(/maybe standard-webhooks or stripe/);
    const unknown = await run(['catalog', 'show', 'use_case_review_coment']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/did you mean "use_case_review_comment"/);
    expect((await run(['catalog', 'show'])).code).toBe(2);
    expect((await run(['catalog', 'frob'])).code).toBe(2);
    const help = await run(['help', 'catalog']);
    expect(help.out).toMatch(/Usage: hookbench catalog/);
  });

  it('imports a spec into the data directory, where list finds it', async () => {
    const file = join(temp.dir, 'acme.json');
    writeFileSync(
      file,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Acme', version: '1' },
        webhooks: { 'order.paid': { post: { summary: 'An order was paid' } } },
      }),
    );
    const imported = await run(['catalog', 'import', file]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported acme — Acme: 1 events/);
    expect(imported.err).toMatch(/no payload schema/);
    const list = await run(['catalog', 'list', '--provider', 'acme']);
    expect(list.out).toMatch(/acme — Acme \(1 events, imported\)/);
    writeFileSync(file, '{"openapi": "3.1.0",');
    const broken = await run(['catalog', 'import', file]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/acme\.json: not valid JSON \(line 1/);
  });

  it('triggers an event at a URL with the envelope, headers and signature', async () => {
    const result = await run([
      'trigger',
      'use_case_review_comment',
      '--to',
      `${down.url}/hook`,
      '--prefix',
      'Acme',
      '--suffix',
      '',
      '--sign',
      'svix:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      '--header',
      'X-Env: test',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Sent use_case_review_comment \(credo-ai\) to http:\/\/127\.0\.0\.1:\d+\/hook as msg_/m,
    );
    expect(result.out).toMatch(/attempt 1: 204 in [\d.]+ ms/);
    expect(result.out).toMatch(/x-seen: yes/);
    const [seen] = down.seen;
    const body = JSON.parse(seen?.body.toString() ?? '{}') as { type: string; data: { useCaseId: string } };
    expect(body.type).toBe('Acme.use_case_review_comment');
    expect(body.data.useCaseId).toMatch(/^[2-9A-HJ-NP-Za-km-z]{22}$/);
    expect(headerOf(seen?.rawHeaders ?? [], 'x-env')).toBe('test');
    expect(headerOf(seen?.rawHeaders ?? [], 'svix-signature')).toMatch(/^v1,/);
    expect(headerOf(seen?.rawHeaders ?? [], 'user-agent')).toBe('Svix-Webhooks/1.23.0');
  });

  it('sends a body from stdin and prints JSON; a failing answer exits 1', async () => {
    const json = await run(
      ['trigger', 'process.completed', '--to', `${down.url}/fail`, '--body', '-', '--json'],
      '{"ProcessId":"p"}',
    );
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as {
      state: string;
      body: string;
      attempts: { exchange: { status: number } }[];
    };
    expect(parsed.state).toBe('failed');
    expect(parsed.body).toBe('{"ProcessId":"p"}');
    expect(parsed.attempts[0]?.exchange.status).toBe(500);
  });

  it('retries with a compressed schedule', async () => {
    const r = await run([
      'trigger',
      'process.completed',
      '--to',
      `${down.url}/fail`,
      '--retry',
      '0,1,1',
      '--compress',
      '1000',
    ]);
    expect(r.code).toBe(1);
    expect(r.out.match(/attempt \d: 500/g)).toHaveLength(3);
    expect(new Set(down.seen.map((s) => headerOf(s.rawHeaders, 'webhook-id'))).size).toBe(1);
  });

  it('bulk fires with --count and --concurrency and prints the summary', async () => {
    const text = await run([
      'trigger',
      'use_case_name_updated',
      '--to',
      `${down.url}/bulk`,
      '--count',
      '50',
      '--concurrency',
      '5',
    ]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Sent 50 use_case_name_updated to .* at concurrency 5 in [\d.]+ s/);
    expect(text.out).toMatch(/ok 50, errors 0/);
    expect(text.out).toMatch(/latency ms: p50 [\d.]+ {2}p95 [\d.]+ {2}p99 [\d.]+/);
    expect(text.out).toMatch(/[\d.]+ requests\/s/);
    const json = await run([
      'trigger',
      'use_case_name_updated',
      '--to',
      `${down.url}/fail`,
      '--count',
      '10',
      '--json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ sent: 10, ok: 0, errors: 10, statusCounts: { 500: 10 } });
  });

  it('exits 2 with the nearest names for an unknown event, and for bad flags', async () => {
    const unknown = await run(['trigger', 'onboarding.complete', '--to', down.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /hookbench trigger: No provider documents an event "onboarding\.complete"; did you mean "onboarding\.completed", /,
    );
    const cases: [string[], RegExp][] = [
      [['trigger', 'use_case_name_updated'], /--to <url> is needed/],
      [['trigger', '--to', down.url], /name the event type/],
      [['trigger', 'use_case_name_updated', '--to', 'ftp://x'], /--to takes a http/],
      [
        ['trigger', 'use_case_name_updated', '--to', down.url, '--count', '0'],
        /--count must be a whole number/,
      ],
      [
        ['trigger', 'use_case_name_updated', '--to', down.url, '--concurrency', '3'],
        /--concurrency applies to --count/,
      ],
      [['trigger', 'use_case_name_updated', '--to', down.url, '--sign', 'nope:x'], /--sign:/],
      [
        ['trigger', 'use_case_name_updated', '--to', down.url, '--header', 'bad'],
        /--header takes "Name: value"/,
      ],
      [['trigger', 'all', '--to', down.url, '--provider', 'compliance-platform-v1'], /subscription wildcard/],
      [
        ['trigger', 'process.completed', '--to', down.url, '--provider', 'credo-ai'],
        /credo-ai documents no event/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(down.seen).toHaveLength(0);
  });
});
