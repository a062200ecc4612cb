import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, takeAccessToken } from '../../../../src/renderer/src/lib/access-token';

function environment(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  return {
    location: { href },
    history: { state: { kept: true }, replaceState: vi.fn() },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    storage,
  };
}

describe('takeAccessToken', () => {
  it('takes the token from the URL, saves it for reloads and removes it from the address bar', () => {
    const env = environment('http://127.0.0.1:5000/?token=s3cr3t&view=x#inbox');
    expect(takeAccessToken(env)).toBe('s3cr3t');
    expect(env.storage.get(TOKEN_STORAGE_KEY)).toBe('s3cr3t');
    expect(env.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?view=x#inbox');
  });

  it('uses the saved token after a reload, without touching the URL', () => {
    const env = environment('http://127.0.0.1:5000/', { [TOKEN_STORAGE_KEY]: 'saved' });
    expect(takeAccessToken(env)).toBe('saved');
    expect(env.history.replaceState).not.toHaveBeenCalled();
  });

  it('prefers a new token in the URL over an old saved one', () => {
    const env = environment('http://127.0.0.1:5000/?token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeAccessToken(env)).toBe('new');
    expect(env.storage.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeAccessToken(environment('http://127.0.0.1:5000/'))).toBeNull();
  });

  it('still returns the URL token when session storage is unavailable', () => {
    const env = environment('http://127.0.0.1:5000/?token=t');
    env.sessionStorage.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(takeAccessToken(env)).toBe('t');
    expect(env.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/');
  });
});
