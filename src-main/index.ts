// Electron bootstrap: single instance, one hardened window, menu, file opening; wires the Electron-free services to IPC. Thin.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron'
import { join } from 'node:path'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, createAppProtocolHandler } from './app/app-protocol'
import { createMainWindow, hardenSession, installAppGuards } from './app/create-window'
import { spreadsheetFromArgv, SPREADSHEET_EXTENSIONS } from './app/file-args'
import { buildMenuTemplate } from './app/menu'
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY, isAllowedExternalUrl } from './app/window-options'
import type { Language } from './ipc/contract'
import { forwardEvents, registerIpc } from './ipc/register'
import { createServices } from './services'
import { startAutoUpdater } from './updater'

const here = import.meta.dirname
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererDir = join(here, '../renderer')
// the built renderer is served from app://orderdock/ (src-main/app/app-protocol.ts), never file://
const appUrl = (): string => devServerUrl ?? APP_URL
// must happen before ready: a standard, secure scheme gives the page a real origin for CSP 'self'
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')

let mainWindow: BrowserWindow | null = null
let language: Language = 'zh-TW'
let rendererReady = false
// files handed over by the OS before the window could show them
const pendingPaths: string[] = []

const services = createServices({
  dataDir: app.getPath('userData'),
  fetch: net.fetch as unknown as typeof fetch,
  now: () => new Date(),
  resourcesDir,
  appVersion: app.getVersion(),
  platform: process.platform,
  language,
  keepParserWarm: true,
  limitHeapGrowth: true,
  pickFile: async () => {
    const options = {
      properties: ['openFile' as const],
      filters: [{ name: 'Spreadsheets', extensions: SPREADSHEET_EXTENSIONS.map((e) => e.slice(1)) }]
    }
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  // push reports: the user chooses where the results file goes
  pickSavePath: async (defaultName, format) => {
    const options = {
      defaultPath: join(app.getPath('documents'), defaultName),
      filters: [{ name: format.toUpperCase(), extensions: [format] }]
    }
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
    return result.canceled ? null : (result.filePath ?? null)
  },
  onLanguageChange: (next) => {
    language = next
    applyMenu()
  },
  // the user confirmed quitting mid-push (services/quit-guard.ts): close again, the guard now lets it through
  quit: () => app.quit()
})

function openPath(path: string): void {
  if (!rendererReady) {
    pendingPaths.push(path)
    return
  }
  void services.openFromOs(path)
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
}

function applyMenu(): void {
  const template = buildMenuTemplate({
    language,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    onOpen: () => {
      void services.methods['dialog.open']({}).then(
        (view) => view && services.emit({ type: 'workbook.opened', view }),
        () => undefined
      )
    },
    onLanguage: (next) => {
      language = next
      applyMenu()
      services.emit({ type: 'app.language', language: next })
    },
    onHelp: (url) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    }
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function createWindow(): void {
  rendererReady = false
  mainWindow = createMainWindow({ preloadPath: join(here, '../preload/preload.cjs'), appUrl })
  const stopForwarding = forwardEvents(services, mainWindow.webContents)
  mainWindow.webContents.on('did-finish-load', () => {
    rendererReady = true
    for (const path of pendingPaths.splice(0)) openPath(path)
  })
  // a push is running: ask in the renderer first (app.quitRequested → confirm dialog → app.quit)
  mainWindow.on('close', (event) => {
    if (services.requestClose?.() === false) event.preventDefault()
  })
  mainWindow.on('closed', () => {
    stopForwarding()
    mainWindow = null
  })
  void mainWindow.loadURL(appUrl())
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const fromArgv = spreadsheetFromArgv(process.argv)
  if (fromArgv) pendingPaths.push(fromArgv)
  // macOS: "Open with" and dropping on the dock icon; may arrive before ready
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openPath(path)
  })
  // Windows/Linux: a second launch with a file hands it to this instance
  app.on('second-instance', (_event, argv) => {
    const path = spreadsheetFromArgv(argv)
    if (path) openPath(path)
    else mainWindow?.focus()
  })
  installAppGuards(app, appUrl)
  // flush autosaves, stop push jobs cleanly (journal consistent) and the rehearsal server, then quit
  let disposed = false
  app.on('before-quit', (event) => {
    // ⌘Q / the menu mid-push: ask in the renderer first, the same way as closing the window
    if (!disposed && services.requestClose?.() === false) return event.preventDefault()
    if (disposed || !services.dispose) return
    event.preventDefault()
    disposed = true
    void services
      .dispose()
      .catch(() => undefined)
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl ? DEV_SERVER_CONTENT_SECURITY_POLICY : undefined)
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, CONTENT_SECURITY_POLICY))
    registerIpc(ipcMain, services, appUrl)
    applyMenu()
    createWindow()
    // opt-in, off by default: ORDERDOCK_AUTO_UPDATE=1 until the app has a settings switch for it
    startAutoUpdater({
      enabled: process.env.ORDERDOCK_AUTO_UPDATE === '1',
      isBusy: () => services.isBusy(),
      notify: (message) => services.emit({ type: 'app.notice', message })
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })
}
