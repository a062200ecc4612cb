import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import { findHeader, headerValues, isBase64 } from './headers';
import { keyForms, standardWebhooksKey } from './secret-forms';
import {
  SecretFormatError,
  type SchemeConfig,
  type SchemeImplementation,
  type SignInput,
} from './scheme-types';
import {
  DEFAULT_TOLERANCE_SECONDS,
  hmacMatcher,
  verifySigned,
  type Matcher,
  type ParseResult,
  type SignatureEntry,
  type SignedScheme,
} from './verify-signed';

/** DER headers that turn raw ed25519 key bytes into keys node:crypto accepts. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

type Naming = 'webhook' | 'svix';

function names(naming: Naming, field: 'id' | 'timestamp' | 'signature'): [string, string] {
  return naming === 'svix' ? [`svix-${field}`, `webhook-${field}`] : [`webhook-${field}`, `svix-${field}`];
}

function isAsymmetric(secret: string): boolean {
  return secret.startsWith('whsk_') || secret.startsWith('whpk_');
}

/** The ed25519 keys of a `whsk_` (32-byte seed, or 64 bytes seed + public key) or `whpk_` (32-byte public key) secret. */
function edKeys(secret: string): { privateKey: KeyObject | null; publicKey: KeyObject } {
  const encoded = secret.slice(5);
  const bytes = isBase64(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (secret.startsWith('whpk_')) {
    if (bytes.length !== 32)
      throw new SecretFormatError('A whpk_ public key is whpk_ followed by the base64 of 32 bytes.');
    return {
      privateKey: null,
      publicKey: createPublicKey({ key: Buffer.concat([SPKI_ED25519, bytes]), format: 'der', type: 'spki' }),
    };
  }
  if (bytes.length !== 32 && bytes.length !== 64)
    throw new SecretFormatError(
      'A whsk_ secret key is whsk_ followed by the base64 of a 32-byte ed25519 seed.',
    );
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, bytes.subarray(0, 32)]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function edMatcher(secret: string): Matcher {
  const { privateKey, publicKey } = edKeys(secret);
  return {
    label: secret.startsWith('whpk_') ? 'an ed25519 public key (whpk_)' : 'an ed25519 secret key (whsk_)',
    match(content, entries) {
      return (
        entries.find((e) => {
          if (e.version !== 'v1a' || !isBase64(e.value, 64)) return false;
          return edVerify(null, content, publicKey, Buffer.from(e.value, 'base64'));
        }) ?? null
      );
    },
    expected: (content) =>
      privateKey ? `v1a,${edSign(null, content, privateKey).toString('base64')}` : null,
  };
}

function parse(headers: readonly HeaderPair[], naming: Naming): ParseResult {
  const id = findHeader(headers, ...names(naming, 'id'));
  const timestamp = findHeader(headers, ...names(naming, 'timestamp'));
  const signature = findHeader(headers, ...names(naming, 'signature'));
  const absent = (
    [
      ['id', id],
      ['timestamp', timestamp],
      ['signature', signature],
    ] as const
  )
    .filter(([, found]) => found === null)
    .map(([field]) => {
      const [first, second] = names(naming, field);
      return `${first} (or ${second})`;
    });
  if (!id || !timestamp || !signature) {
    return {
      ok: false,
      verdict: 'missing',
      cause: 'header-missing',
      reason: `The request has no ${absent.join(', no ')} header.`,
      received: signature?.value ?? null,
    };
  }
  const received = headerValues(headers, signature.name).join(' ');
  if (!/^\d+$/.test(timestamp.value.trim())) {
    return {
      ok: false,
      verdict: 'invalid',
      cause: 'header-malformed',
      reason: `${timestamp.name} must be whole seconds since 1970, not "${timestamp.value}".`,
      received,
    };
  }
  const entries: SignatureEntry[] = [];
  for (const part of received.split(/\s+/).filter(Boolean)) {
    const comma = part.indexOf(',');
    if (comma > 0) entries.push({ version: part.slice(0, comma), value: part.slice(comma + 1) });
  }
  if (entries.length === 0) {
    return {
      ok: false,
      verdict: 'invalid',
      cause: 'header-malformed',
      reason: `${signature.name} should hold space-separated entries such as v1,<base64 signature>; it holds "${received.slice(0, 60)}".`,
      received,
    };
  }
  return {
    ok: true,
    value: { id: id.value, timestamp: timestamp.value.trim(), entries, received, header: signature.name },
  };
}

function spec(naming: Naming): SignedScheme {
  return {
    name: naming === 'svix' ? 'svix' : 'standard-webhooks',
    family: ['standard-webhooks', 'svix'],
    parse: (headers) => parse(headers, naming),
    parts: (p) => ({ prefix: `${p.id ?? ''}.${p.timestamp ?? ''}.`, suffix: '', includesBody: true }),
    matchers({ secret }) {
      if (isAsymmetric(secret)) return [edMatcher(secret)];
      return keyForms(secret, 'standard').map((form) =>
        hmacMatcher(form, 'sha256', 'base64', 'v1', (s) => `v1,${s}`),
      );
    },
    tolerance: (options) => options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    precheck({ secret }, p) {
      const versions = new Set(p.entries.map((e) => e.version));
      const wanted = isAsymmetric(secret) ? 'v1a' : 'v1';
      if (versions.has(wanted)) return null;
      if (wanted === 'v1' && versions.has('v1a')) {
        return {
          cause: 'secret-form',
          reason: `${p.header} holds only v1a (ed25519) signatures, but the secret is a symmetric whsec_ secret: verify with the sender's whpk_ public key.`,
        };
      }
      if (wanted === 'v1a' && versions.has('v1')) {
        return {
          cause: 'secret-form',
          reason: `${p.header} holds only v1 (HMAC) signatures, but the secret is an ed25519 key: verify with the sender's whsec_ secret.`,
        };
      }
      return {
        cause: 'header-malformed',
        reason: `${p.header} holds no ${wanted} signature (versions found: ${[...versions].join(', ')}).`,
      };
    },
  };
}

/** The `v1,<base64>` (or `v1a,<base64>`) signature of one message. */
export function standardWebhooksSignature(secret: string, input: SignInput): string {
  const content = Buffer.concat([Buffer.from(`${input.id}.${input.timestamp}.`), input.body]);
  if (secret.startsWith('whpk_'))
    throw new SecretFormatError('A whpk_ public key can only verify; signing needs the whsk_ secret key.');
  if (secret.startsWith('whsk_')) return edMatcher(secret).expected(content) ?? '';
  return `v1,${createHmac('sha256', standardWebhooksKey(secret)).update(content).digest('base64')}`;
}

function checkSecret({ secret }: SchemeConfig): string | null {
  try {
    if (isAsymmetric(secret)) edKeys(secret);
    else standardWebhooksKey(secret);
    return null;
  } catch (error) {
    return error instanceof SecretFormatError ? error.message : String(error);
  }
}

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `v1` HMAC-SHA256 over `<id>.<timestamp>.<body>` with the
 * base64 after `whsec_` as key, or `v1a` ed25519 with `whsk_`/`whpk_` keys; several space-separated signatures while
 * a secret rotates; a five-minute timestamp tolerance. `svix` is the same under `svix-*` header names (how Credo AI
 * delivers); both read either spelling.
 */
function standardWebhooks(naming: Naming): SchemeImplementation {
  const scheme = spec(naming);
  return {
    name: scheme.name,
    idHeaders: () => names(naming, 'id'),
    sign({ secret }, input) {
      const [id, timestamp, signature] =
        naming === 'svix'
          ? ['Svix-Id', 'Svix-Timestamp', 'Svix-Signature']
          : ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
      return [
        [id, input.id],
        [timestamp, String(input.timestamp)],
        [signature, standardWebhooksSignature(secret, input)],
      ];
    },
    verify: (config, request) => verifySigned(scheme, config, request),
    checkSecret,
  };
}

export const standardWebhooksScheme = standardWebhooks('webhook');
export const svixScheme = standardWebhooks('svix');
