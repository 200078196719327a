// One HTTP exchange with a destination API: headers, timeout, loopback-only plain HTTP, and honest failure kinds.
import { errorCode } from './failure-messages'
import { createRedactor } from '../credentials/redact'
import pkg from '../../../package.json'

export const USER_AGENT = `OrderDock/${(pkg as { version: string }).version}`

export interface ApiResponse {
  status: number
  headers: Headers
  body: unknown
  /** When the request started and the response arrived (env clock). */
  startedAt: number
  endedAt: number
}

/** A failure without an HTTP status. `sent` false means the request surely never reached the server. */
export interface NetworkFailure {
  error: unknown
  sent: boolean
  timedOut: boolean
  aborted: boolean
  startedAt: number
  endedAt: number
}

export type Exchange = { ok: true; response: ApiResponse } | { ok: false; failure: NetworkFailure }

export interface ClientConfig {
  fetch: typeof globalThis.fetch
  baseUrl: string
  token: string
  userAgent?: string
  timeoutMs?: number
  now?: () => number
}

// Exactly these: "evil.localhost" or 127.0.0.2 are names/addresses a resolver or proxy may treat differently.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase())
}

/** null when the URL may be used; otherwise the reason in plain words. */
export function checkBaseUrl(baseUrl: string): { 'zh-TW': string; en: string } | null {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return {
      'zh-TW': `網址格式不正確：「${baseUrl}」。範例：https://api.zangsho.com/v1`,
      en: `Not a valid URL: "${baseUrl}". Example: https://api.zangsho.com/v1`
    }
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return {
    'zh-TW': `為了保護權杖，只接受 https:// 網址（本機 127.0.0.1 / localhost 除外）。收到：「${baseUrl}」。`,
    en: `To protect the token only https:// URLs are accepted (except loopback 127.0.0.1 / localhost). Got: "${baseUrl}".`
  }
}

// Error codes raised before any byte of the request left this machine.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT'
  /** Path under the base URL, with query string. */
  path: string
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

export function createApiClient(config: ClientConfig) {
  const refusal = checkBaseUrl(config.baseUrl)
  if (refusal) throw new Error(refusal.en)
  const now = config.now ?? Date.now
  const root = config.baseUrl.replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? 30_000
  // Nothing a server or the network says enters the engine with the token in it (a server may echo the Authorization header).
  const redact = createRedactor([config.token])

  async function request(spec: RequestSpec): Promise<Exchange> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout
    const headers: Record<string, string> = {
      Authorization: `Bearer ${config.token}`,
      Accept: 'application/json',
      'User-Agent': config.userAgent ?? USER_AGENT,
      ...spec.headers
    }
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json'
    const startedAt = now()
    try {
      const res = await config.fetch(root + spec.path, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal
      })
      const text = await res.text()
      let body: unknown = redact.text(text)
      try {
        body = text ? redact.value(JSON.parse(text)) : null
      } catch {
        // not JSON: keep the text so the user can read it
      }
      return { ok: true, response: { status: res.status, headers: res.headers, body, startedAt, endedAt: now() } }
    } catch (error) {
      const code = errorCode(error)
      const timedOut = timeout.aborted
      const aborted = !timedOut && !!spec.signal?.aborted
      return {
        ok: false,
        failure: {
          error: redact.error(error),
          sent: !(code && NOT_SENT_CODES.has(code)),
          timedOut,
          aborted,
          startedAt,
          endedAt: now()
        }
      }
    }
  }
  return { request }
}

export type ApiClient = ReturnType<typeof createApiClient>
