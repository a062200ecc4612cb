import type { DownstreamExchange } from '../../../../shared/models';

/** One resend of one capture, as the replay panel shows it. */
export type ReplayRun =
  | { status: 'sending'; url: string }
  | { status: 'done'; exchange: DownstreamExchange }
  | { status: 'failed'; error: string };

export interface ReplayState {
  /** The URL last sent to, offered again next time (remembered across runs). */
  lastUrl: string;
  /** The latest resend of each capture, by capture id. */
  runs: Record<number, ReplayRun>;
}

/** Where the last used replay URL is remembered. */
export const LAST_URL_KEY = 'hookbench.replay.lastUrl';

export const initialReplayState: ReplayState = { lastUrl: '', runs: {} };
