import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createCaptureDetailStore } from '../../../../../src/renderer/src/stores/capture-detail';
import { DETAIL_CACHE_SIZE } from '../../../../../src/renderer/src/stores/capture-detail/initial-state';
import { detailEntry, needsFetch } from '../../../../../src/renderer/src/stores/capture-detail/selectors';
import { detail, summary } from '../../helpers/fixtures';

function fakeApi() {
  const get = vi.fn(({ id }: { id: number }) => Promise.resolve(detail(id)));
  return { get, api: { history: { list: vi.fn(), get } } as unknown as Pick<HookbenchApi, 'history'> };
}

describe('capture detail store', () => {
  it('fetches a detail once and serves it from the cache afterwards', async () => {
    const { get, api } = fakeApi();
    const store = createCaptureDetailStore(api);
    await store.getState().detailRequested(3);
    await store.getState().detailRequested(3);
    expect(get).toHaveBeenCalledTimes(1);
    expect(detailEntry(store.getState(), 3)).toEqual({ status: 'ready', detail: detail(3) });
  });

  it('shows loading while the request is in flight and does not send it twice', () => {
    const { get, api } = fakeApi();
    get.mockReturnValueOnce(new Promise(() => undefined));
    const store = createCaptureDetailStore(api);
    void store.getState().detailRequested(4);
    void store.getState().detailRequested(4);
    expect(detailEntry(store.getState(), 4)).toEqual({ status: 'loading' });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('keeps the failure message and fetches again on the next request', async () => {
    const { get, api } = fakeApi();
    get.mockRejectedValueOnce(new BridgeError('not_found', 'No capture #8.'));
    const store = createCaptureDetailStore(api);
    await store.getState().detailRequested(8);
    expect(detailEntry(store.getState(), 8)).toEqual({ status: 'failed', error: 'No capture #8.' });
    expect(needsFetch(store.getState(), 8)).toBe(true);
    await store.getState().detailRequested(8);
    expect(detailEntry(store.getState(), 8)?.status).toBe('ready');
  });

  it('forgets the least recently requested details beyond the cache size', async () => {
    const { api } = fakeApi();
    const store = createCaptureDetailStore(api);
    for (let id = 1; id <= DETAIL_CACHE_SIZE + 2; id += 1) await store.getState().detailRequested(id);
    expect(detailEntry(store.getState(), 1)).toBeUndefined();
    expect(detailEntry(store.getState(), 2)).toBeUndefined();
    expect(detailEntry(store.getState(), 3)?.status).toBe('ready');
    expect(Object.keys(store.getState().entries)).toHaveLength(DETAIL_CACHE_SIZE);
    expect(detailEntry(store.getState(), null)).toBeUndefined();
  });

  it('marks a changed capture stale, keeps showing it while it is refetched once, and drops the rest on bulk changes', async () => {
    const { get, api } = fakeApi();
    const store = createCaptureDetailStore(api);
    await store.getState().detailRequested(1);
    await store.getState().detailRequested(2);
    store.getState().detailInvalidated(1);
    expect(detailEntry(store.getState(), 1)).toMatchObject({ status: 'ready', stale: true });
    expect(needsFetch(store.getState(), 1)).toBe(true);
    expect(detailEntry(store.getState(), 2)?.status).toBe('ready');
    const refetch = store.getState().detailRequested(1);
    // While the new detail is on its way the old one stays (no "Loading…" flash) and no second request is sent.
    expect(detailEntry(store.getState(), 1)?.status).toBe('ready');
    await store.getState().detailRequested(1);
    await refetch;
    expect(get).toHaveBeenCalledTimes(3);
    expect(detailEntry(store.getState(), 1)).toEqual({ status: 'ready', detail: detail(1) });

    store.getState().detailInvalidated(null);
    expect(needsFetch(store.getState(), 1)).toBe(true);
    expect(needsFetch(store.getState(), 2)).toBe(true);
  });

  it('loads the attempts of a delivery once, and again after a new attempt arrived', async () => {
    const attempts = vi.fn(() => Promise.resolve([summary(1, { deliveryId: 'msg_1' })]));
    const store = createCaptureDetailStore({ history: { attempts } as unknown as HookbenchApi['history'] });
    await store.getState().attemptsRequested('msg_1');
    await store.getState().attemptsRequested('msg_1');
    expect(attempts).toHaveBeenCalledTimes(1);
    store.getState().attemptsInvalidated('msg_1');
    await store.getState().attemptsRequested('msg_1');
    expect(attempts).toHaveBeenCalledTimes(2);
    expect(store.getState().attempts['msg_1']).toMatchObject({ status: 'ready', attempts: [{ id: 1 }] });
  });
});
