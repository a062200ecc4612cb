import { Broom, CheckCircle2, Plus, RotateCw, Send, X, XCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { useAppStore } from '../../stores/app';
import { useSubscriptionsStore } from '../../stores/subscriptions';
import { useTenantsStore } from '../../stores/tenants';
import { PROVIDER_NAMES } from '../tenants/provider-names';
import { useTenantsWiring } from '../tenants/tenants-view';
import { Composer } from './composer';
import { SubscriptionList } from './subscription-list';

/** Sandbox only: make an event happen and show where it was delivered. */
function TriggerBar() {
  const eventTypes = useSubscriptionsStore((s) => s.eventTypes);
  const trigger = useSubscriptionsStore((s) => s.trigger);
  const [eventType, setEventType] = useState('');
  const chosen = eventType || (eventTypes.find((t) => !t.deprecated) ?? eventTypes[0])?.name || '';
  return (
    <div className="trigger-bar" data-testid="trigger-bar">
      <label htmlFor="trigger-event" className="field-label">
        Sandbox event
      </label>
      <select
        id="trigger-event"
        className="select"
        value={chosen}
        onChange={(e) => setEventType(e.target.value)}
      >
        {eventTypes.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name}
            {t.deprecated ? ' (deprecated)' : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={!chosen || trigger.busy}
        onClick={() => void useSubscriptionsStore.getState().triggerRequested(chosen)}
      >
        <Send size={13} aria-hidden="true" />
        {trigger.busy ? 'Triggering…' : 'Trigger event'}
      </button>
      {trigger.error && (
        <span role="alert" className="danger-text">
          {trigger.error}
        </span>
      )}
      {trigger.result && (
        <div className="trigger-result" role="status" data-testid="trigger-result">
          {trigger.result.deliveries.length === 0 ? (
            <span className="muted">
              No subscription listens to {trigger.result.eventType}: nothing was sent.
            </span>
          ) : (
            <ul>
              {trigger.result.deliveries.map((d) => (
                <li key={d.messageId}>
                  {d.ok ? (
                    <CheckCircle2 size={13} className="ok-text" aria-label="Delivered" />
                  ) : (
                    <XCircle size={13} className="danger-text" aria-label="Failed" />
                  )}{' '}
                  {d.eventType} → <code>{d.url}</code> {d.status !== null ? `HTTP ${d.status}` : ''}
                  {d.error ? ` ${d.error}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** "Remove orphans": the dry run lists what would go, then one confirm removes them. */
function CleanupDialog() {
  const cleanup = useSubscriptionsStore((s) => s.cleanup);
  const actions = useSubscriptionsStore.getState();
  const orphans = cleanup.orphans;
  if (orphans === null && !cleanup.error) return null;
  if (orphans !== null && orphans.length === 0)
    return (
      <div className="subs-notice" role="status">
        No orphaned subscriptions: every one Hookbench made still has its inbox.
        <button
          type="button"
          className="button button-ghost"
          aria-label="Dismiss"
          onClick={actions.cleanupDismissed}
        >
          <X size={13} aria-hidden="true" />
        </button>
      </div>
    );
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => !o && actions.cleanupDismissed()}
      title="Remove orphaned subscriptions?"
      message={
        orphans
          ? `${orphans.length} subscription${orphans.length === 1 ? '' : 's'} made by Hookbench for inboxes that no longer exist will be deleted at the provider.`
          : 'The clean-up failed.'
      }
      confirmLabel="Remove orphans"
      busy={cleanup.busy}
      onConfirm={actions.cleanupConfirmed}
      testId="cleanup-dialog"
    >
      {orphans && (
        <ul className="cleanup-list">
          {orphans.map((o) => (
            <li key={o.id}>
              <code>{o.url}</code> <span className="muted">(inbox {o.inbox})</span>
            </li>
          ))}
        </ul>
      )}
      {cleanup.error && (
        <p role="alert" className="field-problem">
          {cleanup.error}
        </p>
      )}
    </ConfirmDialog>
  );
}

/** The Subscriptions area: a tenant's subscriptions, the composer, clean-up, and sandbox triggers. */
export function SubscriptionsView() {
  useTenantsWiring();
  const tenants = useTenantsStore((s) => s.tenants);
  const tenantsStatus = useTenantsStore((s) => s.status);
  const sandbox = useTenantsStore((s) => s.sandbox);
  const tenantId = useSubscriptionsStore((s) => s.tenantId);
  const error = useSubscriptionsStore((s) => s.error);
  const notice = useSubscriptionsStore((s) => s.notice);
  const composerOpen = useSubscriptionsStore((s) => s.composer !== null);
  const cleanupBusy = useSubscriptionsStore((s) => s.cleanup.busy);
  const actions = useSubscriptionsStore.getState();
  const tenant = tenants.find((t) => t.id === tenantId) ?? null;

  // Picks the first tenant (sandbox profiles come first) when none is chosen or the chosen one went away.
  useEffect(() => {
    if (tenantsStatus !== 'ready') return;
    const first = tenants[0];
    if (first && !tenants.some((t) => t.id === tenantId))
      void useSubscriptionsStore.getState().tenantSelected(first.id, first.provider);
  }, [tenants, tenantsStatus, tenantId]);

  if (tenantsStatus === 'ready' && tenants.length === 0)
    return (
      <div className="area-centered subs-empty" data-testid="subscriptions-view">
        <div>
          <p>No tenant to manage subscriptions on yet.</p>
          <p className="muted">Add a tenant profile, or switch on the sandbox tenant to try it locally.</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => useAppStore.getState().areaSelected('tenants')}
          >
            Go to Tenants
          </button>
        </div>
      </div>
    );

  const inSandbox = tenant?.sandbox === true && sandbox?.running === true;
  return (
    <div className={`subs${composerOpen ? ' subs-with-composer' : ''}`} data-testid="subscriptions-view">
      <section className="subs-list-pane" aria-label="Subscriptions">
        <div className="subs-toolbar">
          <label htmlFor="subs-tenant" className="field-label">
            Tenant
          </label>
          <select
            id="subs-tenant"
            className="select"
            value={tenantId ?? ''}
            onChange={(e) => {
              const t = tenants.find((x) => x.id === e.target.value);
              if (t) void actions.tenantSelected(t.id, t.provider);
            }}
          >
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.sandbox
                  ? `Sandbox — ${PROVIDER_NAMES[t.provider]}`
                  : `${t.name} — ${PROVIDER_NAMES[t.provider]}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-ghost"
            aria-label="Refresh"
            onClick={() => void actions.listRequested()}
          >
            <RotateCw size={13} aria-hidden="true" />
          </button>
          <span className="subs-toolbar-gap" />
          <button
            type="button"
            className="button"
            disabled={!tenantId || cleanupBusy}
            onClick={() => void actions.cleanupPreviewRequested()}
          >
            <Broom size={13} aria-hidden="true" />
            Remove orphans…
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!tenantId}
            onClick={() => void actions.composerOpened()}
          >
            <Plus size={13} aria-hidden="true" />
            New subscription
          </button>
        </div>
        {inSandbox && <TriggerBar />}
        {tenant?.sandbox && !sandbox?.running && (
          <p className="subs-notice">
            The sandbox tenant is stopped: switch it on in Tenants to use this profile.
          </p>
        )}
        {notice && (
          <div className="subs-notice subs-notice-ok" role="status" data-testid="subs-notice">
            <span>{notice}</span>
            <button
              type="button"
              className="button button-ghost"
              aria-label="Dismiss"
              onClick={actions.noticeDismissed}
            >
              <X size={13} aria-hidden="true" />
            </button>
          </div>
        )}
        <CleanupDialog />
        {error && (
          <div className="subs-pad">
            <ErrorBanner
              title="Could not list the subscriptions"
              message={error}
              onRetry={() => void actions.listRequested()}
            />
          </div>
        )}
        <div className="subs-scroll">
          <SubscriptionList />
        </div>
      </section>
      {composerOpen && <Composer sandbox={tenant?.sandbox ?? false} />}
    </div>
  );
}
