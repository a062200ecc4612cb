import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { Catalog } from '../../../../src/main/core/catalog/catalog';
import { defaultCatalogDir } from '../../../../src/main/core/catalog/catalog-paths';
import { createWorkbench } from '../../../../src/main/core/workbench';
import { makeTempDir } from '../../../helpers/temp-dir';

const catalog = new Catalog({ builtinDir: defaultCatalogDir(), userDir: null });
const FULL = catalog
  .get('credo-ai')
  .byName.get('use_case_review_status_updated')!
  .info.examples.find((e) => e.name === 'full-delivery')!.value as Record<string, unknown>;
const CREDAS = catalog.get('credas').byName.get('process.completed')!.info.examples[0]!.value as Record<
  string,
  unknown
>;

describe('hookbench check', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'data');
  });
  afterEach(() => temp.remove());

  async function run(argv: string[], stdin = '') {
    const io = fakeIo({ HOOKBENCH_DATA_DIR: dataDir }, stdin);
    const code = await runCli(argv, io.io);
    return { code, out: io.out, text: io.out.join('\n'), errors: io.err.join('\n') };
  }
  const file = (name: string, content: unknown): string => {
    const path = join(temp.dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('exits 0 when the payload conforms and prints exactly the documented --json object', async () => {
    const { code, out } = await run([
      'check',
      file('ok.json', { ...FULL, data: { ...(FULL.data as object), extra: 1 } }),
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const printed = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['provider', 'eventType', 'conforms', 'findings']);
    expect(printed).toEqual({
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      conforms: true,
      findings: [
        {
          path: 'data.extra',
          kind: 'undocumented',
          severity: 'warning',
          message:
            '`data.extra` (a whole number) is not in the documentation of use_case_review_status_updated.',
        },
      ],
    });
    for (const finding of printed.findings as Record<string, unknown>[])
      expect(Object.keys(finding)).toEqual(['path', 'kind', 'severity', 'message']);
  });

  it('exits 1 when it deviates, listing the findings', async () => {
    const { code, text } = await run(['check', file('bad.json', { ...CREDAS, Status: '2', Extra: true })]);
    expect(code).toBe(1);
    expect(text).toMatch(/^credas process\.completed: deviates \(1 error, 1 warning\)/);
    expect(text).toMatch(
      /error\s+type\s+Status\s+`Status` is "2" \(a string\); the documentation says a whole number\./,
    );
    expect(text).toMatch(/warning\s+undocumented\s+Extra/);
  });

  it('exits 2 when unidentified (with the closest candidates) or not JSON; provider and eventType are null', async () => {
    const unknown = await run([
      'check',
      file('x.json', { type: 'CredoAI.use_case_review_comments.v1', data: {} }),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.out.slice(0, 2)).toEqual([
      'unidentified: no documented event matches this payload.',
      'Closest:',
    ]);
    expect(unknown.out[2]).toMatch(
      /^ {2}credo-ai use_case_review_comment \(\d+%\): type "CredoAI\.use_case_review_comments\.v1" is close to use_case_review_comment/,
    );
    const json = await run(['check', file('y.json', { hello: 'world' }), '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0]!)).toEqual({
      provider: null,
      eventType: null,
      conforms: false,
      findings: [],
    });
    const notJson = await run(['check', file('z.txt', 'hello'), '--json']);
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.out[0]!)).toMatchObject({
      provider: null,
      eventType: null,
      conforms: false,
      findings: [{ path: '', kind: 'not-json', severity: 'error' }],
    });
    expect((await run(['check', file('z.txt', 'hello')])).text).toMatch(/^not JSON: The body is not JSON: /);
  });

  it('reads standard input with -, and checks a double-encoded body', async () => {
    const { code, out } = await run(['check', '-', '--json'], JSON.stringify(JSON.stringify(CREDAS)));
    expect(code).toBe(1);
    expect(JSON.parse(out[0]!)).toMatchObject({
      eventType: 'process.completed',
      findings: [{ path: '', kind: 'type' }],
    });
  });

  it('forces the event with --event and --provider; unknown names are usage errors with suggestions', async () => {
    const body = file('c.json', CREDAS);
    const forced = await run(['check', body, '--event', 'use_case_review_comment', '--json']);
    expect(forced.code).toBe(1);
    expect(JSON.parse(forced.out[0]!)).toMatchObject({
      provider: 'credo-ai',
      eventType: 'use_case_review_comment',
    });
    const typo = await run(['check', body, '--event', 'process.complete']);
    expect(typo.code).toBe(2);
    expect(typo.errors).toMatch(/did you mean "process\.completed"/);
    const provider = await run(['check', body, '--provider', 'credo-ai', '--json']);
    expect(provider.code).toBe(2);
    expect((await run(['check', body, '--provider', 'nope'])).errors).toMatch(/No provider "nope"/);
  });

  it('explains a wrong command line (exit 2)', async () => {
    expect((await run(['check'])).errors).toMatch(
      /name the payload file, or - to read it from standard input/,
    );
    const missing = await run(['check', join(temp.dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.errors).toMatch(/Cannot read .*nope\.json: there is no such file/);
    expect((await run(['check', '--history', 'x.json'])).code).toBe(2);
    expect((await run(['check', '--help'])).text).toMatch(/^Usage: hookbench check <file\|->/);
  });

  it('--history checks stored captures and summarises them, as text or one JSON object', async () => {
    const wb = createWorkbench({ dataDir, mode: 'browser', version: 't' });
    const line = (n: number, body: string) =>
      JSON.stringify({
        inbox: 'default',
        receivedAt: new Date(Date.UTC(2025, 7, 8, 12, 0, n)).toISOString(),
        method: 'POST',
        url: '/hooks/default',
        httpVersion: '1.1',
        headers: [['Content-Type', 'application/json']],
        bodyBase64: Buffer.from(body).toString('base64'),
        remoteAddress: null,
        response: { status: 200, headers: [], bodyBase64: '' },
      });
    await wb.handlers['history:import']({
      content: [
        line(1, JSON.stringify(FULL)),
        line(2, JSON.stringify({ ...CREDAS, Status: 'done' })),
        line(3, JSON.stringify({ ...CREDAS, Status: 'done' })),
        line(4, 'not json'),
        line(5, '{"hello":"world"}'),
      ].join('\n'),
      filename: 'seed.ndjson',
    });
    await wb.close();

    const json = await run(['check', '--history', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    expect(json.out).toHaveLength(1);
    const summary = JSON.parse(json.out[0]!) as { findings: unknown[] };
    expect(summary).toMatchObject({
      total: 5,
      verdicts: { conforms: 1, deviates: 2, unidentified: 1, 'not-json': 1, pending: 0 },
      events: [
        { provider: 'credas', eventType: 'process.completed', count: 2, deviates: 2 },
        { provider: 'credo-ai', eventType: 'use_case_review_status_updated', count: 1, deviates: 0 },
      ],
      rechecked: 5,
    });
    expect(summary.findings[0]).toMatchObject({ path: 'Status', kind: 'type', severity: 'error', count: 2 });

    const text = await run(['check', '--history']);
    expect(text.code).toBe(0);
    expect(text.out[0]).toMatch(/^5 captures, checked against catalogue c1-[0-9a-f]{16}\.$/);
    expect(text.text).toMatch(/deviates\s+2/);
    expect(text.text).toMatch(/By event type:\n\s+credas\s+process\.completed\s+2\s+2 deviate/);
    expect(text.text).toMatch(
      /Most frequent findings:\n\s+2\s+error\s+type\s+Status\s+credas process\.completed/,
    );

    const list = await run(['history', 'list', '--check', 'deviates', '--json']);
    expect(list.out.map((l) => (JSON.parse(l) as { check: { verdict: string } }).check.verdict)).toEqual([
      'deviates',
      'deviates',
    ]);
    expect((await run(['history', 'list', '--check', 'bad'])).errors).toMatch(
      /--check must be one of conforms, deviates/,
    );
    const shown = await run(['history', 'show', '2']);
    expect(shown.text).toMatch(
      /\nCheck: deviates — credas process\.completed \(1 error\)\n {2}error type Status: `Status` is "done" \(a string\); the documentation says a whole number\.\n/,
    );
  });
});
