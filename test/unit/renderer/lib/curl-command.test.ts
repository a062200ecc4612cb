import { describe, expect, it } from 'vitest';
import { buildCurlCommand } from '../../../../src/renderer/src/lib/curl-command';
import { ansiCQuote, printfFormat, shellQuote } from '../../../../src/renderer/src/lib/shell-quote';

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

/** Decodes bash's `$'…'` quoting back to bytes, the way bash does (for the escapes the builder emits). */
function decodeAnsiC(quoted: string): Uint8Array {
  expect(quoted.startsWith("$'") && quoted.endsWith("'")).toBe(true);
  return decodeEscapes(quoted.slice(2, -1), false);
}

/** Decodes a single-quoted printf format (`'…'`) back to the bytes printf writes. */
function decodePrintf(quoted: string): Uint8Array {
  expect(quoted.startsWith("'") && quoted.endsWith("'")).toBe(true);
  return decodeEscapes(quoted.slice(1, -1), true);
}

function decodeEscapes(inner: string, printf: boolean): Uint8Array {
  const out: number[] = [];
  const named: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, '\\': 0x5c, "'": 0x27 };
  for (let i = 0; i < inner.length;) {
    const ch = inner.charAt(i);
    if (ch === '\\') {
      const next = inner.charAt(i + 1);
      if (next === 'x') {
        out.push(parseInt(inner.slice(i + 2, i + 4), 16));
        i += 4;
      } else {
        const byte = named[next];
        if (byte === undefined) throw new Error(`unexpected escape \\${next}`);
        out.push(byte);
        i += 2;
      }
    } else if (printf && ch === '%') {
      expect(inner.charAt(i + 1)).toBe('%');
      out.push(0x25);
      i += 2;
    } else {
      // Bare quotes cannot appear inside the quoted word.
      expect(ch).not.toBe("'");
      const cp = inner.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(cp);
      out.push(...utf8(char));
      i += char.length;
    }
  }
  return Uint8Array.from(out);
}

/** The `--data-binary` argument of a command, or the printf format piped into it. */
function bodyOf(command: string): Uint8Array {
  const piped = /^printf ('(?:[^']*)') \| curl /.exec(command);
  if (piped?.[1]) return decodePrintf(piped[1]);
  const match = /--data-binary (\$'(?:[^'\\]|\\.)*')$/.exec(command);
  if (!match?.[1]) throw new Error(`no body in ${command}`);
  return decodeAnsiC(match[1]);
}

const request = (body: Uint8Array, headers: [string, string][] = [['Content-Type', 'application/json']]) => ({
  method: 'POST',
  url: 'http://127.0.0.1:4545/hooks/default?x=1',
  headers,
  body,
});

describe('shell quoting', () => {
  it("keeps plain words in single quotes and escapes everything else in $'…'", () => {
    expect(shellQuote(new TextEncoder().encode('Content-Type: application/json'))).toBe(
      "'Content-Type: application/json'",
    );
    expect(shellQuote(new TextEncoder().encode("it's"))).toBe("$'it\\'s'");
    expect(ansiCQuote(Uint8Array.from([0x61, 0x0a, 0x5c, 0x27, 0x01, 0xff]))).toBe(
      "$'a\\n\\\\\\'\\x01\\xff'",
    );
  });

  it('keeps valid UTF-8 readable but escapes invisible and bidi characters', () => {
    expect(ansiCQuote(new TextEncoder().encode('café ✓'))).toBe("$'café ✓'");
    expect(ansiCQuote(new TextEncoder().encode('a\u202Eb'))).toBe("$'a\\xe2\\x80\\xaeb'");
  });

  it('writes NUL and percent signs so printf reproduces them', () => {
    expect(printfFormat(Uint8Array.from([0x25, 0x00, 0x27]))).toBe("'%%\\x00\\x27'");
  });
});

describe('buildCurlCommand', () => {
  it('sends method, URL, every header in order and the body, leaving computed headers to curl', () => {
    const command = buildCurlCommand({
      method: 'PUT',
      url: 'http://127.0.0.1:4545/hooks/default?x=1',
      headers: [
        ['Host', '127.0.0.1:4545'],
        ['Content-Type', 'application/json'],
        ['X-Dup', 'one'],
        ['Content-Length', '7'],
        ['X-Dup', 'two'],
        ['User-Agent', 'Svix-Webhooks/1.2'],
        ['Accept', '*/*'],
        ['X-Empty', ''],
      ],
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect(command).toBe(
      [
        "curl -X 'PUT'",
        "'http://127.0.0.1:4545/hooks/default?x=1'",
        "-H 'Content-Type: application/json'",
        "-H 'X-Dup: one'",
        "-H 'X-Dup: two'",
        "-H 'User-Agent: Svix-Webhooks/1.2'",
        "-H 'Accept: */*'",
        "-H 'X-Empty;'",
        `--data-binary $'{"a":1}'`,
      ].join(' \\\n  '),
    );
  });

  it('switches off the headers curl would add on its own when the capture had none', () => {
    const command = buildCurlCommand(request(Uint8Array.from([0x61]), []));
    expect(command).toContain("-H 'User-Agent:'");
    expect(command).toContain("-H 'Accept:'");
    expect(command).toContain("-H 'Content-Type:'");
    expect(command).not.toContain('-X');
  });

  it('round-trips every byte value, invalid UTF-8 included', () => {
    const all = Uint8Array.from({ length: 255 }, (_, i) => i + 1);
    const mixed = Uint8Array.from([
      ...utf8('{"name":"Zoë ✓ \'q\' \\ "}'),
      0xc3,
      0x28,
      0xf0,
      0x9f,
      0x98,
      0x80,
      0xed,
      0xa0,
      0x80,
      0x0d,
      0x0a,
    ]);
    for (const body of [all, mixed]) {
      const command = buildCurlCommand(request(body));
      expect(command).toContain("--data-binary $'");
      expect([...bodyOf(command)]).toEqual([...body]);
    }
  });

  it('pipes a body with NUL bytes from printf, since bash strings cannot hold NUL', () => {
    const body = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x25, 0x27, 0x5c, 0xff, 0x00]);
    const command = buildCurlCommand(request(body));
    expect(command.startsWith("printf '")).toBe(true);
    expect(command).toContain('--data-binary @-');
    expect([...bodyOf(command)]).toEqual([...body]);
  });

  it('keeps header bytes that arrived as latin-1 text and quotes odd URLs safely', () => {
    const command = buildCurlCommand({
      method: 'GET',
      url: "http://127.0.0.1:4545/hooks/a/../b?q[]=1&it's",
      headers: [['X-Name', 'Ã©']],
      body: new Uint8Array(),
      httpVersion: '1.0',
    });
    expect(command).toContain('--http1.0');
    expect(command).toContain('--globoff');
    expect(command).toContain('--path-as-is');
    expect(command).toContain("$'http://127.0.0.1:4545/hooks/a/../b?q[]=1&it\\'s'");
    // "Ã©" is how Node hands over the UTF-8 bytes of "é"; the command sends those two bytes.
    expect(command).toContain("-H $'X-Name: é'");
    expect(command).not.toContain('--data-binary');
  });
});
