import { randomBytes } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import type { SignatureScheme } from '../../../shared/signature-models';
import { bearerScheme } from './bearer';
import { genericHmacScheme } from './generic-hmac';
import { githubScheme } from './github';
import type {
  SchemeConfig,
  SchemeImplementation,
  SignInput,
  Verification,
  VerifyRequest,
} from './scheme-types';
import { shopifyScheme } from './shopify';
import { slackScheme } from './slack';
import { standardWebhooksScheme, svixScheme } from './standard-webhooks';
import { staticHeaderScheme } from './static-header';
import { stripeScheme } from './stripe';

export type { SchemeConfig, SignInput, Verification, VerifyRequest } from './scheme-types';
export { SecretFormatError } from './scheme-types';

const SCHEMES: Record<SignatureScheme, SchemeImplementation> = {
  'standard-webhooks': standardWebhooksScheme,
  svix: svixScheme,
  stripe: stripeScheme,
  github: githubScheme,
  slack: slackScheme,
  shopify: shopifyScheme,
  hmac: genericHmacScheme,
  static: staticHeaderScheme,
  bearer: bearerScheme,
};

/** The implementation of one scheme. */
export function schemeOf(scheme: SignatureScheme): SchemeImplementation {
  return SCHEMES[scheme];
}

/**
 * The headers a sender using `scheme` adds to a message, in order. Throws `SecretFormatError` when the secret cannot
 * sign (a `whpk_` public key, a `whsec_` secret that is not base64).
 */
export function sign(scheme: SignatureScheme, config: SchemeConfig, input: SignInput): HeaderPair[] {
  return SCHEMES[scheme].sign(config, input);
}

/** Checks a request as received (raw headers and body bytes) and says why it fails when it does. */
export function verify(scheme: SignatureScheme, config: SchemeConfig, request: VerifyRequest): Verification {
  return SCHEMES[scheme].verify(config, request);
}

/** Why a secret (with its options) cannot work with a scheme, or null. Never repeats the secret. */
export function checkSecret(scheme: SignatureScheme, config: SchemeConfig): string | null {
  return SCHEMES[scheme].checkSecret(config);
}

/** A new message id: `msg_` and 24 random base62-ish characters, like Svix's. */
export function newMessageId(): string {
  return `msg_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}
