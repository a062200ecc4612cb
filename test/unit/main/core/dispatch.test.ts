import { describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../../src/shared/channels';
import type { Handlers } from '../../../../src/shared/contract';
import { dispatch } from '../../../../src/main/core/dispatch';
import { HookbenchError } from '../../../../src/main/core/errors';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, unused])) as unknown as Handlers;
  return {
    ...all,
    'receiver:status': () => ({
      state: 'listening',
      host: '127.0.0.1',
      port: 1,
      url: 'http://127.0.0.1:1',
      error: null,
    }),
    'history:list': ({ limit, beforeId }) => ({
      items: [],
      total: limit + (beforeId ?? 0),
      totalCapped: false,
    }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('rejects an unknown channel', async () => {
    expect(await dispatch(handlers(), 'history:drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown channel: history:drop' },
    });
  });

  it('parses the input with the contract, applying defaults', async () => {
    expect(await dispatch(handlers(), 'history:list', undefined)).toEqual({
      ok: true,
      data: { items: [], total: 100, totalCapped: false },
    });
    expect(await dispatch(handlers(), 'history:list', { limit: 5, beforeId: 10 })).toEqual({
      ok: true,
      data: { items: [], total: 15, totalCapped: false },
    });
  });

  it('names the field that is wrong', async () => {
    const result = await dispatch(handlers(), 'history:list', { limit: 'many' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/^Invalid input for history:list: limit: /);
    }
    const extra = await dispatch(handlers(), 'receiver:status', { surprise: true });
    expect(extra.ok).toBe(false);
  });

  it('passes a HookbenchError through and hides other errors behind a generic message', async () => {
    const report = vi.fn();
    const notFound = await dispatch(
      handlers({
        'history:get': () => {
          throw new HookbenchError('not_found', 'There is no capture with id 7.');
        },
      }),
      'history:get',
      { id: 7 },
      report,
    );
    expect(notFound).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no capture with id 7.' },
    });
    expect(report).not.toHaveBeenCalled();

    const crash = await dispatch(
      handlers({
        'history:get': () => {
          throw new TypeError('secret internals at /home/x');
        },
      }),
      'history:get',
      { id: 7 },
      report,
    );
    expect(crash.ok).toBe(false);
    if (!crash.ok) {
      expect(crash.error.code).toBe('internal');
      expect(crash.error.message).not.toContain('secret');
    }
    expect(report).toHaveBeenCalledOnce();
  });
});
