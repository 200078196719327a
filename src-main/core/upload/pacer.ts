// Decides when the next request may start: a minimum gap, the server's rate-limit headers, Retry-After, and sliding windows.
import type { ApiResponse } from './http'

export interface SlidingWindow {
  max: number
  windowMs: number
}

export interface PacerConfig {
  minIntervalMs: number
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Client-side caps, e.g. SHOPLINE 20/s and 1000 per 5 min. */
  windows?: SlidingWindow[]
}

// Clock skew allowance when we must wait for a reset given in whole seconds.
const RESET_MARGIN_MS = 1000
// Lookups and searches are small; they still keep a short gap when the server sends no rate headers.
const LIGHT_FLOOR_MS = 250
/** Laravel's default throttle window, assumed until the server shows its own (帳獸 documents no window). */
export const ASSUMED_WINDOW_MS = 60_000
const PROBE_AFTER_MS = 1000

/** Retry-After in delta-seconds or as an HTTP date → milliseconds to wait (null when absent or unreadable). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value == null || value.trim() === '') return null
  const v = value.trim()
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000)
  const date = Date.parse(v)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - now)
}

/** X-RateLimit-Reset as an absolute time: epoch seconds (Laravel) or, when small, seconds from now. */
export function parseReset(value: string | null, now: number): number | null {
  if (value == null || !/^\d+(\.\d+)?$/.test(value.trim())) return null
  const n = Number(value)
  return n > 1e9 ? n * 1000 : now + n * 1000
}

export class Pacer {
  private lastStart = Number.NEGATIVE_INFINITY
  private blockedUntil = 0
  private headerGapMs = 0
  private readonly starts: number[] = []
  private readonly window = new WindowLearner()

  constructor(private readonly config: PacerConfig) {}

  /** Earliest moment the next request may start. */
  nextStartAt(light = false): number {
    const { minIntervalMs, windows = [] } = this.config
    const gap = light
      ? Math.max(Math.min(minIntervalMs, LIGHT_FLOOR_MS), this.headerGapMs)
      : Math.max(minIntervalMs, this.headerGapMs)
    let at = Math.max(this.lastStart + gap, this.blockedUntil)
    for (const w of windows) {
      const inWindow = this.starts.filter((t) => t > this.config.now() - w.windowMs)
      if (inWindow.length >= w.max) at = Math.max(at, inWindow[inWindow.length - w.max] + w.windowMs)
    }
    return at
  }

  /** Wait for our turn, then count this start. */
  async waitTurn(signal?: AbortSignal, light = false): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const wait = this.nextStartAt(light) - this.config.now()
      if (wait <= 0) break
      await this.config.sleep(wait, signal)
      if (signal?.aborted) return
    }
    const t = this.config.now()
    this.lastStart = t
    this.starts.push(t)
    const keep = Math.max(0, ...(this.config.windows ?? []).map((w) => w.max))
    if (this.starts.length > keep + 1) this.starts.splice(0, this.starts.length - keep - 1)
  }

  /** The rate-limit window in use when the server sends no reset time: learned from its answers, else assumed. */
  windowMs(): number {
    return this.window.learnedMs ?? ASSUMED_WINDOW_MS
  }

  /** Learn from a response: spread the remaining budget over the rest of the window; obey Retry-After. */
  observe(res: ApiResponse): { retryAfterMs: number | null } {
    const h = res.headers
    const retryAfterMs = parseRetryAfter(h.get('retry-after'), res.endedAt)
    if (retryAfterMs != null) this.blockedUntil = Math.max(this.blockedUntil, res.endedAt + retryAfterMs)
    const limit = Number(h.get('x-ratelimit-limit'))
    const remainingRaw = h.get('x-ratelimit-remaining')
    const remaining = remainingRaw == null ? NaN : Number(remainingRaw)
    const reset = parseReset(h.get('x-ratelimit-reset'), res.endedAt)
    if (reset != null && Number.isFinite(remaining)) {
      // Spreading the budget needs no margin (it is spent by the reset either way); waiting on an empty budget does.
      if (remaining <= 0) this.blockedUntil = Math.max(this.blockedUntil, reset + RESET_MARGIN_MS)
      this.headerGapMs = remaining > 0 ? Math.max(0, (reset - res.startedAt) / (remaining + 1)) : 0
    } else if (Number.isFinite(limit) && limit > 0 && Number.isFinite(remaining)) {
      // No reset time: spend what the server says is left, and when nothing is left wait out the window (learned, else assumed).
      this.window.observe(res, limit, remaining, retryAfterMs)
      this.headerGapMs = 0
      if (res.status === 429 && retryAfterMs == null)
        this.blockedUntil = Math.max(this.blockedUntil, res.endedAt + this.windowMs())
      else if (remaining <= 0 && retryAfterMs == null) {
        // Until a Retry-After has shown where the window ends, probe a second later: one 429 at most, and it teaches the window.
        const end = this.window.endAt(res.endedAt)
        this.blockedUntil = Math.max(
          this.blockedUntil,
          this.window.exact ? end : Math.min(end, res.endedAt + PROBE_AFTER_MS)
        )
      }
    } else if (Number.isFinite(limit) && limit > 0) {
      // A limit alone: spacing at the limit over the assumed window is always safe.
      this.headerGapMs = ASSUMED_WINDOW_MS / limit
    }
    if (res.status === 429 && retryAfterMs == null)
      this.blockedUntil = Math.max(this.blockedUntil, res.endedAt + Math.max(1000, this.headerGapMs))
    return { retryAfterMs }
  }
}

/**
 * Learns a fixed rate-limit window (Laravel's throttle) from X-RateLimit-Remaining alone. A window opens with its first
 * request; when Remaining climbs back (or stays level), a new window has opened, so the window is at most the time from
 * the previous opening to this answer. A Retry-After on a 429 gives the end of the current window. Every estimate is an
 * upper bound, so waiting it out never runs into a second 429 in one window.
 */
export class WindowLearner {
  learnedMs: number | null = null
  /** The window's end was shown by a Retry-After (not only bounded by resets we happened to see). */
  exact = false
  /** Earliest moment the current window can have opened (null when unknown). */
  private openedAt: number | null = null
  /** Latest moment it can have opened. */
  private openedBy: number | null = null
  private prevRemaining: number | null = null
  private prevStartedAt: number | null = null

  observe(res: ApiResponse, limit: number, remaining: number, retryAfterMs: number | null): void {
    if (res.status === 429) {
      if (retryAfterMs != null && this.openedAt != null) {
        this.learnedMs = Math.max(1, res.endedAt + retryAfterMs - this.openedAt)
        this.exact = true
      }
      // The next accepted request opens a new window.
      this.prevRemaining = null
      this.openedAt = null
      this.openedBy = null
      return
    }
    const reset = this.prevRemaining != null && remaining >= this.prevRemaining
    if (reset && this.openedAt != null)
      this.learnedMs = Math.min(this.learnedMs ?? Infinity, Math.max(1, res.endedAt - this.openedAt))
    if (this.prevRemaining == null || reset) {
      // Opened by this request when it was the window's first; otherwise after the previous request arrived.
      this.openedAt = remaining === limit - 1 ? res.startedAt : reset ? this.prevStartedAt : null
      this.openedBy = res.endedAt
    }
    this.prevRemaining = remaining
    this.prevStartedAt = res.startedAt
  }

  /** When the current window surely ended (its latest opening plus the window). */
  endAt(fallbackOpenedBy: number): number {
    return (this.openedBy ?? fallbackOpenedBy) + (this.learnedMs ?? ASSUMED_WINDOW_MS)
  }
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
