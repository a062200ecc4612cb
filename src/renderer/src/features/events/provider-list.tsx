import { Trash2 } from 'lucide-react';
import { useCatalogStore } from '../../stores/catalog';
import { ImportOpenApiButton } from './import-openapi-button';

/** The catalogue's providers with their event counts; imported ones are marked and can be removed. */
export function ProviderList() {
  const providers = useCatalogStore((s) => s.providers);
  const selected = useCatalogStore((s) => s.selectedProvider);
  const { providerSelected, importedProviderRemoved } = useCatalogStore.getState();
  return (
    <section className="provider-list" aria-label="Providers">
      <h2 className="section-title events-heading">Providers</h2>
      <ul className="events-choices">
        {providers.map((p) => (
          <li key={p.id} className="provider-item">
            <button
              type="button"
              className="choice-row"
              aria-current={p.id === selected ? 'true' : undefined}
              onClick={() => void providerSelected(p.id)}
              title={p.summary ?? p.title}
            >
              <span className="choice-name">{p.title}</span>
              {p.origin === 'user' && <span className="tag tag-user">imported</span>}
              <span className="choice-count" aria-label={`${p.eventCount} events`}>
                {p.eventCount}
              </span>
            </button>
            {p.origin === 'user' && (
              <button
                type="button"
                className="button button-ghost icon-button"
                aria-label={`Remove ${p.title} from the catalogue`}
                onClick={() => void importedProviderRemoved(p.id)}
              >
                <Trash2 size={13} aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
      </ul>
      <ImportOpenApiButton />
    </section>
  );
}
