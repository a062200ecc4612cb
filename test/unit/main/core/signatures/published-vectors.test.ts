import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { sign, verify } from '../../../../../src/main/core/signatures/index';
import type { HeaderPair } from '../../../../../src/shared/models';

const seconds = (s: number): number => s * 1000;
const headerMap = (headers: HeaderPair[]): Record<string, string> =>
  Object.fromEntries(headers.map(([n, v]) => [n.toLowerCase(), v]));

// The reference libraries' vector (standard-webhooks/libraries: javascript sign test, go asymmetric sign test).
const SW = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  edSecret: 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
  edSignature: 'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==',
};

describe('published test vectors', () => {
  it('Standard Webhooks v1: signs the reference vector and verifies it under both header spellings', () => {
    const config = { secret: SW.secret, options: {} };
    const input = { id: SW.id, timestamp: SW.timestamp, body: SW.body };
    expect(sign('standard-webhooks', config, input)).toEqual([
      ['webhook-id', SW.id],
      ['webhook-timestamp', '1614265330'],
      ['webhook-signature', SW.signature],
    ]);
    expect(sign('svix', config, input)).toEqual([
      ['Svix-Id', SW.id],
      ['Svix-Timestamp', '1614265330'],
      ['Svix-Signature', SW.signature],
    ]);
    for (const scheme of ['standard-webhooks', 'svix'] as const) {
      for (const prefix of ['webhook', 'Svix']) {
        const headers: HeaderPair[] = [
          [`${prefix}-Id`, SW.id],
          [`${prefix}-Timestamp`, '1614265330'],
          [`${prefix}-Signature`, SW.signature],
        ];
        const v = verify(scheme, config, { headers, body: SW.body, now: seconds(SW.timestamp + 10) });
        expect(v.verdict, `${scheme} with ${prefix}-*`).toBe('valid');
        expect(v.signedContent).toBe('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}');
        expect(v.expected).toBe(SW.signature);
      }
    }
  });

  it('Standard Webhooks v1a: signs the ed25519 reference vector; verifies with the whsk_ or the whpk_ key', () => {
    const input = { id: SW.id, timestamp: SW.timestamp, body: SW.body };
    const [, , signature] = sign('standard-webhooks', { secret: SW.edSecret, options: {} }, input);
    expect(signature).toEqual(['webhook-signature', SW.edSignature]);
    const headers: HeaderPair[] = [
      ['webhook-id', SW.id],
      ['webhook-timestamp', String(SW.timestamp)],
      ['webhook-signature', SW.edSignature],
    ];
    const request = { headers, body: SW.body, now: seconds(SW.timestamp) };
    expect(verify('standard-webhooks', { secret: SW.edSecret, options: {} }, request).verdict).toBe('valid');
    // The public half, as a receiver is given it.
    const seed = Buffer.from(SW.edSecret.slice(5), 'base64');
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const raw = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
      .export({ format: 'der', type: 'spki' })
      .subarray(-32);
    const whpk = `whpk_${raw.toString('base64')}`;
    const v = verify('standard-webhooks', { secret: whpk, options: {} }, request);
    expect(v.verdict).toBe('valid');
    expect(v.expected).toBeNull(); // a public key cannot sign
    expect(() => sign('standard-webhooks', { secret: whpk, options: {} }, input)).toThrow(/can only verify/);
  });

  it('Standard Webhooks: the npm standardwebhooks library agrees both ways (test oracle)', () => {
    const oracle = new Webhook(SW.secret);
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from('{"type":"CredoAI.use_case_created.v1","data":{"id":"x"}}');
    const ours = headerMap(
      sign('standard-webhooks', { secret: SW.secret, options: {} }, { id: 'msg_2', timestamp: now, body }),
    );
    expect(oracle.verify(body, ours)).toEqual(JSON.parse(body.toString()));
    const theirs = oracle.sign('msg_3', new Date(now * 1000), body.toString());
    const headers: HeaderPair[] = [
      ['svix-id', 'msg_3'],
      ['svix-timestamp', String(now)],
      ['svix-signature', theirs],
    ];
    expect(
      verify('svix', { secret: SW.secret, options: {} }, { headers, body, now: Date.now() }).verdict,
    ).toBe('valid');
  });

  it('GitHub: the documented example (secret "It\'s a Secret to Everybody", payload "Hello, World!")', () => {
    const config = { secret: "It's a Secret to Everybody", options: {} };
    const body = Buffer.from('Hello, World!');
    const expected = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expect(headerMap(sign('github', config, { id: 'd1', timestamp: 0, body }))['x-hub-signature-256']).toBe(
      expected,
    );
    const v = verify('github', config, {
      headers: [['X-Hub-Signature-256', expected]],
      body,
      now: Date.now(),
    });
    expect(v.verdict).toBe('valid');
  });

  it('Slack: the documented v0 example (basestring v0:<timestamp>:<body>)', () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body = Buffer.from(
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    );
    const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    const signed = headerMap(sign('slack', { secret, options: {} }, { id: '', timestamp: 1531420618, body }));
    expect(signed).toEqual({ 'x-slack-request-timestamp': '1531420618', 'x-slack-signature': expected });
    const headers: HeaderPair[] = [
      ['X-Slack-Request-Timestamp', '1531420618'],
      ['X-Slack-Signature', expected],
    ];
    const v = verify('slack', { secret, options: {} }, { headers, body, now: seconds(1531420618 + 60) });
    expect(v.verdict).toBe('valid');
    expect(v.signedContent).toBe(`v0:1531420618:${body.toString()}`);
  });

  it('Stripe: t=<timestamp>,v1=<hex HMAC-SHA256 of "<t>.<body>"> keyed with the whole whsec_ string', () => {
    const secret = 'whsec_test_secret';
    const body = Buffer.from('{\n  "id": "evt_test_webhook",\n  "object": "event"\n}');
    const t = 1492774577;
    const hex = createHmac('sha256', secret).update(`${t}.${body.toString()}`).digest('hex');
    expect(sign('stripe', { secret, options: {} }, { id: '', timestamp: t, body })).toEqual([
      ['Stripe-Signature', `t=${t},v1=${hex}`],
    ]);
    // As documented: other schemes (v0) and several v1 (while a secret rolls) may follow.
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${hex},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39`;
    const v = verify(
      'stripe',
      { secret, options: {} },
      { headers: [['Stripe-Signature', header]], body, now: seconds(t) },
    );
    expect(v.verdict).toBe('valid');
    expect(v.details.join(' ')).toMatch(/One of the 2 signatures/);
  });

  it('Shopify: base64 HMAC-SHA256 of the raw body in X-Shopify-Hmac-Sha256', () => {
    const body = Buffer.from('{"id":820982911946154508,"email":"jon@example.com"}');
    const expected = createHmac('sha256', 'shpss_secret').update(body).digest('base64');
    const headers = sign(
      'shopify',
      { secret: 'shpss_secret', options: {} },
      { id: 'w1', timestamp: 0, body },
    );
    expect(headerMap(headers)['x-shopify-hmac-sha256']).toBe(expected);
    expect(
      verify('shopify', { secret: 'shpss_secret', options: {} }, { headers, body, now: 0 }).verdict,
    ).toBe('valid');
  });
});
