import { describe, expect, it } from 'vitest';
import {
  initialInboxState,
  type InboxState,
} from '../../../../../src/renderer/src/stores/inbox/initial-state';
import {
  isInboxEmpty,
  neighbourId,
  newestKnownId,
  oldestLoadedId,
  selectedCapture,
  selectedIndex,
  shouldLoadMore,
} from '../../../../../src/renderer/src/stores/inbox/selectors';
import { summary } from '../../helpers/fixtures';

const ids = (...list: number[]) => list.map((id) => summary(id));
const state = (overrides: Partial<InboxState>): InboxState => ({ ...initialInboxState, ...overrides });

describe('inbox selectors', () => {
  it('find the selected capture by id, not by position', () => {
    const s = state({ items: ids(9, 7, 4), selectedId: 7 });
    expect(selectedIndex(s)).toBe(1);
    expect(selectedCapture(s)?.id).toBe(7);
    expect(selectedIndex(state({ items: ids(9), selectedId: 3 }))).toBe(-1);
    expect(selectedIndex(state({ items: ids(9), selectedId: null }))).toBe(-1);
  });

  it('know the oldest loaded id (next page cursor) and the newest known id, pending included', () => {
    expect(oldestLoadedId(state({ items: ids(9, 7, 4) }))).toBe(4);
    expect(oldestLoadedId(state({}))).toBeUndefined();
    expect(newestKnownId(state({ items: ids(9, 7), pending: ids(12, 11) }))).toBe(12);
    expect(newestKnownId(state({}))).toBe(0);
  });

  it('call the inbox empty only once the first page answered with nothing', () => {
    expect(isInboxEmpty(state({ status: 'ready' }))).toBe(true);
    expect(isInboxEmpty(state({ status: 'loading' }))).toBe(false);
    expect(isInboxEmpty(state({ status: 'ready', items: ids(1) }))).toBe(false);
    expect(isInboxEmpty(state({ status: 'ready', pending: ids(1) }))).toBe(false);
    expect(isInboxEmpty(state({ status: 'ready', error: 'down' }))).toBe(false);
  });

  it('ask for more only near the end, when more exist and nothing is in flight or failed', () => {
    const items = ids(...Array.from({ length: 100 }, (_, i) => 200 - i));
    const ready = state({ status: 'ready', items, hasMore: true });
    expect(shouldLoadMore(ready, 50)).toBe(false);
    expect(shouldLoadMore(ready, 80)).toBe(true);
    expect(shouldLoadMore({ ...ready, loading: true }, 99)).toBe(false);
    expect(shouldLoadMore({ ...ready, hasMore: false }, 99)).toBe(false);
    expect(shouldLoadMore({ ...ready, error: 'x' }, 99)).toBe(false);
  });

  it('move the selection by rows, stopping at both ends', () => {
    const s = state({ items: ids(9, 7, 4), selectedId: 7 });
    expect(neighbourId(s, 1)).toBe(4);
    expect(neighbourId(s, -1)).toBe(9);
    expect(neighbourId({ ...s, selectedId: 4 }, 1)).toBe(4);
    expect(neighbourId({ ...s, selectedId: 9 }, -1)).toBe(9);
    expect(neighbourId(s, Infinity)).toBe(4);
    expect(neighbourId(s, -Infinity)).toBe(9);
    expect(neighbourId({ ...s, selectedId: null }, 1)).toBe(9);
    expect(neighbourId(state({}), 1)).toBeNull();
  });
});
