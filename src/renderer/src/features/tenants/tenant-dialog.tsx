import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import {
  SUBSCRIPTION_PROVIDERS,
  type SubscriptionProvider,
  type TenantProfile,
} from '../../../../shared/subscription-models';
import { describeError } from '../../lib/bridge';
import { useTenantsStore, type TenantSaveRequest } from '../../stores/tenants';
import { DEFAULT_KEY_HEADERS, DEFAULT_SERVERS, PROVIDER_NAMES } from './provider-names';

export interface TenantDialogProps {
  open: boolean;
  /** The profile edited; null adds one. */
  tenant: TenantProfile | null;
  onClose: () => void;
}

/**
 * Adds or edits a tenant profile. The API key is a password field: left empty on edit, the saved key is kept; it
 * goes to the secret store and only its masked form ever comes back.
 */
export function TenantDialog({ open, tenant, onClose }: TenantDialogProps) {
  // Mounted per opening, so the fields start from the profile each time.
  return open ? <OpenTenantDialog tenant={tenant} onClose={onClose} /> : null;
}

function OpenTenantDialog({ tenant, onClose }: Omit<TenantDialogProps, 'open'>) {
  const [name, setName] = useState(tenant?.name ?? '');
  const [provider, setProvider] = useState<SubscriptionProvider>(tenant?.provider ?? 'credo-ai');
  const [server, setServer] = useState(tenant?.server ?? DEFAULT_SERVERS['credo-ai'] ?? '');
  const [tenantName, setTenantName] = useState(tenant?.tenant ?? '');
  const [keyHeader, setKeyHeader] = useState(tenant?.apiKeyHeader ?? '');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const providerChanged = (next: SubscriptionProvider): void => {
    // The server follows the provider unless the user typed their own.
    const wasDefault = server === '' || server === (DEFAULT_SERVERS[provider] ?? '');
    if (wasDefault) setServer(DEFAULT_SERVERS[next] ?? '');
    setProvider(next);
  };

  const save = async (): Promise<void> => {
    const input: TenantSaveRequest = {
      name: name.trim(),
      provider,
      ...(tenant ? { id: tenant.id, sandbox: tenant.sandbox } : {}),
      ...(server.trim() ? { server: server.trim() } : {}),
      ...(provider === 'credo-ai' && tenantName.trim() ? { tenant: tenantName.trim() } : {}),
      ...(provider === 'compliance-platform-v1' && keyHeader.trim()
        ? { apiKeyHeader: keyHeader.trim() }
        : {}),
      ...(apiKey ? { apiKey } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      await useTenantsStore.getState().tenantSaveRequested(input);
      onClose();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={tenant ? `Edit ${tenant.name}` : 'Add a tenant profile'}
      description="A tenant of a provider's Webhooks API; its API key is kept in the secret store."
      testId="tenant-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field-label" htmlFor="tenant-name">
          Name
        </label>
        <input id="tenant-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
        <label className="field-label" htmlFor="tenant-provider">
          Provider
        </label>
        <select
          id="tenant-provider"
          className="select"
          value={provider}
          onChange={(e) => providerChanged(e.target.value as SubscriptionProvider)}
        >
          {SUBSCRIPTION_PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_NAMES[p]}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="tenant-server">
          Server
        </label>
        <div className="field">
          <input
            id="tenant-server"
            className="input mono"
            value={server}
            placeholder="https://api.example.com"
            onChange={(e) => setServer(e.target.value)}
          />
          <span className="field-hint">
            {DEFAULT_SERVERS[provider]
              ? `Default ${DEFAULT_SERVERS[provider]}; an on-premises server is allowed.`
              : 'The base URL of your tenant’s API.'}
          </span>
        </div>
        {provider === 'credo-ai' && (
          <>
            <label className="field-label" htmlFor="tenant-tenant">
              Tenant
            </label>
            <input
              id="tenant-tenant"
              className="input mono"
              value={tenantName}
              onChange={(e) => setTenantName(e.target.value)}
            />
          </>
        )}
        {provider === 'compliance-platform-v1' && (
          <>
            <label className="field-label" htmlFor="tenant-key-header">
              API key header
            </label>
            <input
              id="tenant-key-header"
              className="input mono"
              value={keyHeader}
              placeholder={DEFAULT_KEY_HEADERS[provider] ?? ''}
              onChange={(e) => setKeyHeader(e.target.value)}
            />
          </>
        )}
        <label className="field-label" htmlFor="tenant-key">
          API key
        </label>
        <div className="field">
          <input
            id="tenant-key"
            className="input mono"
            type="password"
            autoComplete="off"
            value={apiKey}
            placeholder={tenant?.apiKeyMasked ? 'Leave empty to keep the saved key' : ''}
            onChange={(e) => setApiKey(e.target.value)}
          />
          {tenant?.apiKeyMasked && <span className="field-hint">Saved: {tenant.apiKeyMasked}</span>}
        </div>
        <button type="submit" hidden />
      </form>
      {error && (
        <p role="alert" className="field-problem" data-testid="tenant-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
