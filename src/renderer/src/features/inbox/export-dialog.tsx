import { Download, LoaderCircle } from 'lucide-react';
import { useId, useState } from 'react';
import type { ExportFormat } from '../../../../shared/history-models';
import { Dialog } from '../../components/dialog';
import { useInboxStore } from '../../stores/inbox';
import { isFiltered, toHistoryFilter } from '../../stores/inbox/list-filter';
import { useTransferStore } from '../../stores/transfer';

/**
 * Export: NDJSON (lossless, re-importable) or HAR 1.2 (for browser dev tools and proxies), optionally with
 * Authorization, Cookie and signature headers redacted, of the captures the list shows or of everything.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const filter = useInboxStore((s) => s.filter);
  const running = useTransferStore((s) => s.running === 'export');
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  const [redact, setRedact] = useState(false);
  const filtered = isFiltered(filter);
  const [scope, setScope] = useState<'filter' | 'all'>(filtered ? 'filter' : 'all');
  const name = useId();

  const start = async (): Promise<void> => {
    const ok = await useTransferStore.getState().exportRequested({
      format,
      redact,
      filter: scope === 'filter' ? toHistoryFilter(filter, Date.now()) : {},
    });
    if (ok) onClose();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !running && onClose()}
      title="Export captures"
      description="Writes a file you can keep, share or import into another Hookbench."
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={running}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={running}
            onClick={() => void start()}
          >
            {running ? (
              <LoaderCircle size={14} className="spin" aria-hidden="true" />
            ) : (
              <Download size={14} aria-hidden="true" />
            )}
            {running ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <fieldset className="choice-group">
        <legend className="field-label">Format</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-format`}
            checked={format === 'ndjson'}
            onChange={() => setFormat('ndjson')}
          />
          <span>
            NDJSON <span className="muted">— every byte, re-importable into Hookbench</span>
          </span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-format`}
            checked={format === 'har'}
            onChange={() => setFormat('har')}
          />
          <span>
            HAR 1.2 <span className="muted">— opens in browser dev tools and HTTP proxies</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field-label">Captures</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'filter'}
            disabled={!filtered}
            onChange={() => setScope('filter')}
          />
          <span>
            The ones the list shows
            {filter.inbox !== null ? ` (inbox ${filter.inbox}, with the filters)` : ' (current filters)'}
            {!filtered && <span className="muted"> — no filter is set</span>}
          </span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          <span>Everything</span>
        </label>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        <span>
          Redact secrets{' '}
          <span className="muted">— Authorization, Cookie and signature headers become [redacted]</span>
        </span>
      </label>
    </Dialog>
  );
}
