import type { CheckFinding, CheckResult, ExpectedEnvelope } from '../../../shared/check-models';
import type { HeaderPair } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { parseComposedType } from '../catalog/identify-event';
import type { LoadedProvider } from '../catalog/load-catalog-document';
import { envelopeFindings, envelopePaths } from './envelope-findings';
import { tidyFindings, verdictOf } from './finding-order';
import { childPath, describePath, dottedFromRulePointer } from './finding-paths';
import { identifyForCheck, type Identified } from './identify-check';
import { isJsonContentType, mediaTypeOf, parseBody } from './parse-body';
import { translateAjvErrors } from './translate-ajv';
import { decodeEncoded, decodeJsonString, walkDocumented, type WalkContext } from './walk-payload';

/** What to check. */
export interface CheckRequest {
  body: Buffer | string;
  contentType?: string | null | undefined;
  headers?: readonly HeaderPair[] | undefined;
  /** The body was cut at the receiver's size limit. */
  truncated?: boolean | undefined;
  /** Only this provider's events. */
  provider?: string | undefined;
  /** Force the event (a documented name, alias or composed type). */
  event?: string | undefined;
  /** The subscription's prefix and suffix, when known (or a lookup by the identified provider's id). */
  expected?: ExpectedEnvelope | ((provider: string) => ExpectedEnvelope | null) | null | undefined;
}

/** A check's result and what the shape tree and the drift report build on. */
export interface CheckOutcome {
  result: CheckResult;
  /** The body as checked (JSON decoded from strings); undefined when it is not JSON. */
  value: unknown;
  identified: Identified | null;
  /** Documented schemas found for JSON decoded from strings (Credas' `Payload`), by path. */
  innerSchemas: Map<string, unknown>;
}

/**
 * Identifies payloads and checks them against the catalogue's documented shapes with Ajv (JSON Schema 2020-12, all
 * errors), translating the results into findings with a dotted path, a kind, a severity and a plain message. Pure
 * computation over the loaded catalogue: nothing is stored here.
 */
export class PayloadChecker {
  constructor(private readonly catalog: Catalog) {}

  /** Checks one payload. An unknown forced provider or event throws (the catalogue's errors, with suggestions). */
  check(request: CheckRequest): CheckOutcome {
    const parsed = parseBody(request.body, request);
    if (!parsed.ok) {
      return {
        result: {
          provider: null,
          eventType: null,
          verdict: 'not-json',
          conforms: false,
          findings: [{ path: '', kind: 'not-json', severity: 'error', message: parsed.message }],
          identifiedBy: null,
        },
        value: undefined,
        identified: null,
        innerSchemas: new Map(),
      };
    }
    const findings: CheckFinding[] = [];
    const decodedPaths: string[] = [];
    let value = parsed.value;
    if (typeof value === 'string') {
      const inner = decodeJsonString(value);
      if (inner !== undefined) {
        value = inner;
        decodedPaths.push('');
        findings.push({
          path: '',
          kind: 'type',
          severity: 'error',
          message:
            'The body is a JSON string that holds the JSON document (encoded twice); the documentation shows the document itself. It was decoded and checked.',
        });
      }
    }
    const identification = this.identify(request, value);
    if (!identification.identified) {
      return {
        result: {
          provider: null,
          eventType: null,
          verdict: 'unidentified',
          conforms: false,
          findings: [],
          candidates: identification.candidates,
          ...(decodedPaths.length > 0 ? { decodedPaths } : {}),
          identifiedBy: null,
        },
        value,
        identified: null,
        innerSchemas: new Map(),
      };
    }
    const identified = identification.identified;
    const innerSchemas = new Map<string, unknown>();
    const checked = this.checkShape(identified, value, request, { findings, decodedPaths, innerSchemas });
    const tidied = tidyFindings(findings);
    return {
      result: {
        provider: identified.provider.detail.id,
        eventType: identified.event.info.name,
        ...verdictOf(tidied),
        findings: tidied,
        ...(decodedPaths.length > 0 ? { decodedPaths } : {}),
        identifiedBy: identified.via,
      },
      value: checked,
      identified,
      innerSchemas,
    };
  }

  private identify(
    request: CheckRequest,
    value: unknown,
  ): { identified: Identified } | { identified: null; candidates: NonNullable<CheckResult['candidates']> } {
    if (request.event !== undefined) {
      const { provider, event } = this.catalog.findEvent(request.event, request.provider);
      const parts = provider.envelope
        ? parseComposedType(provider.envelope, request.event, (n) => provider.byName.has(n))
        : null;
      return {
        identified: {
          provider,
          event,
          via: 'forced',
          prefix: parts?.prefix ?? null,
          suffix: parts?.suffix ?? null,
        },
      };
    }
    const providers = request.provider ? [this.catalog.get(request.provider)] : this.catalog.all();
    return identifyForCheck(providers, value, request.headers ?? []);
  }

  /** Every finding of an identified payload; returns the body as checked (encoded JSON decoded). */
  private checkShape(
    identified: Identified,
    body: unknown,
    request: CheckRequest,
    collect: { findings: CheckFinding[]; decodedPaths: string[]; innerSchemas: Map<string, unknown> },
  ): unknown {
    const { findings, decodedPaths, innerSchemas } = collect;
    const { provider, event } = identified;
    const info = event.info;
    if (info.deprecated) {
      findings.push({
        path: '',
        kind: 'deprecated',
        severity: 'warning',
        message: `${info.name} is deprecated: ${info.deprecation?.note ?? 'the documentation marks it so.'}`,
      });
    }
    if (info.kind === 'wildcard') {
      findings.push({
        path: identifiedPath(identified),
        kind: 'envelope',
        severity: 'warning',
        message: `${info.name} is a subscription wildcard, never the type of a delivered event.`,
      });
    }
    let value = body;
    if (info.schema === null || event.validate === null) {
      findings.push({
        path: '',
        kind: 'undocumented-shape',
        severity: 'info',
        message: `${provider.detail.name} documents ${info.name} but not its payload, so only the event type could be checked.`,
      });
    } else {
      if (info.payloadDocumented === 'partial') {
        findings.push({
          path: '',
          kind: 'undocumented-shape',
          severity: 'info',
          message: `${provider.detail.name} documents only part of the ${info.name} payload; fields it does not show may be normal.`,
        });
      }
      const ctx: WalkContext = {
        eventName: info.name,
        findings,
        decodedPaths,
        inner: (decoded, path) => {
          const schema = this.checkInner(provider, identified, decoded, path, ctx);
          if (schema !== null) innerSchemas.set(path, schema);
        },
      };
      value = decodeEncoded(value, info.schema, '', ctx);
      if (!event.validate(value)) {
        findings.push(
          ...translateAjvErrors(event.validate.errors, {
            root: value,
            schema: info.schema,
            event: info,
            prefix: '',
            envelopePaths: envelopePaths(provider),
          }),
        );
      }
      walkDocumented(value, info.schema, '', ctx, false);
    }
    const expected =
      typeof request.expected === 'function' ? request.expected(provider.detail.id) : request.expected;
    findings.push(...envelopeFindings(identified, value, expected));
    const declared = request.contentType;
    if (declared && !isJsonContentType(declared)) {
      findings.push({
        path: '',
        kind: 'not-json',
        severity: 'warning',
        message: `The body is JSON, but its Content-Type is ${mediaTypeOf(declared)}; ${provider.detail.name} sends ${provider.detail.delivery.contentType}.`,
      });
    }
    return value;
  }

  /**
   * JSON decoded from a string whose shape the documentation does not give (Credas' status-update `Payload`): when it
   * has the shape of another event of the provider, it is checked against that documentation, with paths inside the
   * string (`Payload.ProcessId`); otherwise a note says its shape is undocumented. Returns the schema used, or null.
   */
  private checkInner(
    provider: LoadedProvider,
    outer: Identified,
    decoded: unknown,
    path: string,
    ctx: WalkContext,
  ): unknown {
    const found = identifyForCheck([provider], decoded).identified;
    const event = found && found.event !== outer.event ? found.event : null;
    if (!event?.validate || event.info.schema === null) {
      ctx.findings.push({
        path,
        kind: 'undocumented-shape',
        severity: 'info',
        message: `${describePath(path)} holds JSON (decoded); the documentation does not show its shape.`,
      });
      return null;
    }
    ctx.findings.push({
      path,
      kind: 'undocumented-shape',
      severity: 'info',
      message: `${describePath(path)} holds JSON (decoded) shaped like a ${event.info.name} payload; it was checked against that documentation.`,
    });
    const inner: WalkContext = { ...ctx, eventName: event.info.name, inner: undefined };
    if (!event.validate(decoded)) {
      ctx.findings.push(
        ...translateAjvErrors(event.validate.errors, {
          root: decoded,
          schema: event.info.schema,
          event: event.info,
          prefix: path,
          envelopePaths: new Set(),
        }),
      );
    }
    walkDocumented(decoded, event.info.schema, path, inner, false);
    return event.info.schema;
  }
}

function identifiedPath(identified: Identified): string {
  const { provider, via } = identified;
  if (via === 'type-field' && provider.envelope) return childPath('', provider.envelope.typeField);
  if (via.startsWith('field ')) return dottedFromRulePointer(via.slice(6));
  return '';
}
