import {
  SIGNATURE_SCHEMES,
  signatureScheme,
  verificationOptions,
  type SignatureScheme,
  type VerificationOptions,
} from '../../../shared/signature-models';
import { checkSecret } from './index';

/** A scheme with its secret and options, as written on the command line. */
export interface VerifySpec {
  scheme: SignatureScheme;
  secret: string;
  options: VerificationOptions;
}

/** A spec that cannot be read; the message never repeats the secret. */
export class VerifySpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifySpecError';
  }
}

/** Option names after the secret (`;name=value`) and the schemes that take them. */
const OPTION_KEYS: Record<string, { field: keyof VerificationOptions; schemes: readonly SignatureScheme[] }> =
  {
    tolerance: {
      field: 'toleranceSeconds',
      schemes: ['standard-webhooks', 'svix', 'stripe', 'slack', 'hmac'],
    },
    header: { field: 'header', schemes: ['hmac'] },
    algorithm: { field: 'algorithm', schemes: ['hmac'] },
    encoding: { field: 'encoding', schemes: ['hmac'] },
    prefix: { field: 'prefix', schemes: ['hmac'] },
    template: { field: 'template', schemes: ['hmac'] },
    'timestamp-header': { field: 'timestampHeader', schemes: ['hmac'] },
    'id-header': { field: 'idHeader', schemes: ['hmac'] },
  };

const OPTION_START = new RegExp(`;(?=(?:${Object.keys(OPTION_KEYS).join('|')})=)`);

function readOptions(scheme: SignatureScheme, parts: readonly string[]): VerificationOptions {
  const raw: Record<string, unknown> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const known = OPTION_KEYS[name];
    if (!known) continue;
    if (!known.schemes.includes(scheme)) {
      throw new VerifySpecError(
        `the option ${name}= does not apply to ${scheme} (it applies to ${known.schemes.join(', ')})`,
      );
    }
    if (known.field === 'toleranceSeconds') {
      if (!/^\d+$/.test(value)) throw new VerifySpecError(`tolerance= takes whole seconds, not "${value}"`);
      raw[known.field] = Number(value);
    } else raw[known.field] = value;
  }
  const parsed = verificationOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const flag = Object.entries(OPTION_KEYS).find(([, o]) => o.field === field)?.[0] ?? field;
    throw new VerifySpecError(`${flag}=: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Reads `<scheme>:<secret>[;option=value…]`:
 * - `standard-webhooks:whsec_…`, `svix:whsec_…` (also `whsk_`/`whpk_` ed25519 keys), `stripe:whsec_…`,
 *   `github:<secret>`, `slack:<signing secret>`, `shopify:<client secret>`, each with an optional `;tolerance=<s>`
 *   where the scheme has a timestamp;
 * - `hmac:<secret>;header=X-Sig;algorithm=sha512;encoding=base64;prefix=sha512=;template={timestamp}.{body};
 *   timestamp-header=X-Timestamp;id-header=X-Id;tolerance=300` (every option optional);
 * - `static:<Header-Name>=<value>` and `bearer:<token>`, whose value is taken whole.
 * The secret ends where `;` is followed by a known option name and `=`.
 */
export function parseVerifySpec(text: string): VerifySpec {
  const colon = text.indexOf(':');
  const name = colon === -1 ? text : text.slice(0, colon);
  const scheme = signatureScheme.safeParse(name);
  if (!scheme.success) {
    throw new VerifySpecError(
      colon === -1
        ? `write <scheme>:<secret>, e.g. standard-webhooks:whsec_… (schemes: ${SIGNATURE_SCHEMES.join(', ')})`
        : `"${name}" is not a scheme; use one of ${SIGNATURE_SCHEMES.join(', ')}`,
    );
  }
  const rest = text.slice(colon + 1);
  let spec: VerifySpec;
  if (scheme.data === 'static') {
    const eq = rest.indexOf('=');
    if (eq <= 0 || eq === rest.length - 1) throw new VerifySpecError('write static:<Header-Name>=<value>');
    const header = verificationOptions.shape.header.safeParse(rest.slice(0, eq));
    if (!header.success) throw new VerifySpecError(`"${rest.slice(0, eq)}" is not a header name`);
    spec = { scheme: 'static', secret: rest.slice(eq + 1), options: { header: header.data } };
  } else if (scheme.data === 'bearer') {
    spec = { scheme: 'bearer', secret: rest, options: {} };
  } else {
    const [secret = '', ...parts] = rest.split(OPTION_START);
    spec = { scheme: scheme.data, secret, options: readOptions(scheme.data, parts) };
  }
  if (spec.secret === '') throw new VerifySpecError(`the ${spec.scheme} secret is empty`);
  const problem = checkSecret(spec.scheme, spec);
  if (problem) throw new VerifySpecError(problem);
  return spec;
}
