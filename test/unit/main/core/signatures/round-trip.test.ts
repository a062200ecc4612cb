import { describe, expect, it } from 'vitest';
import { sign, verify } from '../../../../../src/main/core/signatures/index';
import type { SignatureScheme, VerificationOptions } from '../../../../../src/shared/signature-models';

const NOW = 1_700_000_000_000;
const T = NOW / 1000;

const CASES: [string, SignatureScheme, string, VerificationOptions][] = [
  ['standard-webhooks v1', 'standard-webhooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {}],
  ['standard-webhooks v1a', 'standard-webhooks', 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=', {}],
  ['svix', 'svix', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {}],
  ['stripe', 'stripe', 'whsec_7bqEDKdt3hT4bGkYuvcyRX1Qj7Ipbz4m', {}],
  ['github', 'github', "It's a Secret to Everybody", {}],
  ['slack', 'slack', '8f742231b10e8888abcd99yyyzzz85a5', {}],
  ['shopify', 'shopify', 'shpss_0123456789abcdef', {}],
  ['hmac defaults', 'hmac', 'plain secret', {}],
  [
    'hmac sha512 base64 with prefix, template, id and timestamp headers',
    'hmac',
    's3cret;with;semicolons',
    {
      header: 'X-Sig',
      algorithm: 'sha512',
      encoding: 'base64',
      prefix: 'sha512=',
      template: '{id}:{timestamp}:{body}:end',
      timestampHeader: 'X-Timestamp',
      idHeader: 'X-Id',
    },
  ],
  ['hmac without body in the template', 'hmac', 'k', { template: '{timestamp}', timestampHeader: 'X-T' }],
  ['static (Credas custom header)', 'static', 'letmein-42', { header: 'XCredasToken' }],
  ['bearer', 'bearer', 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln', {}],
];

describe('sign then verify, every scheme', () => {
  for (const [name, scheme, secret, options] of CASES) {
    it(name, () => {
      const config = { secret, options };
      for (const body of [Buffer.from('{"a":1,"b":"é"}'), Buffer.alloc(0), Buffer.from([0xff, 0x00, 0x7f])]) {
        const headers = sign(scheme, config, { id: 'msg_round', timestamp: T, body });
        const v = verify(scheme, config, { headers, body, now: NOW + 1000 });
        expect(v, `${name}: ${v.reason ?? ''}`).toMatchObject({
          scheme,
          verdict: 'valid',
          reason: null,
          cause: null,
        });
        // Nothing shown contains the secret itself.
        expect(JSON.stringify(v)).not.toContain(secret);
        // A different secret never verifies.
        const other = verify(
          scheme,
          { secret: `${secret}x`.replace('whsec_MfKQ', 'whsec_AfKQ'), options },
          {
            headers,
            body,
            now: NOW,
          },
        );
        if (!secret.startsWith('whsk_')) expect(other.verdict, name).toBe('invalid');
      }
    });
  }

  it('shows a binary body in the signed content as a base64 note', () => {
    const config = { secret: 'k', options: {} };
    const body = Buffer.from([0xff, 0x00]);
    const headers = sign('stripe', config, { id: '', timestamp: T, body });
    const v = verify('stripe', config, { headers, body, now: NOW });
    expect(v.signedContent).toBe(`${T}.[binary body: 2 bytes, base64 /wA=]`);
  });
});
