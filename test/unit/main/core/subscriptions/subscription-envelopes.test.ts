import { describe, expect, it } from 'vitest';
import { SubscriptionEnvelopes } from '../../../../../src/main/core/subscriptions/subscription-envelopes';
import type { Subscription } from '../../../../../src/shared/subscription-models';

function credo(id: string, inbox: string | null, attributes: Record<string, unknown>): Subscription {
  return {
    provider: 'credo-ai',
    tenantId: 't1',
    id,
    url: 'http://127.0.0.1:4545/hooks/x',
    eventTypes: ['use_case_review_status_updated'],
    description: null,
    active: null,
    attributes,
    stats: null,
    lastTriggeredAt: null,
    inbox,
    createdByHookbench: inbox !== null,
    orphaned: false,
  };
}

function memoryStore(initial?: unknown) {
  const store = { value: initial, load: () => store.value, save: (v: unknown) => void (store.value = v) };
  return store;
}

describe('SubscriptionEnvelopes', () => {
  it("knows an inbox's prefix and suffix from its subscriptions, treating empty and null as none", () => {
    const envelopes = new SubscriptionEnvelopes(memoryStore());
    envelopes.seen(credo('a', 'credo', { event_type_prefix: 'Acme', event_type_suffix: '' }));
    expect(envelopes.expected('credo', 'credo-ai')).toEqual({ prefix: 'Acme', suffix: null });
    expect(envelopes.expected('credo', 'credas')).toBeNull();
    expect(envelopes.expected('other', 'credo-ai')).toBeNull();
  });

  it('assumes nothing when subscriptions of one inbox disagree, or for untagged ones and those without the fields', () => {
    const envelopes = new SubscriptionEnvelopes(memoryStore());
    envelopes.seen(credo('a', 'credo', { event_type_prefix: 'Acme' }));
    envelopes.seen(credo('b', 'credo', { event_type_prefix: 'Other' }));
    expect(envelopes.expected('credo', 'credo-ai')).toBeNull();
    envelopes.seen(credo('c', null, { event_type_prefix: 'X' }));
    envelopes.seen(credo('d', 'plain', {}));
    expect(envelopes.expected('plain', 'credo-ai')).toBeNull();
  });

  it('forgets a deleted subscription, and one no longer tagged for the inbox', () => {
    const envelopes = new SubscriptionEnvelopes(memoryStore());
    envelopes.seen(credo('a', 'credo', { event_type_prefix: 'Acme' }));
    envelopes.seen(credo('b', 'credo', { event_type_prefix: 'Other' }));
    envelopes.deleted('t1', 'b');
    expect(envelopes.expected('credo', 'credo-ai')).toEqual({ prefix: 'Acme' });
    envelopes.seen(credo('a', null, { event_type_prefix: 'Acme' }));
    expect(envelopes.expected('credo', 'credo-ai')).toBeNull();
  });

  it('keeps what it learned in its store, and starts empty from a damaged one', () => {
    const store = memoryStore();
    new SubscriptionEnvelopes(store).seen(credo('a', 'credo', { event_type_suffix: 'v2' }));
    expect(new SubscriptionEnvelopes(store).expected('credo', 'credo-ai')).toEqual({ suffix: 'v2' });
    expect(
      new SubscriptionEnvelopes(memoryStore({ not: 'a list' })).expected('credo', 'credo-ai'),
    ).toBeNull();
  });
});
