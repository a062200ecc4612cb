/** A body read as JSON, or why it could not be. */
export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for `application/json`, `application/cloudevents+json`, `text/json; charset=utf-8` and the like. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /(^|[/+])json$/.test(media);
}

/** The media type alone (`text/plain`), for messages. */
export function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]?.trim() ?? contentType;
}

/**
 * Reads a body as JSON. Truncated, empty, non-UTF-8 and unparsable bodies give a message saying why; when the
 * declared Content-Type is JSON, the message says so too.
 */
export function parseBody(
  body: Buffer | string,
  options: { truncated?: boolean; contentType?: string | null } = {},
): ParsedBody {
  const declared = isJsonContentType(options.contentType)
    ? `The Content-Type is ${mediaTypeOf(options.contentType ?? '')}, but the body`
    : 'The body';
  if (options.truncated)
    return { ok: false, message: `${declared} was cut at the size limit, so it cannot be read as JSON.` };
  let text: string;
  if (typeof body === 'string') text = body;
  else {
    try {
      text = utf8.decode(body);
    } catch {
      return { ok: false, message: `${declared} is not UTF-8 text, so it is not JSON.` };
    }
  }
  if (text.trim() === '') return { ok: false, message: `${declared} is empty.` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // JSON.parse quotes the start of the text; keep the message on one line.
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    return { ok: false, message: `${declared} is not JSON: ${why}.` };
  }
}
