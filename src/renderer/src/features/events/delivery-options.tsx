import { HeaderRowsEditor } from '../../components/header-rows-editor';
import { SIGNATURE_SCHEMES, type SignatureScheme } from '../../../../shared/signature-models';
import { SVIX_RETRY_SCHEDULE } from '../../../../shared/fire-models';
import { useCatalogStore } from '../../stores/catalog';
import { currentProvider } from '../../stores/catalog/selectors';
import { useFireStore } from '../../stores/fire';
import { formatDelay } from './fire-format';

/** Envelope prefix/suffix (providers with an envelope), custom headers, signing and the retry policy. */
export function DeliveryOptions() {
  const provider = useCatalogStore(currentProvider);
  const prefix = useFireStore((s) => s.prefix);
  const suffix = useFireStore((s) => s.suffix);
  const headers = useFireStore((s) => s.headers);
  const sign = useFireStore((s) => s.sign);
  const retry = useFireStore((s) => s.retry);
  const { envelopeEdited, headersEdited, signEdited, retryEdited } = useFireStore.getState();
  const envelope = provider?.envelope;
  const schedule = provider?.delivery.retrySchedule.length ? provider.delivery.retrySchedule : null;
  return (
    <>
      {envelope && (
        <fieldset className="fire-section field-section">
          <legend className="section-title">Envelope</legend>
          <p className="field-hint">
            The <code className="inline-code">{envelope.typeField}</code> field is{' '}
            <code className="inline-code">{envelope.typeFormat}</code>; leave a part empty to leave it out.
          </p>
          <div className="fire-grid">
            <label className="field">
              <span className="field-label">Prefix</span>
              <input
                className="input mono"
                value={prefix}
                onChange={(e) => envelopeEdited('prefix', e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field-label">Suffix</span>
              <input
                className="input mono"
                value={suffix}
                onChange={(e) => envelopeEdited('suffix', e.target.value)}
              />
            </label>
          </div>
        </fieldset>
      )}
      <details className="fire-section fire-disclosure">
        <summary className="section-title">Headers{headers.length > 0 ? ` (${headers.length})` : ''}</summary>
        <p className="field-hint">
          Sent after the provider&apos;s own headers; the same name replaces the provider&apos;s.
        </p>
        <HeaderRowsEditor rows={headers} onChange={headersEdited} label="Custom header" />
      </details>
      <fieldset className="fire-section field-section">
        <legend className="section-title">Signing</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={sign.enabled}
            onChange={(e) => signEdited({ enabled: e.target.checked })}
          />
          Sign like {provider?.title ?? 'the provider'}
        </label>
        {sign.enabled && (
          <div className="fire-grid">
            <label className="field">
              <span className="field-label">Scheme</span>
              <select
                className="select"
                value={sign.scheme}
                onChange={(e) => signEdited({ scheme: e.target.value as SignatureScheme })}
              >
                {SIGNATURE_SCHEMES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Secret</span>
              <input
                className="input mono"
                type="password"
                autoComplete="off"
                placeholder={provider?.signature?.secretFormat ?? 'whsec_…'}
                value={sign.secret}
                onChange={(e) => signEdited({ secret: e.target.value })}
              />
            </label>
          </div>
        )}
        {sign.enabled && provider?.signature?.note && <p className="field-hint">{provider.signature.note}</p>}
      </fieldset>
      <fieldset className="fire-section field-section">
        <legend className="section-title">Retries</legend>
        <div className="segmented" role="group" aria-label="Retry policy">
          <button
            type="button"
            className="segment"
            aria-pressed={retry.mode === 'none'}
            onClick={() => retryEdited({ mode: 'none' })}
          >
            One attempt
          </button>
          <button
            type="button"
            className="segment"
            aria-pressed={retry.mode === 'provider'}
            onClick={() => retryEdited({ mode: 'provider' })}
          >
            Provider&apos;s schedule
          </button>
        </div>
        {retry.mode === 'provider' && (
          <>
            <p className="field-hint">
              Failed attempts are retried {schedule ? '' : '(Svix schedule) '}after{' '}
              {(schedule ?? [...SVIX_RETRY_SCHEDULE]).slice(1).map(formatDelay).join(', ')}, all with one
              message id.
            </p>
            <label className="field-row">
              <span className="field-label">Faster by</span>
              <input
                className="input narrow"
                type="number"
                min={1}
                max={10000000}
                aria-label="Time compression factor"
                value={retry.compression}
                onChange={(e) => retryEdited({ compression: Math.max(1, Number(e.target.value) || 1) })}
              />
              <span className="field-hint">× (1 is real time; 1000 turns 5 min into 0.3 s)</span>
            </label>
          </>
        )}
      </fieldset>
    </>
  );
}
