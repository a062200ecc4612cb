import type { CatalogEvent, ProviderDetail, ProviderSummary } from '../../../../../src/shared/catalog-models';
import type {
  FireAttempt,
  FireBulkOutput,
  FireProgress,
  FireSendOutput,
  ScenarioInfo,
} from '../../../../../src/shared/fire-models';

/** A catalogue event with sensible defaults. */
export function catalogEvent(name: string, overrides: Partial<CatalogEvent> = {}): CatalogEvent {
  return {
    name,
    summary: `Summary of ${name}`,
    description: `Sent when ${name} happens.`,
    group: 'Use case reviews',
    kind: 'event',
    deprecated: false,
    deprecation: null,
    aliases: [],
    payloadDocumented: 'yes',
    schema: {
      type: 'object',
      required: ['data', 'type'],
      properties: {
        data: {
          type: 'object',
          required: ['status'],
          properties: {
            status: {
              type: 'string',
              enum: ['in_progress', 'completed'],
              description: 'Where the review is.',
            },
            reviewId: { type: 'string', description: 'The review.' },
          },
        },
        type: { type: 'string', description: 'The composed type.' },
        time: { type: 'string', format: 'date-time' },
      },
    },
    examples: [
      { name: 'guide', summary: 'From the guide', value: { data: { status: 'completed' } }, source: null },
    ],
    notes: [],
    sources: [],
    statusTable: [],
    ...overrides,
  };
}

/** The Credo AI provider as `catalog:list` lists it. */
export function providerSummary(overrides: Partial<ProviderSummary> = {}): ProviderSummary {
  return {
    id: 'credo-ai',
    name: 'credo-ai',
    title: 'Credo AI webhooks',
    version: '1',
    summary: null,
    category: null,
    origin: 'builtin',
    file: 'credo-ai.openapi.json',
    eventCount: 3,
    deprecatedCount: 1,
    undocumentedCount: 0,
    idFormat: 'base57',
    envelope: {
      dataField: 'data',
      typeField: 'type',
      typeFormat: '{prefix}.{event}.{suffix}',
      prefix: { default: 'CredoAI', setting: 'event_type_prefix' },
      suffix: { default: 'v1', setting: 'event_type_suffix' },
      fields: {},
    },
    signature: { scheme: 'svix', candidates: [], secretFormat: 'whsec_…', headers: [], note: null },
    ...overrides,
  };
}

/** Credo AI with three events: two reviews and a deprecated metadata event. */
export function providerDetail(overrides: Partial<ProviderDetail> = {}): ProviderDetail {
  return {
    ...providerSummary(),
    description: null,
    servers: [],
    delivery: {
      method: 'POST',
      contentType: 'application/json',
      userAgent: null,
      idHeader: 'svix-id',
      idPrefix: 'msg_',
      timestampHeader: 'svix-timestamp',
      retrySchedule: [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
      note: null,
    },
    events: [
      catalogEvent('use_case_review_status_updated'),
      catalogEvent('use_case_review_comment'),
      catalogEvent('use_case_governance_status_updated', {
        group: 'Use case metadata',
        deprecated: true,
        payloadDocumented: 'no',
        schema: null,
        examples: [],
      }),
    ],
    operations: [],
    notes: [{ id: 'n1', text: 'The guides disagree on `type`.', sources: [] }],
    sources: [],
    ...overrides,
  };
}

/** One attempt with the given status and latency. */
export function fireAttempt(
  attempt: number,
  status: number | null,
  nextInMs: number | null = null,
): FireAttempt {
  return {
    attempt,
    ok: status !== null && status < 300,
    requestHeaders: [['svix-id', 'msg_1']],
    exchange: {
      at: 0,
      method: 'POST',
      url: 'http://127.0.0.1:4545/hooks/default',
      status,
      headers: [['content-type', 'text/plain']],
      bodyBase64: btoa(status === null ? '' : 'ok'),
      durationMs: 12.5,
      error: status === null ? 'connect ECONNREFUSED' : null,
    },
    nextInMs,
  };
}

/** The answer of a send whose first attempt got `status`. */
export function sendOutput(overrides: Partial<FireSendOutput> = {}): FireSendOutput {
  return {
    runId: 'run-1',
    provider: 'credo-ai',
    event: 'use_case_review_status_updated',
    messageId: 'msg_1',
    url: 'http://127.0.0.1:4545/hooks/default',
    body: '{}',
    attempts: [fireAttempt(1, 200)],
    state: 'delivered',
    alsoSentTo: [],
    ...overrides,
  };
}

/** A `fire:progress` event. */
export function progress(overrides: Partial<FireProgress> = {}): FireProgress {
  return {
    runId: 'run-1',
    kind: 'send',
    state: 'running',
    done: 1,
    total: 8,
    ok: 0,
    errors: 1,
    elapsedMs: 5,
    attempt: null,
    step: null,
    ...overrides,
  };
}

/** The answer of a bulk fire of 20. */
export function bulkOutput(overrides: Partial<FireBulkOutput> = {}): FireBulkOutput {
  return {
    runId: 'bulk-1',
    url: 'http://127.0.0.1:4545/hooks/default',
    sent: 20,
    ok: 19,
    errors: 1,
    statusCounts: { '200': 19, '500': 1 },
    errorMessages: [{ message: 'status 500', count: 1 }],
    latencyMs: { min: 1, p50: 4, p95: 12, p99: 30, max: 31, mean: 5 },
    durationMs: 400,
    requestsPerSecond: 50,
    cancelled: false,
    ...overrides,
  };
}

/** A built-in scenario of three steps. */
export function scenarioInfo(overrides: Partial<ScenarioInfo> = {}): ScenarioInfo {
  return {
    id: 'credo-ai-review',
    name: 'Credo AI: a review',
    description: 'A review starts and completes.',
    provider: 'credo-ai',
    builtin: true,
    steps: [
      { event: 'use_case_review_status_updated', delayMs: 0, set: { '/data/status': 'in_progress' } },
      { event: 'use_case_review_status_updated', delayMs: 2000, set: { '/data/status': 'completed' } },
    ],
    ...overrides,
  };
}
