// Rate limiters: Laravel's fixed decaying window (帳獸) and moving windows (SHOPLINE), all on an injectable clock.

export interface FixedWindowResult {
  allowed: boolean
  limit: number
  remaining: number
  /** epoch seconds (rounded up) when the current window ends and the count starts again */
  resetAt: number
  /** whole seconds to wait before a request can succeed (0 when allowed) */
  retryAfter: number
}

/**
 * Laravel's ThrottleRequests: the first hit opens a window of `windowMs`; hits are counted in it;
 * once `limit` is reached further requests get 429 (and are not counted) until the window ends.
 * A client that waits until X-RateLimit-Reset whenever X-RateLimit-Remaining is 0 never sees a 429.
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number
  ) {}

  hit(key: string): FixedWindowResult {
    const now = this.now()
    let win = this.windows.get(key)
    if (!win || now >= win.start + this.windowMs) {
      win = { start: now, count: 0 }
      this.windows.set(key, win)
    }
    const end = win.start + this.windowMs
    const resetAt = Math.ceil(end / 1000)
    if (win.count >= this.limit) {
      return {
        allowed: false,
        limit: this.limit,
        remaining: 0,
        resetAt,
        retryAfter: Math.max(1, Math.ceil((end - now) / 1000))
      }
    }
    win.count++
    return { allowed: true, limit: this.limit, remaining: this.limit - win.count, resetAt, retryAfter: 0 }
  }
}

/**
 * Moving window: at most `limit` accepted requests in any `windowMs`. When `blockMs` is set, going over
 * blocks the key for that long (SHOPLINE's per-IP rule: over 1000 in 5 minutes blocks the IP 5 minutes).
 */
export class MovingWindowLimiter {
  private hits = new Map<string, number[]>()
  private blockedUntil = new Map<string, number>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly blockMs = 0
  ) {}

  /** Returns 0 when accepted (and counted), else the ms to wait. */
  hit(key: string): number {
    const now = this.now()
    const blocked = this.blockedUntil.get(key)
    if (blocked !== undefined) {
      if (now < blocked) return blocked - now
      this.blockedUntil.delete(key)
      this.hits.delete(key)
    }
    const times = this.hits.get(key) ?? []
    while (times.length && times[0] <= now - this.windowMs) times.shift()
    if (times.length >= this.limit) {
      if (this.blockMs > 0) {
        this.blockedUntil.set(key, now + this.blockMs)
        return this.blockMs
      }
      return Math.max(1, times[0] + this.windowMs - now)
    }
    times.push(now)
    this.hits.set(key, times)
    return 0
  }
}
