import { describe, expect, it } from 'vitest';
import { findNestedJson } from '../../../../src/renderer/src/lib/nested-json';

describe('findNestedJson', () => {
  it("finds Credas' Payload string and decodes it in place", () => {
    const body = JSON.stringify({
      UpdateType: 1,
      Payload: JSON.stringify({ ProcessId: 'p1', Status: 'Done' }),
    });
    const result = findNestedJson(body);
    expect(result?.found).toEqual([{ path: 'Payload', value: { ProcessId: 'p1', Status: 'Done' } }]);
    expect(result?.decoded).toEqual({ UpdateType: 1, Payload: { ProcessId: 'p1', Status: 'Done' } });
  });

  it('names paths the way JavaScript writes them and follows JSON inside decoded JSON', () => {
    const inner = JSON.stringify({ deeper: JSON.stringify([1, 2]) });
    const body = JSON.stringify({ data: { items: [{ body: inner }], 'odd key': '{"a":1}' } });
    expect(findNestedJson(body)?.found.map((f) => f.path)).toEqual([
      'data.items[0].body',
      'data.items[0].body.deeper',
      'data["odd key"]',
    ]);
  });

  it('ignores strings that merely look like JSON, scalars, and bodies that are not JSON', () => {
    expect(findNestedJson(JSON.stringify({ a: '{not json', b: '42', c: 'true', d: '"x"' }))).toBeNull();
    expect(findNestedJson('not json at all')).toBeNull();
    expect(findNestedJson('{"plain":{"a":1}}')).toBeNull();
  });
});
