import { LoaderCircle, Send } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { CaptureDetail, HeaderPair } from '../../../../shared/models';
import { CodeViewer } from '../../components/code-viewer';
import { ErrorBanner } from '../../components/error-banner';
import { filledHeaderRows, HeaderRowsEditor, headerRowsProblem } from '../../components/header-rows-editor';
import { base64ToBytes, bytesToBase64 } from '../../lib/decode-body';
import { headerValue, resendableHeaders } from '../../lib/request-parts';
import { useReplayStore } from '../../stores/replay';
import { ResignFields, resignProblem, useResignState } from '../signatures/resign-fields';
import { ExchangeDisclosure, ExchangeView } from './exchange-view';

/** What is wrong with a replay URL, or null. Checked here so a typo is caught before the round trip. */
export function replayUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'Enter the URL to send to, e.g. http://127.0.0.1:3000/webhooks';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a URL; it needs http:// or https:// in front`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'The URL must start with http:// or https://';
  return null;
}

/** Says when a body meant to be JSON is not, with the parser's reason; null when fine or not JSON. */
export function jsonBodyProblem(headers: readonly HeaderPair[], body: string): string | null {
  const type = headerValue(filledHeaderRows(headers), 'content-type') ?? '';
  if (!/[/+]json\b/i.test(type) || body.trim() === '') return null;
  try {
    JSON.parse(body);
    return null;
  } catch (error) {
    return `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}). It can still be sent.`;
  }
}

function utf8Text(bodyBase64: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(bodyBase64));
  } catch {
    return null;
  }
}

/**
 * Resend this capture to any URL, as captured or after editing method, headers and body; the answer shows below
 * with its status, headers, body and timing, followed by the stored forward and every past replay (newest first).
 */
export function ReplayPanel({ detail }: { detail: CaptureDetail }) {
  const lastUrl = useReplayStore((s) => s.lastUrl);
  const run = useReplayStore((s) => s.runs[detail.id]);
  const replayRequested = useReplayStore((s) => s.replayRequested);
  const originalText = useMemo(() => utf8Text(detail.bodyBase64), [detail.bodyBase64]);
  const [url, setUrl] = useState(lastUrl);
  const [method, setMethod] = useState(detail.method);
  const [headers, setHeaders] = useState<HeaderPair[]>(() => resendableHeaders(detail.headers));
  const [body, setBody] = useState(originalText ?? '');
  const [touched, setTouched] = useState(false);
  const urlId = useId();
  const methodId = useId();
  const resign = useResignState(detail);

  const urlProblem = replayUrlProblem(url);
  const headersProblem = headerRowsProblem(headers);
  const methodProblem = /^[A-Za-z]+$/.test(method) ? null : 'A method is letters only, e.g. POST';
  const bodyProblem = originalText === null ? null : jsonBodyProblem(headers, body);
  const sending = run?.status === 'sending';
  const isJson = /json/i.test(headerValue(headers, 'content-type') ?? detail.contentType ?? '');

  const send = (edited: boolean): void => {
    setTouched(true);
    if (urlProblem || resignProblem(resign) || (edited && (headersProblem || methodProblem))) return;
    void replayRequested({
      id: detail.id,
      url,
      ...(resign.input ? { resign: resign.input } : {}),
      ...(edited
        ? {
            edits: {
              method: method.toUpperCase(),
              headers: filledHeaderRows(headers),
              // A binary body cannot be edited as text; it goes as captured.
              ...(originalText !== null ? { bodyBase64: bytesToBase64(new TextEncoder().encode(body)) } : {}),
            },
          }
        : {}),
    });
  };

  const pastReplays = [...detail.replays].reverse();
  return (
    <div className="replay-panel" data-testid="replay-panel">
      <form
        className="replay-form"
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
      >
        <div className="field-row">
          <label htmlFor={urlId} className="field-label">
            Send to
          </label>
          <input
            id={urlId}
            className="input mono grow"
            type="url"
            placeholder="http://127.0.0.1:3000/webhooks"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={touched && urlProblem !== null}
            aria-describedby={touched && urlProblem ? `${urlId}-problem` : undefined}
          />
        </div>
        {touched && urlProblem && (
          <p className="field-problem" id={`${urlId}-problem`} role="alert">
            {urlProblem}
          </p>
        )}
        <ResignFields state={resign} showProblems={touched} />
        <div className="replay-actions">
          <button type="submit" className="button button-primary" disabled={sending}>
            <Send size={14} aria-hidden="true" />
            Send as captured
          </button>
          <button type="button" className="button" disabled={sending} onClick={() => send(true)}>
            Send edited
          </button>
          {sending && (
            <span className="muted" role="status">
              <LoaderCircle size={12} className="spin" aria-hidden="true" /> Sending to {run.url}…
            </span>
          )}
        </div>
      </form>

      <div className="replay-result" aria-live="polite">
        {run?.status === 'done' && <ExchangeView exchange={run.exchange} testId="replay-result" />}
        {run?.status === 'failed' && <ErrorBanner title="The replay was not sent" message={run.error} />}
      </div>

      <details className="replay-edit" open>
        <summary className="section-title">Edit before sending</summary>
        <div className="field-row">
          <label htmlFor={methodId} className="field-label">
            Method
          </label>
          <input
            id={methodId}
            className="input mono method-input"
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            aria-invalid={methodProblem !== null}
          />
          {methodProblem && <span className="field-problem">{methodProblem}</span>}
        </div>
        <h4 className="section-title">Headers</h4>
        <HeaderRowsEditor
          rows={headers}
          onChange={setHeaders}
          label="Replay header"
          testId="replay-headers"
        />
        {headersProblem && <p className="field-problem">{headersProblem}</p>}
        <h4 className="section-title">Body</h4>
        {originalText === null ? (
          <p className="muted panel-note">The body is binary; it is sent exactly as captured.</p>
        ) : (
          <CodeViewer
            value={body}
            language={isJson ? 'json' : 'text'}
            label="Replay body"
            testId="replay-body"
            onChange={setBody}
            maxHeight="320px"
          />
        )}
        {bodyProblem && (
          <p className="field-warning" data-testid="replay-body-problem">
            {bodyProblem}
          </p>
        )}
      </details>

      {detail.forwarded && (
        <>
          <h3 className="section-title">Forwarded when it arrived</h3>
          <ExchangeDisclosure exchange={detail.forwarded} testId="forwarded-exchange" />
        </>
      )}
      <h3 className="section-title">
        Past replays {pastReplays.length > 0 && <span className="tab-count">{pastReplays.length}</span>}
      </h3>
      {pastReplays.length === 0 ? (
        <p className="muted panel-note">Not replayed yet.</p>
      ) : (
        <div className="exchange-list" data-testid="past-replays">
          {pastReplays.map((exchange, index) => (
            <ExchangeDisclosure key={`${exchange.at}-${index}`} exchange={exchange} testId="past-replay" />
          ))}
        </div>
      )}
    </div>
  );
}
