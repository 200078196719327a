// 帳獸 batches over real HTTP against the rehearsal server: sizes, conflict strategies, results per row, journal.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { startJob, readJournal, journalPath } from '../../src-main/core/upload'
import type { ProgressEvent } from '../../src-main/core/upload'
import { jobOptions, orderRecords, sandboxPerTest, subscriptionRecords, testEnv } from './push-fixtures'

const bed = sandboxPerTest()

function batchSizes(jobId: string): number[] {
  const lines = readFileSync(journalPath(bed.tmp.dir, jobId), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  return lines
    .filter((e) => e.t === 'planned')
    .map((e) => (e.body.orders ?? e.body.customers ?? e.body.subscriptions).length)
}

describe('zangsho.orders batches', () => {
  it('sends 250 rows as 100/100/50, then skip creates 0 and update updates them all', async () => {
    const records = orderRecords(250)
    const first = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(first.status).toBe('finished')
    expect(first.summary).toEqual({
      total: 250,
      created: 250,
      updated: 0,
      skipped: 0,
      failed: 0,
      notSent: 0,
      invalid: 0,
      unknown: 0
    })
    expect(batchSizes(first.jobId)).toEqual([100, 100, 50])
    const posts = bed.sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/orders/batch'))
    expect(posts).toHaveLength(3)
    expect(first.requests).toEqual({ sent: 3, retried: 0, rateLimited: 0 })
    const state = bed.sb.state.orders
    expect(state).toHaveLength(250)
    // index in each response maps back to the right row: row 151 is the 150th order
    const r151 = first.results.find((r) => r.row === 151)!
    expect(state.find((o) => o.id === r151.id)?.order_no).toBe('ORD-00150')

    const skip = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { onConflict: 'skip' }),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(skip.summary.created).toBe(0)
    expect(skip.summary.skipped).toBe(250)
    expect(skip.results[0]).toMatchObject({ outcome: 'skipped', reason: 'duplicate_order_no' })

    const update = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { onConflict: 'update' }),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(update.summary.updated).toBe(250)
    expect(update.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id))
    expect(bed.sb.state.orders).toHaveLength(250)
  })

  it('never sends invalid or excluded rows, honours --batch-size, and reports them', async () => {
    const records = orderRecords(12, { invalidRows: [3, 9] })
    const res = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 5, excludedRows: [4] }),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(batchSizes(res.jobId)).toEqual([5, 4])
    expect(res.summary).toMatchObject({ total: 12, created: 9, invalid: 2, skipped: 1 })
    expect(res.results.find((r) => r.row === 3)).toMatchObject({ outcome: 'invalid' })
    expect(res.results.find((r) => r.row === 4)).toMatchObject({ outcome: 'skipped', reason: 'excluded' })
    expect(bed.sb.state.orders.map((o) => o.order_no)).not.toContain('ORD-00002')
  })

  it('reports per-row failures the server gives (validation) without failing the others', async () => {
    const records = orderRecords(4)
    records[1].payload.amount = 'abc'
    const res = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(res.summary).toMatchObject({ created: 3, failed: 1 })
    expect(res.results[1]).toMatchObject({ row: 3, outcome: 'failed', reason: 'validation_error' })
    expect(res.results[1].message).toMatch(/amount/)
  })

  it('pushes customers first with --with-customers, then the orders', async () => {
    const records = orderRecords(30, { customers: 7 })
    const res = await startJob({
      records,
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { withCustomers: true }),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(res.customers).toEqual({ created: 7, skipped: 0, failed: 0 })
    const paths = bed.sb.state.requestLog.map((r) => r.path)
    expect(paths[0]).toMatch(/customers\/batch$/)
    expect(bed.sb.state.customers.map((c) => c.name)).toContain('客戶 3')
    expect(res.summary.created).toBe(30)
  })

  it('emits throttled progress with counts, rate and ETA', async () => {
    const events: ProgressEvent[] = []
    const res = await startJob({
      records: orderRecords(300),
      options: jobOptions('zangsho.orders', bed.sb.zangshoBaseUrl, { batchSize: 10, minIntervalMs: 0 }),
      env: testEnv(bed.tmp.dir, { onProgress: (e) => events.push(e), progressIntervalMs: 100 })
    }).done
    expect(res.summary.created).toBe(300)
    const last = events[events.length - 1]
    expect(last).toMatchObject({ done: 300, total: 300 })
    expect(last.counts.created).toBe(300)
    // 30 acknowledged batches, but events between the first and last are at least 100 ms apart
    expect(events.length).toBeLessThan(32)
  })
})

describe('zangsho.subscriptions', () => {
  it('resolves customer_id by email: creates missing customers, looks up existing ones, then sends', async () => {
    // Two customers exist already (different case in the sheet): found by search, not duplicated.
    await fetch(`${bed.sb.zangshoBaseUrl}/customers/batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ customers: [{ email: 'sub0@example.com', name: 'Old' }, { email: 'sub1@example.com' }] })
    })
    const records = subscriptionRecords(5)
    const res = await startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(res.summary).toMatchObject({ total: 5, created: 5, failed: 0 })
    expect(res.customers).toEqual({ created: 3, skipped: 2, failed: 0 })
    const customers = bed.sb.state.customers
    expect(customers).toHaveLength(5)
    const subs = bed.sb.state.subscriptions
    const byCustomer = new Map(customers.map((c) => [c.id, c.email]))
    expect(subs.map((s) => byCustomer.get(s.customer_id)).sort()).toEqual(
      ['sub0@example.com', 'sub1@example.com', 'Sub2@Example.com', 'Sub3@Example.com', 'Sub4@Example.com'].sort()
    )
    const searches = bed.sb.state.requestLog.filter((r) => r.method === 'GET' && r.path.includes('/customers'))
    expect(searches).toHaveLength(2)
    const { entries } = await readJournal(journalPath(bed.tmp.dir, res.jobId))
    expect(entries.filter((e) => e.t === 'resolved')).toHaveLength(2)
    // rerun: skip (default) → every subscription skipped, nothing new
    const again = await startJob({
      records,
      options: jobOptions('zangsho.subscriptions', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(again.summary).toMatchObject({ skipped: 5, created: 0 })
    expect(bed.sb.state.subscriptions).toHaveLength(5)
  })
})
