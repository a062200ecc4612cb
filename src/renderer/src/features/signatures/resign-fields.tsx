import { useId, useState } from 'react';
import type { CaptureDetail } from '../../../../shared/models';
import {
  SIGNATURE_SCHEMES,
  type ResignInput,
  type SignatureScheme,
} from '../../../../shared/signature-models';
import { useInboxesStore } from '../../stores/inboxes';
import { inboxBySlug } from '../../stores/inboxes/selectors';
import { schemeLabel } from './signature-format';

/** `off`: the original bytes untouched (a stale signature); else re-sign with the same or a new message id. */
export type ResignMode = 'off' | 'same-id' | 'new-id';

export interface ResignState {
  mode: ResignMode;
  setMode: (mode: ResignMode) => void;
  scheme: SignatureScheme;
  setScheme: (scheme: SignatureScheme) => void;
  secret: string;
  setSecret: (secret: string) => void;
  /** The inbox's saved secret, masked, when it verifies with the chosen scheme. */
  inboxSecret: string | null;
  /** What `history:replay` gets as `resign`; null when off. */
  input: ResignInput | null;
}

/** The re-sign choice of one replay, starting from the capture's inbox scheme. */
export function useResignState(detail: CaptureDetail): ResignState {
  const verification = useInboxesStore((s) => inboxBySlug(s, detail.inbox)?.verification ?? null);
  const [mode, setMode] = useState<ResignMode>('off');
  const [scheme, setScheme] = useState<SignatureScheme>(
    verification?.scheme ?? detail.signature.scheme ?? 'standard-webhooks',
  );
  const [secret, setSecret] = useState('');
  const inboxSecret =
    verification && verification.scheme === scheme ? (verification.secretMasked ?? null) : null;
  const input: ResignInput | null =
    mode === 'off' ? null : { scheme, newId: mode === 'new-id', ...(secret !== '' ? { secret } : {}) };
  return { mode, setMode, scheme, setScheme, secret, setSecret, inboxSecret, input };
}

/** Why the re-sign choice cannot be sent, or null. */
export function resignProblem(state: ResignState): string | null {
  if (state.mode === 'off' || state.secret !== '' || state.inboxSecret !== null) return null;
  return `Enter the secret to sign with: the inbox has no saved ${schemeLabel(state.scheme)} secret`;
}

/**
 * The replay's signature choice: send the original bytes untouched (to test that a receiver rejects a stale
 * replay), or re-sign with a fresh timestamp and signature, keeping or renewing the message id.
 */
export function ResignFields({ state, showProblems }: { state: ResignState; showProblems: boolean }) {
  const modeId = useId();
  const schemeId = useId();
  const secretId = useId();
  const problem = resignProblem(state);
  return (
    <div className="resign-fields" data-testid="resign-fields">
      <div className="field-row">
        <label htmlFor={modeId} className="field-label">
          Signature
        </label>
        <select
          id={modeId}
          className="select"
          value={state.mode}
          onChange={(e) => state.setMode(e.target.value as ResignMode)}
        >
          <option value="off">original bytes (stale signature)</option>
          <option value="same-id">re-sign: fresh timestamp, same message id</option>
          <option value="new-id">re-sign: fresh timestamp, new message id</option>
        </select>
      </div>
      {state.mode !== 'off' && (
        <div className="field-row">
          <label htmlFor={schemeId} className="field-label">
            Scheme
          </label>
          <select
            id={schemeId}
            className="select"
            value={state.scheme}
            onChange={(e) => state.setScheme(e.target.value as SignatureScheme)}
          >
            {SIGNATURE_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {schemeLabel(s)}
              </option>
            ))}
          </select>
          <label htmlFor={secretId} className="visually-hidden">
            Secret to sign with
          </label>
          <input
            id={secretId}
            type="password"
            autoComplete="off"
            className="input mono grow"
            placeholder={
              state.inboxSecret ? `empty: the inbox's secret ${state.inboxSecret}` : 'secret to sign with'
            }
            value={state.secret}
            onChange={(e) => state.setSecret(e.target.value)}
            aria-invalid={showProblems && problem !== null}
          />
        </div>
      )}
      {showProblems && problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
