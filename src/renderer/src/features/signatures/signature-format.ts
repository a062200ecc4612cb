import type {
  SignatureCause,
  SignatureScheme,
  SignatureSummary,
  SignatureVerdict,
} from '../../../../shared/signature-models';

/** How a verdict looks: its colour, its mark and the words a tooltip and screen reader get. */
export interface SignatureBadgeLook {
  verdict: Exclude<SignatureVerdict, 'unconfigured'>;
  tone: 'success' | 'danger' | 'warning';
  mark: '✓' | '✗';
  /** Short words for the verdict, e.g. `signature valid`. */
  label: string;
}

const VERDICT_WORDS: Record<SignatureVerdict, string> = {
  valid: 'signature valid',
  invalid: 'signature invalid',
  expired: 'signature expired',
  missing: 'signature missing',
  unconfigured: 'not verified',
};

/** The verdict in a few words ("signature expired"). */
export function verdictWords(verdict: SignatureVerdict): string {
  return VERDICT_WORDS[verdict];
}

/**
 * The badge a capture's verdict gets: valid ✓ green, invalid ✗ red, expired and missing ✗ amber; null when the
 * inbox does not verify (nothing to say).
 */
export function signatureBadgeLook(signature: SignatureSummary): SignatureBadgeLook | null {
  switch (signature.verdict) {
    case 'valid':
      return { verdict: 'valid', tone: 'success', mark: '✓', label: VERDICT_WORDS.valid };
    case 'invalid':
      return { verdict: 'invalid', tone: 'danger', mark: '✗', label: VERDICT_WORDS.invalid };
    case 'expired':
      return { verdict: 'expired', tone: 'warning', mark: '✗', label: VERDICT_WORDS.expired };
    case 'missing':
      return { verdict: 'missing', tone: 'warning', mark: '✗', label: VERDICT_WORDS.missing };
    case 'unconfigured':
      return null;
  }
}

/** The tooltip of a badge: the verdict, the scheme and, for a failure, why. */
export function signatureTooltip(signature: SignatureSummary): string {
  const scheme = signature.scheme ? ` (${schemeLabel(signature.scheme)})` : '';
  const reason = signature.reason ? `: ${signature.reason}` : '';
  const words = verdictWords(signature.verdict);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${scheme}${reason}`;
}

const SCHEME_LABELS: Record<SignatureScheme, string> = {
  'standard-webhooks': 'Standard Webhooks',
  svix: 'Svix',
  stripe: 'Stripe',
  github: 'GitHub',
  slack: 'Slack',
  shopify: 'Shopify',
  hmac: 'Generic HMAC',
  static: 'Static header',
  bearer: 'Bearer token',
};

/** A scheme as people name it ("Standard Webhooks"). */
export function schemeLabel(scheme: SignatureScheme): string {
  return SCHEME_LABELS[scheme];
}

const CAUSE_WORDS: Record<SignatureCause, string> = {
  'wrong-secret': 'The secret is not the one the sender used',
  'secret-form':
    'The secret was used in the wrong form (e.g. with or without its prefix, or not base64-decoded)',
  timestamp: 'The timestamp is outside the tolerance',
  'body-changed': 'The body was changed after it was signed',
  'header-missing': 'A header the scheme needs is missing',
  'header-malformed': 'The signature header is malformed',
};

/** A failure cause in plain words. */
export function causeWords(cause: SignatureCause): string {
  return CAUSE_WORDS[cause];
}
