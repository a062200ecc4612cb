import { describe, expect, it } from 'vitest';
import { parseVerifySpec } from '../../../../../src/main/core/signatures/verify-spec';

describe('parseVerifySpec (the --verify <scheme>:<secret> syntax)', () => {
  it('reads each scheme', () => {
    expect(parseVerifySpec('standard-webhooks:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toEqual({
      scheme: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      options: {},
    });
    expect(parseVerifySpec('svix:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw;tolerance=600')).toEqual({
      scheme: 'svix',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      options: { toleranceSeconds: 600 },
    });
    expect(parseVerifySpec('stripe:whsec_abc:def')).toMatchObject({
      scheme: 'stripe',
      secret: 'whsec_abc:def',
    });
    expect(parseVerifySpec('static:XCredasKey=a=b;c')).toEqual({
      scheme: 'static',
      secret: 'a=b;c',
      options: { header: 'XCredasKey' },
    });
    expect(parseVerifySpec('bearer:tok;header=x')).toEqual({
      scheme: 'bearer',
      secret: 'tok;header=x',
      options: {},
    });
  });

  it('reads the generic hmac options after the secret, keeping ; inside the secret', () => {
    expect(
      parseVerifySpec(
        'hmac:se;cret;header=X-Sig;algorithm=sha512;encoding=base64;prefix=sha512=;template={timestamp}.{body};timestamp-header=X-Timestamp;id-header=X-Id;tolerance=60',
      ),
    ).toEqual({
      scheme: 'hmac',
      secret: 'se;cret',
      options: {
        header: 'X-Sig',
        algorithm: 'sha512',
        encoding: 'base64',
        prefix: 'sha512=',
        template: '{timestamp}.{body}',
        timestampHeader: 'X-Timestamp',
        idHeader: 'X-Id',
        toleranceSeconds: 60,
      },
    });
  });

  it('explains every mistake without repeating the secret', () => {
    const cases: [string, RegExp][] = [
      ['whsec_abc', /write <scheme>:<secret>/],
      ['stripey:whsec_abc', /"stripey" is not a scheme; use one of standard-webhooks, svix, stripe/],
      ['standard-webhooks:', /the standard-webhooks secret is empty/],
      ['standard-webhooks:whsec_not*base64', /The part after whsec_ is not base64/],
      ['github:s3cr3t;tolerance=5', /tolerance= does not apply to github/],
      ['stripe:s3cr3t;header=X', /header= does not apply to stripe/],
      ['hmac:s3cr3t;algorithm=md5', /algorithm=: /],
      ['hmac:s3cr3t;tolerance=soon', /tolerance= takes whole seconds/],
      ['hmac:s3cr3t;template={timestamp}.{body}', /name the header that carries it \(timestamp-header=…\)/],
      ['hmac:s3cr3t;template={nonce}', /it may use \{body\}, \{timestamp\} and \{id\}/],
      ['static:s3cr3t', /write static:<Header-Name>=<value>/],
      ['static:Bad Header=s3cr3t', /is not a header name/],
      ['bearer:two words', /no spaces/],
      ['standard-webhooks:whpk_s3cr3t', /whpk_ public key is whpk_ followed by the base64 of 32 bytes/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseVerifySpec(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(Error);
      expect((error as Error).message, text).toMatch(message);
      expect((error as Error).message, text).not.toContain('s3cr3t');
    }
  });
});
