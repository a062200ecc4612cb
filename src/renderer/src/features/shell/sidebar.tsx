import { Building2, Inbox, Settings, Webhook, Zap, type LucideIcon } from 'lucide-react';
import { formatCount } from '../../lib/format';
import { AREAS, useAppStore, type Area } from '../../stores/app';
import { useCaptureCount } from './use-capture-count';

/** How each area appears in the sidebar. */
export const AREA_LABELS: Record<Area, { label: string; icon: LucideIcon }> = {
  inbox: { label: 'Inbox', icon: Inbox },
  events: { label: 'Events', icon: Zap },
  subscriptions: { label: 'Subscriptions', icon: Webhook },
  tenants: { label: 'Tenants', icon: Building2 },
  settings: { label: 'Settings', icon: Settings },
};

/** The left column: the app's areas, the current one marked for screen readers with `aria-current`. */
export function Sidebar() {
  const area = useAppStore((s) => s.area);
  const areaSelected = useAppStore((s) => s.areaSelected);
  const total = useCaptureCount();
  return (
    <nav className="sidebar" aria-label="Areas">
      <div className="brand">
        <Webhook size={18} aria-hidden="true" />
        <span>Hookbench</span>
      </div>
      <ul className="nav-list">
        {AREAS.map((id) => {
          const { label, icon: Icon } = AREA_LABELS[id];
          return (
            <li key={id}>
              <button
                type="button"
                className="nav-item"
                aria-current={area === id ? 'page' : undefined}
                onClick={() => areaSelected(id)}
              >
                <Icon size={16} aria-hidden="true" />
                <span className="nav-label">{label}</span>
                {id === 'inbox' && total > 0 && <span className="nav-count">{formatCount(total)}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
