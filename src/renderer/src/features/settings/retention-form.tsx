import { LoaderCircle } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { AppSettings } from '../../../../shared/history-models';
import { ErrorBanner } from '../../components/error-banner';
import { useSettingsStore } from '../../stores/settings';

type Retention = AppSettings['retention'];

/** Reads the two optional limits; each problem names its field. */
export function readRetention(
  maxCaptures: string,
  maxDays: string,
): { retention?: Retention; problem?: string } {
  const captures = maxCaptures.trim();
  const days = maxDays.trim();
  if (captures !== '' && (!/^\d+$/.test(captures) || Number(captures) < 1)) {
    return {
      problem: 'Keep at most: enter a whole number of captures from 1, or leave it empty to keep all.',
    };
  }
  const dayCount = Number(days);
  if (days !== '' && (!Number.isFinite(dayCount) || dayCount < 0.01 || dayCount > 36500)) {
    return {
      problem: 'Delete after: enter a number of days from 0.01 to 36500, or leave it empty to keep all.',
    };
  }
  return {
    retention: {
      maxCaptures: captures === '' ? null : Number(captures),
      maxDays: days === '' ? null : dayCount,
    },
  };
}

/** The retention policy: keep at most N captures and/or delete those older than N days; pinned ones always stay. */
export function RetentionForm() {
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  useEffect(() => {
    void useSettingsStore.getState().settingsRequested();
  }, []);
  if (!settings) {
    return error ? (
      <ErrorBanner
        title="Retention"
        message={error}
        onRetry={() => void useSettingsStore.getState().settingsRequested()}
      />
    ) : (
      <p className="muted" role="status">
        <LoaderCircle size={12} className="spin" aria-hidden="true" /> Reading the retention policy…
      </p>
    );
  }
  // Keyed by the saved values, so the fields start over from what was stored after each save.
  const { maxCaptures, maxDays } = settings.retention;
  return <RetentionFields key={`${maxCaptures}/${maxDays}`} saved={settings.retention} />;
}

/** The two fields and the save button, starting from the saved policy. */
function RetentionFields({ saved }: { saved: Retention }) {
  const saving = useSettingsStore((s) => s.saving);
  const error = useSettingsStore((s) => s.error);
  const savedAt = useSettingsStore((s) => s.savedAt);
  const [maxCaptures, setMaxCaptures] = useState(saved.maxCaptures === null ? '' : String(saved.maxCaptures));
  const [maxDays, setMaxDays] = useState(saved.maxDays === null ? '' : String(saved.maxDays));
  const [problem, setProblem] = useState<string | null>(null);
  const capturesId = useId();
  const daysId = useId();

  const save = (): void => {
    const read = readRetention(maxCaptures, maxDays);
    setProblem(read.problem ?? null);
    if (read.retention) void useSettingsStore.getState().retentionSaveRequested(read.retention);
  };
  return (
    <form
      className="retention-form"
      data-testid="retention-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="facts">
        <div className="fact">
          <label htmlFor={capturesId}>Keep at most</label>
          <div className="fact-input">
            <input
              id={capturesId}
              className="input narrow"
              inputMode="numeric"
              placeholder="all"
              value={maxCaptures}
              onChange={(e) => setMaxCaptures(e.target.value)}
            />
            <span className="muted">captures (the oldest go first)</span>
          </div>
        </div>
        <div className="fact">
          <label htmlFor={daysId}>Delete after</label>
          <div className="fact-input">
            <input
              id={daysId}
              className="input narrow"
              inputMode="decimal"
              placeholder="never"
              value={maxDays}
              onChange={(e) => setMaxDays(e.target.value)}
            />
            <span className="muted">days</span>
          </div>
        </div>
      </div>
      <p className="field-hint">Pinned captures are always kept. Leave a field empty to keep everything.</p>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorBanner title="Retention" message={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? <LoaderCircle size={14} className="spin" aria-hidden="true" /> : null}
          {saving ? 'Saving…' : 'Save retention'}
        </button>
        {savedAt !== null && !saving && !error && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
