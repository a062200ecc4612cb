import {
  CHECK_VERDICTS,
  type CheckHistorySummary,
  type DriftEvent,
  type DriftReport,
  type FindingKind,
  type FindingSeverity,
  type ObservedSchemaOutput,
} from '../../../shared/check-models';
import type { CheckRepository } from '../../db/check-repository';
import type { Catalog } from '../catalog/catalog';
import { FieldCensus } from './field-census';
import { genericPath } from './finding-paths';
import { SchemaInference } from './observed-schema';
import { parseBody } from './parse-body';
import type { PayloadChecker } from './payload-checker';

/** Captures read per batch by the reports; the event loop gets a turn between batches. */
const REPORT_BATCH = 500;
/** Findings listed in a summary. */
const TOP_FINDINGS = 20;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Counts per verdict and per event type, and the most frequent findings (paths with `[]` for any element). */
export function historySummary(checks: CheckRepository, checkedWith: string): CheckHistorySummary {
  const counts = checks.verdictCounts();
  const verdicts = Object.fromEntries(CHECK_VERDICTS.map((v) => [v, counts.get(v) ?? 0])) as Record<
    (typeof CHECK_VERDICTS)[number],
    number
  >;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const events = checks
    .eventCounts()
    .map((e) => ({ provider: e.provider, eventType: e.event, count: e.count, deviates: e.deviates }))
    .sort((a, b) => b.count - a.count || a.eventType.localeCompare(b.eventType));
  const tally = new Map<string, CheckHistorySummary['findings'][number]>();
  for (const row of checks.findings()) {
    let findings: { path?: unknown; kind?: unknown; severity?: unknown; message?: unknown }[];
    try {
      const parsed = JSON.parse(row.findings) as { findings?: unknown };
      findings = Array.isArray(parsed.findings) ? (parsed.findings as typeof findings) : [];
    } catch {
      continue;
    }
    for (const f of findings) {
      if (f.severity === 'info' || typeof f.path !== 'string' || typeof f.kind !== 'string') continue;
      const path = genericPath(f.path);
      const key = `${row.provider ?? ''}\u0000${row.event ?? ''}\u0000${path}\u0000${f.kind}`;
      const entry = tally.get(key);
      if (entry) entry.count++;
      else
        tally.set(key, {
          provider: row.provider,
          eventType: row.event,
          path,
          kind: f.kind as FindingKind,
          severity: f.severity as FindingSeverity,
          count: 1,
          example: typeof f.message === 'string' ? f.message : '',
        });
    }
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...tally.values()]
    .sort(
      (a, b) => b.count - a.count || order[a.severity] - order[b.severity] || a.path.localeCompare(b.path),
    )
    .slice(0, TOP_FINDINGS);
  return { total, verdicts, events, findings, checkedWith };
}

/** The catalogue's names for an event filter (aliases and composed types resolved). */
function resolveFilter(
  catalog: Catalog,
  filter: { provider?: string | undefined; event?: string | undefined },
): { provider: string; event: string } | { provider: string | null; event: null } {
  if (filter.event !== undefined) {
    const { provider, event } = catalog.findEvent(filter.event, filter.provider);
    return { provider: provider.detail.id, event: event.info.name };
  }
  if (filter.provider !== undefined) return { provider: catalog.get(filter.provider).detail.id, event: null };
  return { provider: null, event: null };
}

/**
 * Per event type over the whole history: every field seen (with its JSON types, how many captures had it, first and
 * last seen) beside every field documented. Reads the captures in batches, giving the event loop a turn between them.
 */
export async function driftReport(
  checks: CheckRepository,
  catalog: Catalog,
  checker: PayloadChecker,
  filter: { provider?: string | undefined; event?: string | undefined },
  now: number,
): Promise<DriftReport> {
  const wanted = resolveFilter(catalog, filter);
  const perEvent = new Map<string, { event: DriftEvent; census: FieldCensus }>();
  const entryFor = (providerId: string, eventName: string): { event: DriftEvent; census: FieldCensus } => {
    const key = `${providerId}\u0000${eventName}`;
    let entry = perEvent.get(key);
    if (!entry) {
      let found: ReturnType<Catalog['findEvent']> | null = null;
      try {
        found = catalog.findEvent(eventName, providerId);
      } catch {
        // An event no longer in the catalogue: its fields are all undocumented.
      }
      entry = {
        census: new FieldCensus(found?.event.info.schema ?? null),
        event: {
          provider: providerId,
          eventType: eventName,
          payloadDocumented: found?.event.info.payloadDocumented ?? 'no',
          captures: 0,
          conforms: 0,
          deviates: 0,
          firstSeen: null,
          lastSeen: null,
          fields: [],
        },
      };
      perEvent.set(key, entry);
    }
    return entry;
  };
  if (wanted.event !== null) entryFor(wanted.provider, wanted.event);
  let read = 0;
  let after = 0;
  for (;;) {
    const batch = checks.observedBatch(wanted.event === null ? null : wanted, after, REPORT_BATCH);
    if (batch.length === 0) break;
    for (const row of batch) {
      after = row.id;
      if (wanted.provider !== null && row.provider !== wanted.provider) continue;
      read++;
      const { event, census } = entryFor(row.provider, row.event);
      event.captures++;
      if (row.verdict === 'conforms') event.conforms++;
      if (row.verdict === 'deviates') event.deviates++;
      event.firstSeen = event.firstSeen === null ? row.receivedAt : Math.min(event.firstSeen, row.receivedAt);
      event.lastSeen = event.lastSeen === null ? row.receivedAt : Math.max(event.lastSeen, row.receivedAt);
      let outcome: ReturnType<PayloadChecker['check']>;
      try {
        outcome = checker.check({ ...row, provider: row.provider, event: row.event });
      } catch {
        const parsed = parseBody(row.body, row);
        if (parsed.ok) census.add(parsed.value, row.receivedAt, [], new Map());
        continue;
      }
      if (outcome.value !== undefined)
        census.add(outcome.value, row.receivedAt, outcome.result.decodedPaths ?? [], outcome.innerSchemas);
    }
    await yieldTurn();
  }
  const events = [...perEvent.values()]
    .map(({ event, census }) => ({ ...event, fields: census.fields() }))
    .sort((a, b) => b.captures - a.captures || a.eventType.localeCompare(b.eventType));
  return { generatedAt: now, captures: read, events };
}

/** A JSON Schema inferred from the payloads received for one event, as they arrived (JSON in strings kept encoded). */
export async function observedSchema(
  checks: CheckRepository,
  catalog: Catalog,
  input: { provider: string; event: string },
): Promise<ObservedSchemaOutput> {
  const { provider, event } = catalog.findEvent(input.event, input.provider);
  const filter = { provider: provider.detail.id, event: event.info.name };
  const inference = new SchemaInference();
  let after = 0;
  for (;;) {
    const batch = checks.observedBatch(filter, after, REPORT_BATCH);
    if (batch.length === 0) break;
    for (const row of batch) {
      after = row.id;
      const parsed = parseBody(row.body, row);
      if (parsed.ok) inference.add(parsed.value, row.receivedAt);
    }
    await yieldTurn();
  }
  return {
    provider: filter.provider,
    eventType: filter.event,
    captures: inference.payloads,
    firstSeen: inference.first,
    lastSeen: inference.last,
    schema: inference.schema(`${provider.detail.name} ${event.info.name} (observed)`),
  };
}
