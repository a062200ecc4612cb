import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../../src/shared/channels';
import type { Result } from '../../../../src/shared/models';
import type { DatabaseOpenError as DatabaseOpenErrorClass } from '../../../../src/main/db/open-database';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
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
    emit(name: string, ...args: unknown[]): unknown[] {
      return (this.listeners.get(name) ?? []).map((listener) => listener(...args));
    }
  }

  let nextId = 1;
  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    readonly mainFrame = { url: '', processId: 100 + this.id, routingId: 1 };
    readonly send = vi.fn();
    setWindowOpenHandler(): void {}
    isDestroyed(): boolean {
      return false;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.all.filter((w) => !w.destroyed);
    }
    readonly webContents = new FakeWebContents();
    destroyed = false;
    readonly loadFile = vi.fn((path: string) => {
      this.webContents.mainFrame.url = pathToFileURL(path).href;
      return Promise.resolve();
    });
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly setBackgroundColor = vi.fn();
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      FakeBrowserWindow.all.push(this);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const app = Object.assign(new Emitter(), {
    setName: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: vi.fn(() => ''),
    getVersion: vi.fn(() => '9.9.9'),
    isPackaged: false,
    quit: vi.fn(),
  });
  const ipcListeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (ipcListeners.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcListeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => ipcListeners.delete(channel)),
  };
  const dialog = { showMessageBox: vi.fn(), showErrorBox: vi.fn() };
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptStringAsync: vi.fn((text: string) => Promise.resolve(Buffer.from(`sealed:${text}`))),
    decryptStringAsync: vi.fn((sealed: Buffer) =>
      Promise.resolve({ result: sealed.toString().slice('sealed:'.length), shouldReEncrypt: false }),
    ),
  };
  return { Emitter, FakeBrowserWindow, app, ipcMain, ipcListeners, dialog, safeStorage };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  dialog: fake.dialog,
  safeStorage: fake.safeStorage,
  nativeTheme: Object.assign(new fake.Emitter(), { shouldUseDarkColors: false }),
  session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() } } },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));

const workbenchMock = vi.hoisted(() => ({ createWorkbench: vi.fn() }));
vi.mock('../../../../src/main/core/workbench', () => workbenchMock);

interface FakeWorkbench {
  handlers: Record<string, ReturnType<typeof vi.fn>>;
  events: EventEmitter;
  start: ReturnType<typeof vi.fn>;
  close: ReturnType<typeof vi.fn>;
}

function fakeWorkbench(): FakeWorkbench {
  return {
    handlers: Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, vi.fn(() => ({ from: c }))])),
    events: new EventEmitter(),
    start: vi.fn(() => Promise.resolve({ state: 'listening' })),
    close: vi.fn(() => Promise.resolve()),
  };
}

let appRoot: string;
let dataDir: string;
const originalArgv = process.argv;

beforeEach(() => {
  vi.resetModules();
  appRoot = mkdtempSync(join(tmpdir(), 'hookbench-root-'));
  dataDir = join(appRoot, 'data');
  process.argv = ['electron', '.', `--data-dir=${dataDir}`];
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  fake.FakeBrowserWindow.all = [];
  fake.app.listeners.clear();
  fake.ipcListeners.clear();
  fake.app.getAppPath.mockReturnValue(appRoot);
  fake.app.quit.mockClear();
  fake.dialog.showMessageBox.mockReset();
  fake.dialog.showErrorBox.mockReset();
  workbenchMock.createWorkbench.mockReset();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
  rmSync(appRoot, { recursive: true, force: true });
});

/** The class as the freshly imported app sees it (modules are reset before each test). */
async function databaseOpenError(): Promise<typeof DatabaseOpenErrorClass> {
  return (await import('../../../../src/main/db/open-database')).DatabaseOpenError;
}

async function startApp(): Promise<void> {
  await import('../../../../src/main/index');
  await vi.waitFor(() => {
    if (fake.FakeBrowserWindow.all.length === 0 && fake.app.quit.mock.calls.length === 0) {
      throw new Error('not started yet');
    }
  });
}

function window(): InstanceType<typeof fake.FakeBrowserWindow> {
  const found = fake.FakeBrowserWindow.all.at(-1);
  if (!found) throw new Error('no window');
  return found;
}

function invoke(channel: string, event: unknown, input: unknown): Promise<Result<unknown>> {
  const listener = fake.ipcListeners.get(channel);
  if (!listener) throw new Error(`${channel} is not registered`);
  return listener(event, input) as Promise<Result<unknown>>;
}

describe('the Electron composition root', () => {
  it('wires the workbench, the IPC channels, the window and the events together', async () => {
    const binding = join(appRoot, '.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
    mkdirSync(dirname(binding), { recursive: true });
    writeFileSync(binding, '');
    const workbench = fakeWorkbench();
    workbenchMock.createWorkbench.mockReturnValue(workbench);

    await startApp();

    expect(fake.app.setName).toHaveBeenCalledWith('Hookbench');
    expect(workbenchMock.createWorkbench).toHaveBeenCalledWith({
      dataDir,
      mode: 'desktop',
      version: '9.9.9',
      receiver: { fallbackToFreePort: true },
      nativeBinding: binding,
      secrets: expect.objectContaining({ status: expect.any(Function) as unknown }) as unknown,
    });
    const { secrets } = workbenchMock.createWorkbench.mock.calls[0]![0] as {
      secrets: { status(): unknown };
    };
    expect(secrets.status()).toEqual({ kind: 'safe-storage', writable: true, problem: null });
    expect(workbench.start).toHaveBeenCalledTimes(1);
    expect([...fake.ipcListeners.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(window().options.webPreferences.preload).toBe(join(appRoot, 'out', 'preload', 'index.cjs'));
    expect(window().loadFile).toHaveBeenCalledWith(join(appRoot, 'out', 'renderer', 'index.html'));

    // Requests from our window's page reach the handlers; the same request from another page does not.
    const contents = window().webContents;
    const own = { sender: { id: contents.id }, senderFrame: { ...contents.mainFrame } };
    const status = {
      state: 'listening',
      host: '127.0.0.1',
      port: 4545,
      url: 'http://127.0.0.1:4545',
      error: null,
    };
    workbench.handlers['receiver:status']!.mockReturnValue(status);
    expect(await invoke('receiver:status', own, {})).toEqual({ ok: true, data: status });
    const foreign = {
      sender: { id: contents.id },
      senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' },
    };
    expect(await invoke('receiver:status', foreign, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(workbench.handlers['receiver:status']).toHaveBeenCalledTimes(1);

    // Core events reach the window.
    workbench.events.emit(EVENT_CHANNELS[0], { n: 1 });
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNELS[0], { n: 1 });
  });

  it('starts without an Electron build of better-sqlite3, saying how to get one', async () => {
    workbenchMock.createWorkbench.mockReturnValue(fakeWorkbench());
    await startApp();
    expect(workbenchMock.createWorkbench).toHaveBeenCalledWith(
      expect.objectContaining({ nativeBinding: undefined }),
    );
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('npm run rebuild:electron'));
  });

  it('closes the workbench before quitting, holding the quit only once', async () => {
    const workbench = fakeWorkbench();
    workbenchMock.createWorkbench.mockReturnValue(workbench);
    await startApp();

    const first = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(workbench.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));

    const second = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(workbench.close).toHaveBeenCalledTimes(1);
  });

  it('stops sending events to a closed window and re-creates one on activate', async () => {
    const workbench = fakeWorkbench();
    workbenchMock.createWorkbench.mockReturnValue(workbench);
    await startApp();
    const first = window();
    first.close();
    workbench.events.emit(EVENT_CHANNELS[0], { n: 1 });
    expect(first.webContents.send).not.toHaveBeenCalled();

    fake.app.emit('activate');
    expect(fake.FakeBrowserWindow.all).toHaveLength(2);
    workbench.events.emit(EVENT_CHANNELS[0], { n: 2 });
    expect(window().webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS[0], { n: 2 });
    // The IPC channels were registered once, not again per window.
    expect(fake.ipcMain.handle.mock.calls.filter(([c]) => c === REQUEST_CHANNELS[0]).length).toBeGreaterThan(
      0,
    );
    expect([...fake.ipcListeners.keys()]).toHaveLength(REQUEST_CHANNELS.length);
  });

  it('on a damaged history, asks, moves the file aside (keeping it) and starts a new one', async () => {
    mkdirSync(dataDir, { recursive: true });
    const database = join(dataDir, 'history.sqlite');
    writeFileSync(database, 'damaged bytes');
    const workbench = fakeWorkbench();
    const DatabaseOpenError = await databaseOpenError();
    workbenchMock.createWorkbench
      .mockImplementationOnce(() => {
        throw new DatabaseOpenError(
          'corrupt',
          database,
          `The history database ${database} is damaged.`,
          true,
        );
      })
      .mockReturnValue(workbench);
    fake.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });

    await startApp();

    const shown = fake.dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; detail: string };
    expect(shown.buttons[0]).toBe('Move it aside and start a new history');
    expect(shown.detail).toContain('is damaged');
    expect(workbenchMock.createWorkbench).toHaveBeenCalledTimes(2);
    const kept = readdirSync(dataDir).filter((name) => name.startsWith('history.sqlite.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dataDir, kept[0]!), 'utf8')).toBe('damaged bytes');
    expect(workbench.start).toHaveBeenCalled();
  });

  it('quits without a window when the user gives up on the history', async () => {
    const DatabaseOpenError = await databaseOpenError();
    workbenchMock.createWorkbench.mockImplementation(() => {
      throw new DatabaseOpenError(
        'locked',
        join(dataDir, 'history.sqlite'),
        'Locked by another program.',
        false,
      );
    });
    fake.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    await startApp();
    const shown = fake.dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[] };
    expect(shown.buttons).toEqual(['Try again', 'Quit']);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  });

  it('shows any other startup failure in an error box and quits', async () => {
    workbenchMock.createWorkbench.mockImplementation(() => {
      throw new Error('The receiver exploded.');
    });
    await startApp();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Hookbench could not start',
      'The receiver exploded.',
    );
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('quits at once when another Hookbench already runs', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startApp();
    expect(workbenchMock.createWorkbench).not.toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
  });
});
