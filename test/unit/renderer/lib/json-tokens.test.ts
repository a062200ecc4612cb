import { describe, expect, it } from 'vitest';
import { prettyJson, tokenizePrettyJson } from '../../../../src/renderer/src/lib/json-tokens';

describe('prettyJson', () => {
  it('indents with two spaces like JSON.stringify(value, null, 2)', () => {
    const text = '{"a":1,"b":[true,null,"x"],"c":{"d":{}},"e":[]}';
    expect(prettyJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it('keeps number and string literals exactly as sent', () => {
    const text = '{"big":12345678901234567890,"f":1.50,"s":"caf\\u00e9 \\"q\\"","e":1E+3}';
    expect(prettyJson(text)).toBe(
      '{\n  "big": 12345678901234567890,\n  "f": 1.50,\n  "s": "caf\\u00e9 \\"q\\"",\n  "e": 1E+3\n}',
    );
  });

  it('ignores the original whitespace, also inside empty containers', () => {
    expect(prettyJson(' [ 1 ,\n\t{ } , [ ] ] ')).toBe('[\n  1,\n  {},\n  []\n]');
  });

  it('returns null for text that is not JSON', () => {
    expect(prettyJson('{"a":')).toBeNull();
    expect(prettyJson('hello')).toBeNull();
  });

  it('classifies keys apart from string values', () => {
    const tokens = tokenizePrettyJson('{"key" : "value", "n": -2, "ok": false}') ?? [];
    const kinds = tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'punctuation');
    expect(kinds).toEqual([
      { kind: 'key', text: '"key"' },
      { kind: 'string', text: '"value"' },
      { kind: 'key', text: '"n"' },
      { kind: 'number', text: '-2' },
      { kind: 'key', text: '"ok"' },
      { kind: 'literal', text: 'false' },
    ]);
  });
});
