// The HTTP plumbing: read the request, hand it to the right gateway, answer (or drop, or delay), log it.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import { type Outcome, bearerToken } from './gateway'
import { type SandboxRequest, canonicalJson } from './http'
import type { RequestLogEntry, SandboxStore } from './state'
import { boundedHeaders, isLoopbackHostHeader, jsonDepthExceeds, prototypeKey } from './request-guards'

const MAX_BODY_BYTES = 10 * 1024 * 1024
export const ZANGSHO_PREFIX = '/zangsho/v1'
export const SHOPLINE_PREFIX = '/shopline/v1'

export interface ServerDeps {
  store: SandboxStore
  now: () => number
  zangsho: (req: SandboxRequest) => Outcome
  shopline: (req: SandboxRequest) => Outcome
  onRequest?: (entry: RequestLogEntry) => void
}

export interface RunningServer {
  server: Server
  /** cancel delayed answers and close every connection */
  shutdown(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        req.removeAllListeners('data')
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => resolve(null))
  })
}

function parseBody(
  raw: Buffer,
  contentType: string | undefined
): { body: unknown; malformed: boolean; tooDeep?: boolean } {
  // Like Laravel and Rails: only a JSON content type is parsed as JSON; anything else arrives as no fields at all.
  if (!contentType || !/^application\/([\w.-]+\+)?json\b/i.test(contentType) || raw.length === 0)
    return { body: {}, malformed: false }
  const text = raw.toString('utf8')
  if (jsonDepthExceeds(text)) return { body: {}, malformed: false, tooDeep: true }
  try {
    return { body: JSON.parse(text), malformed: false }
  } catch {
    return { body: {}, malformed: true }
  }
}

function loggedHeaders(req: IncomingMessage): Record<string, string> {
  return boundedHeaders(req.headers)
}

export function startHttpServer(deps: ServerDeps, host: string, port: number): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>()

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const time = deps.now()
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const api = url.pathname.startsWith(ZANGSHO_PREFIX + '/')
      ? 'zangsho'
      : url.pathname.startsWith(SHOPLINE_PREFIX + '/')
        ? 'shopline'
        : 'none'
    const log = (status: number, fault: RequestLogEntry['fault']) => {
      const entry: RequestLogEntry = {
        api,
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        status,
        time,
        headers: loggedHeaders(req),
        bodySize: raw?.length ?? 0,
        fault
      }
      deps.store.log(entry)
      deps.onRequest?.(entry)
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
      res.end(JSON.stringify(body))
    }
    if (!isLoopbackHostHeader(req)) {
      // DNS rebinding: a web page whose name now points at 127.0.0.1 still sends its own name as Host.
      log(421, null)
      send(
        421,
        { message: 'Misdirected Request: the rehearsal server only answers to Host 127.0.0.1, localhost or [::1].' },
        { Connection: 'close' }
      )
      return
    }
    if (raw === null) {
      log(413, null)
      send(413, { message: 'Payload Too Large' }, { Connection: 'close' })
      return
    }
    if (api === 'none') {
      const status = url.pathname === '/' ? 200 : 404
      log(status, null)
      send(status, { name: 'OrderDock rehearsal server', zangsho: ZANGSHO_PREFIX, shopline: SHOPLINE_PREFIX })
      return
    }
    const { body, malformed, tooDeep } = parseBody(raw, req.headers['content-type'])
    if (tooDeep) {
      log(400, null)
      send(400, { message: 'The JSON body is nested too deeply.' })
      return
    }
    const badKey = prototypeKey(body)
    if (badKey) {
      log(422, null)
      const errors = { [badKey]: [`The field name "${badKey}" is not allowed.`] }
      send(
        422,
        api === 'shopline'
          ? { message: `Field name "${badKey}" is not allowed`, errors }
          : { message: `The given data was invalid: field name "${badKey}" is not allowed.`, errors }
      )
      return
    }
    const sreq: SandboxRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice((api === 'zangsho' ? ZANGSHO_PREFIX : SHOPLINE_PREFIX).length) || '/',
      query: url.searchParams,
      headers: req.headers,
      body,
      malformedJson: malformed,
      canonicalBody: canonicalJson(body),
      ip: req.socket.remoteAddress ?? 'unknown',
      token: bearerToken(req.headers.authorization) ?? ''
    }
    let outcome: Outcome
    try {
      outcome = api === 'zangsho' ? deps.zangsho(sreq) : deps.shopline(sreq)
    } catch (err) {
      // A bug in the sandbox must show, not hang the client.
      process.stderr.write(`sandbox: ${err instanceof Error ? err.stack : String(err)}\n`)
      outcome = {
        response: { status: 500, body: { message: 'Sandbox internal error' } },
        fault: null,
        after: { drop: false, slowMs: 0 }
      }
    }
    const { response, fault, after } = outcome
    log(response.status, fault)
    if (after.drop) {
      req.socket.destroy()
      return
    }
    if (after.slowMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        send(response.status, response.body, response.headers)
      }, after.slowMs)
      timers.add(timer)
      return
    }
    send(response.status, response.body, response.headers)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`sandbox: ${err instanceof Error ? err.stack : String(err)}\n`)
      if (!res.headersSent) res.destroy()
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve({
        server,
        shutdown: () =>
          new Promise<void>((done) => {
            for (const t of timers) clearTimeout(t)
            timers.clear()
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
