/**
 * The desktop app: lifecycle, the window, and wiring the backend to Electron IPC. Everything
 * Electron-specific stays here and in a few thin files (preload.ts, dialogs.ts, security/,
 * ipc/electronAdapter.ts); the decisions they apply are plain functions tested under Node.
 */
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from './backend.js';
import { webContentsClientId } from './core/requestContext.js';
import { Acknowledgements } from './desktop/acknowledgements.js';
import { FlushGate } from './desktop/flushGate.js';
import { createElectronDesktopShell } from './desktop/dialogs.js';
import { BUNDLED_MODEL_FILE } from './models/bundledModel.js';
import { forkUtilityModelHost } from './engine/supervisor/utilityProcessTransport.js';
import { forkUtilityRenderProcess } from './templates/utilityRenderProcess.js';
import { attachElectronIpc } from './ipc/electronAdapter.js';
import { applicationMenuTemplate } from './desktop/menu.js';
import { contextMenuTemplate } from './desktop/contextMenuTemplate.js';
import { filesToOpen, PendingOpens } from './desktop/openedFiles.js';
import { RecentFiles } from './desktop/recentFiles.js';
import { TaskbarProgress } from './desktop/taskbarProgress.js';
import { createI18n } from '../shared/i18n/createI18n.js';
import {
  languageEndonyms,
  resolveLanguage,
  type LanguagePreference,
} from '../shared/i18n/languages.js';
import { registerAppProtocol, registerAppScheme } from './security/appProtocol.js';
import { isTrustedSender } from './security/trustedSender.js';
import { APP_ORIGIN, installWebContentsGuards } from './security/webContentsGuards.js';
import { mainWindowOptions } from './security/windowOptions.js';
import { clampToDisplays, loadWindowState, saveWindowState } from './desktop/windowState.js';
import { createAppLog } from './logging/appLog.js';
import { copyConsoleTo } from './logging/consoleCopy.js';

/** How long quitting waits for the renderer to save; a hung renderer must not block quitting. */
const FLUSH_TIMEOUT_MS = 3000;

registerAppScheme(protocol);
// The Electron end-to-end test runs each launch on a fresh data folder.
if (process.env.INKWELL_USER_DATA) app.setPath('userData', process.env.INKWELL_USER_DATA);

// Logs and crash dumps stay in the user-data folder on every system (Help names both folders).
// Crash dumps are written by Crashpad for every process and never sent anywhere.
app.setAppLogsPath(path.join(app.getPath('userData'), 'logs'));
const appLog = createAppLog(app.getPath('logs'));
const mainLog = appLog.of('main');
copyConsoleTo(mainLog);
crashReporter.start({ uploadToServer: false, compress: true });
mainLog.info(`Inkwell ${app.getVersion()} starting (Electron ${process.versions.electron})`);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;
const acknowledgements = new Acknowledgements();

/**
 * Documents the system hands over wait in `pendingOpens` until the window takes them (at its
 * start, and whenever it is told 'open-file'); each one imported or exported joins Open Recent.
 */
const pendingOpens = new PendingOpens();
const recentFiles = new RecentFiles(app.getPath('userData'));
let rebuildMenu = (): void => undefined;

function openDocument(filePath: string): void {
  pendingOpens.add(filePath);
  backend?.events.emit('app.command', { command: 'open-file' });
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

const documentFiles = {
  pending: pendingOpens,
  used(filePath: string): void {
    if (!recentFiles.add(filePath)) return;
    app.addRecentDocument(filePath);
    rebuildMenu();
  },
  gone(filePath: string): void {
    recentFiles.remove(filePath);
    rebuildMenu();
  },
};

// macOS: a document opened from the Finder or dropped on the Dock icon, possibly before ready.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  openDocument(filePath);
});
// Windows and Linux: documents in the first instance's command line.
for (const filePath of filesToOpen(process.argv, process.cwd())) pendingOpens.add(filePath);

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

const clientIdOf = (window: BrowserWindow): string => webContentsClientId(window.webContents.id);

/** Asks every window to save its pending autosave and waits (bounded) for them to say so. */
async function flushRenderers(): Promise<void> {
  const windows = BrowserWindow.getAllWindows().filter((window) => !window.isDestroyed());
  if (!backend || windows.length === 0) return;
  const commandId = acknowledgements.newCommandId();
  const waiting = acknowledgements.wait(commandId, windows.map(clientIdOf), FLUSH_TIMEOUT_MS);
  backend.events.emit('app.command', { command: 'flush', commandId });
  if ((await waiting) === 'timed-out') {
    console.error('[inkwell] a window did not confirm saving before closing');
  }
}

function createWindow(appRoot: string): BrowserWindow {
  const userData = app.getPath('userData');
  const remembered = loadWindowState(userData);
  const bounds = clampToDisplays(
    remembered?.bounds ?? null,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const options = mainWindowOptions({
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
    bounds,
  });
  // Electronegativity cannot follow the options into mainWindowOptions(), so it reports them as
  // unset. Every one (context isolation, sandbox, no Auxclick, our preload only) is asserted on
  // the real value in test/unit/securityWindowOptions.test.ts instead.
  // prettier-ignore
  const window = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK PRELOAD_JS_CHECK
  if (remembered?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const clientId = clientIdOf(window);
  const closeGate = new FlushGate(flushRenderers);
  window.on('close', (event) => {
    saveWindowState(userData, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
    closeGate.hold(event, () => window.close());
  });
  window.webContents.once('destroyed', () => {
    acknowledgements.forget(clientId);
    backend?.clientGone(clientId);
  });
  window.webContents.on('context-menu', (_event, params) => {
    const contents = window.webContents;
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
        send: (command) => backend?.events.emit('app.command', { command }),
      },
      mainText.getFixedT(null, 'menu'),
    );
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
  // The page's own errors (uncaught exceptions, console.error) go to renderer.log.
  window.webContents.on('console-message', (details) => {
    if (details.level !== 'error' && details.level !== 'warning') return;
    const where = `${details.sourceId.replace(/^app:\/\/inkwell/, '')}:${details.lineNumber}`;
    const rendererLog = appLog.of('renderer');
    const write = details.level === 'error' ? rendererLog.error : rendererLog.warn;
    write(`${details.message} (${where})`);
  });
  window.webContents.on('unresponsive', () =>
    appLog.of('renderer').warn('the window stopped responding'),
  );
  window.webContents.on('render-process-gone', (_event, details) => {
    // A dead renderer cannot save; its text is what autosave last stored. Start it again.
    acknowledgements.forget(clientId);
    backend?.clientGone(clientId);
    appLog
      .of('renderer')
      .error(`the window's renderer stopped (${details.reason}, exit code ${details.exitCode})`);
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.reload();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // A second launch (a document double-clicked while the app runs) hands its files over here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const filePath of filesToOpen(argv, workingDirectory)) openDocument(filePath);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  const appRoot = app.getAppPath();
  // Only http(s) URLs without credentials reach this (navigationPolicy.externalUrlFor, tested).
  // prettier-ignore
  const openInBrowser = (url: string): void => void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  installWebContentsGuards(app, session.defaultSession, openInBrowser);
  registerAppProtocol(protocol, path.join(appRoot, 'dist', 'renderer'));

  // Packaged: electron-builder's extraResources; from source: the repository's resources/.
  const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(appRoot, 'resources');
  const activeBackend = createBackend({
    dataDir: app.getPath('userData'),
    transport: 'electron',
    appVersion: app.getVersion(),
    nativeBinding: electronSqliteBinding(appRoot),
    spawnModelHost: () => {
      const hostLog = appLog.of('model-host');
      const host = forkUtilityModelHost(
        path.join(appRoot, 'dist', 'electron', 'engine', 'host', 'modelHost.js'),
        (line, stream) => hostLog[stream === 'stderr' ? 'warn' : 'info'](line),
      );
      hostLog.info(`model host started (pid ${host.pid ?? 'unknown'})`);
      host.onExit((exit) => hostLog.warn(`model host exited (code ${exit.code ?? 'none'})`));
      return host;
    },
    defaultModelPath: path.join(resourcesDir, 'models', BUNDLED_MODEL_FILE),
    templatesDir: path.join(resourcesDir, 'templates'),
    spawnTemplateRenderer: (memoryMb) =>
      forkUtilityRenderProcess(
        path.join(appRoot, 'dist', 'electron', 'templates', 'renderHost.js'),
        memoryMb,
      ),
    desktopShell: createElectronDesktopShell(
      acknowledgements,
      () => mainText.getFixedT(null, 'menu'),
      documentFiles,
    ),
    // The remote server's API key, encrypted by the system keychain where there is one. On Linux
    // without a secret service, safeStorage falls back to a fixed key ('basic_text'): that is
    // not encryption, so the key is then kept like headless mode's (a 0600 file) and said so.
    ...(safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
      ? {
          apiKeyCipher: {
            encrypt: (text: string) => safeStorage.encryptString(text),
            decrypt: (data: Buffer) => safeStorage.decryptString(data),
          },
        }
      : {}),
  });
  backend = activeBackend;
  attachElectronIpc({
    ipcMain,
    router: activeBackend.router,
    events: activeBackend.events,
    isTrustedSender: (frame) =>
      isTrustedSender(
        frame,
        BrowserWindow.getAllWindows().map((window) => window.webContents.mainFrame),
      ),
    windows: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  installMenu(activeBackend);
  // Downloads and conversions show in the taskbar / the Dock.
  const taskbar = new TaskbarProgress();
  activeBackend.events.subscribe((...[event, payload]) => {
    let value: number | null = null;
    if (event === 'models.jobProgress') value = taskbar.update({ event, payload });
    else if (event === 'models.jobEnd') value = taskbar.update({ event, payload });
    if (value !== null && mainWindow && !mainWindow.isDestroyed()) mainWindow.setProgressBar(value);
  });
  // The window applies the theme itself (data-theme); this makes menus, dialogs and scrollbars match.
  nativeTheme.themeSource = activeBackend.preferences.get().theme;
  activeBackend.events.subscribe((event, payload) => {
    if (event === 'preferences.changed') nativeTheme.themeSource = payload.theme;
  });

  mainWindow = createWindow(appRoot);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(appRoot);
  });
}

/**
 * Main's own UI text (the menu, dialog titles and file types) in the writer's language: the
 * stored preference, else the system's languages. One instance, switched when the preference
 * changes; the menu is rebuilt then, and dialogs read it each time they open.
 */
const mainText = createI18n('en');
let languagePreference: LanguagePreference = 'system';

function followLanguage(preference: LanguagePreference): void {
  languagePreference = preference;
  void mainText.changeLanguage(resolveLanguage(preference, app.getPreferredSystemLanguages()));
}

/** The menu in the writer's language, rebuilt whenever they choose another. */
function installMenu(activeBackend: Backend): void {
  const build = (): void => {
    const t = mainText.getFixedT(null, 'menu');
    const template = applicationMenuTemplate(
      process.platform,
      {
        send: (command) => activeBackend.events.emit('app.command', { command }),
        setLanguage: (language) => activeBackend.preferences.update({ language }),
        openHelp: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: t('about'),
            message: `Inkwell ${app.getVersion()}`,
            detail: `${t('aboutDetail')}\n\n${t('aboutFolders', {
              logs: app.getPath('logs'),
              crashReports: app.getPath('crashDumps'),
            })}`,
          }),
        showFolder: (folder) =>
          void shell.openPath(app.getPath(folder === 'logs' ? 'logs' : 'crashDumps')),
        openRecent: openDocument,
        clearRecent: () => {
          recentFiles.clear();
          app.clearRecentDocuments();
          build();
        },
      },
      {
        t,
        preference: languagePreference,
        systemLanguageName:
          languageEndonyms[resolveLanguage('system', app.getPreferredSystemLanguages())],
      },
      recentFiles.list(),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  followLanguage(activeBackend.preferences.get().language);
  rebuildMenu = build;
  build();
  activeBackend.events.subscribe((event, payload) => {
    if (event !== 'preferences.changed') return;
    followLanguage(payload.language);
    build();
  });
}

const quitGate = new FlushGate(flushRenderers);
app.on('before-quit', (event) => quitGate.hold(event, () => app.quit()));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  backend?.close();
  backend = undefined;
});

// A fault in main: save what the windows hold, then leave (continuing in an unknown state could
// write worse than it saves).
process.on('unhandledRejection', (reason) => {
  mainLog.error('a promise in the main process was rejected and nobody handled it:', reason);
});
process.on('uncaughtException', (error) => {
  console.error('[inkwell] unexpected error in the main process:', error);
  void flushRenderers().finally(() => app.exit(1));
});

start().catch((error: unknown) => {
  console.error('[inkwell] could not start:', error);
  app.exit(1);
});
