import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

// Every comparison must go through timingSafeEqual: spy on it while keeping the real implementation.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { constantTimeEqual } = await import('../../../../../src/main/core/signatures/constant-time');
const { sign, verify } = await import('../../../../../src/main/core/signatures/index');

describe('constantTimeEqual', () => {
  it('says equal only for the same bytes, strings or buffers alike', () => {
    expect(constantTimeEqual('v1,abc', 'v1,abc')).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), 'abc')).toBe(true);
    expect(constantTimeEqual('v1,abc', 'v1,abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });

  it('compares with timingSafeEqual, even when the lengths differ', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    constantTimeEqual('abc', 'abcd');
    expect(spy).toHaveBeenCalledTimes(1);
    constantTimeEqual('abc', 'abd');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('is what every scheme uses to compare a signature or a token', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    const body = Buffer.from('{"a":1}');
    const now = 1_700_000_000_000;
    const cases = [
      ['standard-webhooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {}],
      ['stripe', 'whsec_test', {}],
      ['github', 'gh', {}],
      ['slack', 'sl', {}],
      ['shopify', 'sh', {}],
      ['hmac', 'hm', {}],
      ['static', 'value', { header: 'XToken' }],
      ['bearer', 'token', {}],
    ] as const;
    for (const [scheme, secret, options] of cases) {
      const config = { secret, options };
      const headers = sign(scheme, config, { id: 'msg_1', timestamp: now / 1000, body });
      spy.mockClear();
      expect(verify(scheme, config, { headers, body, now }).verdict, scheme).toBe('valid');
      expect(spy, scheme).toHaveBeenCalled();
    }
  });
});
