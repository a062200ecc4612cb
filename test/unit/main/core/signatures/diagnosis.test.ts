import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../../../src/main/core/signatures/mask-secret';
import { sign, verify } from '../../../../../src/main/core/signatures/index';
import type { HeaderPair } from '../../../../../src/shared/models';
import type { SignatureScheme } from '../../../../../src/shared/signature-models';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_700_000_000_000;
const T = NOW / 1000;
const BODY = Buffer.from('{"type":"CredoAI.use_case_created.v1","data":{"id":"uc_1","name":"Zoë"}}');

function signed(scheme: SignatureScheme, secret: string, body: Buffer = BODY, timestamp = T): HeaderPair[] {
  return sign(scheme, { secret, options: {} }, { id: 'msg_1', timestamp, body });
}
function check(
  scheme: SignatureScheme,
  headers: HeaderPair[],
  body: Buffer = BODY,
  now = NOW,
  secret = SECRET,
) {
  return verify(scheme, { secret, options: {} }, { headers, body, now });
}

describe('diagnosis: every failure cause is found and named', () => {
  it('wrong secret', () => {
    const v = check('svix', signed('svix', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
    expect(v).toMatchObject({ verdict: 'invalid', cause: 'wrong-secret' });
    expect(v.reason).toMatch(
      /No signature matches: the secret is probably not the one the sender signs with/,
    );
    expect(v.details.join('\n')).toMatch(/Not with the secret read as the whole string, whsec_ included/);
    expect(v.details.join('\n')).toMatch(/likely changes of the body/);
  });

  it('secret form: a sender using the whole whsec_ string (Stripe-style) against Standard Webhooks', () => {
    const stripeStyle = sign(
      'hmac',
      { secret: SECRET, options: { encoding: 'base64' } },
      { id: '', timestamp: T, body: Buffer.concat([Buffer.from(`msg_1.${T}.`), BODY]) },
    );
    const headers: HeaderPair[] = [
      ['svix-id', 'msg_1'],
      ['svix-timestamp', String(T)],
      ['svix-signature', `v1,${stripeStyle[0]![1]}`],
    ];
    const v = check('svix', headers);
    expect(v).toMatchObject({ verdict: 'invalid', cause: 'secret-form' });
    expect(v.reason).toBe(
      "The signature matches with the secret read as the whole string, whsec_ included, as text (Stripe's way), " +
        'but svix reads it as the base64 after whsec_, decoded (24 bytes): the sender uses the secret in another form.',
    );
  });

  it('secret form: a Standard Webhooks-style key against a Stripe check of the same whsec_ secret', () => {
    const hex = createHmac('sha256', Buffer.from(SECRET.slice('whsec_'.length), 'base64'))
      .update(Buffer.concat([Buffer.from(`${T}.`), BODY]))
      .digest('hex');
    const v = check('stripe', [['Stripe-Signature', `t=${T},v1=${hex}`]]);
    expect(v).toMatchObject({ verdict: 'invalid', cause: 'secret-form' });
    expect(v.reason).toMatch(
      /read as the base64 after whsec_, decoded \(Standard Webhooks' way\), but stripe reads it as the whole string as text/,
    );
  });

  it('expired: a matching signature with a stale timestamp says how far outside the tolerance', () => {
    const v = check('standard-webhooks', signed('standard-webhooks', SECRET, BODY, T - 900));
    expect(v).toMatchObject({ verdict: 'expired', cause: 'timestamp' });
    expect(v.reason).toBe(
      `The signature matches, but the timestamp ${T - 900} is 900 s old: 600 s outside the tolerance of 300 s.`,
    );
    const ahead = check('slack', signed('slack', SECRET, BODY, T + 400));
    expect(ahead.reason).toMatch(
      /is 400 s ahead of this machine's clock: 100 s outside the tolerance of 300 s/,
    );
    const ms = check('stripe', signed('stripe', SECRET, BODY, T * 1000));
    expect(ms.reason).toMatch(/looks like milliseconds/);
    // Inside the tolerance it is valid; a tolerance option widens it.
    expect(check('standard-webhooks', signed('standard-webhooks', SECRET, BODY, T - 299)).verdict).toBe(
      'valid',
    );
    const wide = verify(
      'standard-webhooks',
      { secret: SECRET, options: { toleranceSeconds: 1000 } },
      {
        headers: signed('standard-webhooks', SECRET, BODY, T - 900),
        body: BODY,
        now: NOW,
      },
    );
    expect(wide.verdict).toBe('valid');
  });

  it('body changed: re-serialized JSON (compact, pretty, Python spacing), line ends, final newline', () => {
    const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 2));
    const cases: [string, Buffer, Buffer, RegExp][] = [
      [
        'signed compact, arrived pretty',
        BODY,
        pretty,
        /matches the body re-serialized as compact JSON \(no spaces\), not the body as it arrived: the body was changed after signing \(JSON re-serialized\)/,
      ],
      ['signed pretty, arrived compact', pretty, BODY, /pretty-printed as JSON with a 2-space indent/],
      [
        'signed by Python, arrived compact',
        Buffer.from('{"type": "CredoAI.use_case_created.v1", "data": {"id": "uc_1", "name": "Zo\\u00eb"}}'),
        BODY,
        /as Python's json\.dumps writes it/,
      ],
      [
        'signed LF, arrived CRLF',
        Buffer.from('a=1\nb=2\n'),
        Buffer.from('a=1\r\nb=2\r\n'),
        /CRLF line ends turned into LF.*\(line ends changed\)/,
      ],
      [
        'signed CRLF, arrived LF',
        Buffer.from('a=1\r\nb=2'),
        Buffer.from('a=1\nb=2'),
        /LF line ends turned into CRLF/,
      ],
      [
        'a newline added on the way',
        Buffer.from('{"a":1}'),
        Buffer.from('{"a":1}\n'),
        /without its final newline/,
      ],
      [
        'signed from a file ending in a newline, arrived re-serialized',
        Buffer.from('{"a":1}\n'),
        Buffer.from('{"a": 1}'),
        /re-serialized as compact JSON \(no spaces\), with a final newline, not the body as it arrived/,
      ],
    ];
    for (const [name, sentBody, arrivedBody, reason] of cases) {
      for (const scheme of ['svix', 'stripe', 'github', 'slack', 'shopify'] as const) {
        const v = check(scheme, signed(scheme, SECRET, sentBody), arrivedBody);
        expect(v.cause, `${scheme}: ${name}`).toBe('body-changed');
        expect(v.reason, `${scheme}: ${name}`).toMatch(reason);
      }
    }
  });

  it('header missing: names the headers, and hints at the scheme the request seems to use', () => {
    const none = check('svix', [['Content-Type', 'application/json']]);
    expect(none).toMatchObject({ verdict: 'missing', cause: 'header-missing' });
    expect(none.reason).toBe(
      'The request has no svix-id (or webhook-id), no svix-timestamp (or webhook-timestamp), no svix-signature (or webhook-signature) header.',
    );
    const stripe = check('svix', signed('stripe', SECRET));
    expect(stripe.reason).toMatch(/It carries Stripe-Signature: was it signed with the stripe scheme\?/);
    expect(check('github', [['X-Hub-Signature', 'sha1=abc']]).reason).toMatch(
      /only the legacy X-Hub-Signature \(SHA-1\)/,
    );
    expect(check('slack', [['X-Slack-Signature', 'v0=ab']]).reason).toBe(
      'The request has no X-Slack-Request-Timestamp header.',
    );
    expect(
      verify('static', { secret: 'x', options: { header: 'XToken' } }, { headers: [], body: BODY, now: NOW }),
    ).toMatchObject({
      verdict: 'missing',
      reason: 'The request has no XToken header.',
    });
    expect(
      verify('bearer', { secret: 'x', options: {} }, { headers: [], body: BODY, now: NOW }).verdict,
    ).toBe('missing');
  });

  it('header malformed: says what the header should look like', () => {
    const [id, ts, sig] = signed('svix', SECRET);
    const noVersion = check('svix', [id!, ts!, ['Svix-Signature', sig![1].slice(3)]]);
    expect(noVersion).toMatchObject({ verdict: 'invalid', cause: 'header-malformed' });
    expect(noVersion.reason).toMatch(/should hold space-separated entries such as v1,<base64 signature>/);
    expect(check('svix', [id!, ['Svix-Timestamp', '2024-01-01'], sig!]).reason).toMatch(
      /must be whole seconds since 1970, not "2024-01-01"/,
    );
    expect(check('svix', [id!, ts!, ['Svix-Signature', 'v2,abc']]).reason).toMatch(
      /holds no v1 signature \(versions found: v2\)/,
    );
    expect(check('stripe', [['Stripe-Signature', 'v1=abc']]).reason).toMatch(/has no t=<timestamp> part/);
    expect(check('stripe', [['Stripe-Signature', `t=${T},v0=abc`]]).reason).toMatch(/only v0= signatures/);
    expect(check('github', [['X-Hub-Signature-256', 'abc']]).reason).toMatch(
      /should be sha256= followed by 64 hex digits/,
    );
    expect(check('shopify', [['X-Shopify-Hmac-Sha256', 'not base64!']]).cause).toBe('header-malformed');
    const bearer = verify(
      'bearer',
      { secret: 'tok', options: {} },
      { headers: [['Authorization', 'Basic dXNlcg==']], body: BODY, now: NOW },
    );
    expect(bearer).toMatchObject({ verdict: 'invalid', cause: 'header-malformed' });
    expect(bearer.reason).toMatch(/does not hold a Bearer token \(it starts with "Basic"\)/);
  });

  it('rotation: several signatures in one header, valid when one matches', () => {
    const [id, ts, sig] = signed('standard-webhooks', SECRET);
    const rotated = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${sig![1]}`;
    const v = check('standard-webhooks', [id!, ts!, ['webhook-signature', rotated]]);
    expect(v.verdict).toBe('valid');
    expect(v.received).toBe(rotated);
    expect(v.details.join(' ')).toMatch(/One of the 3 signatures in webhook-signature matches/);
    const none = check('standard-webhooks', [id!, ts!, ['webhook-signature', rotated.replace(sig![1], '')]]);
    expect(none.verdict).toBe('invalid');
  });

  it('an ed25519 header checked with an HMAC secret (or the reverse) is a secret-form problem', () => {
    const ed = signed('standard-webhooks', 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=');
    expect(check('standard-webhooks', ed)).toMatchObject({ verdict: 'invalid', cause: 'secret-form' });
    const hmac = signed('standard-webhooks', SECRET);
    const v = check(
      'standard-webhooks',
      hmac,
      BODY,
      NOW,
      'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
    );
    expect(v.reason).toMatch(/holds only v1 \(HMAC\) signatures, but the secret is an ed25519 key/);
  });

  it('does not re-serialize bodies over 1 MB (the receiver must stay responsive)', () => {
    const big = Buffer.from(JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));
    const v = check('github', signed('github', SECRET, big), Buffer.concat([big, Buffer.from('\n')]));
    expect(v.cause).toBe('wrong-secret');
    expect(v.details).toContain('The body is over 1 MB, so changes of the body were not tried.');
  });

  it('a truncated body cannot match, and says so', () => {
    const headers = signed('github', SECRET);
    const v = verify(
      'github',
      { secret: SECRET, options: {} },
      { headers, body: BODY.subarray(0, 10), now: NOW, truncated: true },
    );
    expect(v).toMatchObject({ verdict: 'invalid', cause: 'body-changed' });
    expect(v.reason).toMatch(/Only the first 10 bytes of the body were kept/);
  });

  it('static header and bearer token: wrong value, spaces, and never the value in clear', () => {
    const config = { secret: 'correct-horse-battery-staple', options: { header: 'XCredasKey' } };
    const wrong = verify('static', config, {
      headers: [['xcredaskey', 'Correct-Horse-Battery-Staple']],
      body: BODY,
      now: NOW,
    });
    expect(wrong).toMatchObject({
      verdict: 'invalid',
      cause: 'wrong-secret',
      reason: 'xcredaskey does not hold the configured value.',
    });
    expect(wrong.details).toEqual(['The values differ only in letter case.']);
    expect(wrong.expected).toBe('corr…(28 chars)');
    const spaced = verify('static', config, {
      headers: [['XCredasKey', ' correct-horse-battery-staple ']],
      body: BODY,
      now: NOW,
    });
    expect(spaced.cause).toBe('header-malformed');
    expect(JSON.stringify([wrong, spaced])).not.toContain('battery');
    const jwt = `x.${Buffer.from(JSON.stringify({ exp: T - 60 })).toString('base64url')}.y`;
    const bearer = verify(
      'bearer',
      { secret: 'tok_right', options: {} },
      { headers: [['Authorization', `Bearer ${jwt}`]], body: BODY, now: NOW },
    );
    expect(bearer).toMatchObject({ verdict: 'invalid', cause: 'wrong-secret' });
    expect(bearer.details).toEqual(['The token is a JWT that expired 60 s ago.']);
  });
});

describe('maskSecret', () => {
  it('keeps the kind prefix, four characters of long secrets and the length; never the whole', () => {
    expect(maskSecret(SECRET)).toBe('whsec_MfKQ…(32 chars)');
    expect(maskSecret('short')).toBe('…(5 chars)');
    expect(maskSecret('whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=')).toBe('whsk_VEVT…(44 chars)');
    expect(maskSecret('8f742231b10e8888abcd99yyyzzz85a5')).toBe('8f74…(32 chars)');
    expect(maskSecret('x')).toBe('…(1 char)');
  });
});
