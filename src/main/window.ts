import { BrowserWindow, nativeTheme, session, shell, type Session } from 'electron';
import { APP_NAME } from './core/paths';
import { isOwnRendererUrl, type RendererTarget } from './renderer-target';

export interface MainWindowOptions {
  /** Absolute path of the built preload, `out/preload/index.cjs`. */
  preloadPath: string;
  renderer: RendererTarget;
}

/** Window background before the page paints, matched to the OS theme so there is no white flash in dark mode. */
export const BACKGROUND = { dark: '#17181c', light: '#ffffff' } as const;

/**
 * The Content-Security-Policy of every response. In development the Vite dev server needs a WebSocket for hot
 * reload and injects React Refresh's preamble as an inline module script; both are allowed only then.
 */
export function contentSecurityPolicy(renderer: RendererTarget): string {
  let scriptSrc = "script-src 'self'";
  let connectSrc = "connect-src 'self'";
  if (renderer.kind === 'url') {
    const dev = new URL(renderer.url);
    const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    connectSrc += ` ${ws}`;
    scriptSrc += " 'unsafe-inline'";
  }
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    connectSrc,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Adds the policy to every response of the session, replacing any policy the server sent (a second policy would
 * only add restrictions, but one clear source of truth is easier to reason about). Calling it again replaces the
 * previous listener, so it is safe to call per window.
 */
export function installContentSecurityPolicy(target: Pick<Session, 'webRequest'>, policy: string): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

/**
 * True for links that may leave the app for the user's browser: only `http:` and `https:` with a host and no
 * user name or password in them (those hide the real destination: `https://bank.example@evil.example`).
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname !== '';
}

function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) {
    console.warn(`Hookbench did not open ${url}: only http and https links open in the browser.`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`Hookbench could not open ${url} in the browser:`, error);
  });
}

/**
 * Creates the hardened main window: isolated, sandboxed preload, no Node in the page, no new windows (links open
 * in the browser after the allow-check), no navigation away from our page, no <webview>, strict CSP.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  installContentSecurityPolicy(session.defaultSession, contentSecurityPolicy(options.renderer));

  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });

  const followTheme = (): void => {
    if (!window.isDestroyed()) {
      window.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light);
    }
  };
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.removeListener('updated', followTheme));
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isOwnRendererUrl(event.url, options.renderer)) {
      event.preventDefault();
      openExternally(event.url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const loading =
    options.renderer.kind === 'url'
      ? window.loadURL(options.renderer.url)
      : window.loadFile(options.renderer.path);
  loading.catch((error: unknown) => {
    console.error('Hookbench could not load its window:', error);
  });
  return window;
}
