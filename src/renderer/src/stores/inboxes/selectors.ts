import type { Inbox } from '../../../../shared/inbox-models';
import { inboxSlug } from '../../../../shared/inbox-models';
import type { InboxesState } from './initial-state';

/** The inbox every unmatched request goes to; it cannot be deleted or moved. */
export const DEFAULT_INBOX = 'default';

/** One inbox by slug. */
export function inboxBySlug(state: InboxesState, slug: string | null): Inbox | undefined {
  return slug === null ? undefined : state.inboxes.find((i) => i.slug === slug);
}

/** `default` first, then the others by slug, so the switcher reads the same every time. */
export function sortedInboxes(inboxes: readonly Inbox[]): Inbox[] {
  return [...inboxes].sort((a, b) =>
    a.slug === DEFAULT_INBOX ? -1 : b.slug === DEFAULT_INBOX ? 1 : a.slug.localeCompare(b.slug),
  );
}

/**
 * What is wrong with a slug typed for a new or moved inbox, in the words of the contract's own rule (so the form
 * and the core always agree), or null when it is fine. `current` is the slug being moved, which may be kept.
 */
export function slugProblem(state: InboxesState, slug: string, current: string | null = null): string | null {
  const parsed = inboxSlug.safeParse(slug);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid slug';
  if (slug !== current && state.inboxes.some((i) => i.slug === slug))
    return `an inbox "${slug}" already exists`;
  return null;
}
