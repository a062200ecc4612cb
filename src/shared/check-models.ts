import { z } from 'zod';
import { catalogExample } from './catalog-models';

/**
 * Checking captured payloads against the documented shapes: findings, verdicts, the shape tree of the diff view, the
 * drift report and the observed schema. Kept apart from `models.ts` (which imports this file for the list row).
 */

/**
 * What a check concluded: `conforms` (no error finding), `deviates` (at least one), `unidentified` (no documented
 * event matches), `not-json` (the body is not JSON) or `pending` (stored, not checked yet).
 */
export const CHECK_VERDICTS = ['conforms', 'deviates', 'unidentified', 'not-json', 'pending'] as const;
export const checkVerdict = z.enum(CHECK_VERDICTS);
export type CheckVerdict = z.infer<typeof checkVerdict>;

export const FINDING_KINDS = [
  'missing',
  'type',
  'undocumented',
  'enum',
  'format',
  'deprecated',
  'envelope',
  'undocumented-shape',
  'not-json',
] as const;
export const findingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof findingKind>;

export const findingSeverity = z.enum(['error', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof findingSeverity>;

/** One difference from the documentation, at a dotted path (`data.user.userId`, `data.taggedUsers[0].user_id`). */
export const checkFinding = z.object({
  /** Dotted path of the field; empty for the whole body. */
  path: z.string(),
  kind: findingKind,
  severity: findingSeverity,
  message: z.string(),
});
export type CheckFinding = z.infer<typeof checkFinding>;

/** A documented event that comes close to an unidentified payload, and why. */
export const checkCandidate = z.object({
  provider: z.string(),
  eventType: z.string(),
  /** 0 to 1: how much of the payload points to this event. */
  score: z.number().min(0).max(1),
  reason: z.string(),
});
export type CheckCandidate = z.infer<typeof checkCandidate>;

/** The outcome of checking one payload. */
export const checkResult = z.object({
  /** Null when unidentified or not JSON. */
  provider: z.string().nullable(),
  eventType: z.string().nullable(),
  verdict: checkVerdict,
  /** True when there is no error finding (false for unidentified and not-JSON bodies). */
  conforms: z.boolean(),
  findings: z.array(checkFinding),
  /** When unidentified: the closest documented events, best first. */
  candidates: z.array(checkCandidate).optional(),
  /** Paths whose string value held JSON that was decoded and checked (`''` for a body encoded twice). */
  decodedPaths: z.array(z.string()).optional(),
  /** What told the event: `type-field`, `field /subject`, `keys`, `shape`, `forced`, … */
  identifiedBy: z.string().nullable().optional(),
});
export type CheckResult = z.infer<typeof checkResult>;

/** The check as a list row shows it. */
export const checkSummary = z.object({
  verdict: checkVerdict,
  provider: z.string().nullable(),
  eventType: z.string().nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type CheckSummary = z.infer<typeof checkSummary>;

/** The prefix and suffix a subscription configured for the composed `type` (null: configured as none). */
export const expectedEnvelope = z.object({
  prefix: z.string().nullable().optional(),
  suffix: z.string().nullable().optional(),
});
export type ExpectedEnvelope = z.infer<typeof expectedEnvelope>;

export const checkPayloadInput = z.object({
  /** The body as text. */
  body: z.string().max(10 * 1024 * 1024, 'the body is larger than 10 MB'),
  /** The declared Content-Type; a JSON type with a body that is not JSON is reported. */
  contentType: z.string().max(500).optional(),
  /** Headers help identification (`svix-id`, User-Agent). */
  headers: z
    .array(z.tuple([z.string(), z.string()]))
    .max(500)
    .optional(),
  /** Check against this provider only. */
  provider: z.string().min(1).optional(),
  /** Force the event (a documented name, alias or composed type). */
  event: z.string().min(1).optional(),
  /** The subscription's prefix and suffix, to compare the envelope with. */
  expected: expectedEnvelope.optional(),
});
export type CheckPayloadInput = z.input<typeof checkPayloadInput>;

export const SHAPE_STATUSES = ['ok', 'missing', 'undocumented', 'type-changed'] as const;
export const shapeStatus = z.enum(SHAPE_STATUSES);
export type ShapeStatus = z.infer<typeof shapeStatus>;

/**
 * One field of the shape diff: the documented shape and the received payload merged into one tree. A documented
 * field that did not arrive is `missing` (`required` says whether the documentation requires it), a received field
 * the documentation does not show is `undocumented`, a value of another JSON type is `type-changed`.
 */
export interface ShapeNode {
  /** The field name, `[0]` for an array element, `[]` for a documented element that did not arrive, '' at the root. */
  key: string;
  /** Dotted path, as in findings (`data.taggedUsers[0].user_id`); '' for the body. */
  path: string;
  /** Documented JSON types (`string`, `integer`, `object`, …; `string|null`); null when undocumented or any. */
  documentedType: string | null;
  /** JSON type received; null when missing. */
  receivedType: string | null;
  status: ShapeStatus;
  required: boolean;
  /** The received value was JSON inside a string, decoded for this tree. */
  decoded: boolean;
  /** A short rendering of a received scalar (strings quoted, cut at 80 characters); null for objects and arrays. */
  preview: string | null;
  /** Indexes into the result's findings that concern exactly this field. */
  findings: number[];
  children: ShapeNode[];
}
export const shapeNode: z.ZodType<ShapeNode> = z.lazy(() =>
  z.object({
    key: z.string(),
    path: z.string(),
    documentedType: z.string().nullable(),
    receivedType: z.string().nullable(),
    status: shapeStatus,
    required: z.boolean(),
    decoded: z.boolean(),
    preview: z.string().nullable(),
    findings: z.array(z.number().int().nonnegative()),
    children: z.array(shapeNode),
  }),
);

/** `check:capture`: a capture's stored check (refreshed when pending or made with an older catalogue) and its tree. */
export const captureCheckOutput = z.object({
  id: z.number().int().positive(),
  receivedAt: z.number().int(),
  result: checkResult,
  /** The catalogue version the result was made with. */
  checkedWith: z.string(),
  /** The documented event, when identified. */
  documented: z
    .object({
      provider: z.string(),
      providerName: z.string(),
      eventType: z.string(),
      summary: z.string(),
      deprecated: z.boolean(),
      payloadDocumented: z.enum(['yes', 'partial', 'no']),
      /** The documented JSON Schema, references resolved; null when the payload is not documented. */
      schema: z.unknown().nullable(),
    })
    .nullable(),
  /** Documented shape and received payload side by side; null when unidentified or not JSON. */
  tree: shapeNode.nullable(),
});
export type CaptureCheckOutput = z.infer<typeof captureCheckOutput>;

/** The check kept beside a capture in its detail (null fields while pending). */
export const captureCheckDetail = z.object({
  result: checkResult.nullable(),
  checkedWith: z.string().nullable(),
});
export type CaptureCheckDetail = z.infer<typeof captureCheckDetail>;

export const checkRecheckInput = z
  .object({
    /** `all`: every capture; `stale`: those pending or checked with another catalogue version. */
    scope: z.enum(['all', 'stale']).default('all'),
  })
  .default({ scope: 'all' });

export const checkRecheckOutput = z.object({
  /** False when a job over the same captures is already running (it goes on). */
  started: z.boolean(),
  /** Captures the job will check. */
  total: z.number().int().nonnegative(),
});

/** Progress of a background check job (re-checking history after the catalogue changed, or pending captures). */
export const checkProgress = z.object({
  state: z.enum(['running', 'done']),
  /** `catalog-changed`, `pending` (stored before a check ran), `requested` (check:recheck), `imported`. */
  reason: z.enum(['catalog-changed', 'pending', 'requested', 'imported']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Captures whose verdict changed so far. */
  changed: z.number().int().nonnegative(),
  /** The catalogue version checked against. */
  checkedWith: z.string(),
});
export type CheckProgress = z.infer<typeof checkProgress>;

export const checkStatus = z.object({
  /** The running job's progress; null when none runs. */
  job: checkProgress.nullable(),
  /** The loaded catalogue's version (what `checkedWith` of up-to-date captures says). */
  checkedWith: z.string(),
  /** Captures not checked yet. */
  pending: z.number().int().nonnegative(),
});
export type CheckStatusOutput = z.infer<typeof checkStatus>;

/** Per verdict, per event type and the most frequent findings over the stored history. */
export const checkHistorySummary = z.object({
  total: z.number().int().nonnegative(),
  verdicts: z.record(checkVerdict, z.number().int().nonnegative()),
  events: z.array(
    z.object({
      provider: z.string(),
      eventType: z.string(),
      count: z.number().int().nonnegative(),
      deviates: z.number().int().nonnegative(),
    }),
  ),
  findings: z.array(
    z.object({
      provider: z.string().nullable(),
      eventType: z.string().nullable(),
      path: z.string(),
      kind: findingKind,
      severity: findingSeverity,
      count: z.number().int().positive(),
      /** The message of the latest capture with it. */
      example: z.string(),
    }),
  ),
  checkedWith: z.string(),
});
export type CheckHistorySummary = z.infer<typeof checkHistorySummary>;

export const driftInput = z
  .object({ provider: z.string().min(1).optional(), event: z.string().min(1).optional() })
  .default({});

export const DRIFT_STATUSES = ['ok', 'never-seen', 'undocumented', 'type-changed'] as const;

/** One field of an event over the history: documented and/or seen, with counts and first/last seen. */
export const driftField = z.object({
  /** Dotted path; array elements as `[]` (`data.taggedUsers[].user_id`). */
  path: z.string(),
  documented: z.boolean(),
  required: z.boolean(),
  /** Documented JSON types; empty when undocumented. */
  documentedTypes: z.array(z.string()),
  /** JSON types seen, with how many captures had each. */
  seenTypes: z.array(z.object({ type: z.string(), count: z.number().int().positive() })),
  /** Captures that had this field. */
  count: z.number().int().nonnegative(),
  firstSeen: z.number().int().nullable(),
  lastSeen: z.number().int().nullable(),
  /** `ok`: seen as documented; `never-seen`; `undocumented`; `type-changed`: seen with an undocumented type. */
  status: z.enum(DRIFT_STATUSES),
  /** Seen inside JSON that was encoded in a string. */
  decoded: z.boolean(),
});
export type DriftField = z.infer<typeof driftField>;

export const driftEvent = z.object({
  provider: z.string(),
  eventType: z.string(),
  payloadDocumented: z.enum(['yes', 'partial', 'no']),
  /** Captures identified as this event. */
  captures: z.number().int().nonnegative(),
  conforms: z.number().int().nonnegative(),
  deviates: z.number().int().nonnegative(),
  firstSeen: z.number().int().nullable(),
  lastSeen: z.number().int().nullable(),
  fields: z.array(driftField),
});
export type DriftEvent = z.infer<typeof driftEvent>;

export const driftReport = z.object({
  generatedAt: z.number().int(),
  /** Captures read for the report. */
  captures: z.number().int().nonnegative(),
  events: z.array(driftEvent),
});
export type DriftReport = z.infer<typeof driftReport>;

export const observedSchemaInput = z.object({ provider: z.string().min(1), event: z.string().min(1) });

export const observedSchemaOutput = z.object({
  provider: z.string(),
  eventType: z.string(),
  captures: z.number().int().nonnegative(),
  firstSeen: z.number().int().nullable(),
  lastSeen: z.number().int().nullable(),
  /** A JSON Schema (2020-12) inferred from the payloads received for this event. */
  schema: z.record(z.string(), z.unknown()),
});
export type ObservedSchemaOutput = z.infer<typeof observedSchemaOutput>;

export const promoteExampleInput = z.object({ captureId: z.number().int().positive() });

export const promoteExampleOutput = z.object({
  provider: z.string(),
  eventType: z.string(),
  /** The example as `catalog:get` now lists it (labelled observed, with its date). */
  example: catalogExample,
});
