import { z } from 'zod';
import { headerPair, historyFilter } from './models';
import { resignInput } from './signature-models';

export const pinInput = z.object({ id: z.number().int().positive(), pinned: z.boolean() });

export const deleteInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) });
export const deletedOutput = z.object({ deleted: z.number().int().nonnegative() });

export const clearInput = z
  .object({
    filter: historyFilter.default({}),
    /** Pinned captures survive a clear unless this is true. */
    includePinned: z.boolean().default(false),
  })
  .default({ filter: {}, includePinned: false });

export const attemptsInput = z.object({ deliveryId: z.string().min(1) });

/** Resend a capture, as captured or edited. Fields left out keep the captured value. */
export const replayInput = z.object({
  id: z.number().int().positive(),
  url: z.url({ protocol: /^https?$/, error: 'a http:// or https:// URL is needed' }),
  method: z
    .string()
    .regex(/^[A-Za-z]+$/, 'a method is letters only')
    .optional(),
  headers: z.array(headerPair).optional(),
  bodyBase64: z.base64().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /**
   * Sign again with a fresh timestamp and signature (same message id unless `newId`). Without it the captured (or
   * edited) bytes and headers go out untouched, e.g. to check that a receiver rejects a stale replay.
   */
  resign: resignInput.optional(),
});
export type ReplayInput = z.infer<typeof replayInput>;

export const exportFormat = z.enum(['ndjson', 'har']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportInput = z.object({
  format: exportFormat,
  filter: historyFilter.default({}),
  /** Replace Authorization, Cookie and signature header values with `[redacted]`. */
  redact: z.boolean().default(false),
});
export type ExportInput = z.infer<typeof exportInput>;

export const exportOutput = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
  count: z.number().int().nonnegative(),
});
export type ExportOutput = z.infer<typeof exportOutput>;

export const importInput = z.object({
  /** NDJSON as written by export (one capture per line). */
  content: z.string().max(512 * 1024 * 1024),
  /** Shown in error messages. */
  filename: z.string().default('import'),
});
export const importOutput = z.object({ imported: z.number().int().nonnegative() });

export const historyChanged = z.object({
  reason: z.enum(['deleted', 'cleared', 'imported', 'retention', 'inbox-deleted', 'inbox-moved']),
  count: z.number().int().nonnegative(),
});
export type HistoryChanged = z.infer<typeof historyChanged>;

export const appSettings = z.object({
  retention: z.object({
    /** Keep at most this many captures (pinned ones always stay); null keeps all. */
    maxCaptures: z.number().int().min(1).nullable(),
    /** Delete captures older than this many days (pinned ones stay); null keeps all. */
    maxDays: z.number().min(0.01).max(36500).nullable(),
  }),
});
export type AppSettings = z.infer<typeof appSettings>;

export const DEFAULT_APP_SETTINGS: AppSettings = { retention: { maxCaptures: null, maxDays: null } };

export const settingsUpdateInput = z.object({
  retention: appSettings.shape.retention.partial().optional(),
});
