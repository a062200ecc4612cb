/**
 * Electron composition root: wiring only. Every decision lives in a small tested module (desktop-startup, window,
 * ipc/, native-binding, renderer-target); this file connects them to Electron's lifecycle.
 */
import { join } from 'node:path';
import { BrowserWindow, app, dialog } from 'electron';
import { APP_NAME, defaultDataDir } from './core/paths';
import { createWorkbench, type Workbench } from './core/workbench';
import { moveDatabaseAside, type DatabaseOpenError } from './db/open-database';
import {
  createQuitGuard,
  dataDirFromArgv,
  databaseDialog,
  openWithRecovery,
  type DatabaseChoice,
} from './desktop-startup';
import { forwardEvents } from './ipc/forward-events';
import { isTrustedSender } from './ipc/handle';
import { registerDesktopChannels } from './ipc/register-desktop-channels';
import { resolveElectronBinding } from './native-binding';
import { isOwnRendererUrl, rendererTarget, type RendererTarget } from './renderer-target';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { createMainWindow } from './window';

app.setName(APP_NAME);

let mainWindow: BrowserWindow | undefined;

async function askAboutDatabase(error: DatabaseOpenError): Promise<DatabaseChoice> {
  const view = databaseDialog(error);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: APP_NAME,
    message: view.message,
    detail: view.detail,
    buttons: view.buttons,
    defaultId: view.defaultId,
    cancelId: view.cancelId,
    noLink: true,
  });
  return view.choices[response] ?? 'quit';
}

function openWindow(workbench: Workbench, appRoot: string, renderer: RendererTarget): void {
  const window = createMainWindow({ preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'), renderer });
  mainWindow = window;
  const stopForwarding = forwardEvents(workbench.events, window);
  window.on('closed', () => {
    stopForwarding();
    if (mainWindow === window) mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  const dataDir = dataDirFromArgv(process.argv) ?? defaultDataDir();
  const nativeBinding = resolveElectronBinding(appRoot);
  // Inbox secrets are encrypted with the OS keyring (safeStorage); core only sees the SecretStore interface.
  const secrets = await SafeStorageSecretStore.open(dataDir);

  const workbench = await openWithRecovery(
    () =>
      createWorkbench({
        dataDir,
        mode: 'desktop',
        version: app.getVersion(),
        receiver: { fallbackToFreePort: true },
        nativeBinding,
        secrets,
      }),
    askAboutDatabase,
    (path) => moveDatabaseAside(path),
  );
  if (!workbench) {
    app.quit();
    return;
  }
  app.on(
    'before-quit',
    createQuitGuard(
      () => workbench.close(),
      () => app.quit(),
    ),
  );
  await workbench.start();

  const renderer = rendererTarget(appRoot, process.env, app.isPackaged);
  registerDesktopChannels(workbench.handlers, (event) =>
    isTrustedSender(event, mainWindow?.webContents, (url) => isOwnRendererUrl(url, renderer)),
  );
  openWindow(workbench, appRoot, renderer);

  // macOS keeps the app running without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(workbench, appRoot, renderer);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Hookbench owns the history and the receiver port; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error('Hookbench could not start:', error);
    dialog.showErrorBox('Hookbench could not start', message);
    app.quit();
  });
}
