/** Prefixes that say what kind of secret it is; they are shown, the rest is not. */
const KNOWN_PREFIX =
  /^(whsec_|whsk_|whpk_|sk_live_|sk_test_|rk_live_|rk_test_|ghp_|github_pat_|xox[a-z]-|shpss_|Bearer )/;

/**
 * A secret as it may be shown: its kind prefix, the first four characters when it is long enough that this gives
 * little away, and its length — `whsec_MfKQ…(32 chars)`. Never the whole secret.
 */
export function maskSecret(secret: string): string {
  const prefix = KNOWN_PREFIX.exec(secret)?.[1] ?? '';
  const rest = secret.slice(prefix.length);
  const shown = rest.length >= 16 ? rest.slice(0, 4) : '';
  return `${prefix}${shown}…(${rest.length} ${rest.length === 1 ? 'char' : 'chars'})`;
}
