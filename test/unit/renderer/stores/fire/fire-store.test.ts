import { describe, expect, it, vi } from 'vitest';
import { createFireStore } from '../../../../../src/renderer/src/stores/fire';
import type { FireApi } from '../../../../../src/renderer/src/stores/fire/actions';
import {
  bulkFraction,
  jsonProblem,
  sendBlocker,
} from '../../../../../src/renderer/src/stores/fire/selectors';
import {
  bulkOutput,
  fireAttempt,
  progress,
  providerSummary,
  sendOutput,
} from '../../features/events/catalog-fixtures';

/** A mock that answers with `fn`'s value as a resolved promise. */
const resolved = <A extends unknown[], T>(fn: (...args: A) => T) =>
  vi.fn((...args: A) => Promise.resolve(fn(...args)));

function fakeApi(overrides: Partial<FireApi['fire']> = {}): FireApi {
  return {
    fire: {
      sample: resolved(({ event }: { event: string }) => ({
        provider: 'credo-ai',
        event,
        payload: {},
        body: `{"type":"CredoAI.${event}.v1"}`,
        documented: 'yes' as const,
        warnings: [],
        ids: {},
      })),
      send: resolved(() => sendOutput()),
      bulk: resolved(() => bulkOutput()),
      cancel: resolved(() => ({ cancelled: true })),
      ...overrides,
    },
  };
}

async function ready(api = fakeApi()) {
  const store = createFireStore(api);
  await store.getState().eventChosen(providerSummary(), 'use_case_review_status_updated');
  return store;
}

describe('fire store', () => {
  it('loads a sample with the provider envelope defaults and signing scheme when an event is chosen', async () => {
    const api = fakeApi();
    const store = await ready(api);
    const state = store.getState();
    expect(state.body).toBe('{"type":"CredoAI.use_case_review_status_updated.v1"}');
    expect(state.sample.status).toBe('ready');
    expect([state.prefix, state.suffix, state.sign.scheme]).toEqual(['CredoAI', 'v1', 'svix']);
    expect(api.fire.sample).toHaveBeenCalledWith({
      provider: 'credo-ai',
      event: 'use_case_review_status_updated',
      envelope: { prefix: 'CredoAI', suffix: 'v1' },
    });
  });

  it('blocks sending with the reason when the payload is not JSON', async () => {
    const store = await ready();
    store.getState().bodyEdited('{"a": ');
    expect(sendBlocker(store.getState())).toMatch(/^The payload is not valid JSON/);
    await store.getState().sendRequested();
    expect(store.getState().send.status).toBe('idle');
    expect(jsonProblem('')).toBe('The payload is empty.');
  });

  it('sends to the default inbox and keeps the result', async () => {
    const api = fakeApi();
    const store = await ready(api);
    await store.getState().sendRequested();
    expect(api.fire.send).toHaveBeenCalledWith(
      expect.objectContaining({ target: { kind: 'inbox', inbox: 'default' }, headers: [] }),
    );
    expect(store.getState().send).toMatchObject({ status: 'done', runState: 'delivered' });
    expect(store.getState().send.attempts.map((a) => a.exchange.status)).toEqual([200]);
  });

  it('adds later attempts of a retrying send from fire:progress, including ones that came before the answer', async () => {
    let answer: (value: ReturnType<typeof sendOutput>) => void = () => undefined;
    const api = fakeApi({
      send: vi.fn(() => new Promise<ReturnType<typeof sendOutput>>((r) => (answer = r))),
    });
    const store = await ready(api);
    store.getState().retryEdited({ mode: 'provider', compression: 1000 });
    const sending = store.getState().sendRequested();
    store.getState().progressReceived(progress({ attempt: fireAttempt(1, 500, 5) }));
    answer(sendOutput({ attempts: [fireAttempt(1, 500, 5)], state: 'retrying' }));
    await sending;
    expect(api.fire.send).toHaveBeenCalledWith(
      expect.objectContaining({ retry: { schedule: 'provider', compression: 1000 } }),
    );
    expect(store.getState().send.runState).toBe('retrying');

    store.getState().progressReceived(progress({ runId: 'other', attempt: fireAttempt(2, 200) }));
    store
      .getState()
      .progressReceived(progress({ state: 'delivered', done: 2, attempt: fireAttempt(2, 200) }));
    expect(store.getState().send.attempts.map((a) => a.exchange.status)).toEqual([500, 200]);
    expect(store.getState().send.runState).toBe('delivered');
  });

  it('shows bulk progress while running and the summary at the end', async () => {
    let answer: (value: ReturnType<typeof bulkOutput>) => void = () => undefined;
    const api = fakeApi({
      bulk: vi.fn(() => new Promise<ReturnType<typeof bulkOutput>>((r) => (answer = r))),
    });
    const store = await ready(api);
    store.getState().bulkSettingsEdited({ count: 20, concurrency: 4 });
    const running = store.getState().bulkRequested();
    store.getState().progressReceived(progress({ runId: 'bulk-1', kind: 'bulk', done: 10, total: 20 }));
    expect(bulkFraction(store.getState())).toBe(0.5);
    await store.getState().cancelRequested('bulk');
    expect(api.fire.cancel).toHaveBeenCalledWith({ runId: 'bulk-1' });
    answer(bulkOutput());
    await running;
    expect(api.fire.bulk).toHaveBeenCalledWith(expect.objectContaining({ count: 20, concurrency: 4 }));
    expect(store.getState().bulk).toMatchObject({ status: 'done', result: { sent: 20, errors: 1 } });
    expect(bulkFraction(store.getState())).toBe(1);
  });

  it('names the target problem for an empty or non-http URL', async () => {
    const store = await ready();
    store.getState().targetEdited({ kind: 'url', url: '' });
    expect(sendBlocker(store.getState())).toBe('Enter the URL to fire to.');
    store.getState().targetEdited({ url: 'ftp://x' });
    expect(sendBlocker(store.getState())).toBe('The URL must start with http:// or https://.');
    store.getState().targetEdited({ url: 'https://example.com/hook' });
    expect(sendBlocker(store.getState())).toBeNull();
  });
});
