/** A body as a sender may have signed it before something changed it on the way. */
export interface BodyVariant {
  /** Completes "The signature matches the body …". */
  label: string;
  /** Names the change, e.g. `JSON re-serialized`. */
  change: string;
  body: Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface JsonStyle {
  /** Between items, e.g. `,` or `, `. */
  item: string;
  /** Between a key and its value, e.g. `:` or `: `. */
  key: string;
  /** Write non-ASCII characters as `\uXXXX`. */
  ascii: boolean;
}

function quote(text: string, ascii: boolean): string {
  const json = JSON.stringify(text);
  return ascii
    ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

/** JSON on one line in a given style, as other languages' serializers write it. */
function writeJson(value: unknown, style: JsonStyle): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? quote(value, style.ascii) : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => writeJson(v, style)).join(style.item)}]`;
  const items = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${quote(k, style.ascii)}${style.key}${writeJson(v, style)}`,
  );
  return `{${items.join(style.item)}}`;
}

/**
 * The likely changes between a sender's signing and the receiver: line ends converted, a final newline added or
 * dropped, a BOM or whitespace trimmed, JSON re-serialized (compact, pretty, Python's spacing, escaped non-ASCII).
 * Only variants that differ from the received body are returned, each once.
 */
export function bodyVariants(body: Buffer): BodyVariant[] {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return []; // A binary body is not re-serialized or re-wrapped on the way.
  }
  const found: BodyVariant[] = [];
  const seen = new Set<string>([text]);
  const add = (label: string, change: string, variant: string): void => {
    if (seen.has(variant)) return;
    seen.add(variant);
    found.push({ label, change, body: Buffer.from(variant, 'utf8') });
  };

  // Small edits first: when one explains the signature, it is the more precise answer.
  if (text.includes('\r\n'))
    add('with its CRLF line ends turned into LF', 'line ends changed', text.replace(/\r\n/g, '\n'));
  if (/(^|[^\r])\n/.test(text))
    add('with its LF line ends turned into CRLF', 'line ends changed', text.replace(/\r?\n/g, '\r\n'));
  if (text.endsWith('\n'))
    add('without its final newline', 'final newline changed', text.replace(/\r?\n$/, ''));
  else add('with a final newline added', 'final newline changed', `${text}\n`);
  if (text.startsWith('\uFEFF')) add('without its byte order mark', 'byte order mark changed', text.slice(1));
  if (text.trim() !== text) add('with the surrounding whitespace trimmed', 'whitespace changed', text.trim());
  let parsed: unknown = undefined;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed !== undefined) {
    const styles: [string, string][] = [
      ['re-serialized as compact JSON (no spaces)', JSON.stringify(parsed)],
      ['pretty-printed as JSON with a 2-space indent', JSON.stringify(parsed, null, 2)],
      ['pretty-printed as JSON with a 4-space indent', JSON.stringify(parsed, null, 4)],
      [
        "written as Python's json.dumps writes it (', ' and ': ', non-ASCII as \\u escapes)",
        writeJson(parsed, { item: ', ', key: ': ', ascii: true }),
      ],
      [
        're-serialized as compact JSON with non-ASCII characters as \\u escapes',
        writeJson(parsed, { item: ',', key: ':', ascii: true }),
      ],
    ];
    // Files and many tools end JSON with a newline, so each style is also tried with one.
    for (const [label, variant] of styles) add(label, 'JSON re-serialized', variant);
    for (const [label, variant] of styles)
      add(`${label}, with a final newline`, 'JSON re-serialized', `${variant}\n`);
  }
  return found;
}
