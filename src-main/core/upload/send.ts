// Sends one request with pacing and retries: 429, 5xx and network errors are retried with capped backoff and full jitter.
import type { ApiClient, ApiResponse, NetworkFailure, RequestSpec } from './http'
import type { Pacer } from './pacer'
import type { RequestCounts } from './types'

export interface RetryPolicy {
  maxAttempts: number
  baseMs: number
  capMs: number
  random: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

export type SendOutcome =
  /** afterLoss: an earlier attempt in this call may have been processed (timeout or connection lost after sending). */
  | { kind: 'ok'; response: ApiResponse; afterLoss: boolean }
  /** 401 / 403: stop the whole job. */
  | { kind: 'auth'; response: ApiResponse }
  /** Any other 4xx: the server refused this request; never retried. */
  | { kind: 'rejected'; response: ApiResponse }
  /** Retries used up; last is the final response or network failure. */
  | { kind: 'exhausted'; last: ApiResponse | NetworkFailure }
  /** Our own cancel: before or during the request. */
  | { kind: 'cancelled' }
  /** SHOPLINE-style callers asked us to stop on the first ambiguous failure. */
  | { kind: 'ambiguous'; failure: NetworkFailure | ApiResponse }

export interface SendHooks {
  /** Called just before each attempt goes out (the journal's "sent"). */
  beforeAttempt?: (attempt: number) => Promise<void>
  /** Called when an attempt got a non-success HTTP answer (the journal's "answered": not processed). */
  onAnswer?: (status: number) => Promise<void>
  /** Stop instead of retrying when the request may have been processed (timeout, dropped connection, 5xx). */
  stopOnAmbiguous?: boolean
  /** Cancels waiting (pacing, backoff). */
  stopSignal?: AbortSignal
  /** A cheap read (lookup, search): paced by the server's headers, not by the gap between batches. */
  light?: boolean
  /** Aborts the request in flight. */
  abortSignal?: AbortSignal
}

/** Full jitter: a random wait between 0 and min(cap, base·2^attempt). */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs' | 'random'>): number {
  return Math.floor(policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt))
}

export async function sendWithRetry(
  client: ApiClient,
  pacer: Pacer,
  spec: RequestSpec,
  policy: RetryPolicy,
  counts: RequestCounts,
  hooks: SendHooks = {}
): Promise<SendOutcome> {
  let last: ApiResponse | NetworkFailure | undefined
  let afterLoss = false
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    if (hooks.stopSignal?.aborted) return { kind: 'cancelled' }
    await pacer.waitTurn(hooks.stopSignal, hooks.light)
    if (hooks.stopSignal?.aborted) return { kind: 'cancelled' }
    await hooks.beforeAttempt?.(attempt)
    if (attempt > 0) counts.retried++
    counts.sent++
    const exchange = await client.request({ ...spec, signal: hooks.abortSignal })
    if (exchange.ok) {
      const res = exchange.response
      const { retryAfterMs } = pacer.observe(res)
      if (res.status >= 200 && res.status < 300) return { kind: 'ok', response: res, afterLoss }
      await hooks.onAnswer?.(res.status)
      if (res.status === 401 || res.status === 403) return { kind: 'auth', response: res }
      if (res.status === 429) {
        counts.rateLimited++
        last = res
        // The pacer already blocks until Retry-After; without it, back off.
        if (retryAfterMs == null) await policy.sleep(backoffDelay(attempt, policy), hooks.stopSignal)
        continue
      }
      if (res.status >= 500) {
        if (hooks.stopOnAmbiguous) return { kind: 'ambiguous', failure: res }
        last = res
        await policy.sleep(backoffDelay(attempt, policy), hooks.stopSignal)
        continue
      }
      return { kind: 'rejected', response: res }
    }
    const failure = exchange.failure
    if (failure.aborted) return { kind: 'cancelled' }
    // Refused before sending (e.g. ECONNREFUSED): surely not processed.
    if (!failure.sent) await hooks.onAnswer?.(0)
    if (failure.sent && hooks.stopOnAmbiguous) return { kind: 'ambiguous', failure }
    last = failure
    if (failure.sent) afterLoss = true
    await policy.sleep(backoffDelay(attempt, policy), hooks.stopSignal)
  }
  if (hooks.stopSignal?.aborted && !last) return { kind: 'cancelled' }
  return { kind: 'exhausted', last: last! }
}

export function isNetworkFailure(x: ApiResponse | NetworkFailure): x is NetworkFailure {
  return 'error' in x
}
