import { createHmac } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import type { VerificationOptions } from '../../../shared/signature-models';
import { findHeader, isBase64 } from './headers';
import { keyForms } from './secret-forms';
import type { SchemeConfig, SchemeImplementation, SignedParts } from './scheme-types';
import {
  DEFAULT_TOLERANCE_SECONDS,
  hmacMatcher,
  verifySigned,
  type ParseResult,
  type SignatureEntry,
  type SignedScheme,
} from './verify-signed';

/** The generic scheme's options with their defaults filled in. */
export interface HmacSettings {
  header: string;
  algorithm: 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  prefix: string;
  template: string;
  timestampHeader: string | null;
  idHeader: string | null;
  tolerance: number;
}

export const DEFAULT_HMAC_HEADER = 'X-Signature';

/** Fills in the defaults: `X-Signature`, sha256, hex, no prefix, the body alone. */
export function hmacSettings(options: VerificationOptions): HmacSettings {
  return {
    header: options.header ?? DEFAULT_HMAC_HEADER,
    algorithm: options.algorithm ?? 'sha256',
    encoding: options.encoding ?? 'hex',
    prefix: options.prefix ?? '',
    template: options.template ?? '{body}',
    timestampHeader: options.timestampHeader ?? null,
    idHeader: options.idHeader ?? null,
    tolerance: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
  };
}

/** Why a template cannot be used, or null. */
export function templateProblem(settings: HmacSettings): string | null {
  const placeholders = [...settings.template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  const unknown = placeholders.find((p) => !['body', 'timestamp', 'id'].includes(p));
  if (unknown !== undefined) return `The template has {${unknown}}; it may use {body}, {timestamp} and {id}.`;
  if (placeholders.filter((p) => p === 'body').length > 1) return 'The template may hold {body} once.';
  if (placeholders.includes('timestamp') && !settings.timestampHeader)
    return 'The template uses {timestamp}: name the header that carries it (timestamp-header=…).';
  if (placeholders.includes('id') && !settings.idHeader)
    return 'The template uses {id}: name the header that carries it (id-header=…).';
  return null;
}

/** The signed content around the body, with `{timestamp}` and `{id}` filled in. */
export function templateParts(template: string, values: { timestamp: string; id: string }): SignedParts {
  const fill = (text: string): string =>
    text.replace(/\{timestamp\}/g, values.timestamp).replace(/\{id\}/g, values.id);
  const at = template.indexOf('{body}');
  if (at === -1) return { prefix: fill(template), suffix: '', includesBody: false };
  return {
    prefix: fill(template.slice(0, at)),
    suffix: fill(template.slice(at + '{body}'.length)),
    includesBody: true,
  };
}

function parse(headers: readonly HeaderPair[], options: VerificationOptions): ParseResult {
  const s = hmacSettings(options);
  const signature = findHeader(headers, s.header);
  const timestamp = s.timestampHeader ? findHeader(headers, s.timestampHeader) : null;
  const id = s.idHeader ? findHeader(headers, s.idHeader) : null;
  const absent = [
    signature ? null : s.header,
    s.timestampHeader && !timestamp ? s.timestampHeader : null,
    s.idHeader && !id ? s.idHeader : null,
  ].filter((n): n is string => n !== null);
  if (!signature || absent.length > 0) {
    return {
      ok: false,
      verdict: 'missing',
      cause: 'header-missing',
      reason: `The request has no ${absent.join(' and no ')} header.`,
      received: signature?.value ?? null,
    };
  }
  const bytes = s.algorithm === 'sha512' ? 64 : 32;
  const entries: SignatureEntry[] = [];
  for (const part of signature.value
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    if (s.prefix && part.slice(0, s.prefix.length).toLowerCase() !== s.prefix.toLowerCase()) continue;
    const value = part.slice(s.prefix.length);
    const ok =
      s.encoding === 'hex' ? new RegExp(`^[0-9a-f]{${bytes * 2}}$`, 'i').test(value) : isBase64(value, bytes);
    if (ok) entries.push({ version: '', value: s.encoding === 'hex' ? value.toLowerCase() : value });
  }
  if (entries.length === 0) {
    const shape = `${s.prefix}<${s.encoding === 'hex' ? `${bytes * 2} hex digits` : `base64 of ${bytes} bytes`}>`;
    return {
      ok: false,
      verdict: 'invalid',
      cause: 'header-malformed',
      reason: `${signature.name} should be ${shape} (an HMAC-${s.algorithm.toUpperCase()}).`,
      received: signature.value,
    };
  }
  return {
    ok: true,
    value: {
      id: id?.value ?? null,
      timestamp: timestamp?.value.trim() ?? null,
      entries,
      received: signature.value,
      header: signature.name,
    },
  };
}

const spec: SignedScheme = {
  name: 'hmac',
  family: ['hmac'],
  parse,
  parts: (p, options) =>
    templateParts(hmacSettings(options).template, { timestamp: p.timestamp ?? '', id: p.id ?? '' }),
  matchers: ({ secret, options }) => {
    const s = hmacSettings(options);
    return keyForms(secret, 'text').map((form) =>
      hmacMatcher(form, s.algorithm, s.encoding, '', (sig) => `${s.prefix}${sig}`),
    );
  },
  tolerance: (options) => (options.timestampHeader ? hmacSettings(options).tolerance : null),
};

/**
 * A generic HMAC for providers without a scheme of their own: the header, the hash (sha256 or sha512), the
 * encoding (hex or base64), a prefix such as `sha512=`, and a template of the signed content (`{timestamp}.{body}`)
 * whose timestamp and id come from headers the options name.
 */
export const genericHmacScheme: SchemeImplementation = {
  name: 'hmac',
  idHeaders: (options) => (options.idHeader ? [options.idHeader] : []),
  sign({ secret, options }, input) {
    const s = hmacSettings(options);
    const parts = templateParts(s.template, { timestamp: String(input.timestamp), id: input.id });
    const content = Buffer.concat([
      Buffer.from(parts.prefix),
      parts.includesBody ? input.body : Buffer.alloc(0),
      Buffer.from(parts.suffix),
    ]);
    const signature = createHmac(s.algorithm, Buffer.from(secret, 'utf8')).update(content).digest(s.encoding);
    const headers: HeaderPair[] = [];
    if (s.idHeader) headers.push([s.idHeader, input.id]);
    if (s.timestampHeader) headers.push([s.timestampHeader, String(input.timestamp)]);
    headers.push([s.header, `${s.prefix}${signature}`]);
    return headers;
  },
  verify: (config, request) => verifySigned(spec, config, request),
  checkSecret: (config: SchemeConfig) => templateProblem(hmacSettings(config.options)),
};
