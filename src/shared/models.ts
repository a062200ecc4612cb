import { z } from 'zod';
import { signatureDetail, signatureSummary, signatureVerdict } from './signature-models';
import { captureCheckDetail, checkSummary, checkVerdict } from './check-models';

/** A header as received: original name case, original order, duplicates kept. */
export const headerPair = z.tuple([z.string(), z.string()]);
export type HeaderPair = z.infer<typeof headerPair>;

export const receiverStatus = z.object({
  state: z.enum(['starting', 'listening', 'stopped', 'failed']),
  host: z.string(),
  port: z.number().int().min(0).max(65535),
  /** Base URL webhooks are sent to, e.g. `http://127.0.0.1:4545`; null until listening. */
  url: z.string().nullable(),
  /** Why the receiver is not listening, in words a user can act on. */
  error: z.string().nullable(),
});
export type ReceiverStatus = z.infer<typeof receiverStatus>;

export const appInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  /** `desktop` inside Electron, `browser` for `hookbench serve`. */
  mode: z.enum(['desktop', 'browser']),
  receiver: receiverStatus,
  captureCount: z.number().int().nonnegative(),
});
export type AppInfo = z.infer<typeof appInfo>;

/**
 * How a capture reached the receiver: straight to it (`direct`), through a tunnel Hookbench runs (`cloudflared`,
 * `ngrok`), through a public URL the user runs (`custom`), or re-sent by Hookbench's relay client (`relay`, e.g. a
 * smee.io channel, which re-serializes JSON bodies).
 */
export const CAPTURE_ROUTES = ['direct', 'cloudflared', 'ngrok', 'relay', 'custom'] as const;
export const captureRoute = z.enum(CAPTURE_ROUTES);
export type CaptureRoute = z.infer<typeof captureRoute>;

/** What a list row needs: small, so a page of a hundred rows stays cheap to send. */
export const captureSummary = z.object({
  id: z.number().int().positive(),
  inbox: z.string(),
  method: z.string(),
  /** Path and query exactly as received. */
  url: z.string(),
  path: z.string(),
  contentType: z.string().nullable(),
  /** Body size in bytes as stored. */
  size: z.number().int().nonnegative(),
  /** Receive time, ms since the epoch. */
  receivedAt: z.number().int(),
  /** The HTTP status that was answered. */
  status: z.number().int(),
  /** From the first byte of the request to the answer being ready, ms (an attempt timeline shows it). */
  durationMs: z.number().nonnegative(),
  truncated: z.boolean(),
  /** True when the path was not under `/hooks/<slug>` of any inbox and the capture went to `default`. */
  unmatched: z.boolean(),
  /** The message id shared by every attempt of one delivery (`svix-id`, `webhook-id` or the inbox's header). */
  deliveryId: z.string().nullable(),
  /** 1 for the first attempt of a delivery id, 2 for its first retry, … */
  attempt: z.number().int().positive(),
  pinned: z.boolean(),
  /** The signature check made at arrival; verdict `unconfigured` when the inbox did not verify. */
  signature: signatureSummary,
  /** How it arrived (`direct` for captures stored before routes were recorded). */
  route: captureRoute,
  /** The check against the documented shapes (`pending` until it ran, right after the answer). */
  check: checkSummary,
});
export type CaptureSummary = z.infer<typeof captureSummary>;

export const capturedResponse = z.object({
  status: z.number().int(),
  headers: z.array(headerPair),
  bodyBase64: z.string(),
});
export type CapturedResponse = z.infer<typeof capturedResponse>;

/** What a downstream server answered when a capture was forwarded or replayed to it. */
export const downstreamExchange = z.object({
  at: z.number().int(),
  method: z.string(),
  url: z.string(),
  /** Null when no answer came (connection refused, timeout); `error` says why. */
  status: z.number().int().nullable(),
  headers: z.array(headerPair),
  bodyBase64: z.string(),
  durationMs: z.number().nonnegative(),
  error: z.string().nullable(),
});
export type DownstreamExchange = z.infer<typeof downstreamExchange>;

/** Everything kept of one request, byte-exact (the body travels as base64). */
export const captureDetail = captureSummary.extend({
  httpVersion: z.string(),
  headers: z.array(headerPair),
  bodyBase64: z.string(),
  remoteAddress: z.string().nullable(),
  response: capturedResponse,
  /** The forward target's answer, when the inbox forwards. */
  forwarded: downstreamExchange.nullable(),
  /** Every replay of this capture, oldest first. */
  replays: z.array(downstreamExchange),
  /** The whole signature check (signed content, expected and received signatures); null when unconfigured. */
  verification: signatureDetail.nullable(),
  /** The check's findings; the core always sets it (its result is null while the check is pending). */
  checkDetail: captureCheckDetail.optional(),
});
export type CaptureDetail = z.infer<typeof captureDetail>;

/** Which captures to show; every field narrows the list, absent fields do not filter. */
export const historyFilter = z.object({
  inbox: z.string().optional(),
  method: z.string().toUpperCase().optional(),
  /** An exact status (`404`) or a class (`'4xx'`). */
  status: z
    .union([z.number().int().min(100).max(599), z.enum(['1xx', '2xx', '3xx', '4xx', '5xx'])])
    .optional(),
  /** Part of the content type, e.g. `json`. */
  contentType: z.string().max(200).optional(),
  /** Receive time range, ms since the epoch, inclusive. */
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  /** Full-text search over URL, headers and body; words must all occur, the last may be a prefix. */
  text: z.string().max(500).optional(),
  pinned: z.boolean().optional(),
  /** Only captures with this signature verdict. */
  signature: signatureVerdict.optional(),
  /** Only captures with this check verdict (`deviates`: deviates from the documentation). */
  check: checkVerdict.optional(),
});
export type HistoryFilter = z.infer<typeof historyFilter>;

export const historyListInput = historyFilter
  .extend({
    /** Newest first; rows with an id below this one (keyset pagination). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });
export type HistoryListInput = z.input<typeof historyListInput>;

export const historyListOutput = z.object({
  items: z.array(captureSummary),
  /** How many captures match the filter (counting stops at `TOTAL_COUNT_CAP` for filtered lists). */
  total: z.number().int().nonnegative(),
  /** True when `total` stopped at the cap: show it as "100,000+". */
  totalCapped: z.boolean(),
});
export type HistoryListOutput = z.infer<typeof historyListOutput>;

export const captureIdInput = z.object({ id: z.number().int().positive() });

/** Filtered totals stop counting here, so a count never costs more than the list itself. */
export const TOTAL_COUNT_CAP = 100_000;

/** The error half of every result; `code` is stable for programs, `message` is for people. */
export const apiError = z.object({
  code: z.enum(['invalid_input', 'not_found', 'forbidden', 'unknown_channel', 'unavailable', 'internal']),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiError>;
export type ApiErrorCode = ApiError['code'];

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
