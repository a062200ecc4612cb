import type { CatalogEvent, ProviderDetail } from '../../../../shared/catalog-models';
import type { CatalogState } from './initial-state';

/** A group of the event list: its title (null for events without a group) and its events in catalogue order. */
export interface EventGroup {
  group: string | null;
  events: CatalogEvent[];
}

/** The selected provider with its events, once loaded. */
export function currentProvider(state: CatalogState): ProviderDetail | undefined {
  return state.selectedProvider === null ? undefined : state.details[state.selectedProvider];
}

/** The selected event of the selected provider. */
export function currentEvent(state: CatalogState): CatalogEvent | undefined {
  return currentProvider(state)?.events.find((e) => e.name === state.selectedEvent);
}

/** True when the event's name, an alias, its summary or its group contains every word of `search`. */
export function eventMatches(event: CatalogEvent, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [event.name, event.summary, event.group ?? '', ...event.aliases].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The events matching `search`, grouped by their group in the order the groups first appear. */
export function eventGroups(events: readonly CatalogEvent[], search: string): EventGroup[] {
  const groups = new Map<string | null, CatalogEvent[]>();
  for (const event of events) {
    if (!eventMatches(event, search)) continue;
    const list = groups.get(event.group) ?? [];
    list.push(event);
    groups.set(event.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, events: list }));
}

/** The event to show first for a provider: the first real event (wildcards and test events are never delivered). */
export function firstEvent(detail: ProviderDetail): string | null {
  return (detail.events.find((e) => e.kind === 'event') ?? detail.events[0])?.name ?? null;
}
