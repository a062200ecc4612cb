import type { EnvelopeOptions } from '../../../shared/fire-models';
import type { XEnvelope } from '../catalog/catalog-extensions';
import { isObject } from '../catalog/json-pointer';
import { isoMicros } from './ids';

/** The prefix and suffix in force: the options' when given (null or '' meaning none), else the provider's. */
export function envelopeParts(
  envelope: Pick<XEnvelope, 'prefix' | 'suffix'>,
  options: EnvelopeOptions = {},
): { prefix: string | null; suffix: string | null } {
  const pick = (given: string | null | undefined, fallback: string | null): string | null =>
    given === undefined ? fallback : given === null || given === '' ? null : given;
  return {
    prefix: pick(options.prefix, envelope.prefix.default),
    suffix: pick(options.suffix, envelope.suffix.default),
  };
}

/**
 * Composes a type such as `{prefix}.{event}.{suffix}`: a missing prefix or suffix is left out together with its
 * separator, so Credo AI's `use_case_name_updated` becomes `CredoAI.use_case_name_updated.v1`,
 * `CredoAI.use_case_name_updated` or plain `use_case_name_updated`.
 */
export function composeType(
  format: string,
  parts: { prefix: string | null; event: string; suffix: string | null },
): string {
  let text = format;
  if (!parts.prefix) text = text.replace(/\{prefix\}[^{]*/, '');
  if (!parts.suffix) text = text.replace(/[^}]*\{suffix\}/, '');
  return text
    .replace('{prefix}', parts.prefix ?? '')
    .replace('{event}', parts.event)
    .replace('{suffix}', parts.suffix ?? '');
}

/**
 * Applies the provider envelope to a JSON body: the composed type always; with `allFields`, also the other
 * envelope fields (`time` now, `source`, `subject`), as a fresh sample has them. Bodies that are not objects are
 * returned unchanged.
 */
export function applyEnvelope(
  envelope: XEnvelope,
  event: string,
  body: unknown,
  options: EnvelopeOptions = {},
  allFields = true,
  now: number = Date.now(),
): unknown {
  if (!isObject(body)) return body;
  const { prefix, suffix } = envelopeParts(envelope, options);
  const out: Record<string, unknown> = { ...body };
  out[envelope.typeField] = composeType(envelope.typeFormat, { prefix, event, suffix });
  if (!allFields) return out;
  for (const [field, template] of Object.entries(envelope.fields)) {
    out[field] =
      template === '{now}'
        ? isoMicros(now)
        : template
            .replace('{event}', event)
            .replace('{prefix}', prefix ?? '')
            .replace('{suffix}', suffix ?? '');
  }
  return out;
}
