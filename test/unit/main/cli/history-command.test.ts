import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { createWorkbench } from '../../../../src/main/core/workbench';
import type { CaptureDetail, CaptureSummary } from '../../../../src/shared/models';
import { eventually } from '../../../helpers/downstream-server';
import { makeTempDir } from '../../../helpers/temp-dir';

/** One NDJSON line as export writes it (the fields import requires, plus a few optional ones). */
function line(n: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: n,
    inbox: 'default',
    receivedAt: new Date(Date.UTC(2024, 4, 1, 12, 0, n)).toISOString(),
    method: 'POST',
    url: `/hooks/default/${n}?q=${n}`,
    httpVersion: '1.1',
    headers: [
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer t0ken'],
    ],
    bodyBase64: Buffer.from(JSON.stringify({ n, word: `word${n}` })).toString('base64'),
    remoteAddress: '127.0.0.1',
    response: { status: 200, headers: [['Content-Type', 'application/json']], bodyBase64: 'e30=' },
    ...extra,
  });
}

describe('hookbench history', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'data');
  });
  afterEach(() => temp.remove());

  async function run(...argv: string[]) {
    const io = fakeIo({ HOOKBENCH_DATA_DIR: dataDir });
    const code = await runCli(argv, io.io);
    return { code, out: io.out, err: io.err, text: io.out.join('\n'), errors: io.err.join('\n') };
  }

  /** Three captures in `default`, one (404, GET) in inbox `other`. */
  async function seed(): Promise<void> {
    const wb = createWorkbench({ dataDir, mode: 'browser', version: 't', inboxes: ['other'] });
    await wb.close();
    const file = join(temp.dir, 'seed.ndjson');
    const other = line(4, {
      inbox: 'other',
      method: 'GET',
      url: '/hooks/other/x',
      bodyBase64: '',
      headers: [],
      response: { status: 404, headers: [], bodyBase64: '' },
      pinned: true,
    });
    writeFileSync(
      file,
      [line(1), line(2), line(3, { bodyBase64: Buffer.from([0xff, 0x00]).toString('base64') }), other].join(
        '\n',
      ),
    );
    const imported = await run('history', 'import', file);
    expect(imported).toMatchObject({ code: 0, out: [`Imported 4 captures from ${file}`] });
  }

  it('lists captures newest first as a table or as JSON lines, filtered', async () => {
    await seed();
    const table = await run('history', 'list');
    expect(table.code).toBe(0);
    expect(table.out[0]).toMatch(/^ID {2}TIME +METHOD {2}INBOX +URL +STATUS {2}TYPE +SIZE +SIGNATURE$/);
    expect(table.out[1]).toMatch(
      /^ 4 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}GET +other +\/hooks\/other\/x +404 +- +0 B +-$/,
    );
    expect(table.out[4]).toMatch(
      /^ 1 .* POST +default +\/hooks\/default\/1\?q=1 +200 +application\/json +\d+ B +-$/,
    );
    expect(table.out.at(-1)).toBe('4 captures of 4, newest first.');

    const json = await run('history', 'list', '--json', '--limit', '2');
    const rows = json.out.map((l) => JSON.parse(l) as CaptureSummary);
    expect(rows.map((r) => r.id)).toEqual([4, 3]);
    expect(rows[0]).toMatchObject({ inbox: 'other', method: 'GET', status: 404, pinned: true });

    const ids = async (...flags: string[]) =>
      (await run('history', 'list', '--json', ...flags)).out.map((l) => (JSON.parse(l) as CaptureSummary).id);
    expect(await ids('--inbox', 'other')).toEqual([4]);
    expect(await ids('--status', '4xx')).toEqual([4]);
    expect(await ids('--status', '200')).toEqual([3, 2, 1]);
    expect(await ids('--method', 'get')).toEqual([4]);
    expect(await ids('--text', 'word2')).toEqual([2]);

    const more = await run('history', 'list', '--limit', '1');
    expect(more.out.at(-1)).toBe('1 capture of 4, newest first. --limit shows more.');
    expect((await run('history', 'list', '--text', 'nothing-like-this')).out).toEqual(['No captures match.']);
  });

  it('shows one capture as text (pretty JSON, binary note, response) or as JSON', async () => {
    await seed();
    const shown = await run('history', 'show', '2');
    expect(shown.code).toBe(0);
    expect(shown.out[0]).toBe('#2  POST /hooks/default/2?q=2  HTTP/1.1');
    expect(shown.text).toContain(
      'Request headers:\n  Content-Type: application/json\n  Authorization: Bearer t0ken',
    );
    expect(shown.text).toContain('{\n  "n": 2,\n  "word": "word2"\n}');
    expect(shown.text).toContain('Response 200 after 0 ms:\n  Content-Type: application/json\n\n{}');

    const binary = await run('history', 'show', '#3');
    expect(binary.text).toContain('(binary body, 2 B: not shown; use --json to get it as base64)');

    const json = await run('history', 'show', '3', '--json');
    const detail = JSON.parse(json.out[0]!) as CaptureDetail;
    expect(detail).toMatchObject({
      id: 3,
      bodyBase64: '/wA=',
      headers: [
        ['Content-Type', 'application/json'],
        ['Authorization', 'Bearer t0ken'],
      ],
    });

    const missing = await run('history', 'show', '99');
    expect(missing.code).toBe(1);
    expect(missing.errors).toBe('hookbench: There is no capture with id 99.');
  });

  it('exports NDJSON to stdout and HAR to a file, redacting on request', async () => {
    await seed();
    const stdout = await run('history', 'export', '--inbox', 'default');
    expect(stdout.code).toBe(0);
    expect(stdout.out).toHaveLength(1);
    const lines = stdout.out[0]!.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2, 3]);
    expect(stdout.err).toEqual([]);

    const redacted = await run('history', 'export', '--redact');
    expect(redacted.text).toContain('["Authorization","[redacted]"]');
    expect(redacted.text).not.toContain('t0ken');

    const out = join(temp.dir, 'out', 'captures.har');
    const missingFolder = await run('history', 'export', '--format', 'har', '--out', out);
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.errors).toContain(`Cannot write ${out}: there is no such file or folder.`);

    const file = join(temp.dir, 'captures.har');
    writeFileSync(file, 'old content');
    const har = await run('history', 'export', '--format', 'har', '--out', file);
    expect(har).toMatchObject({ code: 0, out: [], err: [`Exported 4 captures to ${file}`] });
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { log: { version: string; entries: unknown[] } };
    expect(parsed.log.version).toBe('1.2');
    expect(parsed.log.entries).toHaveLength(4);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const empty = await run('history', 'export', '--text', 'nothing-like-this');
    expect(empty).toMatchObject({ code: 0, out: [], err: ['No captures matched: the export is empty.'] });
  });

  it('imports an export into another data directory, and refuses bad files whole', async () => {
    await seed();
    const exported = (await run('history', 'export')).out[0]!;
    const file = join(temp.dir, 'all.ndjson');
    writeFileSync(file, exported);
    const otherDir = join(temp.dir, 'other-data');
    const imported = await run('history', 'import', file, '--data-dir', otherDir, '--json');
    expect(imported).toMatchObject({ code: 0, out: ['{"imported":4}'] });
    const copy = await run('history', 'export', '--data-dir', otherDir);
    // Lossless: the copy exports the same lines (ids aside), inbox "other" included (created on import).
    expect(copy.out[0]!.replace(/"id":\d+,/g, '')).toBe(exported.replace(/"id":\d+,/g, ''));

    const bad = join(temp.dir, 'bad.ndjson');
    writeFileSync(
      bad,
      [line(1), line(2), line(3, { response: { status: 'ok', headers: [], bodyBase64: '' } })].join('\n'),
    );
    const refused = await run('history', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.errors).toBe(
      `hookbench: ${bad}: line 3: field response.status: expected a number, got a string`,
    );
    expect((await run('history', 'list', '--json')).out).toHaveLength(4);

    const missing = join(temp.dir, 'nope.ndjson');
    const notThere = await run('history', 'import', missing);
    expect(notThere.code).toBe(1);
    expect(notThere.errors).toBe(`hookbench: Cannot read ${missing}: there is no such file or folder.`);
  });

  it('clears only with --yes, keeping pinned captures unless asked', async () => {
    await seed();
    const refused = await run('history', 'clear');
    expect(refused.code).toBe(2);
    expect(refused.errors).toMatch(/clear would delete 3 captures for good; add --yes to delete them/);
    expect((await run('history', 'list', '--json')).out).toHaveLength(4);

    const inbox = await run('history', 'clear', '--inbox', 'default', '--yes');
    expect(inbox).toMatchObject({ code: 0, out: ['Deleted 3 captures of inbox default.'] });
    const kept = await run('history', 'clear', '--yes');
    expect(kept.out).toEqual([
      'Deleted 0 captures; kept 1 pinned capture (add --include-pinned to delete it too).',
    ]);
    const all = await run('history', 'clear', '--yes', '--include-pinned', '--json');
    expect(all.out).toEqual(['{"deleted":1}']);
    expect((await run('history', 'list')).out).toEqual(['No captures yet.']);
  });

  it('exits 2 for bad subcommands, flags and values, and 1 for an unknown inbox', async () => {
    const cases: [string[], RegExp][] = [
      [['history'], /hookbench history: Name what to do: list, show, export, import, clear/],
      [['history', 'frob'], /Unknown subcommand "frob"/],
      [['history', 'list', '--bogus'], /hookbench history list: Unknown option --bogus/],
      [['history', 'list', '--limit', '0'], /--limit must be a whole number from 1/],
      [['history', 'list', '--status', '99x'], /--status must be a status/],
      [['history', 'list', '--inbox', 'Not A Slug'], /--inbox "Not A Slug" is not a valid inbox slug/],
      [['history', 'list', 'extra'], /Unexpected argument extra/],
      [['history', 'show'], /show needs a capture id/],
      [['history', 'show', 'abc'], /A capture id is a whole number from 1, not "abc"/],
      [['history', 'export', '--format', 'csv'], /--format must be ndjson or har, not "csv"/],
      [['history', 'export', '--json'], /Unknown option --json/],
      [['history', 'import'], /import needs a file/],
      [['history', 'import', 'a', 'b'], /Unexpected argument b/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.errors).toMatch(message);
      expect(result.errors).toContain('--help');
    }
    const unknown = await run('history', 'list', '--inbox', 'ghost');
    expect(unknown.code).toBe(1);
    expect(unknown.errors).toMatch(/There is no inbox "ghost" in .*\. Inboxes: default\./);
  });

  it('prints help for history and each subcommand', async () => {
    for (const argv of [
      ['history', '--help'],
      ['help', 'history'],
      ['history', 'export', '-h'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(result.text).toMatch(/^Usage: hookbench history <list\|show\|export\|import\|clear>/);
      expect(result.text).toContain('--format <format>');
    }
    expect((await run('--help')).text).toMatch(
      /history {3}List, show, export, import and clear stored captures/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('listen --inbox creates each inbox and prints its URL on stderr; a bad slug exits 2', async () => {
    const { io, out, err, stop } = fakeIo();
    const running = runCli(
      ['listen', '--port', '0', '--data-dir', dataDir, '--inbox', 'a', '--inbox', 'b-2'],
      io,
    );
    await eventually(() => expect(err).toHaveLength(2));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(err).toEqual([`Inbox a: ${out[0]!}/hooks/a`, `Inbox b-2: ${out[0]!}/hooks/b-2`]);
    stop.abort();
    expect(await running).toBe(0);

    const wb = createWorkbench({ dataDir, mode: 'browser', version: 't' });
    const slugs = (await wb.handlers['inbox:list']({})).map((i) => i.slug);
    await wb.close();
    expect(slugs).toEqual(expect.arrayContaining(['default', 'a', 'b-2']));

    for (const command of ['listen', 'serve']) {
      const bad = await run(command, '--port', '0', '--inbox', 'ok', '--inbox', 'Bad_Slug');
      expect(bad.code).toBe(2);
      expect(bad.errors).toMatch(
        new RegExp(`hookbench ${command}: --inbox "Bad_Slug" is not a valid inbox slug`),
      );
    }
  });

  it('serve --inbox prints each inbox URL after the data directory', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(['serve', '--port', '0', '--data-dir', dataDir, '--inbox', 'shop'], io);
    await eventually(() => expect(out.length).toBeGreaterThanOrEqual(5));
    expect(out[0]).toMatch(/^Receiver: http:/);
    expect(out[3]).toBe(`Inbox shop: ${out[0]!.slice('Receiver: '.length)}/hooks/shop`);
    stop.abort();
    expect(await running).toBe(0);
  });
});
