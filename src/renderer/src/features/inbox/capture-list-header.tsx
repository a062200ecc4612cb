import { Pause, Play } from 'lucide-react';
import { pluralize } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';

/** Above the list: how many captures exist and the live toggle (with how many wait while paused). */
export function CaptureListHeader() {
  const total = useInboxStore((s) => s.total);
  const paused = useInboxStore((s) => s.paused);
  const pending = useInboxStore((s) => s.pending.length);
  const liveToggled = useInboxStore((s) => s.liveToggled);
  return (
    <div className="pane-header">
      <h1 className="pane-title">Inbox</h1>
      <span className="pane-subtitle" aria-live="polite">
        {pluralize(total, 'capture')}
        {paused && pending > 0 && (
          <span className="pending-count"> · {pluralize(pending, 'new one')} waiting</span>
        )}
      </span>
      <span className="spacer" />
      <button
        type="button"
        className={`button ${paused ? 'button-attention' : 'button-ghost'}`}
        aria-pressed={paused}
        onClick={liveToggled}
        title={paused ? 'Resume: show captures as they arrive' : 'Pause: hold new captures until resumed'}
      >
        {paused ? <Play size={14} aria-hidden="true" /> : <Pause size={14} aria-hidden="true" />}
        {paused ? 'Resume live' : 'Pause live'}
      </button>
    </div>
  );
}
