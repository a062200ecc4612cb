import { LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { useTunnelsStore } from '../../stores/tunnels';
import { ActiveSession } from './active-session';
import { ProviderCard } from './provider-card';

/**
 * The Public URL panel: the running tunnel or relay (state, URL, errors, output, restarts) and one card per way to
 * get a public URL, each saying whether it can run here and how to install it when not.
 */
export function TunnelsPanel() {
  const status = useTunnelsStore((s) => s.status);
  const error = useTunnelsStore((s) => s.error);
  const stopError = useTunnelsStore((s) => (s.actionError?.kind === null ? s.actionError.message : null));
  useEffect(() => {
    void useTunnelsStore.getState().tunnelStatusRequested();
  }, []);

  if (!status) {
    return error ? (
      <ErrorBanner
        title="Could not read the public URL options"
        message={error}
        onRetry={() => void useTunnelsStore.getState().tunnelStatusRequested()}
      />
    ) : (
      <p className="muted" role="status">
        <LoaderCircle size={12} className="spin" aria-hidden="true" /> Looking for cloudflared and ngrok…
      </p>
    );
  }
  const active = status.active;
  return (
    <div className="tunnels-panel" data-testid="tunnels-panel">
      {active ? (
        <ActiveSession session={active} provider={status.providers.find((p) => p.kind === active.kind)} />
      ) : (
        <p className="muted tunnels-intro">
          No public URL is running. Senders on the internet cannot reach{' '}
          <span className="mono">127.0.0.1</span>; start one below and give them its URL.
        </p>
      )}
      {stopError && <ErrorBanner title="The public URL was not stopped" message={stopError} />}
      <div className="tunnel-cards">
        {status.providers.map((provider) => (
          <ProviderCard key={provider.kind} provider={provider} os={status.os} active={active} />
        ))}
      </div>
      {status.allowedHosts && (
        <p className="field-hint">
          The receiver accepts these host names besides loopback:{' '}
          <span className="mono">{status.allowedHosts.join(', ') || 'none'}</span>
        </p>
      )}
    </div>
  );
}

/** The panel in a dialog, opened from the status bar over any area. */
export function PublicUrlDialog() {
  const open = useTunnelsStore((s) => s.panelOpen);
  if (!open) return null;
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && useTunnelsStore.getState().panelClosed()}
      title="Public URL"
      description="Give the receiver a URL senders on the internet can reach: a tunnel, a relay channel or your own URL."
      size="wide"
      testId="public-url-dialog"
    >
      <TunnelsPanel />
    </Dialog>
  );
}
