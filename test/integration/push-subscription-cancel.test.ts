// Create-then-cancel in-process against the rehearsal server: the original cancelled_at, once; a lost answer is read, not resent.
import { describe, expect, it } from 'vitest'
import { retryFailed, startJob } from '../../src-main/core/upload'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import { jobOptions, sandboxPerTest, subscriptionRecords, testEnv } from './push-fixtures'

const bed = sandboxPerTest()

/** Rows 2..n+1; odd records are cancelled at their own date, record 2 is 執行完成 (reason completed). */
function historyRecords(n: number): PreparedRecord[] {
  return subscriptionRecords(n).map((r, i) => {
    if (i % 2 === 0) return r
    return {
      ...r,
      cancel: { cancelled_at: `2025-0${(i % 9) + 1}-15T02:30:00Z`, ...(i === 3 ? { reason: 'completed' } : {}) }
    }
  })
}

/** A fetch that lets the nth PUT reach the server, then never answers (until aborted): a crash mid-cancel. */
function hangOnPut(n: number): typeof fetch {
  let puts = 0
  return async (input, init) => {
    if (init?.method === 'PUT' && ++puts === n) {
      await fetch(input, { ...init, signal: undefined })
      return new Promise<Response>((_, reject) => {
        const fail = () => reject(new DOMException('aborted', 'AbortError'))
        if (init.signal?.aborted) fail()
        else init.signal?.addEventListener('abort', fail)
      })
    }
    return fetch(input, init)
  }
}

const puts = () => bed.sb.state.requestLog.filter((r) => r.method === 'PUT')

describe('subscriptions: create, then cancel with the original date', () => {
  it('every cancelled row is created then cancelled once at its own cancelled_at; active rows stay active', async () => {
    const records = historyRecords(6)
    const failedWhileRunning: number[] = []
    const env = testEnv(bed.tmp.dir, {
      progressIntervalMs: 0,
      onProgress: (e) => failedWhileRunning.push(e.counts.failed)
    })
    const res = await startJob({ records, options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl), env })
      .done
    expect(res.status).toBe('finished')
    // between the creates and the cancels, the live counts show the creates, not "not cancelled" failures
    expect(failedWhileRunning.length).toBeGreaterThan(2)
    expect(Math.max(...failedWhileRunning)).toBe(0)
    expect(res.summary).toMatchObject({ total: 6, created: 6, failed: 0 })
    const subs = bed.sb.state.subscriptions
    expect(subs).toHaveLength(6)
    for (const [i, r] of records.entries()) {
      const sub = subs.find((s) => s.id === res.results[i].id)!
      expect(sub.status).toBe(r.cancel ? 'cancelled' : 'active')
      expect(sub.cancelled_at).toBe(r.cancel ? r.cancel.cancelled_at : null)
      expect(res.results[i].reason).toBe(r.cancel ? 'cancelled' : null)
      if (r.cancel)
        expect(res.results[i].message).toContain(`Created, then cancelled (cancelled_at ${r.cancel.cancelled_at})`)
    }
    expect(
      puts()
        .map((p) => p.path)
        .sort()
    ).toEqual(
      records.flatMap((r, i) => (r.cancel ? [`/zangsho/v1/subscriptions/${res.results[i].id}/cancel`] : [])).sort()
    )
    expect(bed.sb.state.cancelEvents.map((e) => e.reason)).toEqual([null, 'completed', null])
  })

  it('a cancel whose answer was lost is read on resume and never resent; the rest are sent once', async () => {
    const records = historyRecords(6)
    const handle = startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPut(2) })
    })
    for (let i = 0; i < 300 && bed.sb.state.subscriptions.filter((s) => s.status === 'cancelled').length < 2; i++)
      await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.status).toBe('cancelled')
    expect(stopped.results[3]).toMatchObject({ outcome: 'failed', reason: 'not_cancelled' })
    expect(stopped.results[1]).toMatchObject({ outcome: 'created', reason: 'cancelled' })
    expect(puts()).toHaveLength(2)

    const resumed = await startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: stopped.jobId
    }).done
    expect(resumed.summary).toMatchObject({ created: 6, failed: 0 })
    expect(resumed.results[3].message).toContain('a read confirmed it, not resent')
    expect(puts()).toHaveLength(3) // one PUT per cancelled row, the lost one included, none twice
    expect(new Set(puts().map((p) => p.path)).size).toBe(3)
    expect(bed.sb.state.cancelEvents).toHaveLength(3)
    expect(bed.sb.state.subscriptions.filter((s) => s.status === 'cancelled').map((s) => s.cancelled_at)).toEqual([
      '2025-02-15T02:30:00Z',
      '2025-04-15T02:30:00Z',
      '2025-06-15T02:30:00Z'
    ])
    expect(
      bed.sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/subscriptions/batch'))
    ).toHaveLength(1)
  })

  it('retry failed after a stop between create and cancel finds the created subscriptions and cancels each once', async () => {
    const records = historyRecords(6)
    const handle = startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPut(1) })
    })
    for (let i = 0; i < 300 && !bed.sb.state.subscriptions.some((s) => s.status === 'cancelled'); i++)
      await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.results.filter((r) => r.reason === 'not_cancelled').map((r) => r.row)).toEqual([3, 5, 7])
    const retried = await retryFailed({
      previous: stopped,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      records,
      env: testEnv(bed.tmp.dir)
    }).done
    expect(retried.summary).toMatchObject({ total: 6, created: 6, failed: 0, skipped: 0 })
    expect(retried.results.filter((r) => r.reason === 'cancelled')).toHaveLength(3)
    expect(bed.sb.state.subscriptions).toHaveLength(6)
    expect(puts()).toHaveLength(3) // the one in flight at the stop was read back, not resent
    expect(bed.sb.state.cancelEvents).toHaveLength(3)
    expect(bed.sb.state.subscriptions.filter((s) => s.status === 'cancelled').map((s) => s.cancelled_at)).toEqual([
      '2025-02-15T02:30:00Z',
      '2025-04-15T02:30:00Z',
      '2025-06-15T02:30:00Z'
    ])
  })

  it('a refused cancel (unknown date format on the server side) reports the row failed with the subscription still active', async () => {
    const records = historyRecords(2)
    records[1].cancel = { cancelled_at: '2025-13-40T00:00:00Z' }
    const res = await startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(res.results[1]).toMatchObject({ outcome: 'failed', reason: 'cancel_failed' })
    expect(res.results[1].message).toContain('cancelled_at')
    expect(res.results[1].id).toBe(bed.sb.state.subscriptions[1].id)
    expect(bed.sb.state.subscriptions[1].status).toBe('active')
  })
})
