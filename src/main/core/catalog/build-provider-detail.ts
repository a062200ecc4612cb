import type { CatalogOperation, ProviderDetail } from '../../../shared/catalog-models';
import type { XDelivery, XEnvelope, XIds, XProvider, XSignature } from './catalog-extensions';
import { isObject, type JsonObject } from './json-pointer';
import type { LoadedEvent } from './load-catalog-document';

/** What the loader found besides the root extensions. */
export interface DetailBase {
  id: string;
  title: string;
  file: string;
  origin: 'builtin' | 'user';
  events: readonly LoadedEvent[];
  operations: CatalogOperation[];
}

/** The contract's view of a loaded provider: its facts, events, subscription API, notes and sources. */
export function buildProviderDetail(
  doc: JsonObject,
  root: Record<string, unknown>,
  base: DetailBase,
): ProviderDetail {
  const info = isObject(doc.info) ? doc.info : {};
  const provider = root['x-provider'] as XProvider | undefined;
  const envelope = root['x-envelope'] as XEnvelope | undefined;
  const signature = root['x-signature'] as XSignature | undefined;
  const delivery = root['x-delivery'] as XDelivery | undefined;
  const ids = root['x-ids'] as XIds | undefined;
  const infos = base.events.map((e) => e.info);
  return {
    id: base.id,
    name: provider?.name ?? base.title,
    title: base.title,
    version: typeof info.version === 'string' ? info.version : '',
    summary: typeof info.summary === 'string' ? info.summary : null,
    description: typeof info.description === 'string' ? info.description : null,
    category: provider?.category ?? null,
    origin: base.origin,
    file: base.file,
    eventCount: infos.length,
    deprecatedCount: infos.filter((e) => e.deprecated).length,
    undocumentedCount: infos.filter((e) => e.payloadDocumented === 'no').length,
    idFormat: ids?.format ?? 'random',
    envelope: envelope
      ? {
          dataField: envelope.dataField,
          typeField: envelope.typeField,
          typeFormat: envelope.typeFormat,
          prefix: { default: envelope.prefix.default, setting: envelope.prefix.setting ?? null },
          suffix: { default: envelope.suffix.default, setting: envelope.suffix.setting ?? null },
          fields: envelope.fields,
        }
      : null,
    signature: signature
      ? {
          scheme: signature.scheme,
          candidates: signature.candidates,
          secretFormat: signature.secretFormat ?? null,
          headers: signature.headers,
          note: signature.note ?? null,
        }
      : null,
    servers: Array.isArray(doc.servers)
      ? doc.servers.flatMap((s) => (isObject(s) && typeof s.url === 'string' ? [s.url] : []))
      : [],
    delivery: {
      method: delivery?.method ?? 'POST',
      contentType: delivery?.contentType ?? 'application/json',
      userAgent: delivery?.userAgent ?? null,
      idHeader: delivery?.idHeader ?? null,
      idPrefix: delivery?.idPrefix ?? '',
      timestampHeader: delivery?.timestampHeader ?? null,
      retrySchedule: delivery?.retrySchedule ?? [],
      note: delivery?.note ?? null,
    },
    events: infos,
    operations: base.operations,
    notes: (root['x-notes'] as ProviderDetail['notes'] | undefined) ?? [],
    sources: (root['x-source'] as ProviderDetail['sources'] | undefined) ?? [],
  };
}
