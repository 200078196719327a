// Multi-file import through the same dispatch as IPC: one workbook (a sheet per kind, one recognized by its headers only),
// customers taken from the other sheets, per-step counts; a refused orders step stops the later ones, and after a
// "restart" (new services on the same data dir) the unfinished flow is listed and resumed to the end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import type { FlowListing, FlowSheetGuess, FlowStatusView, Result } from '../../src-main/ipc/contract'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const TOKEN = 'zs_live_FlowServices_Token_5521'
const repo = resolve(__dirname, '../..')
const EMAILS = ['amy@example.com', 'bo@example.com', 'chen@example.com']
const ONLY_EVENTS = 'eve@example.com'

let root: string
let sandbox: Sandbox
const keychain = memoryKeychain()
let refuseOrders = false
const switchable: typeof fetch = async (input, init) =>
  refuseOrders && String(input).endsWith('/orders/batch')
    ? new Response(JSON.stringify({ error: { message: 'token revoked' } }), {
        status: 401,
        headers: { 'Content-Type': 'application/json' }
      })
    : fetch(input, init)

const make = () =>
  createServices({
    dataDir: join(root, 'data'),
    fetch: switchable,
    now: () => new Date(),
    resourcesDir: join(repo, 'resources'),
    keychain,
    pushTuning: { maxAttempts: 1, backoffBaseMs: 10, backoffCapMs: 20 }
  })

async function value<T>(services: OrderDockServices, method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

function book(): Uint8Array {
  const wb = XLSX.utils.book_new()
  const add = (rows: string[][], name: string) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name)
  add(
    [
      ['Order No', 'Amount', 'Customer Email', 'Customer Name', 'Status', 'Currency', 'Paid At'],
      ...Array.from({ length: 9 }, (_, i) => [
        `MF-${i + 1}`,
        `${100 + i}.00`,
        EMAILS[i % 3],
        `客戶${i % 3}`,
        'paid',
        'TWD',
        '2025-11-30 10:15'
      ])
    ],
    '工作表1'
  )
  add(
    [
      ['Customer Email', 'MRR', 'Billing Cycle', 'Started At', 'Current Period Start', 'Plan Name'],
      ...EMAILS.map((e) => [e, '990.00', 'monthly', '2025-01-01 00:00', '2025-11-01 00:00', 'Pro'])
    ],
    'Subscriptions'
  )
  add(
    [
      ['客戶 Email', '事件類型', 'MRR 變化金額', '事件發生時間', '變更前金額', '變更後金額'],
      [EMAILS[0], 'created', '990.00', '2025-01-01T00:30:00Z', '0.00', '990.00'],
      [ONLY_EVENTS, 'created', '490.00', '2025-02-01T00:30:00Z', '0.00', '490.00']
    ],
    '訂閱事件'
  )
  add([['說明'], ['notes']], 'README')
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as Uint8Array
}

/** Open the workbook, confirm the guessed kinds, and prepare one session per sheet. */
async function prepareBook(services: OrderDockServices): Promise<{ kind: string; prepId: string }[]> {
  const view = await value<{ sessionId: string }>(services, 'workbook.open', { name: 'shop.xlsx', bytes: book() })
  const { sheets } = await value<{ sheets: FlowSheetGuess[] }>(services, 'flow.sheetKinds', {
    sessionId: view.sessionId
  })
  expect(sheets.map((s) => [s.sheet, s.kind, s.by])).toEqual([
    ['工作表1', 'orders', 'headers'],
    ['Subscriptions', 'subscriptions', 'name'],
    ['訂閱事件', 'events', 'name'],
    ['README', null, null]
  ])
  const targets = {
    orders: 'zangsho.orders',
    subscriptions: 'zangsho.subscriptions',
    events: 'zangsho.subscription_events'
  }
  const out = []
  for (const s of sheets.filter((x) => x.kind)) {
    const opened = await value<{ sessionId: string; sheet: string }>(services, 'flow.openSheet', {
      sessionId: view.sessionId,
      sheet: s.sheet
    })
    expect(opened.sheet).toBe(s.sheet)
    const prep = await value<{ prepId: string; summary: { valid: number; invalid: number } }>(
      services,
      'prepare.start',
      {
        sessionId: opened.sessionId,
        target: targets[s.kind as keyof typeof targets]
      }
    )
    expect(prep.summary.invalid, s.sheet).toBe(0)
    out.push({ kind: s.kind!, prepId: prep.prepId })
  }
  return out
}

async function waitDone(services: OrderDockServices, flowId: string): Promise<FlowStatusView> {
  const end = Date.now() + 30_000
  for (;;) {
    const status = await value<FlowStatusView>(services, 'flow.status', { flowId })
    if (status.state !== 'running') return status
    if (Date.now() > end) throw new Error('flow did not end')
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function profile(services: OrderDockServices): Promise<string> {
  const p = await value<{ id: string }>(services, 'profiles.save', {
    name: '帳獸',
    destination: 'zangsho',
    baseUrl: sandbox.zangshoBaseUrl,
    pacing: { minIntervalMs: 0, batchSize: 5 }
  })
  await value(services, 'profiles.setToken', { id: p.id, token: TOKEN })
  return p.id
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-flowsvc-'))
  sandbox = await startSandbox({ port: 0, tokens: { [TOKEN]: { api: 'zangsho' } } })
})

afterAll(async () => {
  await sandbox?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('flow services', () => {
  it('a refused orders step stops subscriptions and events; after a restart the flow is listed and resumed', async () => {
    const first = make()
    const profileId = await profile(first)
    const steps = await prepareBook(first)
    refuseOrders = true
    const { flowId } = await value<{ flowId: string }>(first, 'flow.start', { profileId, steps })
    const stopped = await waitDone(first, flowId)
    expect(stopped.state).toBe('stopped')
    expect(stopped.stoppedAt).toBe('orders')
    expect(stopped.steps.map((s) => [s.kind, s.derived, s.state])).toEqual([
      ['customers', true, 'finished'],
      ['orders', false, 'stopped'],
      ['subscriptions', false, 'skipped'],
      ['events', false, 'skipped']
    ])
    expect(stopped.steps[0].counts.created).toBe(4)
    expect(stopped.message?.['zh-TW']).toContain('第 2 步（訂單）')
    expect(stopped.message?.en).toMatch(/Step 2 \(orders\) stopped; the steps after it were not sent/)
    expect(sandbox.state.subscriptions).toHaveLength(0)
    expect(sandbox.state.subscriptionEvents).toHaveLength(0)
    expect(sandbox.state.customers.map((c) => c.email).sort()).toEqual([...EMAILS, ONLY_EVENTS].sort())
    // the steps are not offered one by one among the single pushes
    const jobs = await value<{ jobId: string }[]>(first, 'push.jobs', {})
    expect(jobs.filter((j) => j.jobId.startsWith(flowId))).toEqual([])
    await first.dispose?.()

    refuseOrders = false
    const second = make()
    const listed = await value<FlowListing[]>(second, 'flow.list', {})
    expect(listed.map((f) => [f.flowId, f.resumable])).toEqual([[flowId, true]])
    expect(listed[0].steps.map((s) => [s.kind, s.status])).toEqual([
      ['customers', 'finished'],
      ['orders', 'stopped'],
      ['subscriptions', 'pending'],
      ['events', 'pending']
    ])
    await value(second, 'flow.resume', { flowId })
    const done = await waitDone(second, flowId)
    expect(done.state).toBe('finished')
    expect(done.steps.map((s) => [s.kind, s.state])).toEqual([
      ['customers', 'finished'],
      ['orders', 'finished'],
      ['subscriptions', 'finished'],
      ['events', 'finished']
    ])
    expect(done.steps.slice(1).map((s) => s.counts.created)).toEqual([9, 3, 2])
    // every subscription and event references a customer the flow created
    const ids = new Map(sandbox.state.customers.map((c) => [c.id, c.email]))
    expect(sandbox.state.subscriptions.map((s) => ids.get(s.customer_id)).sort()).toEqual([...EMAILS].sort())
    expect(sandbox.state.subscriptionEvents.map((e) => ids.get(e.customer_id)).sort()).toEqual(
      [EMAILS[0], ONLY_EVENTS].sort()
    )
    expect(await value<FlowListing[]>(second, 'flow.list', {})).toEqual([])
    const report = await value<{ path: string }>(second, 'flow.exportReport', {
      flowId,
      kind: 'orders',
      format: 'xlsx'
    })
    expect(report.path).toMatch(/-2-orders\.xlsx$/)
    const wb = XLSX.read(readFileSync(report.path))
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 9 }, (_, i) => `MF-${i + 1}`))
    await second.dispose?.()
  }, 60_000)
})
