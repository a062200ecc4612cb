import { KeyRound, LoaderCircle, Pencil, Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import type { TenantProfile } from '../../../../shared/subscription-models';
import { describeError, onEvent } from '../../lib/bridge';
import { useTenantsStore } from '../../stores/tenants';
import { PROVIDER_NAMES } from './provider-names';
import { SandboxCard } from './sandbox-card';
import { TenantDialog } from './tenant-dialog';

/** Loads the tenants and follows the sandbox starting and stopping while an area using them is shown. */
export function useTenantsWiring(): void {
  useEffect(() => {
    void useTenantsStore.getState().tenantsRequested();
    return onEvent('sandbox:changed', (status) => useTenantsStore.getState().sandboxChanged(status));
  }, []);
}

function TenantRow({
  tenant,
  onEdit,
  onDelete,
}: {
  tenant: TenantProfile;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="tenant-row" data-testid="tenant-row">
      <div className="tenant-main">
        <strong>{tenant.name}</strong>
        <span className="tag tag-accent">{PROVIDER_NAMES[tenant.provider]}</span>
        {tenant.sandbox && <span className="tag tag-ok">Sandbox</span>}
      </div>
      <div className="tenant-meta">
        <code>{tenant.server}</code>
        {tenant.tenant && (
          <span>
            tenant <code>{tenant.tenant}</code>
          </span>
        )}
        <span>
          <KeyRound size={12} aria-hidden="true" />{' '}
          {tenant.apiKeyMasked ? <code>{tenant.apiKeyMasked}</code> : <em>no API key saved</em>}
          {tenant.apiKeyHeader && <span className="muted"> in {tenant.apiKeyHeader}</span>}
        </span>
      </div>
      {tenant.problem && (
        <p className="field-problem" role="alert">
          {tenant.problem}
        </p>
      )}
      <div className="tenant-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={onEdit}
          aria-label={`Edit ${tenant.name}`}
        >
          <Pencil size={14} aria-hidden="true" />
          Edit
        </button>
        {!tenant.sandbox && (
          <button
            type="button"
            className="button button-ghost button-ghost-danger"
            onClick={onDelete}
            aria-label={`Delete ${tenant.name}`}
          >
            <Trash2 size={14} aria-hidden="true" />
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

/** The Tenants area: the sandbox switch, the tenant profiles, add / edit / delete. */
export function TenantsView() {
  const tenants = useTenantsStore((s) => s.tenants);
  const status = useTenantsStore((s) => s.status);
  const error = useTenantsStore((s) => s.error);
  const [editing, setEditing] = useState<{ tenant: TenantProfile | null } | null>(null);
  const [deleting, setDeleting] = useState<TenantProfile | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  useTenantsWiring();

  const confirmDelete = async (): Promise<void> => {
    if (!deleting) return;
    setDeleteBusy(true);
    try {
      await useTenantsStore.getState().tenantDeleteRequested(deleting.id);
      setDeleting(null);
    } catch (e) {
      setDeleteError(describeError(e));
    }
    setDeleteBusy(false);
  };

  return (
    <div className="subs-page" data-testid="tenants-view">
      <div className="subs-page-inner">
        <header className="subs-title">
          <h1>Tenants</h1>
          <p className="muted">Profiles of your providers&apos; tenants, used by the Subscriptions area.</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ tenant: null })}
          >
            <Plus size={14} aria-hidden="true" />
            Add tenant
          </button>
        </header>
        <SandboxCard />
        {error && (
          <ErrorBanner
            title="Could not read the tenant profiles"
            message={error}
            onRetry={() => void useTenantsStore.getState().tenantsRequested()}
          />
        )}
        <section className="subs-card" aria-labelledby="tenants-title">
          <div className="subs-card-head">
            <h2 id="tenants-title">Tenant profiles</h2>
            {status === 'loading' && <LoaderCircle size={14} className="spin" aria-label="Loading" />}
          </div>
          {status === 'ready' && tenants.length === 0 ? (
            <p className="muted" data-testid="tenants-empty">
              No tenant profiles yet. Add one with your tenant&apos;s server and API key, or switch on the
              sandbox tenant above to try everything locally.
            </p>
          ) : (
            <ul className="tenant-list">
              {tenants.map((t) => (
                <TenantRow
                  key={t.id}
                  tenant={t}
                  onEdit={() => setEditing({ tenant: t })}
                  onDelete={() => {
                    setDeleteError(null);
                    setDeleting(t);
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      <TenantDialog
        open={editing !== null}
        tenant={editing?.tenant ?? null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete ${deleting?.name ?? ''}?`}
        message="The profile and its saved API key are deleted; the subscriptions on the tenant stay as they are."
        confirmLabel="Delete profile"
        busy={deleteBusy}
        onConfirm={confirmDelete}
        testId="tenant-delete-dialog"
      >
        {deleteError && (
          <p role="alert" className="field-problem">
            {deleteError}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
