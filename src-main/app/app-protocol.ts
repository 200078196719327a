// The renderer is served over app://orderdock/ instead of file:// (Electron security checklist: a custom protocol
// gives the page a real origin for CSP 'self' and keeps it from reading any other file). Pure, testable without Electron.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'orderdock'
/** The one document the window shows; navigation guard and IPC sender check compare against it. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** For protocol.registerSchemesAsPrivileged, before app ready: standard (real origin, relative URLs) and secure. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true }
} as const

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under rendererDir an app:// URL names, or null for anything else: another scheme or host, a malformed
 * escape, a NUL byte, or a path (however encoded: ../, %2e%2e%2f, ..%5c) that leaves the renderer folder.
 */
export function resolveRendererPath(url: string, rendererDir: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
    return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '' || pathname === '/') pathname = '/index.html'
  // treat both separators alike so "..\" cannot slip through on Windows
  const segments = pathname.split(/[\\/]+/).filter(Boolean)
  if (segments.some((segment) => segment === '..' || /^[a-z]:$/i.test(segment))) return null
  const root = resolve(rendererDir)
  const target = resolve(root, ...segments)
  const inside = relative(root, target)
  if (!inside || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null
  return target
}

export type ReadRendererFile = (path: string) => Promise<Uint8Array>

/** protocol.handle('app', …): the file with its type and the CSP header, 404 for anything outside the renderer folder. */
export function createAppProtocolHandler(
  rendererDir: string,
  contentSecurityPolicy: string,
  read: ReadRendererFile = (path) => readFile(path)
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    const path = resolveRendererPath(request.url, rendererDir)
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' }
    if (!path || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', {
        status: 404,
        headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }
      })
    }
    try {
      const body = await read(path)
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeFor(path) }
      })
    } catch {
      return new Response('Not found', {
        status: 404,
        headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }
      })
    }
  }
}
