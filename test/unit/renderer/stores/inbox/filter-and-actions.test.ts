import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createInboxStore } from '../../../../../src/renderer/src/stores/inbox';
import { describeTotal } from '../../../../../src/renderer/src/stores/inbox/selectors';
import type { CaptureSummary, HistoryListInput } from '../../../../../src/shared/models';
import { summary } from '../../helpers/fixtures';

/** A fake history over `all` that applies inbox, pinned and text (on the URL) filters like the core. */
function fakeHistory(initial: CaptureSummary[]) {
  let all = [...initial].sort((a, b) => b.id - a.id);
  const list = vi.fn((input: HistoryListInput = {}) => {
    const { limit = 100, beforeId, inbox, pinned, text } = input;
    const matching = all.filter(
      (c) =>
        (inbox === undefined || c.inbox === inbox) &&
        (pinned === undefined || c.pinned === pinned) &&
        (text === undefined || c.url.includes(text)),
    );
    const items = matching.filter((c) => beforeId === undefined || c.id < beforeId).slice(0, limit);
    return Promise.resolve({ items, total: matching.length, totalCapped: matching.length >= 100_000 });
  });
  const pin = vi.fn(({ id, pinned }: { id: number; pinned: boolean }) => {
    all = all.map((c) => (c.id === id ? { ...c, pinned } : c));
    return Promise.resolve(all.find((c) => c.id === id)!);
  });
  const remove = vi.fn(({ ids }: { ids: number[] }) => {
    const before = all.length;
    all = all.filter((c) => !ids.includes(c.id));
    return Promise.resolve({ deleted: before - all.length });
  });
  const clear = vi.fn(({ filter }: { filter: { inbox?: string } }) => {
    const before = all.length;
    all = all.filter((c) => c.pinned || (filter.inbox !== undefined && c.inbox !== filter.inbox));
    return Promise.resolve({ deleted: before - all.length });
  });
  const history = { list, pin, delete: remove, clear } as unknown as HookbenchApi['history'];
  return { history, list, pin, remove, clear };
}

const ids = (items: { id: number }[]) => items.map((c) => c.id);
const captures = [
  summary(1, { inbox: 'default' }),
  summary(2, { inbox: 'stripe', url: '/hooks/stripe?e=paid' }),
  summary(3, { inbox: 'stripe', url: '/hooks/stripe?e=refund' }),
  summary(4, { inbox: 'default' }),
];

describe('inbox store: filters', () => {
  it('reloads from page one with the filter when it changes, keeping the selection only if it still matches', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    store.getState().captureSelected(3);

    await store.getState().filterChanged({ inbox: 'stripe' });
    expect(fake.list).toHaveBeenLastCalledWith({ inbox: 'stripe', limit: 100 });
    expect(ids(store.getState().items)).toEqual([3, 2]);
    expect(store.getState()).toMatchObject({ total: 2, selectedId: 3 });

    await store.getState().filterChanged({ inbox: 'default' });
    expect(ids(store.getState().items)).toEqual([4, 1]);
    expect(store.getState().selectedId).toBeNull();

    // Filters combine; older pages are asked with the same filter.
    await store.getState().filterChanged({ inbox: 'stripe', text: 'refund' });
    expect(fake.list).toHaveBeenLastCalledWith({ inbox: 'stripe', text: 'refund', limit: 100 });
    expect(ids(store.getState().items)).toEqual([3]);
  });

  it('drops the answer to a filter that was replaced before it arrived', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    let release: () => void = () => undefined;
    fake.list.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ items: [summary(99)], total: 1, totalCapped: false });
        }),
    );
    const slow = store.getState().filterChanged({ inbox: 'slow' });
    await store.getState().filterChanged({ inbox: 'stripe' });
    release();
    await slow;
    expect(ids(store.getState().items)).toEqual([3, 2]);
  });

  it('inserts live captures only when they match, and counts them for a refresh during a text search', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().filterChanged({ inbox: 'stripe' });

    store.getState().captureReceived(summary(5, { inbox: 'default' }));
    expect(ids(store.getState().items)).toEqual([3, 2]);
    store.getState().captureReceived(summary(6, { inbox: 'stripe' }));
    expect(ids(store.getState().items)).toEqual([6, 3, 2]);
    expect(store.getState().total).toBe(3);

    await store.getState().filterChanged({ text: 'refund' });
    store.getState().captureReceived(summary(7, { inbox: 'stripe', url: '/hooks/stripe?e=refund' }));
    store.getState().captureReceived(summary(7, { inbox: 'stripe', url: '/hooks/stripe?e=refund' }));
    store.getState().captureReceived(summary(8, { inbox: 'default', url: '/hooks/default?e=refund' }));
    expect(ids(store.getState().items)).toEqual([3]);
    expect(store.getState().unseenMatching).toBe(1);
  });

  it('refreshes during a text search to show what arrived, clearing the count', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().filterChanged({ text: 'refund' });
    const fresh = summary(9, { inbox: 'stripe', url: '/hooks/stripe?e=refund' });
    store.getState().captureReceived(fresh);
    captures.push(fresh);
    const withFresh = fakeHistory(captures);
    fake.list.mockImplementation(withFresh.list);
    await store.getState().refreshRequested();
    expect(ids(store.getState().items)).toEqual([9, 3]);
    expect(store.getState().unseenMatching).toBe(0);
    captures.pop();
  });

  it('removes a row that stops matching when it changes (unpinned while showing pinned only)', async () => {
    const fake = fakeHistory([summary(1, { pinned: true }), summary(2, { pinned: true })]);
    const store = createInboxStore({ history: fake.history });
    await store.getState().filterChanged({ pinned: true });
    store.getState().captureUpdated(summary(2, { pinned: false }));
    expect(ids(store.getState().items)).toEqual([1]);
    expect(store.getState().total).toBe(1);
  });

  it('says "100,000+" when the count stopped at the cap', () => {
    expect(describeTotal({ total: 100_000, totalCapped: true })).toBe('100,000+ captures');
    expect(describeTotal({ total: 1, totalCapped: false })).toBe('1 capture');
  });
});

describe('inbox store: pin, delete, clear', () => {
  it('pins and unpins through the core and updates the row', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    await store.getState().pinToggled(2);
    expect(fake.pin).toHaveBeenLastCalledWith({ id: 2, pinned: true });
    expect(store.getState().items.find((c) => c.id === 2)?.pinned).toBe(true);
    await store.getState().pinToggled(2);
    expect(fake.pin).toHaveBeenLastCalledWith({ id: 2, pinned: false });
    expect(store.getState().items.find((c) => c.id === 2)?.pinned).toBe(false);
  });

  it('deletes captures, moving the selection to the next one', async () => {
    const fake = fakeHistory(captures);
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    store.getState().captureSelected(3);
    expect(await store.getState().deleteRequested([3])).toBe(1);
    expect(ids(store.getState().items)).toEqual([4, 2, 1]);
    expect(store.getState()).toMatchObject({ selectedId: 2, total: 3 });
  });

  it('clears the shown inbox (or everything) but keeps pinned captures, then reloads', async () => {
    const fake = fakeHistory([...captures.slice(0, 3), summary(4, { inbox: 'default', pinned: true })]);
    const store = createInboxStore({ history: fake.history });
    await store.getState().filterChanged({ inbox: 'default' });
    expect(await store.getState().clearRequested('inbox')).toBe(1);
    expect(fake.clear).toHaveBeenLastCalledWith({ filter: { inbox: 'default' }, includePinned: false });
    expect(ids(store.getState().items)).toEqual([4]);

    await store.getState().filterChanged({ inbox: null });
    await store.getState().clearRequested('all');
    expect(fake.clear).toHaveBeenLastCalledWith({ filter: {}, includePinned: false });
    expect(ids(store.getState().items)).toEqual([4]);
  });

  it('keeps a failed action as a message naming what failed', async () => {
    const fake = fakeHistory(captures);
    fake.pin.mockRejectedValueOnce(new BridgeError('not_found', 'There is no capture with id 2.'));
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    await store.getState().pinToggled(2);
    expect(store.getState().actionError).toBe('Could not pin capture #2: There is no capture with id 2.');
    store.getState().actionErrorDismissed();
    expect(store.getState().actionError).toBeNull();
  });

  it('reloads as many rows as were loaded after a bulk change, so the scroll position stays valid', async () => {
    const many = Array.from({ length: 350 }, (_, i) => summary(i + 1));
    const fake = fakeHistory(many);
    const store = createInboxStore({ history: fake.history });
    await store.getState().inboxOpened();
    await store.getState().endReached();
    await store.getState().endReached();
    expect(store.getState().items).toHaveLength(300);
    fake.list.mockClear();
    await store.getState().historyChanged();
    expect(fake.list).toHaveBeenCalledTimes(1);
    expect(fake.list).toHaveBeenLastCalledWith({ limit: 300 });
    expect(store.getState().items).toHaveLength(300);
    expect(store.getState().hasMore).toBe(true);
  });
});
