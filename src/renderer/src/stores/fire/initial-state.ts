import type {
  FireAttempt,
  FireBulkOutput,
  FireProgress,
  FireSendOutput,
} from '../../../../shared/fire-models';
import type { PayloadDocumented } from '../../../../shared/catalog-models';
import type { HeaderPair } from '../../../../shared/models';
import type { SignatureScheme } from '../../../../shared/signature-models';

/** Where to fire, as the form holds it (every kind keeps its value so switching back does not lose it). */
export interface TargetForm {
  kind: 'inbox' | 'url' | 'subscriptions';
  inbox: string;
  url: string;
  tenant: string;
}

export interface SignForm {
  enabled: boolean;
  scheme: SignatureScheme;
  secret: string;
}

export interface RetryForm {
  mode: 'none' | 'provider';
  /** Every delay is divided by this (1: real time). */
  compression: number;
}

export interface SampleState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  documented: PayloadDocumented | null;
  warnings: string[];
  error: string | null;
}

export interface SendState {
  status: 'idle' | 'sending' | 'done' | 'failed';
  result: FireSendOutput | null;
  /** Every attempt so far, in order (the first from the answer, later ones from `fire:progress`). */
  attempts: FireAttempt[];
  /** `retrying` until the run ends. */
  runState: FireSendOutput['state'] | null;
  error: string | null;
  /** Progress of send runs that arrived before their answer named the run. */
  early: FireProgress[];
}

export interface BulkState {
  count: number;
  concurrency: number;
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Known from the first progress event (the answer only comes at the end). */
  runId: string | null;
  progress: FireProgress | null;
  result: FireBulkOutput | null;
  error: string | null;
}

export interface FireState {
  /** The event the form is for. */
  provider: string | null;
  event: string | null;
  sample: SampleState;
  /** The payload as edited. */
  body: string;
  /** The envelope's `{prefix}`/`{suffix}`; an empty field leaves the part out. */
  prefix: string;
  suffix: string;
  target: TargetForm;
  headers: HeaderPair[];
  sign: SignForm;
  retry: RetryForm;
  send: SendState;
  bulk: BulkState;
}

export const initialSendState: SendState = {
  status: 'idle',
  result: null,
  attempts: [],
  runState: null,
  error: null,
  early: [],
};

export const initialBulkState: BulkState = {
  count: 20,
  concurrency: 5,
  status: 'idle',
  runId: null,
  progress: null,
  result: null,
  error: null,
};

export const initialFireState: FireState = {
  provider: null,
  event: null,
  sample: { status: 'idle', documented: null, warnings: [], error: null },
  body: '',
  prefix: '',
  suffix: '',
  target: { kind: 'inbox', inbox: 'default', url: '', tenant: 'sandbox' },
  headers: [],
  sign: { enabled: false, scheme: 'standard-webhooks', secret: '' },
  retry: { mode: 'none', compression: 1000 },
  send: initialSendState,
  bulk: initialBulkState,
};
