import type { SignatureDetail, SignatureSummary } from '../../shared/signature-models';
import {
  signatureCause,
  signatureScheme,
  signatureVerdict,
  type SignatureCause,
  type SignatureScheme,
  type SignatureVerdict,
} from '../../shared/signature-models';

/** The signed content around the body (the body itself is not copied: it is rebuilt from the stored body). */
export interface SignedParts {
  prefix: string;
  suffix: string;
  includesBody: boolean;
}

/** The detail kept as JSON in `signature_detail`. Never a secret: only its masked form. */
export interface StoredSignatureDetail {
  signed: SignedParts | null;
  expected: string | null;
  received: string | null;
  secretMasked: string | null;
  details: string[];
  checkedAt: number;
}

/** A capture's signature check as stored beside it. */
export interface StoredSignature {
  scheme: SignatureScheme | null;
  verdict: SignatureVerdict;
  reason: string | null;
  cause: SignatureCause | null;
  /** Null when unconfigured. */
  detail: StoredSignatureDetail | null;
}

export const UNCONFIGURED: StoredSignature = {
  scheme: null,
  verdict: 'unconfigured',
  reason: null,
  cause: null,
  detail: null,
};

export interface SignatureRow {
  signature_scheme: string | null;
  signature_verdict: string;
  signature_reason: string | null;
  signature_cause: string | null;
}

/** The list row's verdict; values written by hand or by a newer version read as unconfigured rather than failing. */
export function summaryFromRow(row: SignatureRow): SignatureSummary {
  const verdict = signatureVerdict.safeParse(row.signature_verdict);
  const scheme = signatureScheme.safeParse(row.signature_scheme);
  return {
    scheme: scheme.success ? scheme.data : null,
    verdict: verdict.success ? verdict.data : 'unconfigured',
    reason: row.signature_reason,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body inside signed content: its text, or a note with its base64 when it is not UTF-8. */
export function bodyAsText(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    return `[binary body: ${body.length} bytes, base64 ${body.toString('base64')}]`;
  }
}

/** The signed content as text, for people. */
export function signedContentText(parts: SignedParts, body: Buffer): string {
  return `${parts.prefix}${parts.includesBody ? bodyAsText(body) : ''}${parts.suffix}`;
}

/** The detail view's check, rebuilt from the stored JSON and the stored body; null when there was no check. */
export function detailFromRow(
  row: SignatureRow & { signature_detail: string | null },
  body: Buffer,
): SignatureDetail | null {
  if (row.signature_detail === null) return null;
  let stored: StoredSignatureDetail;
  try {
    stored = JSON.parse(row.signature_detail) as StoredSignatureDetail;
  } catch {
    return null;
  }
  const cause = signatureCause.safeParse(row.signature_cause);
  return {
    cause: cause.success ? cause.data : null,
    signedContent: stored.signed ? signedContentText(stored.signed, body) : null,
    expected: stored.expected ?? null,
    received: stored.received ?? null,
    secretMasked: stored.secretMasked ?? null,
    details: Array.isArray(stored.details) ? stored.details : [],
    checkedAt: typeof stored.checkedAt === 'number' ? stored.checkedAt : 0,
  };
}
