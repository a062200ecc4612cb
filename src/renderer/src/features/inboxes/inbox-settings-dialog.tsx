import { useState } from 'react';
import type { Inbox } from '../../../../shared/inbox-models';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { HeaderRowsEditor } from '../../components/header-rows-editor';
import { describeError } from '../../lib/bridge';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';
import { DEFAULT_INBOX, inboxBySlug, slugProblem } from '../../stores/inboxes/selectors';
import { formFromInbox, readSettingsForm, type InboxSettingsForm } from './inbox-settings-form';
import { Field, FieldSection } from './settings-fields';
import { VerificationSection } from '../signatures/verification-section';

/** The form fields typed as numbers. */
type NumericField =
  'status' | 'delayMs' | 'failFirstAttempts' | 'failPercent' | 'failStatus' | 'forwardTimeoutMs';

/** The form of one inbox: name and slug, response rule, failure simulation, delivery id, forwarding. */
function SettingsForm({
  inbox,
  onClose,
  focus,
}: {
  inbox: Inbox;
  onClose: () => void;
  focus?: 'verification' | undefined;
}) {
  const [form, setForm] = useState<InboxSettingsForm>(() => formFromInbox(inbox));
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isDefault = inbox.slug === DEFAULT_INBOX;
  const slugIssue = useInboxesStore((s) => (isDefault ? null : slugProblem(s, form.slug, inbox.slug)));
  const { problems, settings } = readSettingsForm(form);
  const shown = showProblems ? problems : {};
  const set = <K extends keyof InboxSettingsForm>(key: K, value: InboxSettingsForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
  };

  const save = async (): Promise<void> => {
    setShowProblems(true);
    if (!settings || slugIssue) return;
    setBusy(true);
    setError(null);
    const moved = !isDefault && form.slug !== inbox.slug;
    try {
      await useInboxesStore.getState().inboxUpdateRequested(inbox.slug, {
        name: form.name.trim(),
        settings,
        ...(moved ? { newSlug: form.slug } : {}),
      });
      if (moved && useInboxStore.getState().filter.inbox === inbox.slug) {
        void useInboxStore.getState().filterChanged({ inbox: form.slug });
      }
      onClose();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  const num = (key: NumericField, label: string, hint?: string) => (
    <Field label={label} problem={shown[key]} hint={hint}>
      {(props) => (
        <input
          {...props}
          className="input narrow"
          inputMode="numeric"
          value={form[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      id="inbox-settings-form"
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {error && <ErrorBanner title="The inbox was not saved" message={error} />}
      <FieldSection title="Inbox">
        <Field label="Name" problem={shown.name}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Slug"
          problem={slugIssue ? `Slug: ${slugIssue}` : undefined}
          hint={
            isDefault
              ? 'The default inbox keeps its slug.'
              : 'Changing it moves the inbox to a new URL; its captures follow.'
          }
        >
          {(props) => (
            <input
              {...props}
              className="input mono"
              value={form.slug}
              disabled={isDefault}
              onChange={(e) => set('slug', e.target.value)}
            />
          )}
        </Field>
      </FieldSection>
      <FieldSection title="Response rule">
        {num('status', 'Status')}
        <span className="field-label">Headers</span>
        <div className="field">
          <HeaderRowsEditor
            rows={form.headers}
            onChange={(rows) => set('headers', rows)}
            label="Response header"
          />
          {shown.headers ? (
            <p className="field-problem">{shown.headers}</p>
          ) : (
            <p className="field-hint">
              Hookbench writes Content-Length and Connection itself; a Date header here replaces its own.
            </p>
          )}
        </div>
        <Field label="Body" problem={shown.body}>
          {(props) => (
            <textarea
              {...props}
              className="input mono textarea"
              rows={4}
              value={form.body}
              onChange={(e) => set('body', e.target.value)}
            />
          )}
        </Field>
        {num('delayMs', 'Delay (ms)', 'Wait this long before answering.')}
      </FieldSection>
      <FieldSection title="Failure simulation">
        {num(
          'failFirstAttempts',
          'Fail first attempts',
          'Fail the first N attempts of each message (by delivery id).',
        )}
        {num('failPercent', 'Fail percentage', 'Fail this share of requests at random, 0–100.')}
        {num('failStatus', 'Failure status', 'What a simulated failure answers (400–599).')}
        <span className="field-label">Never answer</span>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.neverAnswer}
            onChange={(e) => set('neverAnswer', e.target.checked)}
          />
          Hold the connection until the sender gives up (tests its timeout)
        </label>
      </FieldSection>
      <FieldSection title="Deliveries">
        <Field
          label="Delivery id header"
          problem={shown.deliveryIdHeader}
          hint="Empty: svix-id, then webhook-id. Attempts with the same id are grouped."
        >
          {(props) => (
            <input
              {...props}
              className="input mono"
              placeholder="svix-id / webhook-id"
              value={form.deliveryIdHeader}
              onChange={(e) => set('deliveryIdHeader', e.target.value)}
            />
          )}
        </Field>
      </FieldSection>
      <VerificationSection inbox={inbox} focus={focus === 'verification'} />
      <FieldSection title="Forwarding">
        <Field
          label="Forward to"
          problem={shown.forwardUrl}
          hint="Every new capture is sent on to this URL. Empty: off."
        >
          {(props) => (
            <input
              {...props}
              className="input mono"
              placeholder="http://127.0.0.1:3000/webhooks"
              value={form.forwardUrl}
              onChange={(e) => set('forwardUrl', e.target.value)}
            />
          )}
        </Field>
        <span className="field-label">Answer the sender with</span>
        <div className="radio-row" role="radiogroup" aria-label="Answer the sender with">
          <label className="checkbox">
            <input
              type="radio"
              name="respondWith"
              checked={form.respondWith === 'rule'}
              onChange={() => set('respondWith', 'rule')}
            />
            this inbox&apos;s rule
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="respondWith"
              checked={form.respondWith === 'downstream'}
              onChange={() => set('respondWith', 'downstream')}
            />
            the downstream response
          </label>
        </div>
        {num('forwardTimeoutMs', 'Timeout (ms)')}
      </FieldSection>
      <div className="dialog-footer settings-footer">
        {!isDefault && (
          <button
            type="button"
            className="button button-ghost button-ghost-danger"
            onClick={() => useInboxesStore.getState().dialogOpened({ kind: 'delete', slug: inbox.slug })}
          >
            Delete inbox…
          </button>
        )}
        <span className="spacer" />
        {showProblems && Object.keys(problems).length > 0 && (
          <span className="field-problem" role="alert">
            Fix the fields marked above.
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

/** The settings of one inbox in a dialog; says so plainly if the inbox went away meanwhile. */
export function InboxSettingsDialog({
  slug,
  onClose,
  focus,
}: {
  slug: string;
  onClose: () => void;
  focus?: 'verification' | undefined;
}) {
  const inbox = useInboxesStore((s) => inboxBySlug(s, slug));
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Inbox settings: ${slug}`}
      description={
        inbox?.url ? (
          <span className="mono">{inbox.url}</span>
        ) : (
          'What this inbox answers and where it forwards.'
        )
      }
      size="wide"
      testId="inbox-settings-dialog"
    >
      {inbox ? (
        <SettingsForm inbox={inbox} onClose={onClose} focus={focus} />
      ) : (
        <p>The inbox &quot;{slug}&quot; no longer exists.</p>
      )}
    </Dialog>
  );
}
