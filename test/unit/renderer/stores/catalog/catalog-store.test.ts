import { describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../../../src/renderer/src/lib/bridge';
import { createCatalogStore } from '../../../../../src/renderer/src/stores/catalog';
import type { CatalogApi } from '../../../../../src/renderer/src/stores/catalog/actions';
import { currentEvent, eventGroups } from '../../../../../src/renderer/src/stores/catalog/selectors';
import { providerDetail, providerSummary } from '../../features/events/catalog-fixtures';

/** A mock that answers with `fn`'s value as a resolved promise. */
const resolved = <A extends unknown[], T>(fn: (...args: A) => T) =>
  vi.fn((...args: A) => Promise.resolve(fn(...args)));

function fakeApi(overrides: Partial<CatalogApi['catalog']> = {}): CatalogApi {
  return {
    catalog: {
      list: resolved(() => [
        providerSummary(),
        providerSummary({ id: 'mine', title: 'Mine', origin: 'user' }),
      ]),
      get: resolved(({ provider }: { provider: string }) => providerDetail({ id: provider })),
      import: resolved(() => ({
        provider: providerSummary({ id: 'mine', title: 'Mine' }),
        warnings: ['w'],
      })),
      remove: resolved(() => ({ removed: true })),
      ...overrides,
    },
  };
}

describe('catalogue store', () => {
  it('loads the providers when the area opens and selects the first provider and its first event', async () => {
    const api = fakeApi();
    const store = createCatalogStore(api);
    await store.getState().eventsOpened();
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.selectedProvider).toBe('credo-ai');
    expect(state.selectedEvent).toBe('use_case_review_status_updated');
    expect(currentEvent(state)?.description).toBe('Sent when use_case_review_status_updated happens.');
  });

  it('keeps loaded providers and clears the search when another provider is picked', async () => {
    const api = fakeApi();
    const store = createCatalogStore(api);
    await store.getState().eventsOpened();
    store.getState().searchChanged('comment');
    await store.getState().providerSelected('mine');
    await store.getState().providerSelected('credo-ai');
    expect(store.getState().search).toBe('');
    expect(api.catalog.get).toHaveBeenCalledTimes(2);
  });

  it('groups events in catalogue order and filters them by every word of the search', () => {
    const events = providerDetail().events;
    expect(eventGroups(events, '').map((g) => [g.group, g.events.length])).toEqual([
      ['Use case reviews', 2],
      ['Use case metadata', 1],
    ]);
    expect(eventGroups(events, 'review comment').flatMap((g) => g.events.map((e) => e.name))).toEqual([
      'use_case_review_comment',
    ]);
  });

  it('reports an import error naming the file, and selects the imported provider on success', async () => {
    const failing = fakeApi({
      import: vi.fn(() =>
        Promise.reject(
          new BridgeError('invalid_input', 'mine.yaml: webhooks/x/post: the payload schema is missing'),
        ),
      ),
    });
    const store = createCatalogStore(failing);
    await store.getState().openApiChosen('mine.yaml', 'openapi: 3.1.0');
    expect(store.getState().importOutcome).toEqual({
      kind: 'failed',
      filename: 'mine.yaml',
      message: 'mine.yaml: webhooks/x/post: the payload schema is missing',
    });

    const good = createCatalogStore(fakeApi());
    await good.getState().openApiChosen('mine.json', '{}');
    expect(good.getState().importOutcome).toEqual({ kind: 'imported', provider: 'Mine', warnings: ['w'] });
    expect(good.getState().selectedProvider).toBe('mine');
  });
});
