// The guide's four steps as one flow against the rehearsal server: order, derived customers, a failing step, kill -9 + resume.
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { runPush } from '../../src-main/cli/push'
import type { flowJson } from '../../src-main/cli/push-flow'
import type { Sandbox } from '../../src-main/sandbox'
import { sandboxPerTest } from './push-fixtures'

type FlowJson = ReturnType<typeof flowJson>
const bed = sandboxPerTest()
const EMAILS = ['amy@example.com', 'bo@example.com', 'chen@example.com']

type Rows = string[][]
const customerRows = (): Rows => [['Email', 'Name', 'Phone'], ...EMAILS.map((e, i) => [e, `客戶${i}`, '0911000111'])]
const orderRows = (n: number, emails = EMAILS): Rows => [
  ['Order No', 'Amount', 'Customer Email', 'Customer Name', 'Status', 'Currency', 'Paid At'],
  ...Array.from({ length: n }, (_, i) => [
    `FL-${String(i + 1).padStart(4, '0')}`,
    `${100 + i}.00`,
    emails[i % emails.length],
    `客戶${i % emails.length}`,
    'paid',
    'TWD',
    '2025-11-30 10:15'
  ])
]
const subscriptionRows = (emails: string[]): Rows => [
  ['Customer Email', 'MRR', 'Billing Cycle', 'Started At', 'Current Period Start', 'Plan Name'],
  ...emails.map((e) => [e, '990.00', 'monthly', '2025-01-01 00:00', '2025-11-01 00:00', 'Pro'])
]
const eventRows = (emails: string[]): Rows => [
  ['客戶 Email', '事件類型', 'MRR 變化金額', '事件發生時間', '變更前金額', '變更後金額'],
  ...emails.flatMap((e, c) => [
    [e, 'created', '490.00', `2025-01-1${c}T00:30:00Z`, '0.00', '490.00'],
    [e, 'upgrade', '500.00', `2025-03-1${c}T00:30:00Z`, '490.00', '990.00']
  ])
]

function csv(dir: string, name: string, rows: Rows): string {
  const path = join(dir, name)
  writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n')
  return path
}

const quiet = { on: () => undefined, off: () => undefined }
async function push(
  args: string[],
  fetchImpl: typeof fetch = globalThis.fetch
): Promise<{ code: number; json: FlowJson; err: string }> {
  let out = ''
  let err = ''
  const code = await runPush(args, {
    env: { TOK: 'rehearsal' },
    fetch: fetchImpl,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    signals: quiet
  })
  return { code, json: JSON.parse(out || 'null') as FlowJson, err }
}
const common = (sb: Sandbox, jobs: string) => [
  '--base-url',
  sb.zangshoBaseUrl,
  '--token-env',
  'TOK',
  '--journal-dir',
  jobs,
  '--timezone',
  'UTC',
  '--min-interval-ms',
  '5',
  '--json'
]

/** Every e-mail once among the customers; every order and subscription once, linked to its customer by id; every event row once. */
function expectOnceEach(sb: Sandbox, o: { emails: string[]; orders: number; events: number }): void {
  const customers = sb.state.customers
  expect(customers.map((c) => c.email).sort()).toEqual([...o.emails].sort())
  const orders = sb.state.orders
  expect(orders).toHaveLength(o.orders)
  expect(new Set(orders.map((x) => x.order_no)).size).toBe(o.orders)
  // FL-000k belongs to EMAILS[(k-1) % 3] (orderRows)
  for (const x of orders)
    expect(customers.find((c) => c.id === x.customer_id)?.email).toBe(
      EMAILS[(Number(x.order_no.slice(3)) - 1) % EMAILS.length]
    )
  const subs = sb.state.subscriptions
  expect(subs.map((s) => customers.find((c) => c.id === s.customer_id)?.email).sort()).toEqual([...o.emails].sort())
  expect(sb.state.subscriptionEvents).toHaveLength(o.events)
  const keys = sb.state.subscriptionEvents.map((e) => `${e.customer_id}|${e.event_type}|${e.occurred_at}`)
  expect(new Set(keys).size).toBe(o.events)
}

const postsTo = (sb: Sandbox, suffix: string) =>
  sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith(suffix))

describe('push in the guide order (customers → orders → subscriptions → events)', () => {
  it('four files from a plan are pushed in order, each record once, customers linked', async () => {
    const dir = bed.tmp.dir
    const plan = join(dir, 'plan.json')
    writeFileSync(
      plan,
      JSON.stringify({
        files: [
          { kind: 'events', file: csv(dir, 'e.csv', eventRows(EMAILS)) },
          { kind: 'orders', file: csv(dir, 'o.csv', orderRows(12)) },
          { kind: 'subscriptions', file: 's.csv' },
          { kind: 'customers', file: csv(dir, 'c.csv', customerRows()) }
        ]
      })
    )
    csv(dir, 's.csv', subscriptionRows(EMAILS))
    const r = await push(['--plan', plan, ...common(bed.sb, join(dir, 'jobs'))])
    expect(r.code, r.err).toBe(0)
    expect(r.json.status).toBe('finished')
    expect(r.json.steps.map((s) => [s.kind, s.status, s.derived])).toEqual([
      ['customers', 'finished', false],
      ['orders', 'finished', false],
      ['subscriptions', 'finished', false],
      ['events', 'finished', false]
    ])
    expect(r.json.steps.map((s) => s.summary?.created)).toEqual([3, 12, 3, 6])
    // the guide's order on the wire: all customers before the first order, orders before subscriptions, events last
    const log = bed.sb.state.requestLog.filter((x) => x.method === 'POST').map((x) => x.path.replace(/^.*\/v1/, ''))
    expect(log.indexOf('/customers/batch')).toBe(0)
    expect(log.lastIndexOf('/orders/batch')).toBeLessThan(log.indexOf('/subscriptions/batch'))
    expect(log.lastIndexOf('/subscriptions/batch')).toBeLessThan(log.indexOf('/subscriptions/events'))
    expectOnceEach(bed.sb, { emails: EMAILS, orders: 12, events: 6 })
    // the customer file's names were kept (orders did not overwrite them)
    expect(bed.sb.state.customers.find((c) => c.email === 'amy@example.com')?.phone).toBe('0911000111')
  })

  it('without a customer file, customers come from the orders and subscriptions (one workbook, one sheet per kind)', async () => {
    const dir = bed.tmp.dir
    const subsOnly = 'dan@example.com'
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(orderRows(9)), '訂單')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(subscriptionRows([...EMAILS, subsOnly])), 'Subscriptions')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(eventRows([subsOnly])), '訂閱事件')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['說明'], ['notes']]), 'README')
    const book = join(dir, 'book.xlsx')
    writeFileSync(book, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)
    const r = await push(['--workbook', book, ...common(bed.sb, join(dir, 'jobs'))])
    expect(r.code, r.err).toBe(0)
    expect(r.json.steps.map((s) => [s.kind, s.derived, s.summary?.created])).toEqual([
      ['customers', true, 4],
      ['orders', false, 9],
      ['subscriptions', false, 4],
      ['events', false, 2]
    ])
    expectOnceEach(bed.sb, { emails: [...EMAILS, subsOnly], orders: 9, events: 2 })
    expect(bed.sb.state.customers.find((c) => c.email === 'amy@example.com')?.name).toBe('客戶0')
  })

  it('a stopped step stops the steps after it, names the step, and --resume goes on from there', async () => {
    const dir = bed.tmp.dir
    const jobs = join(dir, 'jobs')
    const files = [
      '--file',
      `orders=${csv(dir, 'o.csv', orderRows(6))}`,
      '--file',
      `subscriptions=${csv(dir, 's.csv', subscriptionRows(EMAILS))}`,
      '--file',
      `events=${csv(dir, 'e.csv', eventRows(EMAILS))}`
    ]
    // the subscriptions endpoint refuses the token: that step stops, events never start
    const refusing: typeof fetch = async (input, init) =>
      String(input).endsWith('/subscriptions/batch')
        ? new Response(JSON.stringify({ error: { message: 'token revoked' } }), {
            status: 401,
            headers: { 'Content-Type': 'application/json' }
          })
        : fetch(input, init)
    const r = await push([...files, ...common(bed.sb, jobs)], refusing)
    expect(r.code).toBe(1)
    expect(r.json.status).toBe('stopped')
    expect(r.json.steps.map((s) => [s.kind, s.status])).toEqual([
      ['customers', 'finished'],
      ['orders', 'finished'],
      ['subscriptions', 'stopped'],
      ['events', 'skipped']
    ])
    expect(r.json.message?.en).toMatch(
      /Step 3 \(subscriptions\) stopped; the steps after it were not started.*--resume flow-/
    )
    expect(r.json.message?.['zh-TW']).toContain('第 3 步（訂閱）')
    expect(bed.sb.state.subscriptions).toHaveLength(0)
    expect(postsTo(bed.sb, '/subscriptions/events')).toHaveLength(0)
    const ordersPosts = postsTo(bed.sb, '/orders/batch').length
    const resumed = await push(['--resume', r.json.flowId, '--token-env', 'TOK', '--journal-dir', jobs, '--json'])
    expect(resumed.code, resumed.err).toBe(0)
    expect(resumed.json.steps.map((s) => s.status)).toEqual(['finished', 'finished', 'finished', 'finished'])
    expect(postsTo(bed.sb, '/orders/batch')).toHaveLength(ordersPosts)
    expectOnceEach(bed.sb, { emails: EMAILS, orders: 6, events: 6 })
  })

  it('kill -9 of the CLI in the orders step, then --resume: every record exactly once, no acknowledged batch resent', async () => {
    const dir = bed.tmp.dir
    const jobs = join(dir, 'jobs')
    const files = [
      '--file',
      `events=${csv(dir, 'e.csv', eventRows(EMAILS))}`,
      '--file',
      `subscriptions=${csv(dir, 's.csv', subscriptionRows(EMAILS))}`,
      '--file',
      `orders=${csv(dir, 'o.csv', orderRows(60))}`
    ]
    const args = [
      ...files,
      '--base-url',
      bed.sb.zangshoBaseUrl,
      '--token-env',
      'TOK',
      '--journal-dir',
      jobs,
      '--timezone',
      'UTC',
      '--min-interval-ms',
      '150',
      '--batch-size',
      '5',
      '--json'
    ]
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'push', ...args], {
      env: { ...process.env, TOK: 'rehearsal' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const exited = new Promise<NodeJS.Signals | null>((res) => proc.on('exit', (_c, signal) => res(signal)))
    const end = Date.now() + 60_000
    while (bed.sb.state.orders.length < 20 && Date.now() < end) await new Promise((r) => setTimeout(r, 10))
    proc.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(bed.sb.state.orders.length).toBeLessThan(60)
    expect(bed.sb.state.subscriptions).toHaveLength(0)
    const acknowledgedBefore = postsTo(bed.sb, '/orders/batch').filter(
      (x) => x.status === 200 || x.status === 201
    ).length
    const [flow] = readdirSync(jobs).filter((f) => f.endsWith('.flow.json'))
    const resumed = await push([
      '--resume',
      flow.replace(/\.flow\.json$/, ''),
      '--token-env',
      'TOK',
      '--journal-dir',
      jobs,
      '--json'
    ])
    expect(resumed.code, resumed.err).toBe(0)
    expect(resumed.json.steps.map((s) => [s.kind, s.status])).toEqual([
      ['customers', 'finished'],
      ['orders', 'finished'],
      ['subscriptions', 'finished'],
      ['events', 'finished']
    ])
    // 12 batches of 5 orders; at most the one in flight at the kill is sent again
    expect(postsTo(bed.sb, '/orders/batch').length).toBeLessThanOrEqual(13)
    expect(postsTo(bed.sb, '/orders/batch').length - acknowledgedBefore).toBeLessThanOrEqual(
      60 / 5 - acknowledgedBefore + 1
    )
    expect(postsTo(bed.sb, '/customers/batch').length).toBeGreaterThanOrEqual(1)
    expectOnceEach(bed.sb, { emails: EMAILS, orders: 60, events: 6 })
  }, 90_000)
})
