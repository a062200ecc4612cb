import { isBase64 } from './headers';
import { SecretFormatError } from './scheme-types';

/** A secret turned into key bytes one particular way, named in plain words. */
export interface KeyForm {
  key: Buffer;
  /** Completes "the secret read as …". */
  label: string;
}

const WHSEC = 'whsec_';

/**
 * The HMAC key Standard Webhooks (and Svix) derive from a secret: the base64 after `whsec_` (a secret without the
 * prefix is base64 as a whole, as the reference library accepts it).
 */
export function standardWebhooksKey(secret: string): Buffer {
  const encoded = secret.startsWith(WHSEC) ? secret.slice(WHSEC.length) : secret;
  if (!isBase64(encoded) || encoded.length === 0) {
    throw new SecretFormatError(
      secret.startsWith(WHSEC)
        ? 'The part after whsec_ is not base64, so Standard Webhooks cannot use it as a key.'
        : 'A Standard Webhooks secret is whsec_ followed by base64; this one is not base64.',
    );
  }
  return Buffer.from(encoded, 'base64');
}

function unique(forms: KeyForm[]): KeyForm[] {
  const kept: KeyForm[] = [];
  for (const form of forms) if (!kept.some((k) => k.key.equals(form.key))) kept.push(form);
  return kept;
}

/**
 * The secret in the form its scheme uses first, then in the forms a sender may have used by mistake:
 * - `standard`: base64 after `whsec_`; mistakes: the whole string as text (Stripe's way), the text after the prefix.
 * - `text`: the whole string as UTF-8 (Stripe, GitHub, Slack, Shopify, generic HMAC); mistakes: a `whsec_` secret
 *   decoded the Standard Webhooks way or without its prefix, a base64 or hex secret decoded to bytes.
 */
export function keyForms(secret: string, primary: 'standard' | 'text'): KeyForm[] {
  const whole: KeyForm = { key: Buffer.from(secret, 'utf8'), label: 'the whole string as text' };
  const prefixed = secret.startsWith(WHSEC);
  const afterPrefix: KeyForm = {
    key: Buffer.from(secret.slice(WHSEC.length), 'utf8'),
    label: 'the text after whsec_, not base64-decoded',
  };
  if (primary === 'standard') {
    const key = standardWebhooksKey(secret);
    return unique([
      { key, label: `the base64 after whsec_, decoded (${key.length} bytes)` },
      { ...whole, label: "the whole string, whsec_ included, as text (Stripe's way)" },
      ...(prefixed ? [afterPrefix] : []),
    ]);
  }
  const forms: KeyForm[] = [whole];
  if (prefixed) {
    const rest = secret.slice(WHSEC.length);
    if (isBase64(rest))
      forms.push({
        key: Buffer.from(rest, 'base64'),
        label: "the base64 after whsec_, decoded (Standard Webhooks' way)",
      });
    forms.push(afterPrefix);
  } else if (secret.length >= 16 && isBase64(secret)) {
    forms.push({ key: Buffer.from(secret, 'base64'), label: 'base64-decoded bytes' });
  }
  if (secret.length >= 32 && secret.length % 2 === 0 && /^[0-9a-f]+$/i.test(secret))
    forms.push({ key: Buffer.from(secret, 'hex'), label: 'hex-decoded bytes' });
  return unique(forms);
}
