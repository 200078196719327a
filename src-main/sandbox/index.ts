// The rehearsal server: a local, faithful-to-the-documents fake of 帳獸 and SHOPLINE, for users and for our tests.
import { type FaultSpec, FaultInjector, normalizeFaults } from './faults'
import { type ApiName, type TokenGrant, shoplineGateway, zangshoGateway } from './gateway'
import { FixedWindowLimiter, MovingWindowLimiter } from './rate-limit'
import { SHOPLINE_PREFIX, ZANGSHO_PREFIX, startHttpServer } from './server'
import { type RequestLogEntry, type SandboxState, SandboxStore } from './state'
import { shoplineRoutes } from './shopline/routes'
import { zangshoRoutes } from './zangsho/routes'

export type { FaultSpec } from './faults'
export { parseFaultSpec } from './faults'
export type {
  SandboxState,
  RequestLogEntry,
  ZangshoCustomer,
  ZangshoOrder,
  ZangshoSubscription,
  ZangshoSubscriptionEvent,
  ShoplineOrder
} from './state'
export * as shoplineSeed from './shopline/seed'
export { ZANGSHO_ABILITIES } from './zangsho/routes'

export const REHEARSAL_TOKEN = 'rehearsal'

export interface SandboxOptions {
  /** 0 = any free port (the default here; the CLI defaults to 4010) */
  port?: number
  /** '127.0.0.1' only: the sandbox never listens beyond loopback */
  host?: string
  /** 帳獸 requests per minute per token (default 60); per zangshoWindowMs when that is set */
  zangshoRatePerMinute?: number
  /** 帳獸 rate-limit window in ms (default 60000, Laravel's minute) */
  zangshoWindowMs?: number
  /** false: 帳獸 answers carry X-RateLimit-Limit/Remaining but no X-RateLimit-Reset (Retry-After still comes with a 429) */
  zangshoResetHeader?: boolean
  /** SHOPLINE requests per second per token (default 20); also 1000 per 5 minutes per IP */
  shoplineRatePerSecond?: number
  /** fault spec, e.g. "5xx=0.1,drop=0.05,slow=0.1:1500,storm=0.02:5" */
  faults?: string | FaultSpec
  /** faults are deterministic for a seed (default 1) */
  seed?: number
  /** default: 'rehearsal', valid for both APIs with every ability */
  tokens?: Record<string, { api: ApiName; abilities?: string[] }>
  /** clock in ms, for rate-limit windows, idempotency expiry and timestamps */
  now?: () => number
  /** called after each request is logged (the CLI prints a line) */
  onRequest?: (entry: RequestLogEntry) => void
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  url: string
  /** `${url}/zangsho/v1`: the --base-url for 帳獸 */
  zangshoBaseUrl: string
  /** `${url}/shopline/v1` */
  shoplineBaseUrl: string
  state: SandboxState
  setFaults(spec: string | FaultSpec | null): void
  close(): Promise<void>
}

function grants(tokens: SandboxOptions['tokens']): Map<string, TokenGrant> {
  if (!tokens) return new Map([[REHEARSAL_TOKEN, { apis: new Set<ApiName>(['zangsho', 'shopline']), abilities: null }]])
  return new Map(
    Object.entries(tokens).map(([token, t]) => [
      token,
      { apis: new Set<ApiName>([t.api]), abilities: t.abilities ? new Set(t.abilities) : null }
    ])
  )
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback
  if (!Number.isFinite(n) || n < 1) throw new Error(`sandbox: ${name} must be a number ≥ 1 (got ${String(value)})`)
  return Math.floor(n)
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  if (host !== '127.0.0.1')
    throw new Error(`sandbox: refusing to listen on "${host}": the rehearsal server only listens on 127.0.0.1`)
  const now = options.now ?? Date.now
  const store = new SandboxStore()
  const faults = new FaultInjector(normalizeFaults(options.faults), options.seed ?? 1)
  const tokens = grants(options.tokens)
  const ctx = { store, now }
  const zangshoLimiter = new FixedWindowLimiter(
    positive(options.zangshoRatePerMinute, 60, 'zangshoRatePerMinute'),
    positive(options.zangshoWindowMs, 60_000, 'zangshoWindowMs'),
    now
  )
  const shoplinePerToken = new MovingWindowLimiter(
    positive(options.shoplineRatePerSecond, 20, 'shoplineRatePerSecond'),
    1000,
    now
  )
  const shoplinePerIp = new MovingWindowLimiter(1000, 5 * 60_000, now, 5 * 60_000)
  const running = await startHttpServer(
    {
      store,
      now,
      zangsho: zangshoGateway(
        { routes: zangshoRoutes, tokens, faults, ctx },
        zangshoLimiter,
        now,
        options.zangshoResetHeader !== false
      ),
      shopline: shoplineGateway({ routes: shoplineRoutes, tokens, faults, ctx }, shoplinePerToken, shoplinePerIp),
      onRequest: options.onRequest
    },
    host,
    options.port ?? 0
  )
  const address = running.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const url = `http://127.0.0.1:${port}`
  let closed: Promise<void> | null = null
  return {
    url,
    zangshoBaseUrl: url + ZANGSHO_PREFIX,
    shoplineBaseUrl: url + SHOPLINE_PREFIX,
    state: store.view(),
    setFaults: (spec) => faults.setSpec(normalizeFaults(spec)),
    close: () => (closed ??= running.shutdown())
  }
}
