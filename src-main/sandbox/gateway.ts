// What stands in front of each fake API: auth, rate limits, routing, abilities and faults, in the order the real servers apply them.
import type { AfterFault, FaultInjector } from './faults'
import { type HandlerContext, type Route, type SandboxRequest, type SandboxResponse, matchRoute } from './http'
import { FixedWindowLimiter, MovingWindowLimiter } from './rate-limit'
import type { FaultKind } from './state'

export type ApiName = 'zangsho' | 'shopline'

export interface TokenGrant {
  apis: Set<ApiName>
  /** null = every ability */
  abilities: Set<string> | null
}

export interface Outcome {
  response: SandboxResponse
  fault: FaultKind | null
  after: AfterFault
}

const NO_AFTER: AfterFault = { drop: false, slowMs: 0 }

export interface GatewayDeps {
  routes: Route[]
  tokens: Map<string, TokenGrant>
  faults: FaultInjector
  ctx: HandlerContext
}

function done(response: SandboxResponse, fault: FaultKind | null = null): Outcome {
  return { response, fault, after: NO_AFTER }
}

/** Route, check, fault and run one request; `shape` gives each API its own error bodies. */
function runRoute(
  deps: GatewayDeps,
  req: SandboxRequest,
  shape: {
    notFound: SandboxResponse
    methodNotAllowed: (allowed: string[]) => SandboxResponse
    malformed: SandboxResponse
    storm: SandboxResponse
    serverError: (status: 500 | 503) => SandboxResponse
    forbidden?: (ability: string) => SandboxResponse | null
  }
): Outcome {
  const match = matchRoute(deps.routes, req.method, req.path)
  if (!match) return done(shape.notFound)
  if ('allowed' in match)
    return done({ ...shape.methodNotAllowed(match.allowed), headers: { Allow: match.allowed.join(', ') } })
  const { route, params } = match
  if (route.ability && shape.forbidden) {
    const denied = shape.forbidden(route.ability)
    if (denied) return done(denied)
  }
  if (req.malformedJson) return done(shape.malformed)
  if (!route.write) return done(route.handle(req, params, deps.ctx))
  const before = deps.faults.before()
  if (before?.kind === 'storm') return done(shape.storm, 'storm')
  if (before?.kind === '5xx') return done(shape.serverError(before.status), '5xx')
  const response = route.handle(req, params, deps.ctx)
  const after = deps.faults.after()
  return { response, fault: after.drop ? 'drop' : after.slowMs > 0 ? 'slow' : null, after }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header
  const m = value ? /^Bearer ([^\s]+)$/i.exec(value.trim()) : null
  return m ? m[1] : null
}

/** Laravel's ConvertEmptyStringsToNull middleware: every "" in the input (at any depth) arrives as null. */
export function emptyStringsToNull(value: unknown): unknown {
  if (value === '') return null
  if (Array.isArray(value)) return value.map(emptyStringsToNull)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, emptyStringsToNull(v)]))
  }
  return value
}

/** 帳獸 (Laravel + Sanctum): throttle per token (per IP when unauthenticated), then 401, then route, then 403. */
export function zangshoGateway(deps: GatewayDeps, limiter: FixedWindowLimiter, now: () => number, resetHeader = true) {
  return (req: SandboxRequest): Outcome => {
    const grant = req.token ? deps.tokens.get(req.token) : undefined
    const authed = !!grant && grant.apis.has('zangsho')
    const rl = limiter.hit(authed ? `token:${req.token}` : `ip:${req.ip}`)
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(rl.limit),
      'X-RateLimit-Remaining': String(rl.remaining),
      ...(resetHeader ? { 'X-RateLimit-Reset': String(rl.resetAt) } : {})
    }
    const withHeaders = (o: Outcome): Outcome => ({
      ...o,
      response: { ...o.response, headers: { ...headers, ...o.response.headers } }
    })
    if (!rl.allowed)
      return withHeaders(
        done({
          status: 429,
          body: { message: 'Too Many Attempts.' },
          headers: { 'Retry-After': String(rl.retryAfter) }
        })
      )
    if (!authed) return withHeaders(done({ status: 401, body: { message: 'Unauthenticated.' } }))
    const stormReset = String(Math.ceil((now() + 1000) / 1000))
    return withHeaders(
      runRoute(
        deps,
        { ...req, body: emptyStringsToNull(req.body) },
        {
          notFound: { status: 404, body: { message: `The route ${req.path.replace(/^\//, '')} could not be found.` } },
          methodNotAllowed: (allowed) => ({
            status: 405,
            body: {
              message: `The ${req.method} method is not supported for route ${req.path.replace(/^\//, '')}. Supported methods: ${allowed.join(', ')}.`
            }
          }),
          malformed: {
            status: 400,
            body: { message: 'The request body is not valid JSON. 請求內容不是有效的 JSON。' }
          },
          storm: {
            status: 429,
            body: { message: 'Too Many Attempts.' },
            headers: {
              'Retry-After': '1',
              'X-RateLimit-Remaining': '0',
              ...(resetHeader ? { 'X-RateLimit-Reset': stormReset } : {})
            }
          },
          serverError: (status) => ({
            status,
            body: { message: status === 500 ? 'Server Error' : 'Service Unavailable' }
          }),
          forbidden: (ability) =>
            grant!.abilities && !grant!.abilities.has(ability)
              ? {
                  status: 403,
                  body: {
                    message: `Invalid ability provided. This token lacks the "${ability}" ability. 此 Token 缺少 ${ability} 權限。`
                  }
                }
              : null
        }
      )
    )
  }
}

const SHOPLINE_LIMITED = { error: 'Rate limit exceeded', code: 'RateLimitExceeded' }

/** SHOPLINE: more than 1000 requests per IP in 5 minutes blocks the IP; then 401; then 20 requests/s per token. */
export function shoplineGateway(deps: GatewayDeps, perToken: MovingWindowLimiter, perIp: MovingWindowLimiter) {
  return (req: SandboxRequest): Outcome => {
    const ipWait = perIp.hit(req.ip)
    if (ipWait > 0) {
      const body = {
        error: 'Rate limit exceeded: more than 1000 requests from this IP in 5 minutes',
        code: 'RateLimitExceeded'
      }
      return done({ status: 429, body, headers: { 'Retry-After': String(Math.ceil(ipWait / 1000)) } })
    }
    const grant = req.token ? deps.tokens.get(req.token) : undefined
    if (!grant || !grant.apis.has('shopline'))
      return done({ status: 401, body: { error: 'Unauthorized', code: 'Unauthorized' } })
    const wait = perToken.hit(req.token)
    if (wait > 0)
      return done({ status: 429, body: SHOPLINE_LIMITED, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } })
    return runRoute(deps, req, {
      notFound: { status: 404, body: { error: 'Not Found', code: 'NotFound' } },
      methodNotAllowed: () => ({ status: 405, body: { error: 'Method Not Allowed', code: 'MethodNotAllowed' } }),
      malformed: {
        status: 400,
        body: { error: 'Bad Request', code: 'BadRequest', caused_by: 'The request body is not valid JSON' }
      },
      storm: { status: 429, body: SHOPLINE_LIMITED, headers: { 'Retry-After': '1' } },
      serverError: (status) => ({
        status,
        body:
          status === 500
            ? { message: 'An unhandled lowlevel error occurred', code: 'InternalServerError' }
            : { message: 'Service Unavailable', code: 'ServiceUnavailable' }
      })
    })
  }
}
