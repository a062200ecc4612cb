import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createInboxesStore } from '../../../../../src/renderer/src/stores/inboxes';
import { slugProblem, sortedInboxes } from '../../../../../src/renderer/src/stores/inboxes/selectors';
import { inbox, summary } from '../../helpers/fixtures';

function fakeInboxApi() {
  const api = {
    list: vi.fn(() => Promise.resolve([inbox('stripe'), inbox('default', { captureCount: 2 })])),
    create: vi.fn(({ slug }: { slug: string }) => Promise.resolve(inbox(slug))),
    update: vi.fn(({ slug, newSlug, name }: { slug: string; newSlug?: string; name?: string }) =>
      Promise.resolve(inbox(newSlug ?? slug, { name: name ?? slug })),
    ),
    delete: vi.fn(() => Promise.resolve({ deletedCaptures: 4 })),
  };
  return { api, store: createInboxesStore({ inbox: api as unknown as HookbenchApi['inbox'] }) };
}

describe('inboxes store', () => {
  it('lists inboxes default first and counts arriving captures per inbox', async () => {
    const { store } = fakeInboxApi();
    await store.getState().inboxesRequested();
    expect(store.getState().inboxes.map((i) => i.slug)).toEqual(['default', 'stripe']);
    store.getState().captureCounted(summary(1, { inbox: 'default' }));
    expect(store.getState().inboxes[0]?.captureCount).toBe(3);
  });

  it('checks slugs with the contract rule and against existing inboxes', async () => {
    const { store } = fakeInboxApi();
    await store.getState().inboxesRequested();
    expect(slugProblem(store.getState(), 'orders-2')).toBeNull();
    expect(slugProblem(store.getState(), 'Orders')).toBe(
      'use lower-case letters, digits and dashes (not at either end)',
    );
    expect(slugProblem(store.getState(), '-x')).toBe(
      'use lower-case letters, digits and dashes (not at either end)',
    );
    expect(slugProblem(store.getState(), 'a'.repeat(65))).toBe('at most 64 characters');
    expect(slugProblem(store.getState(), 'stripe')).toBe('an inbox "stripe" already exists');
    expect(slugProblem(store.getState(), 'stripe', 'stripe')).toBeNull();
  });

  it('creates, moves and deletes inboxes, keeping the list in step', async () => {
    const { api, store } = fakeInboxApi();
    await store.getState().inboxesRequested();
    await store.getState().inboxCreateRequested('orders', 'Orders');
    expect(api.create).toHaveBeenCalledWith({ slug: 'orders', name: 'Orders' });
    await store.getState().inboxUpdateRequested('orders', { newSlug: 'sales' });
    expect(store.getState().inboxes.map((i) => i.slug)).toEqual(['default', 'sales', 'stripe']);
    expect(await store.getState().inboxDeleteRequested('sales')).toBe(4);
    expect(store.getState().inboxes.map((i) => i.slug)).toEqual(['default', 'stripe']);
  });

  it('passes the core refusal on to the dialog', async () => {
    const { api, store } = fakeInboxApi();
    api.create.mockRejectedValueOnce(new BridgeError('invalid_input', 'An inbox "orders" already exists.'));
    await expect(store.getState().inboxCreateRequested('orders')).rejects.toThrow(
      'An inbox "orders" already exists.',
    );
  });

  it('sorts default first, then by slug', () => {
    expect(sortedInboxes([inbox('b'), inbox('default'), inbox('a')]).map((i) => i.slug)).toEqual([
      'default',
      'a',
      'b',
    ]);
  });
});
