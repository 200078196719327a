// Plain request/response shapes shared by both fake APIs, so handlers never touch node:http directly.
import type { IncomingHttpHeaders } from 'node:http'
import type { SandboxStore } from './state'

export interface SandboxRequest {
  method: string
  /** path below the API prefix, e.g. `/orders/batch` */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** parsed JSON body; `{}` when the body is empty or not sent as application/json (what Laravel and Rails see) */
  body: unknown
  /** true when a JSON content type was sent but the text did not parse */
  malformedJson: boolean
  /** canonical JSON of the body (sorted keys), for idempotency fingerprints */
  canonicalBody: string
  ip: string
  token: string
}

export interface SandboxResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface HandlerContext {
  store: SandboxStore
  now: () => number
}

export type Handler = (req: SandboxRequest, params: Record<string, string>, ctx: HandlerContext) => SandboxResponse

export interface Route {
  method: 'GET' | 'POST' | 'PUT'
  /** segments; `:name` captures one segment (URL-decoded) */
  pattern: string
  /** 帳獸 ability the token needs, if any */
  ability?: string
  /** a write endpoint: faults apply to it */
  write: boolean
  handle: Handler
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { allowed: string[] } | null

/** Find the route for method + path; `{allowed}` when the path exists for other methods only. */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  const parts = path.split('/').filter(Boolean)
  const allowed: string[] = []
  for (const route of routes) {
    const params = matchPattern(route.pattern, parts)
    if (!params) continue
    if (route.method === method) return { route, params }
    allowed.push(route.method)
  }
  return allowed.length ? { allowed } : null
}

function matchPattern(pattern: string, parts: string[]): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  if (want.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(parts[i])
      } catch {
        return null
      }
    } else if (want[i] !== parts[i]) return null
  }
  return params
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON with object keys sorted, so two bodies that differ only in key order fingerprint the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
