import { Scissors } from 'lucide-react';
import { useMemo, useState } from 'react';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import {
  analyzeBody,
  BODY_VIEW_LABELS,
  hexOf,
  type BodyAnalysis,
  type BodyViewKind,
} from '../../lib/body-analysis';
import { base64ByteLength, bytesToBase64 } from '../../lib/decode-body';
import { formatBytes } from '../../lib/format';
import { FormFieldsView } from './form-fields-view';

export interface BodyViewProps {
  bodyBase64: string;
  contentType: string | null;
  /** The body was cut at the receiver's size limit. */
  truncated?: boolean;
  /** Says whose body this is in messages: "request" or "response". */
  owner: 'request' | 'response' | 'downstream';
  testId: string;
}

function describeKind(analysis: BodyAnalysis, size: number): string {
  if (analysis.bytes.length === 0) return 'Empty';
  const kind = analysis.pretty !== null ? 'JSON' : analysis.text !== null ? 'Text' : 'Binary';
  return `${kind} · ${formatBytes(size)}`;
}

/** The content of one view of a body. */
function BodyContent({
  analysis,
  view,
  owner,
  testId,
}: { analysis: BodyAnalysis; view: BodyViewKind } & Pick<BodyViewProps, 'owner' | 'testId'>) {
  const label = `${owner.charAt(0).toUpperCase()}${owner.slice(1)} body`;
  switch (view) {
    case 'pretty':
      return (
        <CodeViewer value={analysis.pretty ?? ''} language="json" label={label} testId={testId} kind="json" />
      );
    case 'decoded':
      return (
        <>
          <p className="muted panel-note" data-testid={`${testId}-decoded-paths`}>
            JSON held in a string, shown decoded:{' '}
            {analysis.nested?.found.map((n) => (
              <code key={n.path} className="inline-code path-chip">
                {n.path}
              </code>
            ))}
          </p>
          <CodeViewer
            value={analysis.nested?.decodedText ?? ''}
            language="json"
            label={`${label}, decoded`}
            testId={testId}
            kind="decoded"
          />
        </>
      );
    case 'form':
      return <FormFieldsView analysis={analysis} testId={testId} />;
    case 'raw':
      return (
        <CodeViewer value={analysis.text ?? ''} language="text" label={label} testId={testId} kind="text" />
      );
    case 'hex':
      return (
        <>
          {analysis.text === null && <p className="muted panel-note">Not UTF-8 text, so shown as hex.</p>}
          {analysis.bytes.length > analysis.hexLimit && (
            <p className="muted panel-note">
              First {formatBytes(analysis.hexLimit)} of {formatBytes(analysis.bytes.length)}.
            </p>
          )}
          <pre className="code-block hex-dump" data-testid={testId} data-body-kind="binary">
            {hexOf(analysis)}
          </pre>
        </>
      );
  }
}

/**
 * A body as it is best read, with a switcher between the views that fit it: Pretty JSON (folding, colours, literals
 * untouched), Decoded (JSON held in strings), Form fields, Raw text and Hex. The first view is chosen by content.
 * Copy gives the exact text received (base64 for binary, so nothing is lost).
 */
export function BodyView({ bodyBase64, contentType, truncated = false, owner, testId }: BodyViewProps) {
  const analysis = useMemo(() => analyzeBody(bodyBase64, contentType), [bodyBase64, contentType]);
  const [chosen, setChosen] = useState<BodyViewKind | null>(null);
  const view = chosen !== null && analysis.views.includes(chosen) ? chosen : analysis.defaultView;
  const size = base64ByteLength(bodyBase64);
  return (
    <div className="body-view">
      <div className="panel-toolbar">
        {analysis.views.length > 1 && (
          <div className="segmented" role="group" aria-label={`${owner} body view`}>
            {analysis.views.map((kind) => (
              <button
                key={kind}
                type="button"
                className="segment"
                aria-pressed={kind === view}
                onClick={() => setChosen(kind)}
              >
                {BODY_VIEW_LABELS[kind]}
              </button>
            ))}
          </div>
        )}
        <span className="muted">{describeKind(analysis, size)}</span>
        {contentType && <span className="mono muted content-type">{contentType}</span>}
        <span className="spacer" />
        {analysis.text !== null ? (
          <CopyButton text={analysis.text} label={`Copy ${owner} body`}>
            Copy body
          </CopyButton>
        ) : analysis.bytes.length > 0 ? (
          <CopyButton text={() => bytesToBase64(analysis.bytes)} label={`Copy ${owner} body as base64`}>
            Copy as base64
          </CopyButton>
        ) : null}
      </div>
      {truncated && (
        <p className="notice" role="note">
          <Scissors size={14} aria-hidden="true" />
          Truncated: the body was larger than the receiver&apos;s size limit, so only the first{' '}
          {formatBytes(size)} were kept.
        </p>
      )}
      {view === null ? (
        <p className="muted panel-note" data-testid={testId}>
          The {owner === 'downstream' ? 'downstream response' : owner} had an empty body.
        </p>
      ) : (
        <BodyContent analysis={analysis} view={view} owner={owner} testId={testId} />
      )}
    </div>
  );
}
