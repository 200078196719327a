// Pacing, Retry-After, backoff and URL rules on a fake clock (no network).
import { describe, expect, it } from 'vitest'
import { Pacer, parseReset, parseRetryAfter } from './pacer'
import { backoffDelay } from './send'
import { checkBaseUrl, isLoopbackHost } from './http'
import type { ApiResponse } from './http'
import { readBatchResult } from './zangsho'
import { judgeSearch } from './shopline'

function clock(start = 1_800_000_000_000) {
  let t = start
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms) }
}

function response(t: number, headers: Record<string, string>, status = 200): ApiResponse {
  return { status, headers: new Headers(headers), body: null, startedAt: t, endedAt: t }
}

describe('Retry-After and reset', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-25T00:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter('Wed, 25 Nov 2026 00:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseReset('1795000000', 0)).toBe(1_795_000_000_000)
    expect(parseReset('30', 1000)).toBe(31_000)
  })
})

describe('Pacer', () => {
  it('keeps the minimum gap between batches', async () => {
    const c = clock()
    const p = new Pacer({ minIntervalMs: 1000, now: c.now, sleep: c.sleep })
    await p.waitTurn()
    const first = c.now()
    await p.waitTurn()
    expect(c.now() - first).toBe(1000)
  })

  it('spreads the remaining budget over the rest of the window', async () => {
    const c = clock()
    const p = new Pacer({ minIntervalMs: 0, now: c.now, sleep: c.sleep })
    await p.waitTurn()
    const start = c.now()
    // 119 left, window resets 60 s from now: gap = 60 s / 120
    p.observe(
      response(start, {
        'x-ratelimit-limit': '120',
        'x-ratelimit-remaining': '119',
        'x-ratelimit-reset': String(Math.ceil((start + 60_000) / 1000))
      })
    )
    await p.waitTurn()
    const gap = c.now() - start
    expect(gap).toBeGreaterThanOrEqual(490)
    expect(gap).toBeLessThan(510)
  })

  it('waits for the reset when nothing is left, and for Retry-After after a 429', async () => {
    const c = clock()
    const p = new Pacer({ minIntervalMs: 0, now: c.now, sleep: c.sleep })
    await p.waitTurn()
    const t = c.now()
    p.observe(
      response(t, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil((t + 10_000) / 1000)) })
    )
    await p.waitTurn()
    expect(c.now() - t).toBeGreaterThanOrEqual(10_000)
    const t2 = c.now()
    p.observe(response(t2, { 'retry-after': '2' }, 429))
    await p.waitTurn()
    expect(c.now() - t2).toBeGreaterThanOrEqual(2000)
  })

  it('keeps under sliding windows (SHOPLINE 20/s)', async () => {
    const c = clock()
    const p = new Pacer({ minIntervalMs: 0, now: c.now, sleep: c.sleep, windows: [{ max: 18, windowMs: 1000 }] })
    const starts: number[] = []
    for (let i = 0; i < 60; i++) {
      await p.waitTurn()
      starts.push(c.now())
    }
    for (let i = 18; i < starts.length; i++) expect(starts[i] - starts[i - 18]).toBeGreaterThanOrEqual(1000)
  })
})

describe('backoff', () => {
  it('is full jitter, capped', () => {
    expect(backoffDelay(3, { baseMs: 500, capMs: 30_000, random: () => 0.5 })).toBe(2000)
    expect(backoffDelay(20, { baseMs: 500, capMs: 30_000, random: () => 0.999 })).toBeLessThan(30_000)
    expect(backoffDelay(0, { baseMs: 500, capMs: 30_000, random: () => 0 })).toBe(0)
  })
})

describe('base URL', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(checkBaseUrl('https://api.zangsho.com/v1')).toBeNull()
    expect(checkBaseUrl('http://127.0.0.1:4010/zangsho/v1')).toBeNull()
    expect(checkBaseUrl('http://localhost:1/v1')).toBeNull()
    expect(checkBaseUrl('http://[::1]:1/v1')).toBeNull()
    expect(checkBaseUrl('http://api.zangsho.com/v1')?.en).toMatch(/https/)
    expect(checkBaseUrl('http://127.evil.com/v1')).not.toBeNull()
    expect(checkBaseUrl('not a url')?.en).toMatch(/valid URL/)
    expect(isLoopbackHost('127.1.2.3')).toBe(false) // exactly localhost, 127.0.0.1, [::1] (issue 12)
  })
})

describe('reading answers', () => {
  it('maps batch results by index; a resend after a lost answer reports created', () => {
    const body = {
      data: {
        results: {
          created: [{ index: 1, id: 9 }],
          updated: [{ index: 0, id: 7 }],
          failed: [{ index: 2, reason: 'validation_error', message: 'amount 格式錯誤' }]
        }
      }
    }
    const plain = readBatchResult(body, 4, false)
    expect(plain.map((r) => r.outcome)).toEqual(['updated', 'created', 'failed', 'failed'])
    expect(plain[3].reason).toBe('missing_in_response')
    const resent = readBatchResult(body, 3, true)
    expect(resent[0]).toMatchObject({ outcome: 'created', id: 7 })
    expect(resent[2]).toMatchObject({ outcome: 'failed', message: 'amount 格式錯誤' })
  })

  it('judges an order search by email and total, ignoring orders claimed by other rows', () => {
    const payload = { order: { customer_email: 'A@x.com', total: 600 } }
    const items = [
      { id: 'o1', customer_email: 'a@x.com', total: { cents: 60000, dollars: 600 } },
      { id: 'o2', customer_email: 'a@x.com', total: { dollars: 599 } }
    ]
    expect(judgeSearch({ items }, payload, new Set())).toEqual({ kind: 'created', id: 'o1' })
    expect(judgeSearch({ items }, payload, new Set(['o1']))).toEqual({ kind: 'absent' })
    expect(judgeSearch({ items: [...items, { ...items[0], id: 'o3' }] }, payload, new Set()).kind).toBe('undecidable')
    expect(judgeSearch({ nope: 1 }, payload, new Set()).kind).toBe('undecidable')
  })
})
