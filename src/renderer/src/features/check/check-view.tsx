import { BookPlus, LoaderCircle, RefreshCw } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { CaptureCheckOutput, CheckFinding } from '../../../../shared/check-models';
import type { CaptureDetail } from '../../../../shared/models';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { formatTimestamp } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { useCheckStore } from '../../stores/check';
import { checkBadgeLook, kindWords, severityMark } from './check-format';
import { indexTree, nodeForFinding, ShapeTree } from './shape-tree';

/** Which version of a capture's check the tab shows: refetched when the verdict or catalogue version changes. */
export function checkKey(detail: CaptureDetail): string {
  const { verdict, errors, warnings } = detail.check;
  return `${verdict}|${errors}|${warnings}|${detail.checkDetail?.checkedWith ?? ''}`;
}

function FindingsList({
  findings,
  onJump,
  canJump,
}: {
  findings: CheckFinding[];
  onJump: (index: number) => void;
  canJump: (index: number) => boolean;
}) {
  if (findings.length === 0)
    return <p className="muted check-none">No findings: every field is as documented.</p>;
  return (
    <ul className="check-findings" aria-label="Findings" data-testid="check-findings">
      {findings.map((f, i) => (
        <li key={i}>
          <button
            type="button"
            className={`check-finding check-sev-${f.severity}`}
            data-testid="check-finding"
            data-kind={f.kind}
            data-path={f.path}
            disabled={!canJump(i)}
            title={canJump(i) ? 'Show this field in the shape diff' : undefined}
            onClick={() => onJump(i)}
          >
            <span className="check-sev" aria-label={f.severity} role="img">
              {severityMark(f.severity)}
            </span>
            <span className="tag check-kind">{kindWords(f.kind)}</span>
            <span className="mono check-path">{f.path || 'body'}</span>
            <span className="check-message">{f.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function PromoteButton({ check }: { check: CaptureCheckOutput }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const event = check.result.eventType ?? '';
  const promote = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const out = await useCheckStore.getState().examplePromoted(check.id);
      setOpen(false);
      useAppStore
        .getState()
        .toastShown(`Added "${out.example.name}" to ${out.eventType} as an observed example`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <BookPlus size={14} aria-hidden="true" />
        Promote to catalogue example
      </button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setError(null);
        }}
        title="Promote to catalogue example"
        description={
          <>
            The body of capture #{check.id} becomes an example of <span className="mono">{event}</span>,
            labelled observed, received {formatTimestamp(check.receivedAt)}.
          </>
        }
        testId="promote-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void promote()}
            >
              {busy ? 'Promoting…' : 'Promote'}
            </button>
          </>
        }
      >
        {error && <ErrorBanner title="Could not promote the capture" message={error} />}
      </Dialog>
    </>
  );
}

function CheckResultView({
  check,
  onRecheck,
  refreshing,
}: {
  check: CaptureCheckOutput;
  onRecheck: () => void;
  refreshing: boolean;
}) {
  const idPrefix = useId();
  const { result, documented, tree } = check;
  const index = useMemo(() => (tree ? indexTree(tree) : []), [tree]);
  const [highlighted, setHighlighted] = useState<{ id: string; ancestors: string[]; seq: number } | null>(
    null,
  );
  const look = checkBadgeLook({
    verdict: result.verdict,
    provider: result.provider,
    eventType: result.eventType,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string): void =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const jump = (i: number): void => {
    const finding = result.findings[i];
    const target = finding ? nodeForFinding(index, i, finding.path) : null;
    if (!target) return;
    // Open the node's ancestors so its row is there to scroll to.
    setCollapsed((current) => new Set([...current].filter((id) => !target.ancestors.includes(id))));
    setHighlighted((h) => ({ ...target, seq: (h?.seq ?? 0) + 1 }));
  };
  return (
    <div className="check-view" data-testid="check-view" data-verdict={result.verdict}>
      <div className={`check-verdict check-${look.tone}`}>
        <div className="check-verdict-main">
          <p className="check-verdict-title">
            <span aria-hidden="true">{look.mark}</span> {look.label}
          </p>
          {documented ? (
            <p className="check-event">
              <span className="muted">{documented.providerName}</span>{' '}
              <span className="mono" data-testid="check-event">
                {documented.eventType}
              </span>
              {documented.deprecated && <span className="tag tag-warning">deprecated</span>}
              {documented.payloadDocumented !== 'yes' && (
                <span className="tag">
                  payload {documented.payloadDocumented === 'partial' ? 'partly' : 'not'} documented
                </span>
              )}
            </p>
          ) : null}
          {documented?.summary && <p className="check-summary">{documented.summary}</p>}
          <p className="check-meta muted">
            {result.identifiedBy && <>Identified by {result.identifiedBy} · </>}
            Checked with catalogue {check.checkedWith}
          </p>
        </div>
        <div className="check-actions">
          <button type="button" className="button" onClick={onRecheck} disabled={refreshing}>
            <RefreshCw size={14} aria-hidden="true" className={refreshing ? 'spin' : undefined} />
            Re-check
          </button>
          {result.eventType && result.verdict !== 'not-json' && <PromoteButton check={check} />}
        </div>
      </div>

      {result.verdict === 'unidentified' && (result.candidates?.length ?? 0) > 0 && (
        <section aria-label="Closest documented events">
          <h3 className="section-title">Closest documented events</h3>
          <ul className="check-candidates">
            {result.candidates?.map((c) => (
              <li key={`${c.provider}/${c.eventType}`}>
                <span className="mono">{c.eventType}</span>{' '}
                <span className="muted">
                  {c.provider} · {Math.round(c.score * 100)}% · {c.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Findings">
        <h3 className="section-title">
          Findings <span className="tab-count">{result.findings.length}</span>
        </h3>
        <FindingsList
          findings={result.findings}
          onJump={jump}
          canJump={(i) => tree !== null && nodeForFinding(index, i, result.findings[i]?.path ?? '') !== null}
        />
      </section>

      {tree && (
        <section aria-label="Shape diff">
          <h3 className="section-title">Shape diff</h3>
          <ShapeTree
            root={tree}
            idPrefix={idPrefix}
            highlighted={highlighted}
            collapsed={collapsed}
            onToggle={toggle}
          />
        </section>
      )}
      {!tree && result.verdict === 'unidentified' && (
        <p className="muted">
          No documented event matches this payload, so there is no shape to compare with. Import the
          provider&apos;s OpenAPI document in Events → Catalogue, then re-check.
        </p>
      )}
    </div>
  );
}

/** The Check tab: the capture's verdict, findings and the shape diff against the documented event. */
export function CheckView({ detail }: { detail: CaptureDetail }) {
  const key = checkKey(detail);
  const entry = useCheckStore((s) => s.captures[detail.id]);
  useEffect(() => {
    void useCheckStore.getState().captureCheckRequested(detail.id, key);
  }, [detail.id, key]);
  const recheck = (): void => void useCheckStore.getState().captureCheckRequested(detail.id, key, true);

  if (!entry || entry.status === 'loading')
    return (
      <div className="detail-placeholder" role="status">
        <LoaderCircle size={20} className="spin" aria-hidden="true" />
        <p>Checking against the documentation…</p>
      </div>
    );
  if (entry.status === 'failed')
    return (
      <div className="check-view">
        <ErrorBanner title="Could not check this capture" message={entry.error} onRetry={recheck} />
      </div>
    );
  return (
    <CheckResultView
      key={detail.id}
      check={entry.check}
      onRecheck={recheck}
      refreshing={!!entry.refreshing}
    />
  );
}
