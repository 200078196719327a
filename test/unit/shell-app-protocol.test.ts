// app://orderdock/: the renderer folder and nothing else, with the CSP; the navigation guard and sender check follow it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { APP_URL, contentTypeFor, createAppProtocolHandler, resolveRendererPath } from '../../src-main/app/app-protocol'
import { CONTENT_SECURITY_POLICY, isTrustedSender, shouldBlockNavigation } from '../../src-main/app/window-options'

// a real folder: <tmp>/renderer with the app, and <tmp>/secret.txt beside it that must never be served
const base = mkdtempSync(join(tmpdir(), 'orderdock-protocol-'))
const renderer = join(base, 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>OrderDock</title>')
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
writeFileSync(join(renderer, 'assets', '表單.css'), 'body{}')
writeFileSync(join(base, 'secret.txt'), 'token')
afterAll(() => rmSync(base, { recursive: true, force: true }))

const TRAVERSALS = [
  'app://orderdock/../secret.txt',
  'app://orderdock/..%2fsecret.txt',
  'app://orderdock/%2e%2e/secret.txt',
  'app://orderdock/%2E%2E%2Fsecret.txt',
  'app://orderdock/assets/..%2f..%2fsecret.txt',
  'app://orderdock/..%5csecret.txt',
  'app://orderdock/assets%5c..%5c..%5csecret.txt',
  'app://orderdock/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
  'app://orderdock/C:%5cWindows%5cwin.ini',
  'app://orderdock/index.html%00.png',
  'app://orderdock/%E0%A4%A',
  'app://other/index.html',
  'app://user:pw@orderdock/index.html',
  'file:///etc/passwd',
  'https://orderdock/index.html',
  'not a url'
]

describe('resolveRendererPath', () => {
  it('maps app:// paths to files inside the renderer folder', () => {
    expect(resolveRendererPath(APP_URL, renderer)).toBe(join(renderer, 'index.html'))
    expect(resolveRendererPath('app://orderdock/', renderer)).toBe(join(renderer, 'index.html'))
    expect(resolveRendererPath('app://orderdock/assets/index-abc.js?v=1#x', renderer)).toBe(
      join(renderer, 'assets', 'index-abc.js')
    )
    expect(resolveRendererPath('app://orderdock/assets/%E8%A1%A8%E5%96%AE.css', renderer)).toBe(
      join(renderer, 'assets', '表單.css')
    )
    // a dot segment that stays inside is normalised, not refused
    expect(resolveRendererPath('app://orderdock/assets/./index-abc.js', renderer)).toBe(
      join(renderer, 'assets', 'index-abc.js')
    )
  })

  it('refuses every way out of the renderer folder, other hosts and other schemes', () => {
    for (const url of TRAVERSALS) {
      const path = resolveRendererPath(url, renderer)
      // null, or (URL parsing already dropped a plain "../") a path still inside the renderer folder
      expect(path === null || path.startsWith(join(renderer, '/')), `${url} → ${path}`).toBe(true)
    }
    expect(resolveRendererPath('app://orderdock/..%2fsecret.txt', renderer)).toBeNull()
    expect(resolveRendererPath('app://orderdock/..%5csecret.txt', renderer)).toBeNull()
    expect(resolveRendererPath('app://other/index.html', renderer)).toBeNull()
  })

  it('names content types for what the build emits', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2')
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream')
  })
})

describe('the app:// handler', () => {
  const handler = createAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY)

  it('serves the page and its assets with their type, the CSP and nosniff', async () => {
    const page = await handler({ url: APP_URL, method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>OrderDock</title>')
    const script = await handler({ url: 'app://orderdock/assets/index-abc.js', method: 'GET' })
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
  })

  it('answers 404 without reading anything for a traversal, and 404 for a missing file or a folder', async () => {
    const read = vi.fn(async () => new Uint8Array([1]))
    const guarded = createAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY, read)
    for (const url of TRAVERSALS.filter((u) => resolveRendererPath(u, renderer) === null)) {
      const response = await guarded({ url, method: 'GET' })
      expect(response.status, url).toBe(404)
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(read).not.toHaveBeenCalled()
    expect((await handler({ url: 'app://orderdock/missing.js', method: 'GET' })).status).toBe(404)
    // the real reader: the secret beside the renderer folder is never what comes back
    for (const url of TRAVERSALS) expect(await (await handler({ url, method: 'GET' })).text(), url).not.toBe('token')
    expect((await handler({ url: 'app://orderdock/assets', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: APP_URL, method: 'POST' })).status).toBe(404)
  })
})

describe('navigation guard and sender check for app://', () => {
  it('allow only the app document (any hash or query), nothing else on the scheme', () => {
    expect(shouldBlockNavigation(`${APP_URL}#/push`, APP_URL)).toBe(false)
    expect(shouldBlockNavigation(`${APP_URL}?lang=en`, APP_URL)).toBe(false)
    for (const url of [
      'app://orderdock/other.html',
      'app://evil/index.html',
      'app://user@orderdock/index.html',
      'file:///index.html',
      'https://orderdock/index.html'
    ]) {
      expect(shouldBlockNavigation(url, APP_URL), url).toBe(true)
      expect(isTrustedSender(url, APP_URL), url).toBe(false)
    }
    expect(isTrustedSender(APP_URL, APP_URL)).toBe(true)
  })
})
