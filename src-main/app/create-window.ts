// Builds the one BrowserWindow and applies the security checklist to it, its session and every other web contents.
import { BrowserWindow, shell, type App, type Session, type WebContents } from 'electron'
import {
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  permissionCheckHandler,
  permissionRequestHandler,
  shouldBlockNavigation,
  windowOpenHandler
} from './window-options'

const hardened = new WeakSet<WebContents>()

/** window.open denied (allowlisted https → system browser), navigation and redirects blocked, <webview> refused. */
export function hardenWebContents(contents: WebContents, appUrl: () => string): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  contents.setWindowOpenHandler(({ url }) => windowOpenHandler(url, (target) => shell.openExternal(target)))
  contents.on('will-navigate', (event) => {
    if (shouldBlockNavigation(event.url, appUrl())) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (shouldBlockNavigation(event.url, appUrl())) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Covers web contents created later too (devtools, anything unexpected). */
export function installAppGuards(app: Pick<App, 'on'>, appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl))
}

/** Permissions denied, and the CSP header on every response (the <meta> in index.html says the same). */
export function hardenSession(target: Session, policy: string = CONTENT_SECURITY_POLICY): void {
  target.setPermissionRequestHandler(permissionRequestHandler)
  target.setPermissionCheckHandler(permissionCheckHandler)
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}

export interface MainWindowOptions {
  preloadPath: string
  appUrl: () => string
}

export function createMainWindow({ preloadPath, appUrl }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1240,
    height: 820,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'OrderDock',
    backgroundColor: '#f6f5f2',
    webPreferences: hardenedWebPreferences(preloadPath)
  })
  hardenWebContents(win.webContents, appUrl)
  win.once('ready-to-show', () => win.show())
  return win
}
