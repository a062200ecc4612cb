/** One piece of pretty-printed JSON, classified so the view can colour it. */
export interface JsonToken {
  kind: 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'whitespace';
  text: string;
}

const INDENT = '  ';
const LITERAL = /true|false|null|-?[0-9][0-9eE.+-]*/y;

/** Index of the first non-whitespace character at or after `from`. */
function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i += 1;
  return i;
}

/**
 * Re-indents valid JSON with 2 spaces, keeping every string and number literal exactly as received. Going through
 * `JSON.parse` + `JSON.stringify` would round big integers (`12345678901234567890`) and rewrite escapes, and a
 * webhook workbench must show what was sent. Returns null when `text` is not JSON.
 */
export function tokenizePrettyJson(text: string): JsonToken[] | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const tokens: JsonToken[] = [];
  let depth = 0;
  const newline = (): void => {
    tokens.push({ kind: 'whitespace', text: `\n${INDENT.repeat(depth)}` });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (' \t\r\n'.includes(ch)) {
      i += 1;
    } else if (ch === '"') {
      let end = i + 1;
      while (text.charAt(end) !== '"') end += text.charAt(end) === '\\' ? 2 : 1;
      const literal = text.slice(i, end + 1);
      const isKey = text.charAt(skipWhitespace(text, end + 1)) === ':';
      tokens.push({ kind: isKey ? 'key' : 'string', text: literal });
      i = end + 1;
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      const next = skipWhitespace(text, i + 1);
      if (text.charAt(next) === close) {
        // Keep empty containers on one line: `{}` and `[]` read better than a broken pair.
        tokens.push({ kind: 'punctuation', text: ch + close });
        i = next + 1;
      } else {
        tokens.push({ kind: 'punctuation', text: ch });
        depth += 1;
        newline();
        i += 1;
      }
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      newline();
      tokens.push({ kind: 'punctuation', text: ch });
      i += 1;
    } else if (ch === ',') {
      tokens.push({ kind: 'punctuation', text: ',' });
      newline();
      i += 1;
    } else if (ch === ':') {
      tokens.push({ kind: 'punctuation', text: ': ' });
      i += 1;
    } else {
      LITERAL.lastIndex = i;
      const literal = LITERAL.exec(text)?.[0] ?? ch;
      tokens.push({ kind: /^[-0-9]/.test(literal) ? 'number' : 'literal', text: literal });
      i += literal.length;
    }
  }
  return tokens;
}

/** Pretty-printed JSON as one string (2-space indent, literals untouched); null when `text` is not JSON. */
export function prettyJson(text: string): string | null {
  const tokens = tokenizePrettyJson(text);
  return tokens ? tokens.map((t) => t.text).join('') : null;
}
