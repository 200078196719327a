// Real loopback servers for the credentials tests: a scripted HTTP API, an HTTPS server with a self-signed cert, a dead port.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { FALLBACK_CERT, FALLBACK_KEY } from './fallback-cert'

export interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface Running {
  url: string
  seen: Seen[]
  close(): Promise<void>
}

function closer(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
}

/** An HTTP server on 127.0.0.1:<random> that records each request and answers with handler. */
export async function startHttp(handler: Handler): Promise<Running> {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handler(req, res)
  })
  const close = closer(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/v1`, seen, close }
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A port that was just listening and is now closed: connecting gets ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** A fresh self-signed cert for 127.0.0.1 made with openssl, or the stored one where openssl is not installed. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'ignore', timeout: 30_000 }
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    return { key: FALLBACK_KEY, cert: FALLBACK_CERT }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** An HTTPS server whose certificate nobody trusts. */
export async function startSelfSignedHttps(handler: Handler): Promise<Running> {
  const seen: Seen[] = []
  const server = https.createServer(selfSignedCert(), (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handler(req, res)
  })
  const close = closer(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `https://127.0.0.1:${port}/v1`, seen, close }
}
