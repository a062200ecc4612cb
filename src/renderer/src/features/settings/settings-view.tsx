import { LoaderCircle, RotateCw } from 'lucide-react';
import { useEffect, type ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button';
import { ErrorBanner } from '../../components/error-banner';
import { formatCount } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { describeReceiver } from '../../stores/app/selectors';
import { useInboxStore } from '../../stores/inbox';
import { TunnelsPanel } from '../tunnels/tunnels-panel';
import { RetentionForm } from './retention-form';

function Fact({ term, children, copy }: { term: string; children: ReactNode; copy?: string }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>
        <span className="fact-value">{children}</span>
        {copy && <CopyButton text={copy} label={`Copy ${term.toLowerCase()}`} />}
      </dd>
    </div>
  );
}

/** Settings: the real facts of this run (from `app:info`) and the retention policy. */
export function SettingsView() {
  const info = useAppStore((s) => s.info);
  const infoError = useAppStore((s) => s.infoError);
  const receiver = useAppStore((s) => s.receiver);
  const total = useInboxStore((s) => (s.status === 'ready' ? s.total : null));
  const refresh = (): void => void useAppStore.getState().appStarted();

  // Paths and the receiver can change between runs of `hookbench serve`; show what is true now.
  useEffect(() => {
    void useAppStore.getState().appStarted();
  }, []);

  return (
    <section className="settings" aria-labelledby="settings-title">
      <div className="pane-header">
        <h1 className="pane-title" id="settings-title">
          Settings
        </h1>
        <span className="spacer" />
        <button type="button" className="button button-ghost" onClick={refresh}>
          <RotateCw size={14} aria-hidden="true" />
          Refresh
        </button>
      </div>
      <div className="settings-body">
        {infoError && (
          <ErrorBanner title="Could not read this run's settings" message={infoError} onRetry={refresh} />
        )}
        {!info && !infoError && (
          <p className="muted" role="status">
            <LoaderCircle size={12} className="spin" aria-hidden="true" /> Reading settings…
          </p>
        )}
        {info && (
          <>
            <h2 className="section-title">This run</h2>
            <dl className="facts">
              <Fact term="Version">{info.version}</Fact>
              <Fact term="Mode">{info.mode === 'desktop' ? 'Desktop app' : 'Browser (hookbench serve)'}</Fact>
              <Fact term="Data directory" copy={info.dataDir}>
                <span className="mono">{info.dataDir}</span>
              </Fact>
              <Fact term="Database" copy={info.databasePath}>
                <span className="mono">{info.databasePath}</span>
              </Fact>
              <Fact term="Captures stored">{formatCount(total ?? info.captureCount)}</Fact>
            </dl>
            <h2 className="section-title">Receiver</h2>
            <dl className="facts">
              <Fact term="State">{describeReceiver(receiver)}</Fact>
              <Fact term="Receiver URL" {...(receiver?.url ? { copy: receiver.url } : {})}>
                <span className="mono">{receiver?.url ?? 'not listening'}</span>
              </Fact>
              <Fact term="Bound to">
                <span className="mono">{receiver ? `${receiver.host}:${receiver.port}` : '—'}</span>
              </Fact>
            </dl>
            <h2 className="section-title">Public URL</h2>
            <TunnelsPanel />
            <h2 className="section-title">Retention</h2>
            <RetentionForm />
            <h2 className="section-title">Appearance</h2>
            <dl className="facts">
              <Fact term="Theme">Follows your operating system&apos;s light or dark setting.</Fact>
            </dl>
          </>
        )}
      </div>
    </section>
  );
}
