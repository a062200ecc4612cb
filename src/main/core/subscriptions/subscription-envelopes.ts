import { z } from 'zod';
import type { ExpectedEnvelope } from '../../../shared/check-models';
import type { Subscription } from '../../../shared/subscription-models';

/** Credo AI composes `type` as `{prefix}.{event}.{suffix}` from these subscription attributes. */
const PARTS = { prefix: 'event_type_prefix', suffix: 'event_type_suffix' } as const;

const remembered = z.array(
  z.object({
    key: z.string(),
    inbox: z.string(),
    provider: z.string(),
    envelope: z.object({
      prefix: z.string().nullable().optional(),
      suffix: z.string().nullable().optional(),
    }),
  }),
);
type Remembered = z.infer<typeof remembered>[number];

/** Where the remembered envelopes are kept between runs (a settings row). */
export interface EnvelopeStore {
  load(): unknown;
  save(value: unknown): void;
}

/**
 * What each subscription made for an inbox sets for its events' composed `type` (Credo AI's `event_type_prefix` and
 * `event_type_suffix`), learned whenever Hookbench reads, creates or updates the subscription and kept between runs.
 * The arrival check of a capture in that inbox then compares its `type` against them: a prefix other than the
 * subscription's is a finding. When several subscriptions of one inbox disagree, none is assumed.
 */
export class SubscriptionEnvelopes {
  private readonly bySubscription = new Map<string, Remembered>();

  constructor(private readonly store: EnvelopeStore) {
    const saved = remembered.safeParse(store.load());
    // A row written by another version, or damaged: start empty; the next listing fills it again.
    if (saved.success) for (const entry of saved.data) this.bySubscription.set(entry.key, entry);
  }

  private save(): void {
    this.store.save([...this.bySubscription.values()]);
  }

  /** A subscription as just read from (or written to) its tenant. */
  seen(subscription: Subscription): void {
    const key = `${subscription.tenantId}/${subscription.id}`;
    const envelope: ExpectedEnvelope = {};
    for (const [part, attribute] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
      if (!Object.hasOwn(subscription.attributes, attribute)) continue;
      const value = subscription.attributes[attribute];
      envelope[part] = typeof value === 'string' && value !== '' ? value : null;
    }
    const usable = subscription.inbox !== null && Object.keys(envelope).length > 0;
    const before = this.bySubscription.get(key);
    if (!usable || subscription.inbox === null) {
      if (before && this.bySubscription.delete(key)) this.save();
      return;
    }
    const next: Remembered = { key, inbox: subscription.inbox, provider: subscription.provider, envelope };
    if (JSON.stringify(before) === JSON.stringify(next)) return;
    this.bySubscription.set(key, next);
    this.save();
  }

  /** A subscription deleted at its tenant. */
  deleted(tenantId: string, id: string): void {
    if (this.bySubscription.delete(`${tenantId}/${id}`)) this.save();
  }

  /** The envelope every known subscription of this inbox and provider sets, or null (none known, or they disagree). */
  expected(inbox: string, provider: string): ExpectedEnvelope | null {
    let found: ExpectedEnvelope | null = null;
    for (const entry of this.bySubscription.values()) {
      if (entry.inbox !== inbox || entry.provider !== provider) continue;
      if (found === null) found = entry.envelope;
      else if (JSON.stringify(found) !== JSON.stringify(entry.envelope)) return null;
    }
    return found;
  }
}
