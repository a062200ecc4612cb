import { useId, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { describeError } from '../../lib/bridge';
import { captureAddress } from '../../lib/request-parts';
import { useAppStore } from '../../stores/app';
import { receiverUrl } from '../../stores/app/selectors';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';
import { slugProblem } from '../../stores/inboxes/selectors';

/**
 * Creates an inbox: the slug is checked while typing with the contract's own rule (and against existing inboxes),
 * the URL it will have is shown, and the core's answer is shown if it still refuses. The new inbox is then shown.
 */
export function CreateInboxDialog({ onClose }: { onClose: () => void }) {
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = useInboxesStore((s) => (slug === '' ? null : slugProblem(s, slug)));
  const receiver = useAppStore(receiverUrl);
  const slugId = useId();
  const nameId = useId();

  const create = async (): Promise<void> => {
    if (slug === '' || problem) return;
    setBusy(true);
    setError(null);
    try {
      const created = await useInboxesStore.getState().inboxCreateRequested(slug, name.trim() || undefined);
      onClose();
      void useInboxStore.getState().filterChanged({ inbox: created.slug });
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="New inbox"
      description="An inbox is a URL of its own, with its own response rule, failure simulation and forwarding."
      testId="create-inbox-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${slugId}-form`}
            className="button button-primary"
            disabled={busy || slug === '' || problem !== null}
          >
            {busy ? 'Creating…' : 'Create inbox'}
          </button>
        </>
      }
    >
      <form
        id={`${slugId}-form`}
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label htmlFor={slugId} className="field-label">
          Slug
        </label>
        <div>
          <input
            id={slugId}
            className="input mono"
            value={slug}
            data-autofocus
            placeholder="stripe-test"
            onChange={(e) => setSlug(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={`${slugId}-hint`}
          />
          <p
            id={`${slugId}-hint`}
            className={problem ? 'field-problem' : 'field-hint'}
            role={problem ? 'alert' : undefined}
          >
            {problem
              ? `Slug: ${problem}`
              : `Webhooks go to ${captureAddress(receiver, `/hooks/${slug || '<slug>'}`)}`}
          </p>
        </div>
        <label htmlFor={nameId} className="field-label">
          Name
        </label>
        <div>
          <input
            id={nameId}
            className="input"
            value={name}
            placeholder="Optional: a name to recognise it by"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
      </form>
      {error && <ErrorBanner title="The inbox was not created" message={error} />}
    </Dialog>
  );
}
