// Which sheet is which kind, --file flags, plan files, and customers taken from orders + subscriptions.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kindOfSheet, parseFileFlags, readPlanFile } from './push-flow-plan'
import { customersFromRows, stepFailed } from '../core/upload/flow'
import type { JobResult } from '../core/upload'

describe('flow plan', () => {
  it.each([
    ['Customers', 'customers'],
    ['顧客', 'customers'],
    ['客戶', 'customers'],
    ['Orders', 'orders'],
    ['訂單', 'orders'],
    ['Subscriptions', 'subscriptions'],
    ['訂閱', 'subscriptions'],
    ['Events', 'events'],
    ['訂閱事件', 'events'],
    ['Subscription Events', 'events'],
    ['README', null],
    ['Orders 2024', null]
  ])('sheet "%s" is %s', (name, kind) => expect(kindOfSheet(name)).toBe(kind))

  it('reads --file KIND=FILE and refuses an unknown kind or a kind given twice', () => {
    expect(parseFileFlags(['orders=a.csv', 'events=b=c.csv']).map((f) => [f.kind, f.file.endsWith('b=c.csv')])).toEqual(
      [
        ['orders', false],
        ['events', true]
      ]
    )
    expect(() => parseFileFlags(['invoices=a.csv'])).toThrow(
      /KIND=FILE with KIND one of customers, orders, subscriptions, events/
    )
    expect(() => parseFileFlags(['orders=a.csv', 'orders=b.csv'])).toThrow(/two files for orders/)
  })

  it('reads a plan with paths relative to the plan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-plan-'))
    try {
      writeFileSync(
        join(dir, 'plan.json'),
        JSON.stringify({ files: [{ kind: 'orders', file: 'book.xlsx', sheet: '訂單', mapping: 'm.json' }] })
      )
      const [f] = await readPlanFile(join(dir, 'plan.json'))
      expect(f).toMatchObject({
        kind: 'orders',
        file: join(dir, 'book.xlsx'),
        sheet: '訂單',
        mappingFile: join(dir, 'm.json')
      })
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ files: [{ kind: 'orders' }] }))
      await expect(readPlanFile(join(dir, 'bad.json'))).rejects.toThrow(/must look like/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('takes each customer once from orders and subscriptions, first name seen, invalid rows left out', () => {
    const rec = (row: number, payload: Record<string, string>, valid = true) => ({ row, rows: [row], valid, payload })
    const got = customersFromRows([
      [
        rec(2, { customer_email: 'Amy@Example.com', customer_name: '' }),
        rec(3, { customer_email: 'amy@example.com', customer_name: 'Amy' }),
        rec(4, { customer_email: 'bad@example.com' }, false)
      ],
      [rec(2, { customer_email: 'bo@example.com' })]
    ])
    expect(got.map((r) => r.payload)).toEqual([{ email: 'Amy@Example.com', name: 'Amy' }, { email: 'bo@example.com' }])
    expect(got.map((r) => r.row)).toEqual([1, 2])
  })

  it('a step with failed, unknown or not-sent rows, or a stopped job, stops the flow; invalid rows do not', () => {
    const summary = { total: 3, created: 2, updated: 0, skipped: 0, failed: 0, notSent: 0, invalid: 1, unknown: 0 }
    const r = (over: Partial<JobResult>): JobResult => ({
      jobId: 'j',
      target: 'zangsho.orders',
      status: 'finished',
      summary,
      results: [],
      requests: { sent: 1, retried: 0, rateLimited: 0 },
      ...over
    })
    expect(stepFailed(r({}))).toBe(false)
    expect(stepFailed(r({ summary: { ...summary, failed: 1 } }))).toBe(true)
    expect(stepFailed(r({ summary: { ...summary, unknown: 1 } }))).toBe(true)
    expect(stepFailed(r({ status: 'stopped' }))).toBe(true)
  })
})
