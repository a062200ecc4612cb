import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../../src/renderer/src/lib/body-analysis';
import { bytesBase64, utf8Base64 } from '../helpers/fixtures';

describe('analyzeBody', () => {
  it('opens JSON as Pretty, keeping literals, and offers Raw and Hex', () => {
    const a = analyzeBody(utf8Base64('{"big":12345678901234567890}'), 'application/json');
    expect(a.views).toEqual(['pretty', 'raw', 'hex']);
    expect(a.defaultView).toBe('pretty');
    expect(a.pretty).toBe('{\n  "big": 12345678901234567890\n}');
  });

  it('opens JSON with a JSON string inside on the Decoded view', () => {
    const a = analyzeBody(utf8Base64('{"Payload":"{\\"ProcessId\\":\\"p1\\"}"}'), 'application/json');
    expect(a.views).toEqual(['pretty', 'decoded', 'raw', 'hex']);
    expect(a.defaultView).toBe('decoded');
    expect(a.nested?.decodedText).toBe('{\n  "Payload": {\n    "ProcessId": "p1"\n  }\n}');
  });

  it('opens a form on its fields, text as Raw, binary as Hex, and has no view for an empty body', () => {
    const form = analyzeBody(utf8Base64('a=1&b=2'), 'application/x-www-form-urlencoded; charset=utf-8');
    expect(form.defaultView).toBe('form');
    expect(form.formFields).toHaveLength(2);
    expect(analyzeBody(utf8Base64('hello'), 'text/plain').defaultView).toBe('raw');
    const binary = analyzeBody(bytesBase64(new Uint8Array([0xff, 0x00])), 'application/octet-stream');
    expect(binary.views).toEqual(['hex']);
    expect(binary.text).toBeNull();
    expect(analyzeBody('', null)).toMatchObject({ views: [], defaultView: null });
  });
});
