/** One `name=value` of a form body, decoded. */
export interface FormField {
  name: string;
  value: string;
}

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string | null;
  filename: string | null;
  contentType: string | null;
  /** Size of the part's content in bytes. */
  size: number;
  /** The content as text when it is UTF-8 and not a file; null otherwise. */
  text: string | null;
}

/** Percent-decodes one form component (`+` is a space); malformed escapes are kept as written. */
function decodeComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` body into its fields, in order and with repeated names kept (as
 * `a=1&a=2` means two values).
 */
export function parseUrlEncoded(text: string): FormField[] {
  return text
    .split('&')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      const at = segment.indexOf('=');
      const name = at === -1 ? segment : segment.slice(0, at);
      const value = at === -1 ? '' : segment.slice(at + 1);
      return { name: decodeComponent(name), value: decodeComponent(value) };
    });
}

/** A parameter of a header value such as `form-data; name="a"; filename="b.txt"`. */
function headerParam(value: string, param: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(
    value,
  );
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null);
}

/** The boundary of a `multipart/form-data` content type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return null;
  return headerParam(contentType, 'boundary');
}

const latin1 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
};

/**
 * Splits a `multipart/form-data` body into its parts, reading each part's name, file name and content type. Null
 * when the body does not have the structure the boundary promises (then the raw and hex views remain).
 */
export function parseMultipart(bytes: Uint8Array, boundary: string): MultipartPart[] | null {
  // Latin-1 maps each byte to one char, so string offsets are byte offsets.
  const text = latin1(bytes);
  const delimiter = `--${boundary}`;
  const sections = text.split(delimiter);
  if (sections.length < 3) return null;
  const parts: MultipartPart[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const section of sections.slice(1)) {
    if (section.startsWith('--')) break;
    const headerEnd = section.indexOf('\r\n\r\n');
    if (headerEnd === -1) return null;
    const headerLines = section.slice(section.startsWith('\r\n') ? 2 : 0, headerEnd).split('\r\n');
    let content = section.slice(headerEnd + 4);
    if (content.endsWith('\r\n')) content = content.slice(0, -2);
    let disposition = '';
    let contentType: string | null = null;
    for (const line of headerLines) {
      const at = line.indexOf(':');
      const name = line.slice(0, at).trim().toLowerCase();
      const value = line.slice(at + 1).trim();
      if (name === 'content-disposition') disposition = value;
      if (name === 'content-type') contentType = value;
    }
    const filename = headerParam(disposition, 'filename');
    const contentBytes = Uint8Array.from(content, (c) => c.charCodeAt(0));
    let partText: string | null = null;
    if (filename === null) {
      try {
        partText = decoder.decode(contentBytes);
      } catch {
        partText = null;
      }
    }
    parts.push({
      name: headerParam(disposition, 'name'),
      filename,
      contentType,
      size: contentBytes.length,
      text: partText,
    });
  }
  return parts;
}
