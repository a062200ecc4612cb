import { FlaskConical, LoaderCircle, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import type { Subscription } from '../../../../shared/subscription-models';
import { useSubscriptionsStore } from '../../stores/subscriptions';

function Stats({ stats }: { stats: NonNullable<Subscription['stats']> }) {
  return (
    <span className="sub-stats" data-testid="delivery-stats">
      {stats.total_deliveries} deliveries · <span className="ok-text">{stats.successful_deliveries} ok</span>{' '}
      · <span className={stats.failed_deliveries ? 'danger-text' : ''}>{stats.failed_deliveries} failed</span>
    </span>
  );
}

function SubscriptionRow({ sub, onDelete }: { sub: Subscription; onDelete: () => void }) {
  const row = useSubscriptionsStore((s) => s.rows[sub.id]);
  const editing = useSubscriptionsStore((s) => s.composer?.id === sub.id);
  const actions = useSubscriptionsStore.getState();
  return (
    <li className={`sub-row${editing ? ' sub-row-selected' : ''}`} data-testid="subscription-row">
      <div className="sub-url">
        <code title={sub.url}>{sub.url}</code>
      </div>
      <div className="sub-tags">
        {sub.eventTypes.map((t) => (
          <span key={t} className="tag tag-accent">
            {t}
          </span>
        ))}
        {sub.active !== null && (
          <span className={`tag ${sub.active ? 'tag-ok' : 'tag-muted'}`}>
            {sub.active ? 'active' : 'inactive'}
          </span>
        )}
        {sub.createdByHookbench && (
          <span className="tag tag-muted" title="Tagged in its description by Hookbench">
            Hookbench{sub.inbox ? ` · ${sub.inbox}` : ''}
          </span>
        )}
        {sub.orphaned && (
          <span className="tag tag-warning" title="Made by Hookbench for an inbox that no longer exists">
            orphaned
          </span>
        )}
      </div>
      <div className="sub-meta">
        <span className="muted">{sub.id}</span>
        {sub.stats && <Stats stats={sub.stats} />}
        <span className="muted">
          {sub.lastTriggeredAt ? `last triggered ${sub.lastTriggeredAt}` : 'never triggered'}
        </span>
      </div>
      <div className="sub-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={() => void actions.composerOpened(sub)}
          aria-label={`Edit ${sub.id}`}
        >
          <Pencil size={13} aria-hidden="true" />
          Edit
        </button>
        {sub.provider === 'compliance-platform-v1' && (
          <button
            type="button"
            className="button button-ghost"
            disabled={row?.busy}
            onClick={() => void actions.testRequested(sub)}
            aria-label={`Test ${sub.id}`}
          >
            <FlaskConical size={13} aria-hidden="true" />
            Test
          </button>
        )}
        <button
          type="button"
          className="button button-ghost button-ghost-danger"
          onClick={onDelete}
          aria-label={`Delete ${sub.id}`}
        >
          <Trash2 size={13} aria-hidden="true" />
          Delete
        </button>
        {row?.busy && <LoaderCircle size={13} className="spin" aria-label="Working" />}
      </div>
      {row?.text && (
        <p
          className={row.ok ? 'sub-result ok-text' : 'sub-result danger-text'}
          role="status"
          data-testid="row-result"
        >
          {row.text}
        </p>
      )}
    </li>
  );
}

/** The tenant's subscriptions, newest answer from the provider, with edit / test / delete. */
export function SubscriptionList() {
  const subscriptions = useSubscriptionsStore((s) => s.subscriptions);
  const status = useSubscriptionsStore((s) => s.status);
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  if (status === 'loading')
    return (
      <p className="muted subs-pad" role="status">
        <LoaderCircle size={14} className="spin" aria-hidden="true" /> Reading the subscriptions…
      </p>
    );
  return (
    <>
      {status === 'ready' && subscriptions.length === 0 ? (
        <p className="muted subs-pad" data-testid="subscriptions-empty">
          This tenant has no subscriptions yet. Use <strong>New subscription</strong> to compose one, for
          instance pointing at your local inbox.
        </p>
      ) : (
        <ul className="sub-list" aria-label="Subscriptions">
          {subscriptions.map((s) => (
            <SubscriptionRow key={s.id} sub={s} onDelete={() => setDeleting(s)} />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete this subscription?"
        message={`The provider stops sending to ${deleting?.url ?? ''}; this cannot be undone.`}
        confirmLabel="Delete subscription"
        onConfirm={async () => {
          const id = deleting?.id;
          setDeleting(null);
          if (id) await useSubscriptionsStore.getState().deleteRequested(id);
        }}
        testId="subscription-delete-dialog"
      />
    </>
  );
}
