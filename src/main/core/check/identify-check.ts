import type { CheckCandidate } from '../../../shared/check-models';
import type { HeaderPair } from '../../../shared/models';
import { identifyPayload, parseComposedType } from '../catalog/identify-event';
import { getAt, isObject } from '../catalog/json-pointer';
import type { LoadedEvent, LoadedProvider } from '../catalog/load-catalog-document';
import { headerValue } from '../receiver/capture-pipeline';
import { viewOf } from './schema-view';

/** A payload's documented event, and what told. */
export interface Identified {
  provider: LoadedProvider;
  event: LoadedEvent;
  /** `type-field`, `field /subject`, `keys`, `shape`, `forced`. */
  via: string;
  prefix: string | null;
  suffix: string | null;
}

export type Identification = { identified: Identified } | { identified: null; candidates: CheckCandidate[] };

/** Top-level fields a provider without identify rules (a user's spec) may name its event in. */
const EVENT_FIELDS = ['type', 'event', 'event_type', 'eventType', 'topic'];

/** A `keys` rule still identifies when at least this share of its fields is present (and two or more). */
const SHAPE_SHARE = 0.75;

function fromExact(providers: readonly LoadedProvider[], body: unknown): Identified | null {
  const found = identifyPayload(providers, body);
  if (!found) return null;
  const provider = providers.find((p) => p.detail.id === found.provider);
  const event = provider?.byName.get(found.event);
  return provider && event
    ? { provider, event, via: found.via, prefix: found.prefix, suffix: found.suffix }
    : null;
}

/** Providers whose files say nothing on identification: an event name in a usual field, or a composed type. */
function fromEventField(providers: readonly LoadedProvider[], body: unknown): Identified | null {
  if (!isObject(body)) return null;
  for (const provider of providers) {
    if ((provider.identify?.rules.length ?? 0) > 0) continue;
    for (const field of EVENT_FIELDS) {
      const value = body[field];
      if (typeof value !== 'string') continue;
      const direct = provider.byName.get(value);
      if (direct) return { provider, event: direct, via: `field /${field}`, prefix: null, suffix: null };
      const parsed = provider.envelope
        ? parseComposedType(provider.envelope, value, (n) => provider.byName.has(n))
        : null;
      const event = parsed ? provider.byName.get(parsed.event) : undefined;
      if (parsed && event)
        return { provider, event, via: `field /${field}`, prefix: parsed.prefix, suffix: parsed.suffix };
    }
  }
  return null;
}

/** A `keys` rule most of whose fields are present: the shape is recognisable with a field removed. */
function fromShape(providers: readonly LoadedProvider[], body: unknown): Identified | null {
  if (!isObject(body)) return null;
  let best: { share: number; identified: Identified } | null = null;
  for (const provider of providers) {
    for (const rule of provider.identify?.rules ?? []) {
      if (rule.kind !== 'keys') continue;
      const present = rule.keys.filter((k) => k in body).length;
      const share = present / rule.keys.length;
      const event = provider.byName.get(rule.event);
      if (!event || present < 2 || share < SHAPE_SHARE || (best && best.share >= share)) continue;
      best = { share, identified: { provider, event, via: 'shape', prefix: null, suffix: null } };
    }
  }
  return best?.identified ?? null;
}

/** Whether the headers look like this provider's deliveries (its id header, its User-Agent). */
export function headerHints(provider: LoadedProvider, headers: readonly HeaderPair[]): string[] {
  const hints: string[] = [];
  const { idHeader, userAgent } = provider.detail.delivery;
  if (idHeader && headerValue(headers, idHeader) !== null) hints.push(`its ${idHeader} header is present`);
  const agent = headerValue(headers, 'user-agent');
  const product = userAgent?.split('/')[0];
  if (agent && product && agent.toLowerCase().startsWith(product.toLowerCase()))
    hints.push(`the User-Agent is ${product}`);
  return hints;
}

/** Only names at least this near (1 − distance / longer length) are offered as candidates. */
const NEAR = 0.7;

/**
 * Levenshtein distance of two strings, giving up (returning `max + 1`) once it must exceed `max`: two rows of
 * integers, no allocation per cell, so an unidentified payload costs microseconds, not milliseconds.
 */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? max + 1;
}

/** 1 for the same name, 0 for nothing in common; 0 below `NEAR` (not computed in full). */
function nearness(query: string, name: string): number {
  const longer = Math.max(query.length, name.length);
  if (longer === 0) return 0;
  const max = Math.floor(longer * (1 - NEAR));
  const distance = boundedDistance(query.toLowerCase(), name.toLowerCase(), max);
  return distance > max ? 0 : 1 - distance / longer;
}

/** The names a composed or plain event value may stand for: each run of at most `maxParts` dot-separated parts. */
function nameRuns(value: string, maxParts: number): string[] {
  const parts = value.split('.');
  const runs: string[] = [];
  for (let start = 0; start < parts.length; start++)
    for (let end = start + 1; end <= Math.min(parts.length, start + maxParts); end++)
      runs.push(parts.slice(start, end).join('.'));
  return runs.slice(0, 40);
}

/** Per provider: the events an event-like value comes near, with how near (the same values tend to repeat). */
const nearCache = new WeakMap<LoadedProvider, Map<string, [string, number][]>>();

function nearEvents(provider: LoadedProvider, value: string): [string, number][] {
  let cache = nearCache.get(provider);
  if (!cache) {
    cache = new Map();
    nearCache.set(provider, cache);
  }
  const cached = cache.get(value);
  if (cached) return cached;
  const names = provider.events.filter((e) => e.info.kind !== 'wildcard').map((e) => e.info.name);
  const maxParts = Math.max(1, ...names.map((n) => n.split('.').length));
  const runs = nameRuns(value, maxParts);
  const found: [string, number][] = [];
  for (const name of names) {
    const score = Math.max(...runs.map((run) => nearness(run, name)));
    if (score >= NEAR) found.push([name, score]);
  }
  if (cache.size >= 1000) cache.clear();
  cache.set(value, found);
  return found;
}

function documentedKeys(schema: unknown, dataField: string | null): Set<string> {
  const root = viewOf(schema);
  if (dataField === null) return new Set(root.properties.keys());
  const data = root.properties.get(dataField);
  return new Set(viewOf(data).properties.keys());
}

/** Candidate events for an unidentified payload, best first, each with the reason it comes close. */
function candidatesFor(
  providers: readonly LoadedProvider[],
  body: unknown,
  headers: readonly HeaderPair[],
): CheckCandidate[] {
  const found = new Map<string, CheckCandidate>();
  const offer = (provider: LoadedProvider, event: string, score: number, reason: string): void => {
    const key = `${provider.detail.id} ${event}`;
    const current = found.get(key);
    if (score > 0 && (!current || current.score < score))
      found.set(key, { provider: provider.detail.id, eventType: event, score, reason });
  };
  for (const provider of providers) {
    const deliverable = provider.events.filter((e) => e.info.kind !== 'wildcard');
    // An event-like value that names no documented event, but comes close to one.
    const named: [string, unknown][] = [];
    if (provider.envelope && isObject(body))
      named.push([provider.envelope.typeField, body[provider.envelope.typeField]]);
    for (const rule of provider.identify?.rules ?? [])
      if (rule.kind === 'field')
        named.push([rule.pointer.slice(1).replace(/\//g, '.'), getAt(body, rule.pointer)]);
    for (const [field, value] of named) {
      if (typeof value !== 'string' || value === '' || value.length > 200) continue;
      for (const [name, score] of nearEvents(provider, value))
        offer(provider, name, score * 0.9, `${field} "${value}" is close to ${name}`);
    }
    if (!isObject(body)) continue;
    for (const rule of provider.identify?.rules ?? []) {
      if (rule.kind !== 'keys') continue;
      const present = rule.keys.filter((k) => k in body);
      if (present.length === 0) continue;
      const missing = rule.keys.filter((k) => !(k in body));
      offer(
        provider,
        provider.byName.get(rule.event)?.info.name ?? rule.event,
        (present.length / rule.keys.length) * 0.9,
        `has ${present.length} of the ${rule.keys.length} fields that identify it (${present.join(', ')}); lacks ${missing.join(', ')}`,
      );
    }
    const dataField = provider.envelope?.dataField ?? null;
    const received = dataField === null ? body : body[dataField];
    if (!isObject(received)) continue;
    const keys = Object.keys(received);
    for (const event of deliverable) {
      if (event.info.schema === null) continue;
      const documented = documentedKeys(event.info.schema, dataField);
      const shared = keys.filter((k) => documented.has(k));
      if (shared.length === 0) continue;
      const union = new Set([...keys, ...documented]).size;
      const where = dataField === null ? '' : `${dataField}.`;
      offer(
        provider,
        event.info.name,
        (shared.length / union) * 0.8,
        `shares ${shared.map((k) => where + k).join(', ')} with its documented shape`,
      );
    }
  }
  const boosted = [...found.values()].map((candidate) => {
    const provider = providers.find((p) => p.detail.id === candidate.provider);
    const hints = provider ? headerHints(provider, headers) : [];
    if (hints.length === 0) return candidate;
    return {
      ...candidate,
      score: Math.min(1, candidate.score + 0.1 * hints.length),
      reason: `${candidate.reason}; ${hints.join(' and ')}`,
    };
  });
  return boosted
    .sort((a, b) => b.score - a.score || a.eventType.localeCompare(b.eventType))
    .slice(0, 3)
    .map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }));
}

/**
 * Identifies a parsed payload: by the providers' `x-identify` rules first (Credo AI's composed `type` with any prefix
 * and suffix, `subject`, `data.eventType`; Credas by its fields; the compliance platform by `event_type`; a user's
 * spec by its own rules), then by an event name in a usual field for specs without rules, then by a shape most of
 * whose identifying fields are present. Otherwise the closest candidates, with header hints (`svix-id`,
 * User-Agent) weighing in.
 */
export function identifyForCheck(
  providers: readonly LoadedProvider[],
  body: unknown,
  headers: readonly HeaderPair[] = [],
): Identification {
  const identified =
    fromExact(providers, body) ?? fromEventField(providers, body) ?? fromShape(providers, body);
  if (identified) return { identified };
  return { identified: null, candidates: candidatesFor(providers, body, headers) };
}
