import { Download, LoaderCircle, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { CheckProgress, DriftEvent, DriftField } from '../../../../shared/check-models';
import { ErrorBanner } from '../../components/error-banner';
import { downloadText } from '../../lib/download';
import { formatClock, formatTimestamp } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { useCheckStore } from '../../stores/check';
import { driftKey } from '../../stores/check/actions';

const DRIFT_STATUS_WORDS: Record<DriftField['status'], string> = {
  ok: 'ok',
  'never-seen': 'never seen',
  undocumented: 'undocumented',
  'type-changed': 'type changed',
};

/** The drift event the view shows: the chosen one, else the first. */
function useSelectedDriftEvent(): DriftEvent | null {
  const drift = useCheckStore((s) => s.drift);
  const selected = useCheckStore((s) => s.driftSelected);
  const events = 'report' in drift && drift.report ? drift.report.events : [];
  return events.find((e) => driftKey(e.provider, e.eventType) === selected) ?? events[0] ?? null;
}

const when = (ms: number | null): string => (ms === null ? '—' : formatTimestamp(ms));

/** A compact time for the table: the clock today, else the date and minute. Full timestamp in the tooltip. */
function Seen({ ms }: { ms: number | null }) {
  if (ms === null) return <span className="muted">—</span>;
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  const text = today
    ? formatClock(ms)
    : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <time dateTime={date.toISOString()} title={formatTimestamp(ms)}>
      {text}
    </time>
  );
}

/** The event types seen over the history, as the left pane of the Drift view. */
export function DriftList() {
  const drift = useCheckStore((s) => s.drift);
  const current = useSelectedDriftEvent();
  useEffect(() => {
    void useCheckStore.getState().driftRequested();
  }, []);
  const events = 'report' in drift && drift.report ? drift.report.events : [];
  return (
    <section className="events-nav-scroll" aria-label="Event types seen">
      {drift.status === 'loading' && events.length === 0 && (
        <p className="events-hint" role="status">
          <LoaderCircle size={14} className="spin" aria-hidden="true" /> Reading the history…
        </p>
      )}
      {drift.status === 'ready' && events.length === 0 && (
        <p className="events-hint">No identified captures yet.</p>
      )}
      <ul className="events-choices" aria-label="Event types">
        {events.map((e) => {
          const key = driftKey(e.provider, e.eventType);
          return (
            <li key={key}>
              <button
                type="button"
                className="choice-row choice-row-tall"
                data-testid="drift-event"
                aria-current={
                  current && key === driftKey(current.provider, current.eventType) ? 'true' : undefined
                }
                onClick={() => useCheckStore.getState().driftEventSelected(key)}
              >
                <span className="drift-choice">
                  <span className="choice-name mono">{e.eventType}</span>
                  <span className="muted drift-choice-counts">
                    {e.provider} · {e.captures} captured
                    {e.deviates > 0 && <span className="check-warning"> · {e.deviates} deviate</span>}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** How far a background re-check got, as words and a bar. */
function RecheckProgress({ progress }: { progress: CheckProgress }) {
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;
  return (
    <div className="drift-progress" role="status" data-testid="recheck-progress">
      <span>
        {progress.state === 'running'
          ? `Re-checking ${progress.done} of ${progress.total}…`
          : `Re-checked ${progress.total} capture${progress.total === 1 ? '' : 's'}`}
        {progress.changed > 0 && ` · ${progress.changed} changed verdict`}
      </span>
      {progress.state === 'running' && (
        <progress max={100} value={pct} aria-label="Re-check progress">
          {pct}%
        </progress>
      )}
    </div>
  );
}

function FieldTypes({ field }: { field: DriftField }) {
  return (
    <>
      {field.seenTypes.length === 0 ? (
        <span className="muted">—</span>
      ) : (
        field.seenTypes.map((t) => (
          <span
            key={t.type}
            className={`mono drift-type${field.documentedTypes.length > 0 && !field.documentedTypes.some((d) => d.split('|').includes(t.type)) ? ' check-warning' : ''}`}
          >
            {t.type} <span className="muted">×{t.count}</span>
          </span>
        ))
      )}
    </>
  );
}

/** The fields table of one event: documented vs seen, with counts and first/last seen. */
export function DriftTable({ event }: { event: DriftEvent }) {
  return (
    <table className="drift-table" data-testid="drift-table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Documented</th>
          <th scope="col">Documented types</th>
          <th scope="col">Seen types</th>
          <th scope="col" className="num">
            Count
          </th>
          <th scope="col">First seen</th>
          <th scope="col">Last seen</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {event.fields.map((f) => (
          <tr key={f.path} data-testid="drift-field" data-path={f.path} data-status={f.status}>
            <th scope="row" className="mono drift-path">
              {f.path || 'body'}
              {f.decoded && <span className="tag tag-observed">decoded</span>}
            </th>
            <td>{f.documented ? f.required ? 'required' : 'optional' : <span className="muted">no</span>}</td>
            <td className="mono">{f.documentedTypes.join(', ') || <span className="muted">—</span>}</td>
            <td>
              <FieldTypes field={f} />
            </td>
            <td className="num">{f.count}</td>
            <td className="nowrap">
              <Seen ms={f.firstSeen} />
            </td>
            <td className="nowrap">
              <Seen ms={f.lastSeen} />
            </td>
            <td>
              <span className={`drift-status drift-${f.status}`}>{DRIFT_STATUS_WORDS[f.status]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The right part of the Drift view: the chosen event's summary, its fields, export and re-check. */
export function DriftWorkspace() {
  const drift = useCheckStore((s) => s.drift);
  const progress = useCheckStore((s) => s.progress);
  const recheckError = useCheckStore((s) => s.recheckError);
  const event = useSelectedDriftEvent();
  const [exportError, setExportError] = useState<string | null>(null);
  const running = progress?.state === 'running';

  const exportSchema = async (e: DriftEvent): Promise<void> => {
    setExportError(null);
    try {
      const out = await useCheckStore.getState().observedSchemaRequested(e.provider, e.eventType);
      const filename = `${e.provider}-${e.eventType}.observed.schema.json`.replace(/[^A-Za-z0-9._-]/g, '_');
      downloadText(filename, 'application/schema+json', `${JSON.stringify(out.schema, null, 2)}\n`);
      useAppStore.getState().toastShown(`Saved ${filename}`);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="events-doc drift-doc" aria-label="Drift report" data-testid="drift-view">
      <div className="drift-toolbar">
        <h2 className="drift-title">Drift over the history</h2>
        <button
          type="button"
          className="button"
          onClick={() => void useCheckStore.getState().driftRequested()}
          disabled={drift.status === 'loading'}
        >
          <RefreshCw
            size={14}
            aria-hidden="true"
            className={drift.status === 'loading' ? 'spin' : undefined}
          />
          Refresh
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void useCheckStore.getState().recheckRequested()}
          disabled={running}
          title="Check every stored capture again against the current catalogue"
        >
          <RefreshCw size={14} aria-hidden="true" className={running ? 'spin' : undefined} />
          Re-check all history
        </button>
      </div>
      {progress && <RecheckProgress progress={progress} />}
      {recheckError && <ErrorBanner title="Could not start the re-check" message={recheckError} />}
      {drift.status === 'failed' && (
        <ErrorBanner
          title="Could not read the drift report"
          message={drift.error}
          onRetry={() => void useCheckStore.getState().driftRequested()}
        />
      )}
      {event ? (
        <div className="drift-event">
          <div className="drift-event-head">
            <div>
              <h3 className="mono drift-event-name" data-testid="drift-event-name">
                {event.eventType}
              </h3>
              <p className="muted">
                {event.provider} · {event.captures} captured · {event.conforms} conform ·{' '}
                <span className={event.deviates > 0 ? 'check-warning' : undefined}>
                  {event.deviates} deviate
                </span>{' '}
                · first {when(event.firstSeen)} · last {when(event.lastSeen)}
                {event.payloadDocumented !== 'yes' &&
                  ` · payload ${event.payloadDocumented === 'partial' ? 'partly' : 'not'} documented`}
              </p>
            </div>
            <button type="button" className="button" onClick={() => void exportSchema(event)}>
              <Download size={14} aria-hidden="true" />
              Export observed schema
            </button>
          </div>
          {exportError && <ErrorBanner title="Could not export the observed schema" message={exportError} />}
          <div className="drift-table-scroll">
            <DriftTable event={event} />
          </div>
        </div>
      ) : (
        drift.status === 'ready' && (
          <div className="empty-state">
            <h2>No drift to report yet</h2>
            <p>
              Send a webhook to the receiver, or fire one from the Catalogue. Once a capture is identified as
              a documented event, its fields are compared with the documentation here.
            </p>
          </div>
        )
      )}
    </section>
  );
}
