import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createInboxStore } from '../../../../../src/renderer/src/stores/inbox';
import type { CaptureSummary, HistoryListInput } from '../../../../../src/shared/models';
import { summary } from '../../helpers/fixtures';

/** A history of `count` captures with ids 1..count, served newest first with keyset pagination. */
function fakeHistory(count: number) {
  let all: CaptureSummary[] = Array.from({ length: count }, (_, i) => summary(count - i));
  const list = vi.fn((input?: HistoryListInput) => {
    const limit = input?.limit ?? 100;
    const before = input?.beforeId;
    const items = all.filter((c) => before === undefined || c.id < before).slice(0, limit);
    return Promise.resolve({ items, total: all.length, totalCapped: false });
  });
  const history = { list, get: vi.fn() } as unknown as HookbenchApi['history'];
  return {
    history,
    list,
    add(capture: CaptureSummary) {
      all = [capture, ...all];
    },
  };
}

const ids = (items: { id: number }[]) => items.map((c) => c.id);

describe('inbox actions', () => {
  it('loads the newest page once, then older pages from the smallest loaded id', async () => {
    const history = fakeHistory(250);
    const store = createInboxStore({ history: history.history });

    await store.getState().inboxOpened();
    await store.getState().inboxOpened();
    expect(history.list).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ status: 'ready', total: 250, hasMore: true });
    expect(store.getState().items[0]?.id).toBe(250);

    await store.getState().endReached();
    expect(history.list).toHaveBeenLastCalledWith({ beforeId: 151, limit: 100 });
    await store.getState().endReached();
    expect(store.getState().items).toHaveLength(250);
    expect(store.getState().hasMore).toBe(false);

    await store.getState().endReached();
    expect(history.list).toHaveBeenCalledTimes(3);
  });

  it('merges pages without duplicates when captures arrived meanwhile', async () => {
    const history = fakeHistory(3);
    const store = createInboxStore({ history: history.history });
    // The event for capture 4 arrives before the first page answers, and the page includes it too.
    history.add(summary(4));
    store.getState().captureReceived(summary(4));
    await store.getState().inboxOpened();
    expect(ids(store.getState().items)).toEqual([4, 3, 2, 1]);
    expect(store.getState().total).toBe(4);
  });

  it('counts captures that arrived after the server counted', async () => {
    const history = fakeHistory(2);
    const store = createInboxStore({ history: history.history });
    // Capture 5 is known from an event but newer than anything the page returns.
    store.getState().captureReceived(summary(5));
    await store.getState().inboxOpened();
    expect(store.getState().total).toBe(3);
  });

  it('prepends a received capture and keeps the selection on the same capture', async () => {
    const store = createInboxStore({ history: fakeHistory(3).history });
    await store.getState().inboxOpened();
    store.getState().captureSelected(2);

    store.getState().captureReceived(summary(4));
    store.getState().captureReceived(summary(4));

    expect(ids(store.getState().items)).toEqual([4, 3, 2, 1]);
    expect(store.getState().selectedId).toBe(2);
    expect(store.getState().total).toBe(4);
  });

  it('selects the first capture of an empty inbox, but not later ones', async () => {
    const store = createInboxStore({ history: fakeHistory(0).history });
    await store.getState().inboxOpened();
    store.getState().captureReceived(summary(1));
    expect(store.getState().selectedId).toBe(1);
    store.getState().captureReceived(summary(2));
    expect(store.getState().selectedId).toBe(1);
  });

  it('holds captures while paused and adds them on resume', async () => {
    const store = createInboxStore({ history: fakeHistory(1).history });
    await store.getState().inboxOpened();
    store.getState().liveToggled();
    store.getState().captureReceived(summary(2));
    store.getState().captureReceived(summary(3));
    expect(ids(store.getState().items)).toEqual([1]);
    expect(ids(store.getState().pending)).toEqual([3, 2]);
    expect(store.getState().total).toBe(3);

    store.getState().liveToggled();
    expect(ids(store.getState().items)).toEqual([3, 2, 1]);
    expect(store.getState().pending).toEqual([]);
  });

  it('moves the selection with the arrow keys through loaded captures', async () => {
    const store = createInboxStore({ history: fakeHistory(3).history });
    await store.getState().inboxOpened();
    store.getState().selectionMoved(1);
    expect(store.getState().selectedId).toBe(3);
    store.getState().selectionMoved(1);
    store.getState().selectionMoved(1);
    store.getState().selectionMoved(1);
    expect(store.getState().selectedId).toBe(1);
    store.getState().selectionMoved(-1);
    expect(store.getState().selectedId).toBe(2);
  });

  it('keeps the error message of a failed first page and retries it', async () => {
    const history = fakeHistory(2);
    history.list.mockRejectedValueOnce(new BridgeError('unavailable', 'Cannot reach the Hookbench server.'));
    const store = createInboxStore({ history: history.history });

    await store.getState().inboxOpened();
    expect(store.getState()).toMatchObject({
      status: 'idle',
      error: 'Cannot reach the Hookbench server.',
      failedRequest: 'first',
    });

    await store.getState().retryRequested();
    expect(store.getState()).toMatchObject({ status: 'ready', error: null, failedRequest: null });
    expect(store.getState().items).toHaveLength(2);
  });

  it('stops loading older pages after a failure until retried', async () => {
    const history = fakeHistory(150);
    const store = createInboxStore({ history: history.history });
    await store.getState().inboxOpened();
    history.list.mockRejectedValueOnce(new BridgeError('internal', 'Disk full.'));
    await store.getState().endReached();
    expect(store.getState()).toMatchObject({ error: 'Disk full.', failedRequest: 'older', loading: false });

    await store.getState().retryRequested();
    expect(store.getState().items).toHaveLength(150);
    expect(store.getState().error).toBeNull();
  });

  it('catches up on captures missed while the stream was down', async () => {
    const history = fakeHistory(3);
    const store = createInboxStore({ history: history.history });
    await store.getState().inboxOpened();
    store.getState().captureSelected(3);
    history.add(summary(4));
    history.add(summary(5));

    await store.getState().streamReconnected();

    expect(ids(store.getState().items)).toEqual([5, 4, 3, 2, 1]);
    expect(store.getState().total).toBe(5);
    expect(store.getState().selectedId).toBe(3);
  });

  it('asks for the first page again when the stream opens while it loads (a capture may fall in between)', async () => {
    const history = fakeHistory(1);
    let answerFirst: (value: Awaited<ReturnType<HookbenchApi['history']['list']>>) => void = () => undefined;
    // The first page was asked for before the stream opened; capture 2 is stored before the stream delivers events.
    history.list.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    const store = createInboxStore({ history: history.history });
    const opening = store.getState().inboxOpened();
    history.add(summary(2));

    await store.getState().streamReconnected();
    answerFirst({ items: [summary(1)], total: 1, totalCapped: false });
    await opening;

    expect(history.list).toHaveBeenCalledTimes(2);
    expect(ids(store.getState().items)).toEqual([2, 1]);
  });

  it('replaces an updated capture where it is shown, without adding unknown ones', async () => {
    const store = createInboxStore({ history: fakeHistory(3).history });
    await store.getState().inboxOpened();
    store.getState().captureUpdated(summary(2, { pinned: true }));
    store.getState().captureUpdated(summary(99, { pinned: true }));
    expect(ids(store.getState().items)).toEqual([3, 2, 1]);
    expect(store.getState().items[1]?.pinned).toBe(true);
  });

  it('reloads from scratch after a bulk change, keeping the selection only if it still exists', async () => {
    const history = fakeHistory(3);
    const store = createInboxStore({ history: history.history });
    await store.getState().inboxOpened();
    store.getState().captureSelected(3);
    store.getState().captureReceived(summary(7));

    await store.getState().historyChanged();
    expect(ids(store.getState().items)).toEqual([3, 2, 1]);
    expect(store.getState().total).toBe(3);
    expect(store.getState().selectedId).toBe(3);

    history.list.mockResolvedValueOnce({ items: [], total: 0, totalCapped: false });
    await store.getState().historyChanged();
    expect(store.getState().items).toEqual([]);
    expect(store.getState().selectedId).toBeNull();
  });
});
