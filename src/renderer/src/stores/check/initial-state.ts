import type { CaptureCheckOutput, CheckProgress, DriftReport } from '../../../../shared/check-models';

/** One capture's check as the Check tab sees it; `key` tells which version of the capture it was fetched for. */
export type CaptureCheckEntry =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; check: CaptureCheckOutput; refreshing?: boolean }
  | { status: 'failed'; key: string; error: string };

/** The drift report over the whole history. */
export type DriftEntry =
  | { status: 'idle' }
  | { status: 'loading'; report: DriftReport | null }
  | { status: 'ready'; report: DriftReport }
  | { status: 'failed'; error: string; report: DriftReport | null };

export interface CheckState {
  /** Fetched checks by capture id. */
  captures: Record<number, CaptureCheckEntry>;
  drift: DriftEntry;
  /** The drift report's chosen event, as `provider/eventType`; null: the first one. */
  driftSelected: string | null;
  /** The running (or last finished) background re-check; null when none ran since the app started. */
  progress: CheckProgress | null;
  /** Why starting a re-check failed. */
  recheckError: string | null;
}

export const initialCheckState: CheckState = {
  captures: {},
  drift: { status: 'idle' },
  driftSelected: null,
  progress: null,
  recheckError: null,
};
