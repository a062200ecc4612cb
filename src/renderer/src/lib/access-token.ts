/** Where this tab keeps the browser-mode token, so a reload still works after the URL was cleaned. */
export const TOKEN_STORAGE_KEY = 'hookbench.token';

/** The few browser objects the token logic touches; `window` satisfies it, tests pass fakes. */
export interface TokenEnvironment {
  location: { href: string };
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Returns the access token `hookbench serve` put in the page address (`?token=…`), saving it in session storage
 * and removing it from the visible URL so it does not end up in screenshots, shared links or history. On a reload
 * the URL no longer has it, so the saved copy is used. Null when neither has one.
 */
export function takeAccessToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled by the browser; the token still works until the page is reloaded.
    }
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
