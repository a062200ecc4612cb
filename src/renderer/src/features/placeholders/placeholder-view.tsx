import { Construction, Inbox } from 'lucide-react';
import { useAppStore } from '../../stores/app';
import { PLANNED_AREAS, type PlannedAreaId } from './area-descriptions';

/** An honest panel for an area that is planned but not built: what it will do, and that it does not yet. */
export function PlaceholderView({ area }: { area: PlannedAreaId }) {
  const { title, summary, points } = PLANNED_AREAS[area];
  const version = useAppStore((s) => s.info?.version);
  const areaSelected = useAppStore((s) => s.areaSelected);
  return (
    <section className="placeholder" aria-labelledby="placeholder-title">
      <div className="placeholder-card">
        <Construction size={28} aria-hidden="true" className="placeholder-icon" />
        <h1 id="placeholder-title">{title}</h1>
        <p className="placeholder-status">
          Not built yet in this version{version ? ` (${version})` : ''}. Nothing here works today.
        </p>
        <p>When it is built, this area will let you {summary.charAt(0).toLowerCase() + summary.slice(1)}</p>
        <ul>
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <p className="muted">Today Hookbench receives webhooks and lets you inspect them in the Inbox.</p>
        <button type="button" className="button" onClick={() => areaSelected('inbox')}>
          <Inbox size={14} aria-hidden="true" />
          Go to the Inbox
        </button>
      </div>
    </section>
  );
}
