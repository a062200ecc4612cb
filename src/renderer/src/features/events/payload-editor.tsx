import { RefreshCw } from 'lucide-react';
import { CodeViewer } from '../../components/code-viewer';
import { useFireStore } from '../../stores/fire';
import { jsonProblem } from '../../stores/fire/selectors';

/** The payload in a CodeMirror JSON editor, prefilled with a sample; JSON errors show right under it. */
export function PayloadEditor() {
  const body = useFireStore((s) => s.body);
  const sample = useFireStore((s) => s.sample);
  const { bodyEdited, sampleRequested } = useFireStore.getState();
  const problem = sample.status === 'ready' || body !== '' ? jsonProblem(body) : null;
  return (
    <div className="fire-section">
      <div className="fire-section-head">
        <h2 className="section-title">Payload</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          onClick={() => void sampleRequested()}
          disabled={sample.status === 'loading'}
          title="A new sample: fresh ids and current timestamps"
        >
          <RefreshCw
            size={13}
            aria-hidden="true"
            className={sample.status === 'loading' ? 'spin' : undefined}
          />
          New sample
        </button>
      </div>
      {sample.status === 'failed' && <p className="field-problem">{sample.error}</p>}
      {sample.warnings.map((w) => (
        <p key={w} className="field-warning">
          {w}
        </p>
      ))}
      <CodeViewer
        value={body}
        language="json"
        label="Payload to send"
        testId="payload-editor"
        onChange={bodyEdited}
        maxHeight="320px"
      />
      {problem && (
        <p className="field-problem" role="alert" data-testid="payload-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
