// The browser e2e harness: the REAL services in Node, the BUILT renderer over loopback HTTP, and the contract over a WebSocket.
// Only the transport differs from the app: the page runs the shipped bundle and main-side arguments go through the same zod dispatch.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/window-options'
import { METHOD_NAMES } from '../../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../../src-main/services'
import { dispatch } from '../../../src-main/services/dispatch'
import type { Keychain } from '../../../src-main/core/credentials/keychain'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export interface HarnessOptions {
  /** The built renderer (out/renderer after `npm run build`). */
  rendererDir: string
  /** The folder holding samples/. */
  resourcesDir: string
  /** Reuse this data directory (a restart over the same data); it is then left in place on close. */
  dataDir?: string
  /** The tokens' store (default: the OS keychain, which a headless box lacks; tests pass memoryKeychain()). */
  keychain?: Keychain
}

export interface Harness {
  url: string
  dataDir: string
  services: OrderDockServices
  /** The page init script that defines window.orderdock. */
  initScript: string
  close(): Promise<void>
}

/** JSON with Uint8Array carried as { $bytes: base64 } (the browser side encodes the same way). */
export function decodeMessage(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>
      if (typeof record.$bytes === 'string' && Object.keys(record).length === 1)
        return new Uint8Array(Buffer.from(record.$bytes, 'base64'))
    }
    return value
  })
}

/** A binary frame from bridge-client.js: [header length][{ json, sizes }][bytes…]; { $blob: i } in json is the i-th bytes. */
export function decodeBinaryMessage(frame: Buffer): unknown {
  const headerLength = frame.readUInt32BE(0)
  const header = JSON.parse(frame.subarray(4, 4 + headerLength).toString('utf8')) as { json: string; sizes: number[] }
  const blobs: Uint8Array[] = []
  let at = 4 + headerLength
  for (const size of header.sizes) {
    blobs.push(new Uint8Array(frame.subarray(at, at + size))) // a copy: the frame's buffer is reused
    at += size
  }
  return JSON.parse(header.json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>
      if (typeof record.$blob === 'number' && Object.keys(record).length === 1) return blobs[record.$blob]
    }
    return value
  })
}

export function bridgeInitScript(): string {
  const source = readFileSync(join(import.meta.dirname, 'bridge-client.js'), 'utf8')
  const placeholder = 'const METHODS = __ORDERDOCK_METHODS__'
  if (!source.includes(placeholder)) throw new Error('bridge-client.js lost its METHODS placeholder')
  return source.replace(placeholder, `const METHODS = ${JSON.stringify(METHOD_NAMES)}`)
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
  // Chromium asks for a favicon; the app (file://) never does
  if (pathname === '/favicon.ico') {
    res.writeHead(204).end()
    return
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname))
  const inside = file === root || file.startsWith(root + sep)
  const found = inside && Boolean(statSync(file, { throwIfNoEntry: false })?.isFile())
  if (req.method !== 'GET' || !found) {
    res.writeHead(req.method === 'GET' ? 404 : 405, { 'Content-Type': 'text/plain' }).end('not found')
    return
  }
  // the shipped CSP; connect-src 'self' already covers ws:// to this same origin
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store'
  })
  createReadStream(file).pipe(res)
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir)
  if (!statSync(join(rendererDir, 'index.html'), { throwIfNoEntry: false })) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`)
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'orderdock-e2e-'))
  const services = createServices({
    dataDir,
    fetch,
    now: () => new Date(),
    resourcesDir: options.resourcesDir,
    appVersion: 'e2e',
    platform: process.platform,
    keepParserWarm: true,
    limitHeapGrowth: true,
    ...(options.keychain ? { keychain: options.keychain } : {})
  })
  const server = createServer((req, res) => serveStatic(rendererDir, req, res))
  const sockets = new WebSocketServer({ server, path: '/bridge', maxPayload: 400 * 1024 * 1024 })
  const clients = new Set<WebSocket>()
  const stopEvents = services.onEvent((event) => {
    for (const client of clients) client.send(JSON.stringify({ event }))
  })

  sockets.on('connection', (socket, req) => {
    // same-origin pages only, like the app's sender-frame check
    if (req.headers.origin !== `http://${req.headers.host}`) {
      socket.close(1008, 'origin')
      return
    }
    clients.add(socket)
    socket.on('close', () => clients.delete(socket))
    socket.on('message', async (data, isBinary) => {
      let id: unknown = null
      try {
        const message = (
          isBinary && Buffer.isBuffer(data) ? decodeBinaryMessage(data) : decodeMessage(String(data))
        ) as { id?: unknown; method?: unknown; args?: unknown }
        id = message.id
        const result = await dispatch(services.methods, message.method, message.args)
        socket.send(JSON.stringify({ id, result }))
      } catch (error) {
        socket.send(
          JSON.stringify({
            id,
            result: { ok: false, error: { code: 'bad_args', message: `Unreadable message: ${String(error)}` } }
          })
        )
      }
    })
  })

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    dataDir,
    services,
    initScript: bridgeInitScript(),
    async close() {
      stopEvents()
      for (const client of clients) client.terminate()
      await new Promise<void>((done) => sockets.close(() => done()))
      await new Promise<void>((done) => server.close(() => done()))
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
