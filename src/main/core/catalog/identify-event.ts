import type { XEnvelope } from './catalog-extensions';
import { getAt, isObject } from './json-pointer';
import type { LoadedProvider } from './load-catalog-document';

/** Which documented event a payload is, and what told. */
export interface IdentifiedEvent {
  provider: string;
  /** The catalogue's name of the event (an alias found in the payload resolves to it). */
  event: string;
  /** `type-field`, `field /subject`, `keys`. */
  via: string;
  /** The prefix and suffix found around the event in a composed type; null when absent. */
  prefix: string | null;
  suffix: string | null;
}

/**
 * Splits a composed type such as `CredoAI.use_case_name_updated.v1` into prefix, event and suffix, trying every
 * run of dot-separated parts (event names may contain dots) against the known names. Null when none matches.
 */
export function parseComposedType(
  envelope: Pick<XEnvelope, 'typeFormat'>,
  type: string,
  isEvent: (name: string) => boolean,
): { event: string; prefix: string | null; suffix: string | null } | null {
  const separator = /\}(.)\{event\}/.exec(envelope.typeFormat)?.[1] ?? '.';
  const parts = type.split(separator);
  for (let start = 0; start < parts.length; start++) {
    for (let end = parts.length; end > start; end--) {
      const event = parts.slice(start, end).join(separator);
      if (!isEvent(event)) continue;
      const prefix = parts.slice(0, start).join(separator);
      const suffix = parts.slice(end).join(separator);
      return { event, prefix: prefix || null, suffix: suffix || null };
    }
  }
  return null;
}

function byRules(provider: LoadedProvider, body: unknown): IdentifiedEvent | null {
  const id = provider.detail.id;
  const find = (name: unknown): string | null =>
    typeof name === 'string' ? (provider.byName.get(name)?.info.name ?? null) : null;
  for (const rule of provider.identify?.rules ?? []) {
    if (rule.kind === 'type-field' && provider.envelope && isObject(body)) {
      const type = body[provider.envelope.typeField];
      if (typeof type !== 'string') continue;
      const parsed = parseComposedType(provider.envelope, type, (n) => provider.byName.has(n));
      if (parsed)
        return { provider: id, ...parsed, event: find(parsed.event) ?? parsed.event, via: 'type-field' };
    } else if (rule.kind === 'field') {
      const event = find(getAt(body, rule.pointer));
      if (event) return { provider: id, event, via: `field ${rule.pointer}`, prefix: null, suffix: null };
    } else if (rule.kind === 'keys' && isObject(body) && rule.keys.every((k) => k in body)) {
      const event = find(rule.event);
      if (event) return { provider: id, event, via: 'keys', prefix: null, suffix: null };
    }
  }
  return null;
}

/**
 * Identifies a parsed payload with the catalogue's `x-identify` rules, trying providers in order (shipped ones
 * first). The checker builds on this; null means no provider recognises it.
 */
export function identifyPayload(providers: Iterable<LoadedProvider>, body: unknown): IdentifiedEvent | null {
  for (const provider of providers) {
    const found = byRules(provider, body);
    if (found) return found;
  }
  return null;
}
