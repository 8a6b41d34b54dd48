/**
 * The desktop app: lifecycle, the window, and wiring the backend to Electron IPC. Everything
 * Electron-specific stays here, in preload.ts, ipc/electronAdapter.ts, security/ and
 * appProtocol.ts, so the rest runs (and is tested) in plain Node.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from './backend.js';
import { BUNDLED_MODEL_FILE } from './engine/bundledModel.js';
import { forkUtilityModelHost } from './engine/utilityProcessTransport.js';
import { attachElectronIpc } from './ipc/electronAdapter.js';
import { registerAppProtocol, registerAppScheme } from './security/appProtocol.js';
import { APP_ORIGIN, installWebContentsGuards, isAppUrl } from './security/webContentsGuards.js';

registerAppScheme(protocol);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

/** better-sqlite3 is not N-API: in development `npm start` builds an Electron copy into native/. */
function electronSqliteBinding(appRoot: string): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(
    appRoot,
    'native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}

function createWindow(appRoot: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 420,
    title: 'Inkwell',
    show: false,
    webPreferences: {
      preload: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  const clientId = `webcontents-${window.webContents.id}`;
  window.webContents.once('destroyed', () => backend?.clientGone(clientId));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  const appRoot = app.getAppPath();
  installWebContentsGuards(app, session.defaultSession, (url) => void shell.openExternal(url));
  registerAppProtocol(protocol, path.join(appRoot, 'dist', 'renderer'));

  backend = createBackend({
    dataDir: app.getPath('userData'),
    transport: 'electron',
    appVersion: app.getVersion(),
    nativeBinding: electronSqliteBinding(appRoot),
    spawnModelHost: () =>
      forkUtilityModelHost(path.join(appRoot, 'dist', 'electron', 'engine', 'modelHost.js')),
    defaultModelPath: app.isPackaged
      ? path.join(process.resourcesPath, 'models', BUNDLED_MODEL_FILE)
      : path.join(appRoot, 'resources', 'models', BUNDLED_MODEL_FILE),
  });
  attachElectronIpc({
    ipcMain,
    router: backend.router,
    events: backend.events,
    isTrustedSender: (frame) =>
      frame !== null &&
      frame === frame.top &&
      isAppUrl(frame.url) &&
      BrowserWindow.getAllWindows().some((window) => window.webContents.mainFrame === frame),
    windows: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(defaultMenu()));
  mainWindow = createWindow(appRoot);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(appRoot);
  });
}

function defaultMenu(): Electron.MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  backend?.close();
  backend = undefined;
});

start().catch((error: unknown) => {
  console.error('[inkwell] could not start:', error);
  app.exit(1);
});
