import { base64ToBytes, hexDump, HEX_DUMP_LIMIT } from './decode-body';
import {
  multipartBoundary,
  parseMultipart,
  parseUrlEncoded,
  type FormField,
  type MultipartPart,
} from './form-fields';
import { prettyJson } from './json-tokens';
import { findNestedJson, type NestedJson } from './nested-json';

/** The ways a body can be shown. */
export type BodyViewKind = 'pretty' | 'decoded' | 'form' | 'raw' | 'hex';

/** Labels of the view switcher, in display order. */
export const BODY_VIEW_LABELS: Record<BodyViewKind, string> = {
  pretty: 'Pretty',
  decoded: 'Decoded',
  form: 'Form fields',
  raw: 'Raw',
  hex: 'Hex',
};

/** Above this size the decoded view is not offered: walking a huge document twice would stall the pane. */
const DECODE_LIMIT = 2 * 1024 * 1024;

/** Everything the body view can show for one body, computed once per body. */
export interface BodyAnalysis {
  bytes: Uint8Array;
  /** The body as text when it is valid UTF-8, else null. */
  text: string | null;
  /** Re-indented JSON (literals untouched) when the body is a JSON object or array. */
  pretty: string | null;
  /** JSON strings holding JSON, with the document where they are decoded in place. */
  nested: { found: NestedJson[]; decodedText: string } | null;
  /** Fields of a URL-encoded form body. */
  formFields: FormField[] | null;
  /** Parts of a multipart/form-data body. */
  multipart: MultipartPart[] | null;
  /** The views that make sense for this body, in switcher order; empty for an empty body. */
  views: BodyViewKind[];
  /** The view to open first. */
  defaultView: BodyViewKind | null;
  /** Hex dump of the first bytes, computed lazily by `hexOf`. */
  hexLimit: number;
}

/** The MIME type of a content type, lower-case, without parameters. */
export function mimeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Works out how a body is best read. JSON gets Pretty (and Decoded when a string inside it holds JSON, which then
 * opens first because that is where the content is); a form body opens on its fields; other UTF-8 opens as Raw;
 * anything else as Hex. Hex is always offered, so the exact bytes are one click away.
 */
export function analyzeBody(bodyBase64: string, contentType: string | null): BodyAnalysis {
  const bytes = base64ToBytes(bodyBase64);
  const mime = mimeOf(contentType);
  const base = {
    bytes,
    text: null,
    pretty: null,
    nested: null,
    formFields: null,
    multipart: null,
    hexLimit: HEX_DUMP_LIMIT,
  };
  if (bytes.length === 0) return { ...base, views: [], defaultView: null };
  const text = utf8(bytes);
  const boundary = multipartBoundary(contentType);
  const multipart = boundary ? parseMultipart(bytes, boundary) : null;
  if (text === null) {
    const views: BodyViewKind[] = multipart ? ['form', 'hex'] : ['hex'];
    return { ...base, multipart, views, defaultView: views[0] ?? 'hex' };
  }
  const pretty = prettyJson(text);
  const nestedFound = pretty !== null && bytes.length <= DECODE_LIMIT ? findNestedJson(text) : null;
  const nested = nestedFound
    ? { found: nestedFound.found, decodedText: JSON.stringify(nestedFound.decoded, null, 2) }
    : null;
  const formFields = mime === 'application/x-www-form-urlencoded' ? parseUrlEncoded(text) : null;
  const views: BodyViewKind[] = [];
  if (pretty !== null) views.push('pretty');
  if (nested) views.push('decoded');
  if (formFields || multipart) views.push('form');
  views.push('raw', 'hex');
  const defaultView: BodyViewKind = nested
    ? 'decoded'
    : pretty !== null
      ? 'pretty'
      : formFields || multipart
        ? 'form'
        : 'raw';
  return { ...base, text, pretty, nested, formFields, multipart, views, defaultView };
}

/** The hex dump of an analysed body (first `HEX_DUMP_LIMIT` bytes). */
export function hexOf(analysis: BodyAnalysis): string {
  return hexDump(analysis.bytes, analysis.hexLimit);
}
