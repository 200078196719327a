// The Electron security checklist as plain data and pure functions, so it is testable without Electron.

/** Directives shared by the <meta> tag in index.html and the response header. */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  // React writes style properties through the CSSOM, which CSP does not restrict: no 'unsafe-inline' needed.
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** The CSP as it appears in the index.html <meta> tag (frame-ancestors is ignored in <meta>, so it is header-only). */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.join('; ')

/** The CSP sent as a response header on every renderer response. */
export const CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/**
 * `npm run dev` only (never packaged): Vite's dev server injects the React refresh preamble and CSS as inline
 * elements and talks to its HMR socket, which the strict policy forbids.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'"
)
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")

export interface HardenedWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  webviewTag: false
  experimentalFeatures: false
  navigateOnDragDrop: false
  spellcheck: false
  safeDialogs: true
}

export function hardenedWebPreferences(preloadPath: string): HardenedWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // a file dropped outside the drop zone must never replace the app page
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true
  }
}

/** Hosts (and their subdomains) whose https pages may open in the system browser: API docs and the shops' settings. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'zangsho.com',
  'shoplineapp.com',
  'shopline.io',
  'shopline.com',
  'github.com'
]

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for an https URL without credentials whose host is on the allowlist (exactly or as a subdomain). */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  const parsed = parseUrl(url)
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  const host = parsed.hostname.toLowerCase()
  return allowlist.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}

/** setWindowOpenHandler: never a new Electron window; allowlisted https links go to the system browser. */
export function windowOpenHandler(url: string, openExternal: (url: string) => unknown): { action: 'deny' } {
  if (isAllowedExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined)
  return { action: 'deny' }
}

/**
 * Same document as the app: the same app:// (or file:) document, same origin for the dev server. Query and hash are
 * ignored. Node's URL gives custom schemes a 'null' origin, so app:// is compared by scheme, host and path.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:' || app.protocol === 'app:') {
    return (
      target.protocol === app.protocol &&
      target.host === app.host &&
      target.pathname === app.pathname &&
      !target.username &&
      !target.password
    )
  }
  return target.origin === app.origin && target.origin !== 'null'
}

/** will-navigate / will-redirect: the window only ever shows the app itself. */
export function shouldBlockNavigation(url: string, appUrl: string): boolean {
  return !isAppUrl(url, appUrl)
}

/** IPC is answered only for the app's own page; any other frame (an injected iframe, a navigated page) is refused. */
export function isTrustedSender(senderFrameUrl: string | undefined | null, appUrl: string): boolean {
  return typeof senderFrameUrl === 'string' && isAppUrl(senderFrameUrl, appUrl)
}

/** session.setPermissionRequestHandler: OrderDock needs no camera, notifications, geolocation or anything else. */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void
): void {
  callback(false)
}

/** session.setPermissionCheckHandler: same answer for synchronous checks. */
export function permissionCheckHandler(): boolean {
  return false
}
