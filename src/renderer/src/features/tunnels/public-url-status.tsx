import { Globe } from 'lucide-react';
import { CopyButton } from '../../components/copy-button';
import { useTunnelsStore } from '../../stores/tunnels';
import { onlineSession } from '../../stores/tunnels/selectors';

/**
 * In the status bar's receiver section: `public <url> ⧉` while a public URL is online, its state while starting or
 * failed, and the button that opens the Public URL panel.
 */
export function PublicUrlStatus() {
  const online = useTunnelsStore(onlineSession);
  const active = useTunnelsStore((s) => s.status?.active ?? null);
  const open = useTunnelsStore((s) => s.panelOpened);
  return (
    <>
      {online?.publicUrl ? (
        <>
          <span aria-hidden="true">·</span>
          <span>public</span>
          <span className="mono" data-testid="public-url">
            {online.publicUrl}
          </span>
          <CopyButton text={online.publicUrl} label="Copy public URL" />
        </>
      ) : active && (active.state === 'starting' || active.state === 'failed') ? (
        <>
          <span aria-hidden="true">·</span>
          <span
            className={active.state === 'failed' ? 'status-error' : undefined}
            data-testid="public-url-state"
          >
            {active.kind} {active.state === 'failed' ? 'failed' : 'starting…'}
          </span>
        </>
      ) : null}
      <button
        type="button"
        className="button button-ghost status-button"
        onClick={open}
        title="Start, stop and watch a public URL for the receiver"
      >
        <Globe size={12} aria-hidden="true" />
        Public URL…
      </button>
    </>
  );
}
