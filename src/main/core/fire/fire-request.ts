import type { CatalogDelivery } from '../../../shared/catalog-models';
import type { FireAttempt, FireSign } from '../../../shared/fire-models';
import type { HeaderPair } from '../../../shared/models';
import type { SignatureScheme } from '../../../shared/signature-models';
import { sendDownstream } from '../forward/send-downstream';
import { maskSecret } from '../signatures/mask-secret';
import type { SchemeConfig, SignInput } from '../signatures/scheme-types';

/** Signs a message like a provider; the signatures module's `sign` fits (workbench passes it in). */
export type Signer = (scheme: SignatureScheme, config: SchemeConfig, input: SignInput) => HeaderPair[];

/** The message id header used when the provider documents none (Standard Webhooks'; the receiver groups by it). */
export const DEFAULT_ID_HEADER = 'webhook-id';

/** One message to deliver: the same id and body on every attempt. */
export interface Delivery {
  url: string;
  body: Buffer;
  messageId: string;
  delivery: CatalogDelivery;
  /** Custom headers; a name given here replaces the provider's header of that name. */
  headers: readonly HeaderPair[];
  sign?: FireSign | undefined;
  timeoutMs: number;
}

/** Sets `name` (case-insensitively) in a header list, keeping the position of the first occurrence. */
function setHeader(headers: HeaderPair[], [name, value]: HeaderPair): void {
  const lower = name.toLowerCase();
  const at = headers.findIndex(([n]) => n.toLowerCase() === lower);
  if (at === -1) {
    headers.push([name, value]);
    return;
  }
  headers[at] = [name, value];
  for (let i = headers.length - 1; i > at; i--)
    if (headers[i]?.[0].toLowerCase() === lower) headers.splice(i, 1);
}

/**
 * The headers of one attempt: content type, user agent, message id and timestamp as the provider sends them, the
 * signature over this attempt's timestamp, then the custom headers (which win).
 */
export function attemptHeaders(d: Delivery, signer: Signer | null, nowMs: number = Date.now()): HeaderPair[] {
  const timestamp = Math.floor(nowMs / 1000);
  const headers: HeaderPair[] = [['Content-Type', d.delivery.contentType]];
  headers.push(['User-Agent', d.delivery.userAgent ?? 'Hookbench']);
  headers.push([d.delivery.idHeader ?? DEFAULT_ID_HEADER, d.messageId]);
  if (d.delivery.timestampHeader) headers.push([d.delivery.timestampHeader, String(timestamp)]);
  if (d.sign) {
    if (!signer) throw new Error('signing was asked for but no signer is wired');
    const signed = signer(
      d.sign.scheme,
      { secret: d.sign.secret, options: d.sign.options },
      {
        id: d.messageId,
        timestamp,
        body: d.body,
      },
    );
    for (const header of signed) setHeader(headers, header);
  }
  for (const header of d.headers) setHeader(headers, header);
  return headers;
}

/**
 * The headers as reported back: a header carrying the secret itself (the static and bearer schemes send it as is)
 * shows it masked, so results and logs never hold a secret in clear.
 */
export function reportedHeaders(headers: readonly HeaderPair[], sign: FireSign | undefined): HeaderPair[] {
  if (!sign || (sign.scheme !== 'static' && sign.scheme !== 'bearer')) return [...headers];
  return headers.map(([name, value]) => [
    name,
    value.includes(sign.secret) ? value.replace(sign.secret, maskSecret(sign.secret)) : value,
  ]);
}

/** Sends one attempt and records it; never throws for network failures (they are the attempt's `error`). */
export async function sendAttempt(
  d: Delivery,
  signer: Signer | null,
  attempt: number,
): Promise<Omit<FireAttempt, 'nextInMs'>> {
  const requestHeaders = attemptHeaders(d, signer);
  const exchange = await sendDownstream({
    method: d.delivery.method,
    url: d.url,
    headers: requestHeaders,
    body: d.body,
    timeoutMs: d.timeoutMs,
  });
  const ok = exchange.status !== null && exchange.status >= 200 && exchange.status < 300;
  return { attempt, ok, requestHeaders: reportedHeaders(requestHeaders, d.sign), exchange };
}
