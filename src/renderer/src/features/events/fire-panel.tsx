import { Send } from 'lucide-react';
import { useCatalogStore } from '../../stores/catalog';
import { useFireStore } from '../../stores/fire';
import { sendBlocker } from '../../stores/fire/selectors';
import { BulkSection } from './bulk-section';
import { DeliveryOptions } from './delivery-options';
import { PayloadEditor } from './payload-editor';
import { SendResult } from './send-result';
import { TargetPicker } from './target-picker';

/** The right pane: edit the payload, choose target and options, send once or in bulk, and see the result. */
export function FirePanel() {
  const event = useFireStore((s) => s.event);
  const hasProvider = useCatalogStore((s) => s.selectedProvider !== null);
  const blocker = useFireStore(sendBlocker);
  const sending = useFireStore((s) => s.send.status === 'sending');
  const { sendRequested } = useFireStore.getState();
  if (event === null)
    return (
      <aside className="fire-panel" aria-label="Fire">
        <p className="events-hint">
          {hasProvider ? 'Pick an event to fire it.' : 'Pick a provider and an event to fire it.'}
        </p>
      </aside>
    );
  return (
    <aside className="fire-panel" aria-label="Fire" data-testid="fire-panel">
      <div className="pane-header">
        <span className="pane-title">Fire</span>
        <span className="mono muted fire-event-name">{event}</span>
      </div>
      <div className="fire-scroll">
        <PayloadEditor />
        <TargetPicker />
        <DeliveryOptions />
        <div className="fire-send">
          <button
            type="button"
            className="button button-primary"
            disabled={blocker !== null || sending}
            aria-describedby={blocker ? 'fire-blocker' : undefined}
            onClick={() => void sendRequested()}
          >
            <Send size={14} aria-hidden="true" />
            {sending ? 'Sending…' : 'Send'}
          </button>
          {blocker && (
            <span id="fire-blocker" className="field-hint" data-testid="send-blocker">
              {blocker}
            </span>
          )}
        </div>
        <SendResult />
        <BulkSection />
      </div>
    </aside>
  );
}
