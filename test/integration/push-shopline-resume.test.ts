// SHOPLINE choices survive a crash: `push --shipping in-remarks` killed with SIGKILL mid-job, then `--resume` without flags
// sends the rest the same way (journal); a resume that asks for another shipping mode or delivery option is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Sandbox } from '../../src-main/sandbox'
import { HISTORICAL_DELIVERY_ID, IMPORTED_PAYMENT_ID } from '../../src-main/sandbox/shopline/seed'
import { killMidJob, pushInProcess as inProcess, resumeArgs } from './push-cli-run'
import { sandbox, tempDir } from './push-fixtures'

const ORDERS = 60
let tmp: ReturnType<typeof tempDir>
let sb: Sandbox
beforeEach(async () => {
  tmp = tempDir()
  sb = await sandbox()
})
afterEach(async () => {
  await sb.close()
  tmp.cleanup()
})

/** One item and a 60 shipping fee per order: total = price + 60. */
function ordersCsv(): string {
  const lines = ['訂單編號,Email,商品名稱,單價,數量,運費,訂單總額']
  for (let i = 1; i <= ORDERS; i++)
    lines.push(`R-${String(i).padStart(3, '0')},b${i}@example.com,茶葉,${500 + i},1,60,${560 + i}`)
  const path = join(tmp.dir, 'orders.csv')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

/** The push both tests kill: in-remarks shipping, slow enough to be killed mid-job. */
const startArgs = (file: string, jobs: string) => [
  file,
  '--target',
  'shopline.orders',
  '--base-url',
  sb.shoplineBaseUrl,
  '--token-env',
  'TOK',
  '--delivery-option-id',
  HISTORICAL_DELIVERY_ID,
  '--payment-method-id',
  IMPORTED_PAYMENT_ID,
  '--shipping',
  'in-remarks',
  '--min-interval-ms',
  '120',
  '--journal-dir',
  jobs,
  '--json'
]

type Stored = { order_remarks?: string; subtotal_items: { title_translations: Record<string, string> }[] }
const stored = () => sb.state.shoplineOrders as unknown as Stored[]
/** How one stored order carries its shipping: a 運費 line, or a note in the remarks. */
const shippingOf = (o: Stored) =>
  o.subtotal_items.some((l) => l.title_translations['zh-hant'] === '運費')
    ? 'as-line'
    : /運費 Shipping: 60/.test(o.order_remarks ?? '')
      ? 'in-remarks'
      : 'none'

describe('push --resume keeps the SHOPLINE choices of the job', () => {
  it('kill -9 mid-job; a resume with other choices is refused; one without flags ends the job in-remarks', async () => {
    const file = ordersCsv()
    const jobs = join(tmp.dir, 'jobs')
    const { signal, jobId } = await killMidJob(startArgs(file, jobs), jobs, () => stored().length >= 8)
    expect(signal).toBe('SIGKILL')
    const before = stored().length
    expect(before).toBeLessThan(ORDERS)
    const resume = resumeArgs(jobId, jobs)

    const asLine = await inProcess([...resume, '--shipping', 'as-line'])
    expect(asLine.code).toBe(2)
    expect(asLine.err).toContain(`job ${jobId} was started with --shipping in-remarks`)
    expect(asLine.err).toContain('續傳必須沿用')
    const otherId = await inProcess([...resume, '--delivery-option-id', 'another-option'])
    expect(otherId.code).toBe(2)
    expect(otherId.err).toContain(`--delivery-option-id ${HISTORICAL_DELIVERY_ID}`)
    expect(stored()).toHaveLength(before) // nothing was sent by a refused resume

    const same = await inProcess([...resume, '--shipping', 'in-remarks']) // the same value is no conflict
    expect(same.code).toBe(0)
    const got = JSON.parse(same.out)
    expect(got.jobId).toBe(jobId)
    expect(got.summary).toMatchObject({ failed: 0, unknown: 0 })
    const orders = stored()
    expect(orders).toHaveLength(ORDERS)
    expect(new Set(orders.map(shippingOf))).toEqual(new Set(['in-remarks']))
  }, 60_000)

  it('a resume without any flag uses the journaled choice', async () => {
    const file = ordersCsv()
    const jobs = join(tmp.dir, 'jobs')
    const { jobId } = await killMidJob(startArgs(file, jobs), jobs, () => stored().length >= 5)
    expect(stored().length).toBeLessThan(ORDERS)
    const done = await inProcess(resumeArgs(jobId, jobs))
    expect(done.code).toBe(0)
    expect(stored()).toHaveLength(ORDERS)
    expect(
      stored()
        .map(shippingOf)
        .filter((m) => m !== 'in-remarks')
    ).toEqual([])
  }, 60_000)
})
