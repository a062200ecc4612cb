import type { CheckFinding, ExpectedEnvelope } from '../../../shared/check-models';
import { parseComposedType } from '../catalog/identify-event';
import { getAt, isObject } from '../catalog/json-pointer';
import type { LoadedProvider } from '../catalog/load-catalog-document';
import { composeType } from '../fire/envelope';
import { childPath, dottedFromRulePointer } from './finding-paths';
import type { Identified } from './identify-check';

/** The paths whose values the envelope checks judge: the composed type and the identify rules' fields. */
export function envelopePaths(provider: LoadedProvider): Set<string> {
  const paths = new Set<string>();
  if (provider.envelope) paths.add(childPath('', provider.envelope.typeField));
  for (const rule of provider.identify?.rules ?? [])
    if (rule.kind === 'field') paths.add(dottedFromRulePointer(rule.pointer));
  return paths;
}

/** The path that told the event, to name it in messages (`type`, `subject`, `data.eventType`). */
function identifyingPath(provider: LoadedProvider, via: string): string | null {
  if (via === 'type-field' && provider.envelope) return childPath('', provider.envelope.typeField);
  if (via.startsWith('field ')) return dottedFromRulePointer(via.slice(6));
  return null;
}

function partWords(value: string | null): string {
  return value === null ? 'none' : `"${value}"`;
}

function compareParts(
  found: { prefix: string | null; suffix: string | null },
  expected: ExpectedEnvelope | null | undefined,
  typePath: string,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const part of ['prefix', 'suffix'] as const) {
    const wanted = expected?.[part];
    if (wanted === undefined) continue;
    const want = wanted === '' ? null : wanted;
    if (want === found[part]) continue;
    findings.push({
      path: typePath,
      kind: 'envelope',
      severity: 'warning',
      message: `The ${part} of \`${typePath}\` is ${partWords(found[part])}; the subscription sets ${partWords(want)}.`,
    });
  }
  return findings;
}

/**
 * Where the envelope disagrees with itself or with the subscription: the composed `type` names another event than
 * `subject` or `data.eventType`, names no documented event, has a prefix or suffix of several parts, or a prefix or
 * suffix other than the subscription's (`expected`, when known).
 */
export function envelopeFindings(
  identified: Identified,
  body: unknown,
  expected: ExpectedEnvelope | null | undefined,
): CheckFinding[] {
  const { provider, event } = identified;
  const findings: CheckFinding[] = [];
  if (!isObject(body)) return findings;
  const name = event.info.name;
  const by = identifyingPath(provider, identified.via);
  const against = by ? `\`${by}\` names ${name}` : `it was checked as ${name}`;
  const resolve = (text: string): string | null => provider.byName.get(text)?.info.name ?? null;
  const envelope = provider.envelope;
  if (envelope) {
    const typePath = childPath('', envelope.typeField);
    const type = body[envelope.typeField];
    if (typeof type === 'string') {
      const parsed = parseComposedType(envelope, type, (n) => provider.byName.has(n));
      const separator = /\}(.)\{event\}/.exec(envelope.typeFormat)?.[1] ?? '.';
      if (!parsed) {
        findings.push({
          path: typePath,
          kind: 'envelope',
          severity: 'warning',
          message: `\`${typePath}\` is "${type}", which names no documented event; the documented form is ${envelope.typeFormat} with ${name}.`,
        });
      } else if (resolve(parsed.event) !== name) {
        findings.push({
          path: typePath,
          kind: 'envelope',
          severity: 'warning',
          message: `\`${typePath}\` names ${parsed.event}, but ${against}.`,
        });
      } else {
        const several = (['prefix', 'suffix'] as const).filter((p) => parsed[p]?.includes(separator));
        for (const part of several) {
          findings.push({
            path: typePath,
            kind: 'envelope',
            severity: 'warning',
            message: `The ${part} of \`${typePath}\` is ${partWords(parsed[part])}, several parts; the documented form ${envelope.typeFormat} has one (e.g. ${composeType(envelope.typeFormat, { prefix: envelope.prefix.default, event: name, suffix: envelope.suffix.default })}).`,
          });
        }
        findings.push(...compareParts(parsed, expected, typePath));
      }
    }
  }
  for (const rule of provider.identify?.rules ?? []) {
    if (rule.kind !== 'field') continue;
    const path = dottedFromRulePointer(rule.pointer);
    if (path === by) continue;
    const value = getAt(body, rule.pointer);
    if (typeof value !== 'string') continue;
    const named = resolve(value);
    if (named === name) continue;
    findings.push({
      path,
      kind: 'envelope',
      severity: 'warning',
      message: named
        ? `\`${path}\` is "${value}", but ${against}.`
        : `\`${path}\` is "${value}", which names no documented event; ${against}.`,
    });
  }
  return findings;
}
