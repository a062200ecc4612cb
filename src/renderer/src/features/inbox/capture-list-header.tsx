import { Pause, Play } from 'lucide-react';
import { pluralize } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';
import { describeTotal } from '../../stores/inbox/selectors';
import { InboxSwitcher } from '../inboxes/inbox-switcher';
import { ListMenu } from './list-menu';

/**
 * Above the list: the inbox switcher, how many captures match, the live toggle (not while nothing has arrived yet)
 * and the list menu.
 */
export function CaptureListHeader({ showLive = true }: { showLive?: boolean }) {
  const total = useInboxStore(describeTotal);
  const paused = useInboxStore((s) => s.paused);
  const pending = useInboxStore((s) => s.pending.length);
  const liveToggled = useInboxStore((s) => s.liveToggled);
  return (
    <div className="pane-header">
      <h1 className="visually-hidden">Inbox</h1>
      <InboxSwitcher />
      <span className="pane-subtitle" aria-live="polite" data-testid="capture-total">
        {total}
        {paused && pending > 0 && (
          <span className="pending-count"> · {pluralize(pending, 'new one')} waiting</span>
        )}
      </span>
      <span className="spacer" />
      {showLive && (
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
      )}
      <ListMenu />
    </div>
  );
}
