// The pacer learns a rate-limit window the server does not announce (no X-RateLimit-Reset), on a fake clock.
import { describe, expect, it } from 'vitest'
import { ASSUMED_WINDOW_MS, Pacer } from './pacer'
import { FixedWindowLimiter } from '../../sandbox/rate-limit'

/** Laravel's throttle (5 per 4 s) answering with Limit/Remaining only, and Retry-After on a 429; 10 ms per request. */
async function drive(minIntervalMs: number, accepted: number) {
  let t = 1_800_000_000_000
  const now = () => t
  const pacer = new Pacer({ minIntervalMs, now, sleep: async (ms) => void (t += ms) })
  const server = new FixedWindowLimiter(5, 4000, now)
  const start = t
  const rejectedAt: number[] = []
  let ok = 0
  while (ok < accepted) {
    await pacer.waitTurn()
    const startedAt = t
    const hit = server.hit('token')
    t += 10
    const headers: Record<string, string> = { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': String(hit.remaining) }
    if (!hit.allowed) headers['retry-after'] = String(hit.retryAfter)
    pacer.observe({ status: hit.allowed ? 200 : 429, headers: new Headers(headers), body: null, startedAt, endedAt: t })
    if (hit.allowed) ok++
    else rejectedAt.push(t - start)
  }
  return { elapsed: t - start, rejectedAt, pacer }
}

describe('Pacer without a reset header', () => {
  it('learns the window from Remaining climbing back, instead of assuming 60 s', async () => {
    const { elapsed, rejectedAt, pacer } = await drive(1500, 6)
    expect(rejectedAt).toEqual([])
    expect(pacer.windowMs()).toBeLessThan(4600)
    expect(pacer.windowMs()).toBeGreaterThanOrEqual(4000)
    expect(elapsed).toBeLessThan(8000)
  })

  it('bursting with no gap: one 429 teaches the window through Retry-After, and no second 429 follows', async () => {
    const { elapsed, rejectedAt, pacer } = await drive(0, 30)
    expect(rejectedAt).toHaveLength(1)
    expect(pacer.windowMs()).toBeGreaterThanOrEqual(4000)
    expect(pacer.windowMs()).toBeLessThan(ASSUMED_WINDOW_MS / 10)
    // 30 requests need 6 windows (the last one opened at 20 s); far from 6 × 60 s
    expect(elapsed).toBeLessThan(2 * 20_000)
  })

  it('at the 帳獸 default gap of 1 s, 10 batches take about 9 s and no 429', async () => {
    const { elapsed, rejectedAt } = await drive(1000, 10)
    expect(rejectedAt).toEqual([])
    expect(elapsed).toBeLessThan(10_000)
  })

  it('a 429 without Retry-After waits out the whole (assumed) window, so it cannot repeat within it', () => {
    const t = 0
    const p = new Pacer({ minIntervalMs: 0, now: () => t, sleep: async () => undefined })
    p.observe({
      status: 429,
      headers: new Headers({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0' }),
      body: null,
      startedAt: 0,
      endedAt: 10
    })
    expect(p.nextStartAt()).toBeGreaterThanOrEqual(10 + ASSUMED_WINDOW_MS)
  })
})
