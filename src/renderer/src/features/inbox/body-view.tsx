import { Scissors } from 'lucide-react';
import { useMemo } from 'react';
import { CopyButton } from '../../components/copy-button';
import { base64ByteLength, bytesToBase64, decodeBody, type DecodedBody } from '../../lib/decode-body';
import { formatBytes } from '../../lib/format';
import type { JsonToken } from '../../lib/json-tokens';

export interface BodyViewProps {
  bodyBase64: string;
  contentType: string | null;
  /** The body was cut at the receiver's size limit. */
  truncated?: boolean;
  /** Says whose body this is in messages: "request" or "response". */
  owner: 'request' | 'response';
  testId: string;
}

function describeKind(body: DecodedBody, size: number): string {
  switch (body.kind) {
    case 'empty':
      return 'Empty';
    case 'json':
      return `JSON · ${formatBytes(size)}`;
    case 'text':
      return `Text · ${formatBytes(size)}`;
    case 'binary':
      return `Binary · ${formatBytes(size)}`;
  }
}

function JsonTokens({ tokens }: { tokens: JsonToken[] }) {
  return tokens.map((token, i) =>
    token.kind === 'whitespace' ? (
      token.text
    ) : (
      <span key={i} className={`json-${token.kind}`}>
        {token.text}
      </span>
    ),
  );
}

/**
 * A body as it is best read: pretty JSON (literals untouched), text, or a hex dump of the first 4 KiB when the
 * bytes are not UTF-8. Copy gives the exact text received (base64 for binary, so nothing is lost).
 */
export function BodyView({ bodyBase64, contentType, truncated = false, owner, testId }: BodyViewProps) {
  const body = useMemo(() => decodeBody(bodyBase64), [bodyBase64]);
  const size = base64ByteLength(bodyBase64);
  return (
    <div className="body-view">
      <div className="panel-toolbar">
        <span className="muted">{describeKind(body, size)}</span>
        {contentType && <span className="mono muted content-type">{contentType}</span>}
        <span className="spacer" />
        {body.kind === 'json' || body.kind === 'text' ? (
          <CopyButton text={body.text} label={`Copy ${owner} body`}>
            Copy body
          </CopyButton>
        ) : body.kind === 'binary' ? (
          <CopyButton text={() => bytesToBase64(body.bytes)} label={`Copy ${owner} body as base64`}>
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
      {body.kind === 'empty' ? (
        <p className="muted panel-note" data-testid={testId}>
          The {owner} had an empty body.
        </p>
      ) : body.kind === 'binary' ? (
        <>
          <p className="muted panel-note">
            Not UTF-8 text, so shown as hex
            {body.bytes.length > body.shownBytes
              ? ` (first ${formatBytes(body.shownBytes)} of ${formatBytes(body.bytes.length)})`
              : ''}
            .
          </p>
          <pre className="code-block hex-dump" data-testid={testId} data-body-kind="binary">
            {body.hex}
          </pre>
        </>
      ) : (
        <pre className="code-block" data-testid={testId} data-body-kind={body.kind}>
          {body.kind === 'json' ? body.tokens ? <JsonTokens tokens={body.tokens} /> : body.pretty : body.text}
        </pre>
      )}
    </div>
  );
}
