// Journal and resume in-process: an interrupted job resumed from its journal ends exactly like an uninterrupted one.
import { describe, expect, it } from 'vitest'
import { appendFileSync, readFileSync } from 'node:fs'
import { startJob, journalPath, listJobs, readJournal, retryFailed } from '../../src-main/core/upload'
import type { JobResult } from '../../src-main/core/upload'
import { jobOptions, orderRecords, sandbox, sandboxPerTest, shoplineRecords, tempDir, testEnv } from './push-fixtures'

const bed = sandboxPerTest()

/** A fetch that lets the nth POST reach the server, then never answers (until aborted): a crash mid-request. */
function hangOnPost(n: number): typeof fetch {
  let posts = 0
  return async (input, init) => {
    if (init?.method === 'POST' && ++posts === n) {
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

const strip = (r: JobResult) => r.results.map(({ row, outcome, reason }) => ({ row, outcome, reason }))

describe('resume', () => {
  it('a batch sent but never acknowledged is resent on resume; results equal an uninterrupted run', async () => {
    const records = orderRecords(50)
    const handle = startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 10 }),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPost(3) })
    })
    // wait until the third batch is in the air, then stop hard
    for (let i = 0; i < 200 && bed.sb.state.orders.length < 30; i++) await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.status).toBe('cancelled')
    expect(stopped.summary.created).toBe(20)
    expect(stopped.results[25]).toMatchObject({ outcome: 'failed', reason: 'interrupted' })
    expect(stopped.results[45]).toMatchObject({ outcome: 'not_sent', reason: 'not_sent' })

    const resumed = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: stopped.jobId
    }).done
    expect(resumed.status).toBe('finished')
    expect(bed.sb.state.orders).toHaveLength(50)
    // acknowledged batches were not sent again: 3 (first run incl. the lost one) + 3 resent/remaining
    expect(bed.sb.state.requestLog.filter((r) => r.method === 'POST')).toHaveLength(6)

    const sb2 = await sandbox()
    const tmp2 = tempDir()
    try {
      const clean = await startJob({
        records,
        options: jobOptions('zangsho.orders', sb2.zangshoBaseUrl, { batchSize: 10 }),
        env: testEnv(tmp2.dir)
      }).done
      expect(strip(resumed)).toEqual(strip(clean))
      expect(resumed.summary).toEqual(clean.summary)
    } finally {
      await sb2.close()
      tmp2.cleanup()
    }
  })

  it('retry failed after an interruption reports rows the lost batch created as created, like resume would', async () => {
    const records = orderRecords(30)
    const handle = startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 10 }),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPost(2) })
    })
    for (let i = 0; i < 200 && bed.sb.state.orders.length < 20; i++) await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.results.filter((r) => r.reason === 'interrupted')).toHaveLength(10)
    const retried = await retryFailed({
      previous: stopped,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      records,
      env: testEnv(bed.tmp.dir)
    }).done
    expect(retried.summary).toMatchObject({ total: 30, created: 30, updated: 0 })
    expect(bed.sb.state.orders).toHaveLength(30)
  })

  it('tolerates a torn last line, refuses a changed file, and never resends acknowledged batches', async () => {
    const records = orderRecords(20)
    const first = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 10 }),
      env: testEnv(bed.tmp.dir)
    }).done
    const path = journalPath(bed.tmp.dir, first.jobId)
    appendFileSync(path, '{"t":"sent","batch":"main-')
    const again = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: first.jobId
    }).done
    expect(strip(again)).toEqual(strip(first))
    expect(bed.sb.state.requestLog.filter((r) => r.method === 'POST')).toHaveLength(2)
    const { entries, tornBytes } = await readJournal(path)
    expect(tornBytes).toBe(0)
    expect(entries.filter((e) => e.t === 'end')).toHaveLength(2)
    expect(readFileSync(path, 'utf8')).not.toContain('rehearsal')

    const changed = orderRecords(20)
    changed[4].payload.amount = '1.00'
    await expect(
      startJob({
        records: changed,
        options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
        env: testEnv(bed.tmp.dir),
        resumeJobId: first.jobId
      }).done
    ).rejects.toThrow(/row 6/)
  })

  it('SHOPLINE: an order in flight at a crash is reconciled on resume, not duplicated', async () => {
    const records = shoplineRecords(4)
    const handle = startJob({
      records,
      options: jobOptions('shopline.orders', bed.sb.shoplineBaseUrl),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPost(2) })
    })
    for (let i = 0; i < 200 && bed.sb.state.shoplineOrders.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.results[1]).toMatchObject({ outcome: 'unknown', reason: 'interrupted' })
    const resumed = await startJob({
      records,
      options: jobOptions('shopline.orders', bed.sb.shoplineBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: stopped.jobId
    }).done
    expect(resumed.summary).toMatchObject({ created: 4, unknown: 0 })
    expect(bed.sb.state.shoplineOrders).toHaveLength(4)
    expect(resumed.results[1].id).toBe(bed.sb.state.shoplineOrders[1].id)
  })

  it('pause holds the next request; retry failed sends only failed rows and never a created one', async () => {
    const records = orderRecords(6)
    records[2].payload.amount = 'oops'
    const handle = startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 2 }),
      env: testEnv(bed.tmp.dir)
    })
    handle.pause()
    await new Promise((r) => setTimeout(r, 150))
    expect(bed.sb.state.requestLog).toHaveLength(0)
    handle.resume()
    const first = await handle.done
    expect(first.summary).toMatchObject({ created: 5, failed: 1 })
    // the user fixes row 4 (third record); a retry sends only that row
    const fixed = orderRecords(6)
    const retry = await retryFailed({
      previous: first,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      records: fixed,
      env: testEnv(bed.tmp.dir)
    }).done
    expect(retry.summary).toMatchObject({ total: 6, created: 6, failed: 0 })
    const posts = bed.sb.state.requestLog.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(4)
    expect(bed.sb.state.orders).toHaveLength(6)
  })

  it('one process per job: a second resume while it runs is refused; listJobs shows every job and its state', async () => {
    const records = orderRecords(40)
    const handle = startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 10, minIntervalMs: 100 }),
      env: testEnv(bed.tmp.dir)
    })
    for (let i = 0; i < 200 && bed.sb.state.requestLog.length === 0; i++) await new Promise((r) => setTimeout(r, 5))
    await expect(
      startJob({
        records,
        options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
        env: testEnv(bed.tmp.dir),
        resumeJobId: handle.jobId
      }).done
    ).rejects.toThrow(/already running/)
    handle.pause()
    await new Promise((r) => setTimeout(r, 50))
    handle.cancel()
    const stopped = await handle.done
    const other = await startJob({
      records: orderRecords(2, { prefix: 'X' }),
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      jobId: 'zz-second'
    }).done
    const jobs = await listJobs(bed.tmp.dir)
    expect(jobs.map((j) => j.jobId).sort()).toEqual([stopped.jobId, other.jobId].sort())
    const first = jobs.find((j) => j.jobId === stopped.jobId)!
    expect(first).toMatchObject({ target: 'zangsho.orders', status: 'cancelled', records: 40 })
    expect(first.answered).toBeLessThan(40)
    // the lock is gone once the job ended: resume works
    const resumed = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: stopped.jobId
    }).done
    expect(resumed.summary.created).toBe(40)
    expect((await listJobs(bed.tmp.dir)).find((j) => j.jobId === stopped.jobId)).toMatchObject({
      status: 'finished',
      answered: 40
    })
  })
})
