import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { DriftList, DriftWorkspace } from '../check/drift-view';
import { useCatalogStore } from '../../stores/catalog';
import { EventDetail } from './event-detail';
import { EventList } from './event-list';
import { FirePanel } from './fire-panel';
import { ProviderList } from './provider-list';
import { ScenarioList, ScenarioWorkspace } from './scenarios-view';
import { useEventsWiring } from './use-events-wiring';

type Mode = 'catalogue' | 'scenarios' | 'drift';

/** Catalogue, Scenarios or Drift, as a three-button switch at the top of the left pane. */
function ModeSwitch({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  return (
    <div className="pane-header">
      <div className="segmented" role="group" aria-label="Events view">
        <button
          type="button"
          className="segment"
          aria-pressed={mode === 'catalogue'}
          onClick={() => onChange('catalogue')}
        >
          Catalogue
        </button>
        <button
          type="button"
          className="segment"
          aria-pressed={mode === 'scenarios'}
          onClick={() => onChange('scenarios')}
        >
          Scenarios
        </button>
        <button
          type="button"
          className="segment"
          aria-pressed={mode === 'drift'}
          onClick={() => onChange('drift')}
          title="Fields seen over the history vs the documentation"
        >
          Drift
        </button>
      </div>
    </div>
  );
}

/** The Events area: providers and events, the selected event's documentation, and the Fire panel; or scenarios. */
export function EventsView() {
  const [mode, setMode] = useState<Mode>('catalogue');
  const status = useCatalogStore((s) => s.status);
  const error = useCatalogStore((s) => s.error);
  const selectedEvent = useCatalogStore((s) => s.selectedEvent) ?? '';
  useEventsWiring();

  if (error && status !== 'ready')
    return (
      <div className="area-padding">
        <ErrorBanner
          title="Could not load the catalogue"
          message={error}
          onRetry={() => void useCatalogStore.getState().eventsOpened()}
        />
      </div>
    );
  if (status !== 'ready')
    return (
      <div className="area-centered" role="status">
        <LoaderCircle size={20} className="spin" aria-hidden="true" />
        <p>Loading the catalogue…</p>
      </div>
    );
  return (
    <div className="events" data-testid="events-view">
      <nav className="events-nav" aria-label="Catalogue">
        <ModeSwitch mode={mode} onChange={setMode} />
        {mode === 'catalogue' ? (
          <div className="events-nav-scroll">
            <ProviderList />
            <EventList />
          </div>
        ) : mode === 'scenarios' ? (
          <ScenarioList />
        ) : (
          <DriftList />
        )}
      </nav>
      {mode === 'drift' ? (
        <DriftWorkspace />
      ) : mode === 'catalogue' ? (
        <>
          {/* Keyed by event so each event opens at its top, not where the previous one was scrolled to. */}
          <section key={selectedEvent} className="events-doc" aria-label="Event documentation">
            <EventDetail />
          </section>
          <FirePanel />
        </>
      ) : (
        <ScenarioWorkspace />
      )}
    </div>
  );
}
