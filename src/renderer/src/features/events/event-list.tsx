import { Search } from 'lucide-react';
import { useCatalogStore } from '../../stores/catalog';
import { currentProvider, eventGroups } from '../../stores/catalog/selectors';

/** The selected provider's events, searchable and grouped, with deprecated and undocumented ones badged. */
export function EventList() {
  const provider = useCatalogStore(currentProvider);
  const search = useCatalogStore((s) => s.search);
  const selected = useCatalogStore((s) => s.selectedEvent);
  const loading = useCatalogStore((s) => s.detailLoading !== null);
  const { searchChanged, eventSelected } = useCatalogStore.getState();
  const groups = provider ? eventGroups(provider.events, search) : [];
  return (
    <section className="event-list" aria-label="Event types">
      <div className="event-search">
        <Search size={14} aria-hidden="true" className="muted" />
        <input
          className="input grow"
          type="search"
          placeholder="Search events"
          aria-label="Search events"
          value={search}
          onChange={(e) => searchChanged(e.target.value)}
        />
      </div>
      {loading && <p className="events-hint">Loading events…</p>}
      {provider && groups.length === 0 && (
        <p className="events-hint">
          No event of {provider.title} matches “{search}”. Clear the search to see all.
        </p>
      )}
      <div className="event-groups">
        {groups.map(({ group, events }) => (
          <div key={group ?? ''} role="group" aria-label={group ?? 'Other events'}>
            <h3 className="event-group-title">{group ?? 'Other events'}</h3>
            <ul className="events-choices">
              {events.map((e) => (
                <li key={e.name}>
                  <button
                    type="button"
                    className="choice-row"
                    data-testid="event-row"
                    aria-current={e.name === selected ? 'true' : undefined}
                    onClick={() => eventSelected(e.name)}
                    title={e.summary}
                  >
                    <span className="choice-name mono">{e.name}</span>
                    {e.deprecated && <span className="tag tag-warning">deprecated</span>}
                    {e.payloadDocumented === 'no' && <span className="tag">payload not documented</span>}
                    {e.kind !== 'event' && <span className="tag">{e.kind}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
