import { TriangleAlert } from 'lucide-react';
import type { CatalogEvent, ProviderDetail } from '../../../../shared/catalog-models';
import { useCatalogStore } from '../../stores/catalog';
import { currentEvent, currentProvider } from '../../stores/catalog/selectors';
import { DocText } from './doc-text';
import { ExamplesView } from './examples-view';
import { NotesList, sourceLabel } from './notes-list';
import { SchemaTree } from './schema-tree';

const DOCUMENTED: Record<CatalogEvent['payloadDocumented'], string | null> = {
  yes: null,
  partial: 'The documents describe only some fields of this payload.',
  no: 'The documents name this event but do not describe its payload: samples are placeholders.',
};

/** What the documents say about the selected event: summary, description, deprecation, notes, schema, examples. */
export function EventDetail() {
  const provider = useCatalogStore(currentProvider);
  const event = useCatalogStore(currentEvent);
  const detailError = useCatalogStore((s) => s.detailError);
  if (detailError) return <p className="events-hint error-text">{detailError}</p>;
  if (!provider) return <p className="events-hint">Pick a provider on the left to see its events.</p>;
  if (!event) return <p className="events-hint">Pick an event of {provider.title} to see what it carries.</p>;
  return <EventDocument provider={provider} event={event} />;
}

function EventDocument({ provider, event }: { provider: ProviderDetail; event: CatalogEvent }) {
  const documented = DOCUMENTED[event.payloadDocumented];
  return (
    <article className="event-document" data-testid="event-detail" aria-labelledby="event-title">
      <header className="event-header">
        <p className="muted event-provider">{provider.title}</p>
        <h1 id="event-title" className="event-title mono">
          {event.name}
        </h1>
        <div className="event-tags">
          {event.group && <span className="tag">{event.group}</span>}
          {event.deprecated && <span className="tag tag-warning">deprecated</span>}
          {event.aliases.map((a) => (
            <span key={a} className="tag" title="Another name the documents use">
              also {a}
            </span>
          ))}
        </div>
        <p className="event-summary">
          <DocText text={event.summary} />
        </p>
      </header>
      {event.deprecation && (
        <div className="notice notice-warning" role="note">
          <TriangleAlert size={14} aria-hidden="true" />
          <div>
            <strong>Deprecated.</strong> <DocText text={event.deprecation.note} />
            {event.deprecation.sources.length > 0 && (
              <span className="muted"> ({event.deprecation.sources.map(sourceLabel).join('; ')})</span>
            )}
          </div>
        </div>
      )}
      {event.description && event.description !== event.summary && (
        <p className="event-description" data-testid="event-description">
          <DocText text={event.description} />
        </p>
      )}
      {documented && <p className="field-warning">{documented}</p>}
      {event.notes.length > 0 && (
        <>
          <h2 className="section-title">Notes on this event</h2>
          <NotesList notes={event.notes} label="Notes on this event" />
        </>
      )}
      {event.statusTable.length > 0 && (
        <>
          <h2 className="section-title">Status values</h2>
          <table className="headers-table status-table">
            <tbody>
              {event.statusTable.map((row) => (
                <tr key={String(row.id)}>
                  <td className="mono">{String(row.id)}</td>
                  <td>{row.status}</td>
                  <td className="muted">{row.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2 className="section-title">Payload</h2>
      <SchemaTree schema={event.schema} />
      <h2 className="section-title">
        Documented example{event.examples.length > 1 ? `s (${event.examples.length})` : ''}
      </h2>
      <ExamplesView key={`${provider.id}/${event.name}`} examples={event.examples} />
      {provider.notes.length > 0 && (
        <details className="provider-notes">
          <summary className="section-title">
            Notes on {provider.title} ({provider.notes.length})
          </summary>
          <NotesList notes={provider.notes} label={`Notes on ${provider.title}`} />
        </details>
      )}
    </article>
  );
}
