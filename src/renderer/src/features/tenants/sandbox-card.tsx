import { FlaskConical, LoaderCircle } from 'lucide-react';
import { CopyButton } from '../../components/copy-button';
import { useTenantsStore } from '../../stores/tenants';
import { PROVIDER_NAMES } from './provider-names';

/** The sandbox tenant: a switch to start and stop it, and where it listens while it runs. */
export function SandboxCard() {
  const sandbox = useTenantsStore((s) => s.sandbox);
  const busy = useTenantsStore((s) => s.sandboxBusy);
  const error = useTenantsStore((s) => s.sandboxError);
  const running = sandbox?.running ?? false;
  return (
    <section className="subs-card sandbox-card" aria-labelledby="sandbox-title" data-testid="sandbox-card">
      <div className="subs-card-head">
        <FlaskConical size={16} aria-hidden="true" />
        <h2 id="sandbox-title">Sandbox tenant</h2>
        <span className={`tag ${running ? 'tag-ok' : 'tag-muted'}`} data-testid="sandbox-state">
          {busy ? (running ? 'Stopping…' : 'Starting…') : running ? 'Running' : 'Stopped'}
        </span>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={running}
            disabled={busy}
            aria-label="Run the sandbox tenant"
            onChange={(e) => void useTenantsStore.getState().sandboxToggled(e.target.checked)}
          />
          <span className="switch-track" aria-hidden="true" />
        </label>
        {busy && <LoaderCircle size={14} className="spin" aria-hidden="true" />}
      </div>
      <p className="muted">
        A local server inside Hookbench that behaves like the providers&apos; subscription APIs and sends
        their webhooks, for demos and tests without a live tenant or API key.
      </p>
      {error && (
        <p role="alert" className="field-problem" data-testid="sandbox-error">
          {error}
        </p>
      )}
      {running && sandbox && (
        <dl className="subs-facts">
          <dt>Base URL</dt>
          <dd>
            <code data-testid="sandbox-url">{sandbox.baseUrl}</code>
            {sandbox.baseUrl && <CopyButton text={sandbox.baseUrl} label="Copy the sandbox base URL" />}
          </dd>
          <dt>Profiles</dt>
          <dd>
            {sandbox.profiles.map((p) => (
              <span key={p.tenantId} className="tag tag-accent">
                {PROVIDER_NAMES[p.provider]} · <code>{p.tenantId}</code>
              </span>
            ))}
          </dd>
          {sandbox.oauthTokenUrl && (
            <>
              <dt>OAuth token URL</dt>
              <dd>
                <code>{sandbox.oauthTokenUrl}</code>
                <CopyButton text={sandbox.oauthTokenUrl} label="Copy the OAuth token URL" />
                {sandbox.oauthClientId && <span className="muted">client id {sandbox.oauthClientId}</span>}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
