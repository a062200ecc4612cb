import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

interface FakeEvent {
  url?: string;
  preventDefault: () => void;
  defaultPrevented: boolean;
}

const fake = vi.hoisted(() => {
  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    removeListener(name: string, listener: Listener): this {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((l) => l !== listener),
      );
      return this;
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }

  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly show = vi.fn();
    readonly setBackgroundColor = vi.fn();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly loadFile = vi.fn(() => Promise.resolve());
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const nativeTheme = Object.assign(new FakeEmitter(), { shouldUseDarkColors: true });
  const onHeadersReceived = vi.fn();
  const openExternal = vi.fn(() => Promise.resolve());
  return { FakeBrowserWindow, nativeTheme, onHeadersReceived, openExternal };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  nativeTheme: fake.nativeTheme,
  session: { defaultSession: { webRequest: { onHeadersReceived: fake.onHeadersReceived } } },
  shell: { openExternal: fake.openExternal },
}));

const { createMainWindow, contentSecurityPolicy, isSafeExternalUrl, BACKGROUND } =
  await import('../../../../src/main/window');

const rendererPath = join('/opt', 'hookbench', 'out', 'renderer', 'index.html');
const fileTarget = { kind: 'file', path: rendererPath } as const;
const devTarget = { kind: 'url', url: 'http://localhost:5173' } as const;
const preloadPath = join('/opt', 'hookbench', 'out', 'preload', 'index.cjs');

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

function event(url?: string): FakeEvent {
  const e: FakeEvent = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      e.defaultPrevented = true;
    },
  };
  return e;
}

function lastWindow(): InstanceType<typeof fake.FakeBrowserWindow> {
  const window = fake.FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => {
  fake.FakeBrowserWindow.created = [];
  fake.onHeadersReceived.mockReset();
  fake.openExternal.mockClear();
  fake.nativeTheme.shouldUseDarkColors = true;
  fake.nativeTheme.listeners.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('createMainWindow', () => {
  it('creates an isolated, sandboxed window with the built preload and no Node in the page', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const options = lastWindow().options;
    expect(options.webPreferences).toEqual({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(options.title).toBe('Hookbench');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.width as number).toBeGreaterThan(options.minWidth as number);
  });

  it('follows the OS theme for the background, also when the theme changes', () => {
    fake.nativeTheme.shouldUseDarkColors = false;
    createMainWindow({ preloadPath, renderer: fileTarget });
    const window = lastWindow();
    expect(window.options.backgroundColor).toBe(BACKGROUND.light);
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenCalledWith(BACKGROUND.dark);
    window.emit('closed');
    expect(fake.nativeTheme.listeners.get('updated')).toHaveLength(0);
  });

  it('shows the window only once it is ready to show', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const window = lastWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the built index file, or the dev server when there is one', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    expect(lastWindow().loadFile).toHaveBeenCalledWith(rendererPath);
    expect(lastWindow().loadURL).not.toHaveBeenCalled();

    createMainWindow({ preloadPath, renderer: devTarget });
    expect(lastWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(lastWindow().loadFile).not.toHaveBeenCalled();
  });

  it('denies every new window and opens only safe http(s) links in the browser', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const handler = lastWindow().webContents.windowOpenHandler!;
    const cases = [
      'https://docs.example.com/webhooks',
      'http://example.com/',
      'https://user:secret@evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'not a url',
    ];
    for (const url of cases) expect(handler({ url })).toEqual({ action: 'deny' });
    expect(fake.openExternal.mock.calls).toEqual([
      ['https://docs.example.com/webhooks'],
      ['http://example.com/'],
    ]);
  });

  it('blocks navigation away from our page but allows our own page', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const contents = lastWindow().webContents;

    const away = event('https://evil.example/phish');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);

    const otherFile = event(pathToFileURL('/etc/passwd').href);
    contents.emit('will-navigate', otherFile);
    expect(otherFile.defaultPrevented).toBe(true);

    const own = event(`${pathToFileURL(rendererPath).href}#/inbox`);
    contents.emit('will-navigate', own);
    expect(own.defaultPrevented).toBe(false);
  });

  it('in development trusts only the dev server origin for navigation', () => {
    createMainWindow({ preloadPath, renderer: devTarget });
    const contents = lastWindow().webContents;
    const reload = event('http://localhost:5173/');
    contents.emit('will-navigate', reload);
    expect(reload.defaultPrevented).toBe(false);
    const otherPort = event('http://localhost:5174/');
    contents.emit('will-navigate', otherPort);
    expect(otherPort.defaultPrevented).toBe(true);
  });

  it('refuses to attach any <webview>', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const attach = event();
    lastWindow().webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  type HeadersListener = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;

  function respond(details: { responseHeaders?: Record<string, string[]> }): Record<string, string[]> {
    const listener = fake.onHeadersReceived.mock.calls.at(-1)?.[0] as HeadersListener | undefined;
    if (!listener) throw new Error('no onHeadersReceived listener was installed');
    let headers: Record<string, string[]> | undefined;
    listener(details, (response) => {
      headers = response.responseHeaders;
    });
    if (!headers) throw new Error('the listener did not call back with headers');
    return headers;
  }

  it('is the strict policy in production', () => {
    expect(contentSecurityPolicy(fileTarget)).toBe(STRICT_CSP);
  });

  it('adds the dev server WebSocket (and inline scripts for React Refresh) only in development', () => {
    const dev = contentSecurityPolicy(devTarget);
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;");
    expect(dev).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev).toContain("object-src 'none'");
    expect(contentSecurityPolicy({ kind: 'url', url: 'https://dev.local:8443/' })).toContain(
      "connect-src 'self' wss://dev.local:8443;",
    );
  });

  it('is set on every response, replacing any policy the response carried and keeping other headers', () => {
    createMainWindow({ preloadPath, renderer: fileTarget });
    const headers = respond({
      responseHeaders: {
        'content-security-policy': ['default-src *'],
        'Content-Type': ['text/html'],
      },
    });
    expect(headers['Content-Security-Policy']).toEqual([STRICT_CSP]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(respond({})['Content-Security-Policy']).toEqual([STRICT_CSP]);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/docs', true],
    ['http://127.0.0.1:4545/hooks', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['https://user@example.com/', false],
    ['https://user:pass@example.com/', false],
    ['https://bank.example@evil.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['mailto:someone@example.com', false],
    ['ftp://example.com/', false],
    ['vbscript:msgbox', false],
    ['//example.com/', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
