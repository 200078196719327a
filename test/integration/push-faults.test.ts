// Faults over real HTTP: 5xx, dropped connections after commit, 429 with Retry-After; nothing lost, nothing duplicated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startJob } from '../../src-main/core/upload'
import type { Sandbox } from '../../src-main/sandbox'
import { jobOptions, orderRecords, sandbox, tempDir, testEnv } from './push-fixtures'

let sb: Sandbox | undefined
let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(async () => {
  await sb?.close()
  tmp.cleanup()
})

describe('faults', () => {
  it('5xx and drop-after-commit lose no row and duplicate none; rows created by a lost attempt are reported created', async () => {
    sb = await sandbox({ faults: '5xx=0.25,drop=0.25', seed: 7 })
    const records = orderRecords(250)
    const res = await startJob({
      records,
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl, { batchSize: 25 }),
      env: testEnv(tmp.dir, { maxAttempts: 10 })
    }).done
    const log = sb.state.requestLog
    expect(log.some((r) => r.fault === '5xx')).toBe(true)
    expect(log.some((r) => r.fault === 'drop')).toBe(true)
    const orders = sb.state.orders
    expect(orders).toHaveLength(250)
    expect(new Set(orders.map((o) => o.order_no)).size).toBe(250)
    expect(res.summary).toMatchObject({ total: 250, created: 250, failed: 0, unknown: 0 })
    expect(res.requests.retried).toBeGreaterThan(0)
    // ids reported are the server's ids for exactly those order numbers
    const idByNo = new Map(orders.map((o) => [o.order_no, o.id]))
    records.forEach((r, i) => expect(res.results[i].id).toBe(idByNo.get(String(r.payload.order_no))))
  })

  it('webhooks mode (--single): a dropped answer is replayed by the idempotency key, never duplicated', async () => {
    sb = await sandbox({ faults: 'drop=0.3', seed: 3 })
    const res = await startJob({
      records: orderRecords(20),
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl, { single: true }),
      env: testEnv(tmp.dir, { maxAttempts: 10 })
    }).done
    expect(sb.state.requestLog.filter((r) => r.fault === 'drop').length).toBeGreaterThan(0)
    expect(res.summary).toMatchObject({ created: 20, failed: 0 })
    expect(sb.state.orders).toHaveLength(20)
    const posts = sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/orders'))
    expect(posts.every((p) => /^[0-9a-f]{40}$/.test(p.headers['x-idempotency-key'] ?? ''))).toBe(true)
    // a new job over the same rows: every order exists already → skipped, not failed
    sb.setFaults(null)
    const again = await startJob({
      records: orderRecords(20),
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl, { single: true }),
      env: testEnv(tmp.dir)
    }).done
    expect(again.summary).toMatchObject({ skipped: 20, failed: 0 })
    expect(again.results[0]).toMatchObject({ reason: 'duplicate_order_no' })
    expect(sb.state.orders).toHaveLength(20)
  })

  it('never retries another 4xx: a whole-batch 422 fails its rows once', async () => {
    sb = await sandbox()
    const records = orderRecords(3)
    const res = await startJob({
      records,
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl, { onConflict: 'merge' as never }),
      env: testEnv(tmp.dir)
    }).done
    expect(sb.state.requestLog).toHaveLength(1)
    expect(res.summary.failed).toBe(3)
    expect(res.results[0]).toMatchObject({ reason: 'validation_error' })
    expect(res.results[0].message).toMatch(/on_conflict/)
  })

  it('a 429 with Retry-After: 2 means no request before 2 s', async () => {
    // The sandbox clock jumps to 58 s into its 60 s window before the 4th request, so that request gets Retry-After: 2.
    let skew = 0
    sb = await sandbox({ zangshoRatePerMinute: 3, now: () => Date.now() + skew })
    let calls = 0
    const fetchWithJump: typeof fetch = async (input, init) => {
      calls++
      if (calls === 4) skew = 58_000 - (Date.now() - firstAt)
      const res = await fetch(input, init)
      if (calls === 1) firstAt = Date.now()
      // Drop the budget headers so only Retry-After paces (as a server that sends no X-RateLimit-* would).
      const headers = new Headers(res.headers)
      headers.delete('x-ratelimit-remaining')
      headers.delete('x-ratelimit-reset')
      headers.delete('x-ratelimit-limit')
      return new Response(await res.text(), { status: res.status, headers })
    }
    let firstAt = Date.now()
    const res = await startJob({
      records: orderRecords(5),
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl, { batchSize: 1, minIntervalMs: 0 }),
      env: testEnv(tmp.dir, { fetch: fetchWithJump })
    }).done
    expect(res.summary.created).toBe(5)
    expect(res.requests.rateLimited).toBe(1)
    const log = sb.state.requestLog
    const i429 = log.findIndex((r) => r.status === 429)
    expect(i429).toBe(3)
    expect(log[i429 + 1].time - log[i429].time).toBeGreaterThanOrEqual(2000)
    expect(log[i429 + 1].status).toBe(200)
  })

  it('stops on 401, keeps the journal, and names the problem', async () => {
    sb = await sandbox()
    const res = await startJob({
      records: orderRecords(3),
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl),
      env: testEnv(tmp.dir, { token: 'wrong' })
    }).done
    expect(res.status).toBe('stopped')
    expect(res.stopMessage?.en).toMatch(/401/)
    expect(res.results.every((r) => r.outcome === 'not_sent' && r.reason === 'not_sent')).toBe(true)
    expect(sb.state.requestLog).toHaveLength(1)
    // the token never reaches the journal
    const { readFileSync } = await import('node:fs')
    const { journalPath } = await import('../../src-main/core/upload')
    expect(readFileSync(journalPath(tmp.dir, res.jobId), 'utf8')).not.toContain('wrong')
    // resume with the right token finishes the same job
    const resumed = await startJob({
      records: orderRecords(3),
      options: jobOptions('zangsho.orders', sb.zangshoBaseUrl),
      env: testEnv(tmp.dir),
      resumeJobId: res.jobId
    }).done
    expect(resumed).toMatchObject({ jobId: res.jobId, status: 'finished', summary: { created: 3 } })
  })

  it('stops (resumable) when the server is unreachable, instead of failing every row', async () => {
    const gone = await sandbox()
    const url = gone.zangshoBaseUrl
    const port = Number(new URL(url).port)
    await gone.close()
    const res = await startJob({
      records: orderRecords(30),
      options: jobOptions('zangsho.orders', url, { batchSize: 10 }),
      env: testEnv(tmp.dir, { maxAttempts: 3 })
    }).done
    expect(res.status).toBe('stopped')
    expect(res.stopMessage?.en).toMatch(/ECONNREFUSED|reach/)
    expect(res.requests.sent).toBe(3)
    expect(res.results.every((r) => r.outcome === 'not_sent' && r.reason === 'not_sent')).toBe(true)
    sb = await sandbox({ port })
    const resumed = await startJob({
      records: orderRecords(30),
      options: jobOptions('zangsho.orders', url),
      env: testEnv(tmp.dir),
      resumeJobId: res.jobId
    }).done
    expect(resumed.summary.created).toBe(30)
    expect(sb.state.orders).toHaveLength(30)
  })

  it('refuses plain http off loopback', async () => {
    const res = startJob({
      records: orderRecords(1),
      options: jobOptions('zangsho.orders', 'http://api.example.com/v1'),
      env: testEnv(tmp.dir)
    }).done
    await expect(res).rejects.toThrow(/https/)
  })
})
