import type { Inbox, SetVerificationInput } from '../../../../shared/inbox-models';
import {
  SIGNATURE_SCHEMES,
  type SignatureScheme,
  type VerificationOptions,
} from '../../../../shared/signature-models';

/** The Verification section as the form edits it; empty strings mean "not set" (the scheme's default). */
export interface VerificationForm {
  /** '' while nothing is chosen. */
  scheme: SignatureScheme | '';
  /** Empty keeps the saved secret. */
  secret: string;
  toleranceSeconds: string;
  header: string;
  algorithm: '' | 'sha256' | 'sha512';
  encoding: '' | 'hex' | 'base64';
  prefix: string;
  template: string;
  timestampHeader: string;
  idHeader: string;
}

export type VerificationField = keyof VerificationForm;

/** Schemes that sign with a timestamp, so a tolerance applies. */
export const TIMESTAMPED_SCHEMES: readonly SignatureScheme[] = [
  'standard-webhooks',
  'svix',
  'stripe',
  'slack',
  'hmac',
];

/** What the secret is called for a scheme, and an example of its form. */
export function secretHint(scheme: SignatureScheme | ''): { label: string; placeholder: string } {
  switch (scheme) {
    case 'standard-webhooks':
    case 'svix':
      return { label: 'Signing secret', placeholder: 'whsec_…' };
    case 'stripe':
      return { label: 'Endpoint secret', placeholder: 'whsec_…' };
    case 'static':
      return { label: 'Expected header value', placeholder: 'the value the header must carry' };
    case 'bearer':
      return { label: 'Bearer token', placeholder: 'the token after "Bearer "' };
    default:
      return { label: 'Secret', placeholder: 'the shared secret' };
  }
}

/** The form's starting values for an inbox (its saved scheme and options; the secret never comes back). */
export function verificationFormFrom(inbox: Inbox): VerificationForm {
  const v = inbox.verification;
  const o: VerificationOptions = v?.options ?? {};
  return {
    scheme: v?.scheme ?? '',
    secret: '',
    toleranceSeconds: o.toleranceSeconds !== undefined ? String(o.toleranceSeconds) : '',
    header: o.header ?? '',
    algorithm: o.algorithm ?? '',
    encoding: o.encoding ?? '',
    prefix: o.prefix ?? '',
    template: o.template ?? '',
    timestampHeader: o.timestampHeader ?? '',
    idHeader: o.idHeader ?? '',
  };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks the section and builds the `inbox:set-verification` input. An empty secret is left out, so the saved one
 * is kept; `hasSavedSecret` says whether there is one to keep.
 */
export function readVerificationForm(
  form: VerificationForm,
  slug: string,
  hasSavedSecret: boolean,
): { problems: Partial<Record<VerificationField, string>>; input?: SetVerificationInput } {
  const problems: Partial<Record<VerificationField, string>> = {};
  if (form.scheme === '' || !SIGNATURE_SCHEMES.includes(form.scheme)) {
    problems.scheme = 'Choose the scheme the sender signs with';
    return { problems };
  }
  const scheme = form.scheme;
  const secret = form.secret;
  if (secret === '' && !hasSavedSecret)
    problems.secret = `Enter the ${secretHint(scheme).label.toLowerCase()}`;
  if (secret.length > 4096) problems.secret = 'The secret can be at most 4096 characters';
  const options: VerificationOptions = {};
  const tolerance = form.toleranceSeconds.trim();
  if (tolerance !== '' && TIMESTAMPED_SCHEMES.includes(scheme)) {
    const value = Number(tolerance);
    if (!/^\d+$/.test(tolerance) || value < 1 || value > 31_536_000) {
      problems.toleranceSeconds = 'Tolerance must be a whole number of seconds from 1 to 31536000';
    } else {
      options.toleranceSeconds = value;
    }
  }
  const headerField = (key: 'header' | 'timestampHeader' | 'idHeader', words: string): void => {
    const value = form[key].trim();
    if (value === '') return;
    if (!HEADER_NAME.test(value) || value.length > 100) problems[key] = `${words} must be a header name`;
    else options[key] = value;
  };
  if (scheme === 'hmac' || scheme === 'static') headerField('header', 'The signature header');
  if (scheme === 'static' && form.header.trim() === '')
    problems.header = 'Name the header the value comes in';
  if (scheme === 'hmac') {
    if (form.header.trim() === '') problems.header = 'Name the header the signature comes in';
    headerField('timestampHeader', 'The timestamp header');
    headerField('idHeader', 'The id header');
    if (form.algorithm) options.algorithm = form.algorithm;
    if (form.encoding) options.encoding = form.encoding;
    if (form.prefix !== '') {
      if (form.prefix.length > 100) problems.prefix = 'The prefix can be at most 100 characters';
      else options.prefix = form.prefix;
    }
    const template = form.template.trim();
    if (template !== '') {
      if (template.length > 500) problems.template = 'The template can be at most 500 characters';
      else if ((template.match(/\{body\}/g) ?? []).length > 1)
        problems.template = 'The template may hold {body} at most once';
      else options.template = template;
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return { problems, input: { slug, scheme, options, ...(secret !== '' ? { secret } : {}) } };
}
