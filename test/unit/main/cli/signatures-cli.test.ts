import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/index';
import { fakeIo } from '../../../helpers/fake-cli-io';
import { verify } from '../../../../src/main/core/signatures/index';
import type { HeaderPair } from '../../../../src/shared/models';
import { eventually } from '../../../helpers/downstream-server';
import { makeTempDir } from '../../../helpers/temp-dir';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = '{"type":"CredoAI.use_case_created.v1","data":{"id":"uc_1"}}';

/** `Name: value` lines back into header pairs. */
const parseLines = (lines: string[]): HeaderPair[] =>
  lines.map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]);

/** What a command printed, line by line (`listen` writes the lines of a few milliseconds at once). */
const printed = (out: string[]): string[] => out.join('\n').split('\n');

describe('signatures on the command line', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let bodyFile: string;
  beforeEach(() => {
    temp = makeTempDir();
    bodyFile = join(temp.dir, 'body.json');
    writeFileSync(bodyFile, BODY);
  });
  afterEach(() => temp.remove());

  it('sign prints the headers a sender adds, and they verify (file, stdin, --json)', async () => {
    const vector = fakeIo();
    writeFileSync(join(temp.dir, 'vector.json'), '{"test": 2432232314}');
    const args = [
      '--scheme',
      'standard-webhooks',
      '--secret',
      SECRET,
      '--id',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      '--timestamp',
      '1614265330',
    ];
    expect(await runCli(['sign', ...args, join(temp.dir, 'vector.json')], vector.io)).toBe(0);
    expect(vector.out).toEqual([
      'webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp: 1614265330',
      'webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    ]);

    const cases: [string, string, Record<string, unknown>][] = [
      ['svix', SECRET, {}],
      ['stripe', SECRET, {}],
      ['github', 'gh', {}],
      ['slack', 'sl', {}],
      ['shopify', 'sh', {}],
      [
        'hmac',
        'k;header=X-Sig;algorithm=sha512;template={timestamp}.{body};timestamp-header=X-Ts',
        {
          header: 'X-Sig',
          algorithm: 'sha512',
          template: '{timestamp}.{body}',
          timestampHeader: 'X-Ts',
        },
      ],
      ['static', 'XCredasKey=let-me-in', { header: 'XCredasKey' }],
      ['bearer', 'tok', {}],
    ];
    for (const [scheme, secret, options] of cases) {
      const { io, out } = fakeIo({}, Buffer.from(BODY));
      expect(await runCli(['sign', '--scheme', scheme, '--secret', secret, '-'], io), scheme).toBe(0);
      const plainSecret = scheme === 'static' ? 'let-me-in' : secret.split(';')[0]!;
      const v = verify(
        scheme as 'svix',
        { secret: plainSecret, options },
        { headers: parseLines(out), body: Buffer.from(BODY), now: Date.now() },
      );
      expect(v.verdict, `${scheme}: ${v.reason ?? ''}`).toBe('valid');
    }
    const json = fakeIo();
    expect(
      await runCli(
        ['sign', '--scheme', 'github', '--secret', 'gh', '--json', '--id', 'd-1', bodyFile],
        json.io,
      ),
    ).toBe(0);
    const pairs = JSON.parse(json.out[0]!) as HeaderPair[];
    expect(pairs[0]).toEqual(['X-GitHub-Delivery', 'd-1']);
    expect(pairs[1]![0]).toBe('X-Hub-Signature-256');
    // Defaults: a msg_ id and the current time.
    const defaults = fakeIo();
    await runCli(['sign', '--scheme', 'svix', '--secret', SECRET, bodyFile], defaults.io);
    expect(defaults.out[0]).toMatch(/^Svix-Id: msg_\w{24}$/);
    expect(
      Math.abs(Number(defaults.out[1]!.slice('Svix-Timestamp: '.length)) - Date.now() / 1000),
    ).toBeLessThan(5);
  });

  it('sign explains a wrong command line without echoing the secret', async () => {
    const cases: [string[], RegExp, number][] = [
      [['sign', '--secret', 's3cr3t', bodyFile], /--scheme is needed/, 2],
      [['sign', '--scheme', 'svix', bodyFile], /--secret is needed/, 2],
      [
        ['sign', '--scheme', 'svix', '--secret', SECRET],
        /name the body file, or - to read it from standard input/,
        2,
      ],
      [['sign', '--scheme', 'nope', '--secret', 's3cr3t', bodyFile], /"nope" is not a scheme/, 2],
      [
        ['sign', '--scheme', 'svix', '--secret', 'whsec_s3cr3t!', bodyFile],
        /--secret: The part after whsec_ is not base64/,
        2,
      ],
      [
        [
          'sign',
          '--scheme',
          'svix',
          '--secret',
          'whpk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
          bodyFile,
        ],
        /can only verify/,
        2,
      ],
      [
        ['sign', '--scheme', 'svix', '--secret', SECRET, '--timestamp', 'now', bodyFile],
        /--timestamp takes Unix seconds/,
        2,
      ],
      [
        ['sign', '--scheme', 'github', '--secret', 's3cr3t', join(temp.dir, 'missing.json')],
        /Cannot read .*missing\.json: there is no such file/,
        1,
      ],
    ];
    for (const [argv, message, code] of cases) {
      const { io, err } = fakeIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(code);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).not.toContain('s3cr3t');
    }
    const help = fakeIo();
    expect(await runCli(['sign', '--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/Usage: hookbench sign --scheme <scheme> --secret <secret>/);
  });

  it('listen --inbox a --verify marks a signed request valid and a tampered one invalid, with the reason', async () => {
    const { io, out, err, stop } = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
    const running = runCli(
      [
        'listen',
        '--port',
        '0',
        '--inbox',
        'a',
        '--verify',
        `standard-webhooks:${SECRET}`,
        '--inbox',
        'plain',
      ],
      io,
    );
    await eventually(() => expect(out[0]).toMatch(/^http:/));
    const url = out[0]!;
    await eventually(() => expect(err).toHaveLength(2));
    expect(err[0]).toBe(
      `Inbox a: ${url}/hooks/a (verifies standard-webhooks with whsec_MfKQ…(32 chars), from --verify)`,
    );
    expect(err[1]).toBe(`Inbox plain: ${url}/hooks/plain`);

    const signer = fakeIo();
    await runCli(['sign', '--scheme', 'standard-webhooks', '--secret', SECRET, bodyFile], signer.io);
    const headers = Object.fromEntries(parseLines(signer.out));
    await fetch(`${url}/hooks/a`, { method: 'POST', headers, body: BODY });
    await eventually(() => expect(printed(out)).toHaveLength(2));
    expect(printed(out)[1]).toMatch(/ {2}sig:valid {2}#1$/);
    await fetch(`${url}/hooks/a`, { method: 'POST', headers, body: BODY.replace('uc_1', 'uc_2') });
    await eventually(() => expect(printed(out)).toHaveLength(3));
    expect(printed(out)[2]).toMatch(
      / {2}sig:invalid {2}#2 {2}No signature matches: the secret is probably not the one/,
    );
    await fetch(`${url}/hooks/plain`, { method: 'POST', headers, body: BODY });
    await eventually(() => expect(printed(out)).toHaveLength(4));
    expect(printed(out)[3]).toMatch(/ {2}#3$/);
    expect(out.join('\n') + err.join('\n')).not.toContain(SECRET);
    stop.abort();
    expect(await running).toBe(0);
  });

  it('listen --json lines carry signature; --verify before any --inbox applies to default', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(
      ['listen', '--port', '0', '--json', '--verify', 'github:gh-secret', '--data-dir', temp.dir],
      io,
    );
    await eventually(() => expect(out[0]).toMatch(/^http:/));
    await fetch(`${out[0]!}/hooks/default`, { method: 'POST', body: BODY });
    await eventually(() => expect(out).toHaveLength(2));
    expect(JSON.parse(out[1]!)).toMatchObject({
      signature: {
        scheme: 'github',
        verdict: 'missing',
        reason: 'The request has no X-Hub-Signature-256 header.',
      },
    });
    stop.abort();
    expect(await running).toBe(0);
  });

  it('refuses a bad --verify, naming the inbox and never the secret', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['listen', '--verify', 'github:s3cr3t', '--verify', 'stripe:s3cr3t'],
        /--verify was given twice for inbox default; give one per --inbox/,
      ],
      [['listen', '--inbox', 'x', '--verify', 'md5:s3cr3t'], /--verify for inbox x: "md5" is not a scheme/],
      [['serve', '--inbox', 'x', '--verify', 's3cr3t'], /--verify for inbox x: write <scheme>:<secret>/],
      [['listen', '--verify', 'standard-webhooks:whsec_s3cr3t*'], /The part after whsec_ is not base64/],
    ];
    for (const [argv, message] of cases) {
      const { io, err } = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
      expect(await runCli(argv, io)).toBe(2);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).not.toContain('s3cr3t');
    }
  });

  it('history list/export --json carry signature; --signature filters; show explains the check; no secret', async () => {
    const listen = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
    const running = runCli(
      ['listen', '--port', '0', '--inbox', 'credo', '--verify', `svix:${SECRET}`],
      listen.io,
    );
    await eventually(() => expect(listen.out[0]).toMatch(/^http:/));
    const signer = fakeIo();
    await runCli(['sign', '--scheme', 'svix', '--secret', SECRET, bodyFile], signer.io);
    const headers = Object.fromEntries(parseLines(signer.out));
    await fetch(`${listen.out[0]!}/hooks/credo`, { method: 'POST', headers, body: BODY });
    await fetch(`${listen.out[0]!}/hooks/credo`, { method: 'POST', headers, body: `${BODY}\n` });
    await eventually(() => expect(printed(listen.out)).toHaveLength(3));
    listen.stop.abort();
    await running;

    const run = async (...argv: string[]) => {
      const io = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
      expect(await runCli(argv, io.io)).toBe(0);
      return io.out;
    };
    const listed = (await run('history', 'list', '--json')).map(
      (l) => JSON.parse(l) as { signature: unknown },
    );
    expect(listed.map((c) => c.signature)).toEqual([
      {
        scheme: 'svix',
        verdict: 'invalid',
        reason:
          'The signature matches the body without its final newline, not the body as it arrived: the body was changed after signing (final newline changed).',
      },
      { scheme: 'svix', verdict: 'valid', reason: null },
    ]);
    const table = await run('history', 'list', '--signature', 'valid');
    expect(table[1]).toMatch(/ valid$/);
    expect(table.at(-1)).toBe('1 capture of 1, newest first.');
    const exported = (await run('history', 'export')).join('\n');
    expect(exported).not.toContain(SECRET);
    expect(
      exported
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { signature: unknown }).signature),
    ).toEqual([
      { scheme: 'svix', verdict: 'valid', reason: null },
      expect.objectContaining({ verdict: 'invalid' }),
    ]);
    const shown = (await run('history', 'show', '2')).join('\n');
    expect(shown).toMatch(
      /Signature \(svix\): invalid — The signature matches the body without its final newline/,
    );
    expect(shown).toMatch(/ {2}cause: body-changed\n {2}secret: whsec_MfKQ…\(32 chars\)\n {2}expected: v1,/);
    expect(shown).toMatch(/ {2}signed content: "msg_\w+\.\d+\.\{\\"type\\"/);
    expect(shown).not.toContain(SECRET);
    const bad = fakeIo({ HOOKBENCH_DATA_DIR: temp.dir });
    expect(await runCli(['history', 'list', '--signature', 'good'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(
      /--signature must be one of valid, invalid, expired, missing, unconfigured/,
    );
  });

  it('serve --verify prints how each inbox verifies', async () => {
    const { io, out, stop } = fakeIo();
    const running = runCli(
      [
        'serve',
        '--port',
        '0',
        '--ui-port',
        '0',
        '--data-dir',
        temp.dir,
        '--inbox',
        'shop',
        '--verify',
        'shopify:shpss_0123456789abcdef',
      ],
      io,
    );
    await eventually(() => expect(out.some((l) => l.startsWith('Inbox shop'))).toBe(true));
    expect(out.find((l) => l.startsWith('Inbox shop'))).toMatch(
      /\(verifies shopify with shpss_0123…\(16 chars\), from --verify\)$/,
    );
    stop.abort();
    expect(await running).toBe(0);
  });
});
