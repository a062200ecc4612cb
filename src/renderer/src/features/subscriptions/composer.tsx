import { LoaderCircle, Plug, X } from 'lucide-react';
import { useState } from 'react';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import type { ComposerFinding } from '../../../../shared/subscription-models';
import { useInboxesStore } from '../../stores/inboxes';
import { URL_FIELD, useSubscriptionsStore } from '../../stores/subscriptions';
import { FieldControl, FindingView } from './composer-fields';

const REQUIREMENT_LABEL = { required: 'required', optional: 'optional', conditional: 'conditional' } as const;

/** "Use my receiver": the inboxes with their local URL and, when online, their public URL. */
function ReceiverChooser({ sandbox }: { sandbox: boolean }) {
  const inboxes = useInboxesStore((s) => s.inboxes);
  const [open, setOpen] = useState(false);
  const choose = (url: string, slug: string): void => {
    setOpen(false);
    void useSubscriptionsStore.getState().receiverChosen(url, slug);
  };
  return (
    <div className="receiver-chooser">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Plug size={12} aria-hidden="true" />
        Use my receiver
      </button>
      {open && (
        <ul className="receiver-list" aria-label="Local inboxes" data-testid="receiver-list">
          {inboxes.length === 0 && <li className="muted">No inboxes yet: create one in the Inbox area.</li>}
          {inboxes.map((inbox) => (
            <li key={inbox.slug}>
              <strong>{inbox.name}</strong>
              {inbox.url ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => choose(inbox.url as string, inbox.slug)}
                  aria-label={`Use ${inbox.slug} local URL`}
                >
                  Local <code>{inbox.url}</code>
                </button>
              ) : (
                <span className="muted">the receiver is not listening</span>
              )}
              {inbox.publicUrl && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => choose(inbox.publicUrl as string, inbox.slug)}
                  aria-label={`Use ${inbox.slug} public URL`}
                >
                  Public <code>{inbox.publicUrl}</code>
                </button>
              )}
            </li>
          ))}
          {!sandbox && (
            <li className="receiver-note">
              A cloud tenant can only reach a public URL: start a tunnel for the inbox (or type a public
              address in the field) rather than using the local one.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** The request the core would send: method, URL, headers (secrets masked), body; and the curl command. */
function RequestPreview() {
  const validation = useSubscriptionsStore((s) => s.composer?.validation);
  if (!validation) return null;
  const { preview, curl } = validation;
  return (
    <section className="composer-section" aria-labelledby="preview-title" data-testid="request-preview">
      <div className="composer-section-head">
        <h3 id="preview-title">Request preview</h3>
        <CopyButton text={curl} label="Copy the request as curl">
          Copy as curl
        </CopyButton>
      </div>
      <p className="preview-line">
        <strong className="method-text">{preview.method}</strong> <code>{preview.url}</code>
      </p>
      <table className="preview-headers">
        <tbody>
          {preview.headers.map(([name, value], i) => (
            <tr key={`${name}-${i}`}>
              <th scope="row">{name}</th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.body !== null && (
        <CodeViewer value={preview.body} language="json" label="Request body preview" maxHeight="220px" />
      )}
    </section>
  );
}

/**
 * The subscription composer: a form generated from the provider's documented attributes, with the core's findings
 * next to their field, a raw JSON:API editor kept in sync both ways, and the exact request it would send.
 */
export function Composer({ sandbox }: { sandbox: boolean }) {
  const composer = useSubscriptionsStore((s) => s.composer);
  const provider = useSubscriptionsStore((s) => s.provider);
  if (!composer || !provider) return null;
  const { validation, attributes } = composer;
  const actions = useSubscriptionsStore.getState();
  const fields = validation?.fields ?? [];
  const findings = validation?.findings ?? [];
  const fieldNames = new Set(fields.map((f) => f.name));
  const general = findings.filter((f) => f.field === null || !fieldNames.has(f.field));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const applyFix = (finding: ComposerFinding): void => void actions.fixApplied(finding);
  const setField = (name: string, value: unknown): void => {
    const rest = Object.fromEntries(Object.entries(attributes).filter(([key]) => key !== name));
    void actions.attributesEdited(value === undefined ? rest : { ...rest, [name]: value });
  };

  return (
    <section className="composer" aria-labelledby="composer-title" data-testid="composer">
      <div className="pane-header">
        <h2 id="composer-title" className="composer-title">
          {composer.mode === 'edit' ? `Edit ${composer.id}` : 'New subscription'}
        </h2>
        <button
          type="button"
          className="button button-ghost"
          aria-label="Close the composer"
          onClick={() => actions.composerClosed()}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      <div className="composer-scroll">
        {composer.validateError && (
          <p role="alert" className="field-problem" data-testid="validate-error">
            {composer.validateError}
          </p>
        )}
        {!validation ? (
          <p className="muted" role="status">
            <LoaderCircle size={14} className="spin" aria-hidden="true" /> Reading the documented attributes…
          </p>
        ) : (
          <>
            {general.length > 0 && (
              <div className="composer-general">
                {general.map((f, i) => (
                  <FindingView key={`${f.rule}-${i}`} finding={f} onApplyFix={applyFix} />
                ))}
              </div>
            )}
            <div className="composer-form">
              {fields.map((field) => {
                const own = findings.filter((f) => f.field === field.name);
                return (
                  <div className="composer-field" key={field.name} data-testid={`field-${field.name}`}>
                    <div className="composer-label">
                      <label htmlFor={`composer-${field.name}`}>
                        <code>{field.name}</code>
                      </label>
                      <span className={`req req-${field.requirement}`}>
                        {REQUIREMENT_LABEL[field.requirement]}
                      </span>
                      <span className="muted composer-type">{field.type}</span>
                    </div>
                    <div className="composer-control">
                      <FieldControl
                        field={field}
                        value={attributes[field.name]}
                        eventTypes={validation.eventTypes}
                        onChange={(v) => setField(field.name, v)}
                      />
                      {field.name === URL_FIELD[provider] && <ReceiverChooser sandbox={sandbox} />}
                      {field.name === URL_FIELD[provider] && composer.inbox && (
                        <span className="field-hint">Tagged for the inbox {composer.inbox}.</span>
                      )}
                      {field.description && <span className="field-hint">{field.description}</span>}
                      {own.map((f, i) => (
                        <FindingView key={`${f.rule}-${i}`} finding={f} onApplyFix={applyFix} />
                      ))}
                    </div>
                  </div>
                );
              })}
            </div>
            <section className="composer-section" aria-labelledby="raw-title">
              <div className="composer-section-head">
                <h3 id="raw-title">Raw body</h3>
                <span className="muted">Edit either side: the form and this body follow each other.</span>
              </div>
              <CodeViewer
                value={composer.raw}
                language="json"
                label="Raw request body"
                testId="raw-editor"
                maxHeight="260px"
                onChange={(raw) => void actions.rawEdited(raw)}
              />
            </section>
            <RequestPreview />
          </>
        )}
      </div>
      <div className="composer-footer">
        {composer.saveError && (
          <p role="alert" className="field-problem composer-save-error" data-testid="save-error">
            {composer.saveError}
          </p>
        )}
        <span className="muted">
          {errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'} to fix` : 'Ready to send'}
        </span>
        <button type="button" className="button" onClick={() => actions.composerClosed()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={composer.saving || !validation}
          onClick={() => void actions.composerSaveRequested()}
        >
          {composer.saving ? 'Sending…' : composer.mode === 'edit' ? 'Save' : 'Create'}
        </button>
      </div>
    </section>
  );
}
