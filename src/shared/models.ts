import { z } from 'zod';

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
  truncated: z.boolean(),
});
export type CaptureSummary = z.infer<typeof captureSummary>;

export const capturedResponse = z.object({
  status: z.number().int(),
  headers: z.array(headerPair),
  bodyBase64: z.string(),
});
export type CapturedResponse = z.infer<typeof capturedResponse>;

/** Everything kept of one request, byte-exact (the body travels as base64). */
export const captureDetail = captureSummary.extend({
  httpVersion: z.string(),
  headers: z.array(headerPair),
  bodyBase64: z.string(),
  remoteAddress: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  response: capturedResponse,
});
export type CaptureDetail = z.infer<typeof captureDetail>;

export const historyListInput = z
  .object({
    /** Newest first; rows with an id below this one (keyset pagination). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });
export type HistoryListInput = z.input<typeof historyListInput>;

export const historyListOutput = z.object({
  items: z.array(captureSummary),
  total: z.number().int().nonnegative(),
});
export type HistoryListOutput = z.infer<typeof historyListOutput>;

export const captureIdInput = z.object({ id: z.number().int().positive() });

/** The error half of every result; `code` is stable for programs, `message` is for people. */
export const apiError = z.object({
  code: z.enum(['invalid_input', 'not_found', 'forbidden', 'unknown_channel', 'unavailable', 'internal']),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiError>;
export type ApiErrorCode = ApiError['code'];

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
