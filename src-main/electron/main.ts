import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { toHallError } from '../../src-shared/errors';
import { langFromLocales } from '../../src-shared/i18n/lang';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { createCore, defaultDataDir, internalErrorHandler, type HallCore } from '../core';
import { installNativeHost, userManifestLocations } from '../native-host';
import { appUrlMatcher } from './app-url';
import { serveIpc } from './ipc';
import { appMenu, sendCommand, withPageLanguage } from './menu';
import { appContentSecurityPolicy, installSecurity } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow } from './window';

// electron-vite lays the build out as out/main, out/preload and out/renderer side by side.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.js', import.meta.url));
const BUILT_PAGE = new URL('../renderer/index.html', import.meta.url).href;
const NATIVE_HOST_SCRIPT = fileURLToPath(new URL('./native-host.js', import.meta.url));

let mainWindow: BrowserWindow | null = null;
/** What quitting must finish first: the journal flushed, the serial ports released. */
let running: { core: HallCore; stopIpc: () => void } | null = null;
let quitting: Promise<void> | null = null;
let exitCode = 0;

/**
 * A bug here goes where `serve` puts one: masked into the data folder's diagnostics.log, only its id on stderr (a desktop
 * session may keep an app's stderr). Masked with the catalog in use once the core runs; before, the built-in one.
 */
const internalError = internalErrorHandler(defaultDataDir(), (text) => running?.core.journal.maskText(text) ?? builtinCatalog().maskSecrets(text));

/** The page to load. Only an unpackaged build honours the dev server: an environment variable must not redirect a release. */
function appEntry(): { url: string; devServer: boolean } {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && devServer ? { url: devServer, devServer: true } : { url: BUILT_PAGE, devServer: false };
}

function openExternal(url: string): void {
  shell.openExternal(url).catch(internalError);
}

async function start(): Promise<void> {
  const entry = appEntry();
  const isAppUrl = appUrlMatcher(entry.url);
  installSecurity({ app, session: session.defaultSession, isAppUrl, openExternal, csp: appContentSecurityPolicy(entry.devServer) });

  const core = await createCore({ demo: process.argv.includes('--demo') ? true : 'auto' });
  // The menu speaks the system's language until the page tells the one chosen in Settings (ui.language).
  const menu = appMenu({
    lang: langFromLocales(app.getPreferredSystemLanguages(), 'zh-Hans'),
    platform: process.platform,
    send: (command) => sendCommand(mainWindow?.webContents ?? null, isAppUrl, command),
    apply: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  });
  const stopIpc = serveIpc({
    ipcMain,
    core: withPageLanguage(core, menu),
    isAppUrl,
    targets: () => (mainWindow === null || mainWindow.isDestroyed() ? [] : [mainWindow.webContents]),
    onInternalError: internalError,
  });
  running = { core, stopIpc };
  // Registered at every start, so a moved or updated app stays reachable from the extension.
  installNativeHost({ dataDir: defaultDataDir(), launcher: [process.execPath, NATIVE_HOST_SCRIPT], locations: userManifestLocations() }).catch(internalError);

  const window = createMainWindow(PRELOAD_PATH);
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(entry.url);
}

async function shutDown(): Promise<void> {
  if (running === null) return;
  running.stopIpc();
  // The handler's record is awaited: app.exit follows, and would cut it off (review39).
  await running.core.close().catch(internalError);
}

/** A failed start shows the bilingual reason, never a stack trace, and still closes whatever did start. */
function failToStart(error: unknown): void {
  const reason = toHallError(error);
  dialog.showErrorBox('Hall10086', [reason.describe('zh-Hans'), reason.describe('en')].join('\n\n'));
  exitCode = 1;
  app.quit();
}

if (claimSingleInstance(app, () => focusWindow(mainWindow))) {
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox();
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    event.preventDefault();
    // Asked to quit twice, the core still closes once; app.exit itself does not fire 'will-quit' again.
    quitting ??= shutDown().finally(() => app.exit(exitCode));
  });
  app.whenReady().then(start).catch(failToStart);
}
