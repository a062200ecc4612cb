import { ShieldCheck, ShieldOff, ShieldX } from 'lucide-react';
import type { CaptureDetail } from '../../../../shared/models';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import { formatTimestamp } from '../../lib/format';
import { useInboxesStore } from '../../stores/inboxes';
import { causeWords, schemeLabel, signatureBadgeLook, verdictWords } from './signature-format';

/** One signature value (expected or received), monospace and copyable; "none" when absent. */
function SignatureValue({ term, value }: { term: string; value: string | null }) {
  return (
    <div className="sig-value">
      <dt>{term}</dt>
      <dd>
        {value === null ? (
          <span className="muted">none</span>
        ) : (
          <>
            <code className="mono sig-value-text" data-testid={`signature-${term.toLowerCase()}`}>
              {value}
            </code>
            <CopyButton text={value} label={`Copy ${term.toLowerCase()} signature`} />
          </>
        )}
      </dd>
    </div>
  );
}

/** What to do when the capture was not verified: its inbox has no verification yet. */
function NotVerified({ inbox }: { inbox: string }) {
  return (
    <div className="sig-empty" data-testid="signature-view">
      <ShieldOff size={24} aria-hidden="true" />
      <p>
        <strong>Not verified — this inbox has no verification.</strong>
      </p>
      <p className="muted">
        Choose the sender&apos;s scheme (Standard Webhooks, Stripe, GitHub…) and its secret; every capture
        that arrives afterwards gets a verdict and, when it fails, the reason.
      </p>
      <button
        type="button"
        className="button button-primary"
        onClick={() =>
          useInboxesStore.getState().dialogOpened({ kind: 'settings', slug: inbox, focus: 'verification' })
        }
      >
        Set up verification for {inbox}…
      </button>
    </div>
  );
}

/**
 * The Signature tab: the verdict and why, the scheme and the masked secret, the expected and received signatures
 * side by side, the exact content that was signed, and each thing the check tried.
 */
export function SignatureView({ detail }: { detail: CaptureDetail }) {
  const check = detail.verification;
  if (!check) return <NotVerified inbox={detail.inbox} />;
  const { signature } = detail;
  const look = signatureBadgeLook(signature);
  const Icon = signature.verdict === 'valid' ? ShieldCheck : ShieldX;
  return (
    <div className="sig-view" data-testid="signature-view">
      <div className={`sig-verdict sig-${look?.tone ?? 'muted'}`} data-testid="signature-verdict">
        <Icon size={20} aria-hidden="true" />
        <div>
          <p className="sig-verdict-title">
            {verdictWords(signature.verdict).replace(/^./, (c) => c.toUpperCase())}
            {signature.scheme && <span className="sig-scheme"> · {schemeLabel(signature.scheme)}</span>}
          </p>
          {signature.reason && (
            <p className="sig-reason" data-testid="signature-reason">
              {signature.reason}
            </p>
          )}
          {check.cause && (
            <p className="sig-cause" data-testid="signature-cause">
              Likely cause: {causeWords(check.cause)}.
            </p>
          )}
        </div>
      </div>

      <dl className="facts sig-facts">
        <div className="fact">
          <dt>Scheme</dt>
          <dd>
            <span className="mono">{signature.scheme ?? '—'}</span>
          </dd>
        </div>
        <div className="fact">
          <dt>Secret</dt>
          <dd>
            <span className="mono" data-testid="signature-secret">
              {check.secretMasked ?? 'not readable'}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Checked</dt>
          <dd>{formatTimestamp(check.checkedAt)}</dd>
        </div>
      </dl>

      <h3 className="section-title">Signatures</h3>
      <dl className="sig-values">
        <SignatureValue term="Expected" value={check.expected} />
        <SignatureValue term="Received" value={check.received} />
      </dl>

      <div className="sig-heading-row">
        <h3 className="section-title">Signed content</h3>
        {check.signedContent !== null && (
          <CopyButton text={check.signedContent} label="Copy signed content">
            Copy
          </CopyButton>
        )}
      </div>
      {check.signedContent === null ? (
        <p className="muted panel-note">
          Nothing is signed: the scheme compares a header as it is, or the headers needed to build the content
          were missing.
        </p>
      ) : (
        <CodeViewer
          value={check.signedContent}
          language="text"
          label="Signed content"
          testId="signature-signed-content"
          maxHeight="240px"
        />
      )}

      {check.details.length > 0 && (
        <>
          <h3 className="section-title">What the check tried</h3>
          <ol className="sig-details" data-testid="signature-details">
            {check.details.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
