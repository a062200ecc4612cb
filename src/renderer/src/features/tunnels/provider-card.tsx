import { CircleAlert, ExternalLink, LoaderCircle, Play } from 'lucide-react';
import { useId, useState } from 'react';
import type {
  InstallOs,
  TunnelProvider,
  TunnelSession,
  TunnelStartInput,
} from '../../../../shared/tunnel-models';
import { describeError } from '../../lib/bridge';
import { useInboxesStore } from '../../stores/inboxes';
import { useTunnelsStore } from '../../stores/tunnels';
import { InstallSteps } from './install-steps';

const CREDENTIAL_WORDS: Record<TunnelProvider['credential'], string | null> = {
  'not-needed': null,
  saved: 'Authtoken saved in Hookbench',
  'tool-config': "Authtoken found in ngrok's own config",
  missing: 'No authtoken yet: paste one from the ngrok dashboard',
};

/** What is wrong with a URL typed for a custom URL or relay channel, or null. */
export function publicUrlProblem(url: string, required: boolean): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return required ? 'Enter the public URL, e.g. https://hooks.example.com' : null;
  try {
    const { protocol } = new URL(trimmed);
    return protocol === 'http:' || protocol === 'https:'
      ? null
      : 'The URL must start with http:// or https://';
  } catch {
    return `"${trimmed}" is not a URL; it needs https:// in front`;
  }
}

/** Where a program of this kind can be pointed at when it is installed outside the PATH. */
function ProgramPath({ provider }: { provider: TunnelProvider }) {
  const key = provider.kind === 'cloudflared' ? 'cloudflaredPath' : 'ngrokPath';
  const configured = useTunnelsStore((s) => s.status?.config[key] ?? null);
  const [path, setPath] = useState(configured ?? '');
  const [error, setError] = useState<string | null>(null);
  const busy = useTunnelsStore((s) => s.busy?.action === 'configure');
  const id = useId();
  const save = async (value: string | null): Promise<void> => {
    setError(null);
    try {
      await useTunnelsStore.getState().tunnelConfigureRequested({ [key]: value });
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="tunnel-program">
      <label htmlFor={id} className="field-label">
        Program path
      </label>
      <input
        id={id}
        className="input mono grow"
        placeholder={provider.binaryPath ?? `/usr/local/bin/${provider.kind}`}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={busy || path.trim() === ''}
        onClick={() => void save(path.trim())}
      >
        Use this program
      </button>
      {configured && (
        <button type="button" className="button button-ghost" disabled={busy} onClick={() => void save(null)}>
          Use the PATH
        </button>
      )}
      {error && <p className="field-problem tunnel-program-problem">{error}</p>}
    </div>
  );
}

/**
 * One way to get a public URL: what it does, whether it can run here (else why, and how to install it on every
 * OS), what to know first (a relay breaks signatures), its inputs, and Start.
 */
export function ProviderCard({
  provider,
  os,
  active,
}: {
  provider: TunnelProvider;
  os: InstallOs;
  active: TunnelSession | null;
}) {
  const busy = useTunnelsStore((s) => s.busy);
  const actionError = useTunnelsStore((s) =>
    s.actionError?.kind === provider.kind ? s.actionError.message : null,
  );
  const inboxes = useInboxesStore((s) => s.inboxes);
  const [authtoken, setAuthtoken] = useState('');
  const [channelUrl, setChannelUrl] = useState('');
  const [relayInbox, setRelayInbox] = useState('default');
  const [customUrl, setCustomUrl] = useState('');
  const [touched, setTouched] = useState(false);
  const ids = { token: useId(), channel: useId(), inbox: useId(), url: useId() };

  const isActive = active !== null && active.kind === provider.kind && active.state !== 'stopped';
  const starting = busy?.action === 'start' && busy.kind === provider.kind;
  const urlProblem =
    provider.kind === 'custom'
      ? publicUrlProblem(customUrl, true)
      : provider.kind === 'relay'
        ? publicUrlProblem(channelUrl, false)
        : null;

  const start = (): void => {
    setTouched(true);
    if (urlProblem) return;
    let input: TunnelStartInput;
    switch (provider.kind) {
      case 'cloudflared':
        input = { kind: 'cloudflared' };
        break;
      case 'ngrok':
        input = { kind: 'ngrok', ...(authtoken.trim() ? { authtoken: authtoken.trim() } : {}) };
        break;
      case 'relay':
        input = {
          kind: 'relay',
          inbox: relayInbox,
          ...(channelUrl.trim() ? { channelUrl: channelUrl.trim() } : {}),
        };
        break;
      case 'custom':
        input = { kind: 'custom', url: customUrl.trim() };
        break;
    }
    void useTunnelsStore.getState().tunnelStartRequested(input);
  };

  const credential = CREDENTIAL_WORDS[provider.credential];
  return (
    <article
      className={`tunnel-card ${provider.available ? '' : 'tunnel-card-unavailable'} ${isActive ? 'tunnel-card-active' : ''}`}
      data-testid={`tunnel-card-${provider.kind}`}
      aria-labelledby={`${ids.url}-title`}
    >
      <header className="tunnel-card-head">
        <h3 className="tunnel-card-title" id={`${ids.url}-title`}>
          {provider.label}
        </h3>
        {provider.available ? (
          <span className="tag tag-available">{provider.binaryPath ? 'installed' : 'ready'}</span>
        ) : (
          <span className="tag tag-warning">not available</span>
        )}
        {isActive && <span className="tag tag-accent">running</span>}
        <span className="spacer" />
        {provider.docsUrl && (
          <a className="tunnel-docs" href={provider.docsUrl} target="_blank" rel="noreferrer">
            Docs <ExternalLink size={12} aria-hidden="true" />
          </a>
        )}
      </header>
      <p className="tunnel-description">{provider.description}</p>
      {provider.binaryPath && (
        <p className="tunnel-binary muted">
          Program: <span className="mono">{provider.binaryPath}</span>
          {provider.binarySource === 'configured' ? ' (configured)' : ' (found on the PATH)'}
        </p>
      )}
      {provider.warnings.map((w) => (
        <p key={w} className="notice notice-warning tunnel-warning" data-testid="tunnel-warning">
          <CircleAlert size={14} aria-hidden="true" /> {w}
        </p>
      ))}
      {provider.problem && (
        <p className="tunnel-problem" data-testid="tunnel-problem">
          {provider.problem}
        </p>
      )}
      {!provider.available && <InstallSteps steps={provider.install} os={os} tool={provider.label} />}
      {(provider.kind === 'cloudflared' || provider.kind === 'ngrok') && <ProgramPath provider={provider} />}

      {provider.kind === 'ngrok' && (
        <div className="tunnel-inputs">
          <label htmlFor={ids.token} className="field-label">
            Authtoken
          </label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            className="input mono grow"
            placeholder={
              provider.credential === 'missing' ? 'paste your ngrok authtoken' : 'empty: keep the one in use'
            }
            value={authtoken}
            onChange={(e) => setAuthtoken(e.target.value)}
          />
          {credential && <p className="field-hint tunnel-input-note">{credential}</p>}
        </div>
      )}
      {provider.kind === 'relay' && (
        <div className="tunnel-inputs">
          <label htmlFor={ids.channel} className="field-label">
            Channel URL
          </label>
          <input
            id={ids.channel}
            className="input mono grow"
            placeholder="empty: a new channel, e.g. https://smee.io/…"
            value={channelUrl}
            onChange={(e) => setChannelUrl(e.target.value)}
            aria-invalid={touched && urlProblem !== null}
          />
          <label htmlFor={ids.inbox} className="field-label">
            Deliver to inbox
          </label>
          <select
            id={ids.inbox}
            className="select"
            value={relayInbox}
            onChange={(e) => setRelayInbox(e.target.value)}
          >
            {(inboxes.length > 0 ? inboxes.map((i) => i.slug) : ['default']).map((slug) => (
              <option key={slug} value={slug}>
                {slug}
              </option>
            ))}
          </select>
        </div>
      )}
      {provider.kind === 'custom' && (
        <div className="tunnel-inputs">
          <label htmlFor={ids.url} className="field-label">
            Public URL
          </label>
          <input
            id={ids.url}
            className="input mono grow"
            placeholder="https://hooks.example.com"
            value={customUrl}
            onChange={(e) => setCustomUrl(e.target.value)}
            aria-invalid={touched && urlProblem !== null}
          />
        </div>
      )}
      {touched && urlProblem && (
        <p className="field-problem" role="alert">
          {urlProblem}
        </p>
      )}
      <div className="tunnel-card-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!provider.available || starting}
          onClick={start}
          title={provider.available ? undefined : (provider.problem ?? 'Not available here')}
        >
          {starting ? (
            <LoaderCircle size={14} className="spin" aria-hidden="true" />
          ) : (
            <Play size={14} aria-hidden="true" />
          )}
          {isActive ? `Restart ${provider.label}` : `Start ${provider.label}`}
        </button>
        {active && active.state !== 'stopped' && !isActive && (
          <span className="muted">Starting this stops the {active.kind} one.</span>
        )}
      </div>
      {actionError && (
        <p className="field-problem" role="alert" data-testid="tunnel-start-error">
          {actionError}
        </p>
      )}
    </article>
  );
}
