import { useId } from 'react';
import { useFireStore } from '../../stores/fire';
import type { TargetForm } from '../../stores/fire/initial-state';
import { targetProblem } from '../../stores/fire/selectors';
import { useInboxesStore } from '../../stores/inboxes';

const KINDS: { id: TargetForm['kind']; label: string }[] = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'url', label: 'URL' },
  { id: 'subscriptions', label: 'Tenant subscriptions' },
];

/** Where fired events go: an inbox of the local receiver, any URL, or a sandbox tenant's subscriptions. */
export function TargetPicker() {
  const id = useId();
  const target = useFireStore((s) => s.target);
  const inboxes = useInboxesStore((s) => s.inboxes);
  const { targetEdited } = useFireStore.getState();
  const problem = targetProblem(target);
  return (
    <div className="fire-section" role="group" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        Target
      </h2>
      <div className="segmented" role="group" aria-label="Target kind">
        {KINDS.map((k) => (
          <button
            key={k.id}
            type="button"
            className="segment"
            aria-pressed={target.kind === k.id}
            onClick={() => targetEdited({ kind: k.id })}
          >
            {k.label}
          </button>
        ))}
      </div>
      <div className="fire-target-field">
        {target.kind === 'inbox' && (
          <select
            className="select"
            aria-label="Inbox"
            value={target.inbox}
            onChange={(e) => targetEdited({ inbox: e.target.value })}
          >
            {inboxes.length === 0 && <option value="default">default</option>}
            {inboxes.map((inbox) => (
              <option key={inbox.slug} value={inbox.slug}>
                {inbox.name === inbox.slug ? inbox.slug : `${inbox.name} (${inbox.slug})`}
              </option>
            ))}
          </select>
        )}
        {target.kind === 'url' && (
          <input
            className="input mono grow"
            type="url"
            aria-label="Target URL"
            placeholder="https://example.com/webhooks"
            value={target.url}
            aria-invalid={problem !== null && target.url !== ''}
            onChange={(e) => targetEdited({ url: e.target.value })}
          />
        )}
        {target.kind === 'subscriptions' && (
          <input
            className="input grow"
            aria-label="Tenant"
            value={target.tenant}
            onChange={(e) => targetEdited({ tenant: e.target.value })}
          />
        )}
      </div>
      {target.kind === 'subscriptions' && (
        <p className="field-hint">
          Sends to every subscription of the tenant that listens to this event. Hookbench says so if tenants
          are not available.
        </p>
      )}
    </div>
  );
}
