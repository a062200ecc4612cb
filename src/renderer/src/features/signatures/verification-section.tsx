import { LoaderCircle, ShieldCheck } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Inbox } from '../../../../shared/inbox-models';
import { SIGNATURE_SCHEMES, type SignatureScheme } from '../../../../shared/signature-models';
import { describeError } from '../../lib/bridge';
import { useInboxesStore } from '../../stores/inboxes';
import { useSecretsStore } from '../../stores/secrets';
import { Field, FieldSection } from '../inboxes/settings-fields';
import { schemeLabel } from './signature-format';
import {
  readVerificationForm,
  secretHint,
  TIMESTAMPED_SCHEMES,
  verificationFormFrom,
  type VerificationForm,
} from './verification-form';

/**
 * The Verification part of an inbox's settings: scheme, secret (saved in the secret store, shown only masked; left
 * empty it is kept), tolerance and the generic HMAC options. Saved on its own (`inbox:set-verification`), since it
 * carries a secret; when secrets cannot be saved in this run, says what to do instead of offering a dead field.
 */
export function VerificationSection({ inbox, focus }: { inbox: Inbox; focus?: boolean }) {
  const [form, setForm] = useState<VerificationForm>(() => verificationFormFrom(inbox));
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const secrets = useSecretsStore((s) => s.status);
  const secretsError = useSecretsStore((s) => s.error);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useSecretsStore.getState().secretsStatusRequested();
  }, []);
  useEffect(() => {
    if (!focus) return;
    // After the dialog has placed its own first focus.
    const timer = setTimeout(() => {
      (ref.current as Partial<Pick<HTMLElement, 'scrollIntoView'>> | null)?.scrollIntoView?.({
        block: 'start',
      });
      ref.current?.querySelector<HTMLElement>('select')?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [focus]);

  const current = inbox.verification;
  const hasSavedSecret = current !== null && current.secretMasked !== null;
  const writable = secrets?.writable ?? true;
  const { problems, input } = readVerificationForm(form, inbox.slug, hasSavedSecret);
  const shown = showProblems ? problems : {};
  const set = <K extends keyof VerificationForm>(key: K, value: VerificationForm[K]): void => {
    setSaved(null);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const save = async (): Promise<void> => {
    setShowProblems(true);
    if (!input) return;
    setBusy('save');
    setError(null);
    try {
      await useInboxesStore.getState().verificationSaveRequested(input);
      setForm((f) => ({ ...f, secret: '' }));
      setShowProblems(false);
      setSaved(`Saved: captures of ${inbox.slug} are verified with ${schemeLabel(input.scheme)}.`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (): Promise<void> => {
    setBusy('remove');
    setError(null);
    try {
      await useInboxesStore.getState().verificationClearRequested(inbox.slug);
      setForm(verificationFormFrom({ ...inbox, verification: null }));
      setShowProblems(false);
      setSaved('Removed: captures of this inbox are no longer verified, and its secret is deleted.');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };

  // Enter in a field of this section saves the verification, not the whole inbox form around it.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void save();
    }
  };

  const scheme = form.scheme;
  const hint = secretHint(scheme);
  const secretBlocked = !writable && form.secret === '';
  const text = (
    key: 'header' | 'prefix' | 'template' | 'timestampHeader' | 'idHeader',
    label: string,
    placeholder: string,
    note?: string,
  ) => (
    <Field label={label} problem={shown[key]} hint={note}>
      {(props) => (
        <input
          {...props}
          className="input mono"
          placeholder={placeholder}
          value={form[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div ref={ref} className="verification-section" data-testid="verification-section" onKeyDown={onKeyDown}>
      <FieldSection title="Verification">
        <span className="field-label">Now</span>
        <div className="field">
          <p className="verification-now" data-testid="verification-now">
            {current ? (
              <>
                <ShieldCheck size={14} aria-hidden="true" className="sig-success" />{' '}
                {schemeLabel(current.scheme)}
                {current.secretMasked && (
                  <>
                    {' '}
                    · secret <span className="mono">{current.secretMasked}</span>
                  </>
                )}
                {current.source === 'session' && ' · given on the command line for this run only'}
              </>
            ) : (
              <span className="muted">Not verified: captures get no signature verdict.</span>
            )}
          </p>
          {current?.problem && <p className="field-problem">{current.problem}</p>}
        </div>
        <Field label="Scheme" problem={shown.scheme}>
          {(props) => (
            <select
              {...props}
              className="select"
              value={scheme}
              onChange={(e) => set('scheme', e.target.value as SignatureScheme | '')}
            >
              <option value="">Choose…</option>
              {SIGNATURE_SCHEMES.map((s) => (
                <option key={s} value={s}>
                  {schemeLabel(s)} ({s})
                </option>
              ))}
            </select>
          )}
        </Field>
        {secrets && !secrets.writable ? (
          <>
            <span className="field-label">{hint.label}</span>
            <div className="field">
              <p className="field-problem secrets-problem" role="alert" data-testid="secrets-problem">
                {secrets.problem ?? 'Secrets cannot be saved in this run.'}
              </p>
              {hasSavedSecret && (
                <p className="field-hint">
                  The saved secret <span className="mono">{current.secretMasked}</span> is kept.
                </p>
              )}
            </div>
          </>
        ) : (
          <Field
            label={hint.label}
            problem={shown.secret}
            hint={
              hasSavedSecret
                ? `Saved: ${current.secretMasked ?? ''}. Leave empty to keep it.`
                : 'Kept in the secret store, never in the database; shown only masked.'
            }
          >
            {(props) => (
              <input
                {...props}
                type="password"
                className="input mono"
                autoComplete="off"
                placeholder={hasSavedSecret ? (current.secretMasked ?? '') : hint.placeholder}
                value={form.secret}
                onChange={(e) => set('secret', e.target.value)}
              />
            )}
          </Field>
        )}
        {secretsError && (
          <>
            <span className="field-label" />
            <p className="field-problem">Could not ask whether secrets can be saved: {secretsError}</p>
          </>
        )}
        {scheme !== '' && TIMESTAMPED_SCHEMES.includes(scheme) && (
          <Field
            label="Tolerance (s)"
            problem={shown.toleranceSeconds}
            hint="How old a timestamp may be. Empty: 300."
          >
            {(props) => (
              <input
                {...props}
                className="input narrow"
                inputMode="numeric"
                placeholder="300"
                value={form.toleranceSeconds}
                onChange={(e) => set('toleranceSeconds', e.target.value)}
              />
            )}
          </Field>
        )}
        {scheme === 'static' &&
          text('header', 'Header', 'x-webhook-token', 'The header that carries the value.')}
        {scheme === 'hmac' && (
          <>
            {text('header', 'Signature header', 'x-signature')}
            <Field label="Algorithm">
              {(props) => (
                <select
                  {...props}
                  className="select"
                  value={form.algorithm}
                  onChange={(e) => set('algorithm', e.target.value as VerificationForm['algorithm'])}
                >
                  <option value="">sha256 (default)</option>
                  <option value="sha256">sha256</option>
                  <option value="sha512">sha512</option>
                </select>
              )}
            </Field>
            <Field label="Encoding">
              {(props) => (
                <select
                  {...props}
                  className="select"
                  value={form.encoding}
                  onChange={(e) => set('encoding', e.target.value as VerificationForm['encoding'])}
                >
                  <option value="">hex (default)</option>
                  <option value="hex">hex</option>
                  <option value="base64">base64</option>
                </select>
              )}
            </Field>
            {text('prefix', 'Prefix', 'sha256=', 'Written before the signature in the header.')}
            {text(
              'template',
              'Signed content',
              '{body}',
              'What is signed: {body}, {timestamp} and {id} are replaced.',
            )}
            {text('timestampHeader', 'Timestamp header', 'x-timestamp')}
            {text('idHeader', 'Id header', 'x-webhook-id')}
          </>
        )}
        <span className="field-label" />
        <div className="field">
          <div className="verification-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || (secretBlocked && !hasSavedSecret)}
              onClick={() => void save()}
            >
              {busy === 'save' ? (
                <>
                  <LoaderCircle size={12} className="spin" aria-hidden="true" /> Saving…
                </>
              ) : (
                'Set verification'
              )}
            </button>
            {current && current.source === 'saved' && (
              <button
                type="button"
                className="button button-ghost button-ghost-danger"
                disabled={busy !== null}
                onClick={() => void remove()}
              >
                {busy === 'remove' ? 'Removing…' : 'Remove verification'}
              </button>
            )}
          </div>
          {error && (
            <p className="field-problem" role="alert" data-testid="verification-error">
              {error}
            </p>
          )}
          {saved && (
            <p className="field-hint" role="status" data-testid="verification-saved">
              {saved}
            </p>
          )}
        </div>
      </FieldSection>
    </div>
  );
}
