import { describe, expect, it } from 'vitest'
import { FixedWindowLimiter, MovingWindowLimiter } from './rate-limit'

describe('FixedWindowLimiter (Laravel)', () => {
  it('a client that waits for the reset whenever nothing remains never hits the limit, and gets the whole allowance', () => {
    let now = 1_700_000_000_250
    const limiter = new FixedWindowLimiter(120, 60_000, () => now)
    let accepted = 0
    const start = now
    for (let i = 0; i < 1200; i++) {
      const r = limiter.hit('token')
      expect(r.allowed).toBe(true)
      accepted++
      now += 10
      if (r.remaining === 0) now = Math.max(now, r.resetAt * 1000)
    }
    // 1200 requests at 120/min need 10 windows; rounding the reset up to whole seconds costs under a second each.
    expect(now - start).toBeLessThan(10 * 61_000)
    expect(accepted).toBe(1200)
  })

  it('refuses without counting and says how long to wait; keys are separate', () => {
    let now = 0
    const limiter = new FixedWindowLimiter(2, 60_000, () => now)
    limiter.hit('a')
    limiter.hit('a')
    now = 20_500
    expect(limiter.hit('a')).toEqual({ allowed: false, limit: 2, remaining: 0, resetAt: 60, retryAfter: 40 })
    expect(limiter.hit('b').allowed).toBe(true)
    now = 60_000
    expect(limiter.hit('a')).toMatchObject({ allowed: true, remaining: 1, resetAt: 120 })
  })
})

describe('MovingWindowLimiter', () => {
  it('allows `limit` per moving window and reports the wait', () => {
    let now = 10_000
    const limiter = new MovingWindowLimiter(3, 1000, () => now)
    expect([limiter.hit('t'), limiter.hit('t'), limiter.hit('t')]).toEqual([0, 0, 0])
    now += 400
    expect(limiter.hit('t')).toBe(600)
    now += 600
    expect(limiter.hit('t')).toBe(0)
  })

  it('blocks for the whole block time once exceeded', () => {
    let now = 0
    const limiter = new MovingWindowLimiter(2, 1000, () => now, 5000)
    limiter.hit('ip')
    limiter.hit('ip')
    expect(limiter.hit('ip')).toBe(5000)
    now = 4999
    expect(limiter.hit('ip')).toBe(1)
    now = 5000
    expect(limiter.hit('ip')).toBe(0)
  })
})
