import { describe, expect, it } from 'vitest';
import { buildFetchSnippet } from '../../../../src/renderer/src/lib/fetch-snippet';

/** Runs a snippet with a fake `fetch` and returns what it was called with. */
async function run(snippet: string): Promise<{ url: string; init: RequestInit }> {
  let seen: { url: string; init: RequestInit } | undefined;
  const fakeFetch = (url: string, init: RequestInit): Promise<void> => {
    seen = { url, init };
    return Promise.resolve();
  };
  // The snippet is a top-level `await fetch(…)`: run it as the body of a function with our fetch in scope.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const body = new Function('fetch', `return ${snippet.replace(/^await /, '')}`) as (
    f: typeof fakeFetch,
  ) => Promise<void>;
  await body(fakeFetch);
  if (!seen) throw new Error('fetch was not called');
  return seen;
}

describe('buildFetchSnippet', () => {
  it('sends the method, the headers as ordered pairs and a UTF-8 body as a string', async () => {
    const body = '{"note":"café \\"quoted\\" \u2028"}';
    const snippet = buildFetchSnippet({
      method: 'post',
      url: 'http://127.0.0.1:4545/hooks/default',
      headers: [
        ['Host', 'x'],
        ['Content-Type', 'application/json'],
        ['X-Dup', '1'],
        ['X-Dup', '2'],
      ],
      body: new TextEncoder().encode(body),
    });
    const { url, init } = await run(snippet);
    expect(url).toBe('http://127.0.0.1:4545/hooks/default');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Dup', '1'],
      ['X-Dup', '2'],
    ]);
    expect(init.body).toBe(body);
  });

  it('writes a binary body as a Uint8Array literal that holds the same bytes', async () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) % 256);
    bytes[3] = 0xff;
    const { init } = await run(
      buildFetchSnippet({ method: 'POST', url: 'http://h/x', headers: [], body: bytes }),
    );
    expect(init.body).toBeInstanceOf(Uint8Array);
    expect([...(init.body as Uint8Array)]).toEqual([...bytes]);
  });

  it('says so instead of sending a body with GET, which fetch refuses', async () => {
    const snippet = buildFetchSnippet({
      method: 'GET',
      url: 'http://h/x',
      headers: [],
      body: new Uint8Array([1]),
    });
    expect(snippet).toContain('fetch cannot send one');
    const { init } = await run(snippet);
    expect(init.body).toBeUndefined();
  });
});
