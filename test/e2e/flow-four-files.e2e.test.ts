// 多檔匯入 in Chromium against the rehearsal server: four files pushed in the guide's order as one job (per-step counts,
// subscriptions and events linked to the customers created), then a workbook whose orders step the server refuses:
// the flow stops there, says which step and why, and subscriptions / events are never sent. Screenshots: multi-*.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import * as XLSX from 'xlsx'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { dispatch } from '../../src-main/services/dispatch'
import { seriousA11yViolations } from './axe'
import { openAppPage, type AppPage } from './harness/app-page'
import type { Harness } from './harness/server'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const FULL = 'zs_e2e_MultiFull_Token_7731'
// may create customers and subscriptions, but not orders: the orders step is refused (403)
const NO_ORDERS = 'zs_e2e_MultiNoOrders_Token_7732'
const EMAILS = ['amy@example.com', 'bo@example.com', 'chen@example.com']
const LATER = ['dan@example.com', 'eve@example.com']

let app: AppPage
let harness: Harness
let page: Page
let shop: Sandbox
let dir: string
let fullId = ''
let noOrdersId = ''

async function service<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(harness.services.methods, method, args)) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

type Rows = string[][]
const customers = (): Rows => [['Email', 'Name', 'Phone'], ...EMAILS.map((e, i) => [e, `客戶${i}`, '0911000111'])]
const orders = (emails: string[], n: number, prefix: string): Rows => [
  ['Order No', 'Amount', 'Customer Email', 'Customer Name', 'Status', 'Currency', 'Paid At'],
  ...Array.from({ length: n }, (_, i) => [
    `${prefix}-${i + 1}`,
    `${100 + i}.00`,
    emails[i % emails.length],
    `客戶${i % emails.length}`,
    'paid',
    'TWD',
    '2025-11-30 10:15'
  ])
]
const subscriptions = (emails: string[]): Rows => [
  ['Customer Email', 'MRR', 'Billing Cycle', 'Started At', 'Current Period Start', 'Plan Name'],
  ...emails.map((e) => [e, '990.00', 'monthly', '2025-01-01 00:00', '2025-11-01 00:00', 'Pro'])
]
const events = (emails: string[]): Rows => [
  ['客戶 Email', '事件類型', 'MRR 變化金額', '事件發生時間', '變更前金額', '變更後金額'],
  ...emails.flatMap((e, c) => [
    [e, 'created', '490.00', `2025-01-1${c}T00:30:00Z`, '0.00', '490.00'],
    [e, 'upgrade', '500.00', `2025-03-1${c}T00:30:00Z`, '490.00', '990.00']
  ])
]
function csv(name: string, rows: Rows): string {
  const path = join(dir, name)
  writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n')
  return path
}

const shot = (name: string) => app.screenshot(name)
const stateOf = (kind: string) => page.getByTestId(`flow-step-${kind}`).getAttribute('data-state')
const created = async (kind: string) =>
  (await page.getByTestId(`flow-step-${kind}-counts`).locator('[data-count="created"]').textContent())?.replace(
    /\D/g,
    ''
  )
const posts = (suffix: string) =>
  shop.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith(suffix)).length

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-multi-'))
  const write = ['customers:read', 'customers:write', 'orders:read', 'subscriptions:read', 'subscriptions:write']
  shop = await startSandbox({
    port: 0,
    tokens: { [FULL]: { api: 'zangsho' }, [NO_ORDERS]: { api: 'zangsho', abilities: write } }
  })
  app = await openAppPage({ keychain, timeoutMs: 30_000 })
  ;({ page, harness } = app)
  for (const [name, token] of [
    ['帳獸', FULL],
    ['帳獸（無訂單權限）', NO_ORDERS]
  ]) {
    const p = await service<{ id: string }>('profiles.save', {
      name,
      destination: 'zangsho',
      baseUrl: shop.zangshoBaseUrl,
      timezone: 'UTC',
      pacing: { minIntervalMs: 0, batchSize: 5 }
    })
    await service('profiles.setToken', { id: p.id, token })
    if (token === FULL) fullId = p.id
    else noOrdersId = p.id
  }
})

afterAll(async () => {
  await app?.close()
  await shop?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('多檔匯入: four files in the guide order as one job', () => {
  it('four files: each reviewed on the usual screen, pushed customers → orders → subscriptions → events', async () => {
    await page.getByTestId('flow-entry').click()
    await page.getByTestId('flow-import').waitFor()
    const files = {
      customers: csv('顧客.csv', customers()),
      orders: csv('訂單.csv', orders(EMAILS, 12, 'MF')),
      subscriptions: csv('訂閱.csv', subscriptions(EMAILS)),
      events: csv('訂閱事件.csv', events(EMAILS))
    }
    for (const [kind, path] of Object.entries(files)) {
      await page.getByTestId(`flow-file-${kind}`).setInputFiles(path)
      await page.getByTestId(`flow-slot-${kind}-rows`).waitFor()
    }
    expect(await page.getByTestId('flow-slot-orders-rows').textContent()).toContain('12 列可送出 · 0 列有錯誤')
    expect(await page.getByTestId('flow-slot-events-rows').textContent()).toContain('6 列可送出')
    expect(await seriousA11yViolations(page)).toEqual([])
    await shot('multi-01-four-files.png')

    // the orders file on the usual prepare screen, destination preset; back returns to the steps
    await page.getByTestId('flow-review-orders').click()
    await page.getByTestId('target-picker').waitFor()
    expect(await page.getByTestId('target-picker').inputValue()).toBe('zangsho.orders')
    await shot('multi-02-review-orders.png')
    await page.getByRole('button', { name: '回到多檔匯入' }).click()
    await page.getByTestId('flow-import').waitFor()
    expect(await page.getByTestId('flow-slot-orders-file').textContent()).toContain('訂單.csv')

    await page.getByTestId('flow-profile').selectOption(fullId)
    await page.getByTestId('flow-start').click()
    await page.locator('[data-testid="flow-progress"][data-state="finished"]').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('flow-outcome').textContent()).toContain('全部步驟都完成了')
    for (const kind of ['customers', 'orders', 'subscriptions', 'events']) expect(await stateOf(kind)).toBe('finished')
    expect([
      await created('customers'),
      await created('orders'),
      await created('subscriptions'),
      await created('events')
    ]).toEqual(['3', '12', '3', '6'])
    expect(await page.getByTestId('flow-step-orders-done').textContent()).toBe('12 / 12')
    expect(await seriousA11yViolations(page)).toEqual([])
    await shot('multi-03-finished.png')

    // on the server: the three customers, each order / subscription / event linked to one of them
    const ids = new Map(shop.state.customers.map((c) => [c.id, c.email]))
    expect([...ids.values()].sort()).toEqual([...EMAILS].sort())
    expect(shop.state.orders).toHaveLength(12)
    expect(shop.state.subscriptions.map((s) => ids.get(s.customer_id)).sort()).toEqual([...EMAILS].sort())
    expect(shop.state.subscriptionEvents.map((e) => ids.get(e.customer_id)).sort()).toEqual(
      EMAILS.flatMap((e) => [e, e]).sort()
    )
    expect(shop.state.customers.find((c) => c.email === 'amy@example.com')?.phone).toBe('0911000111')

    // one step's report: the orders sheet with an outcome per row
    await page.getByTestId('flow-export-orders').click()
    await page.getByText(/報表已儲存：.*-2-orders\.xlsx/).waitFor()
  }, 120_000)

  it('a workbook whose orders step the server refuses: later steps are not sent, the UI names the step and why', async () => {
    await page.reload()
    await page.getByTestId('flow-entry').click()
    const wb = XLSX.utils.book_new()
    const add = (rows: Rows, name: string) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name)
    add(orders(LATER, 4, 'NO'), '工作表1')
    add(subscriptions(LATER), 'Subscriptions')
    add(events(LATER), '訂閱事件')
    add([['說明'], ['notes']], 'README')
    const book = join(dir, 'shop.xlsx')
    writeFileSync(book, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)
    await page.getByTestId('flow-workbook-file').setInputFiles(book)
    await page.getByTestId('flow-sheets').waitFor()
    const kinds = await page
      .getByTestId('flow-sheet-kind')
      .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))
    expect(kinds).toEqual(['orders', 'subscriptions', 'events', ''])
    await shot('multi-04-workbook-sheets.png')
    await page.getByTestId('flow-sheets-confirm').click()
    await page.getByTestId('flow-slot-events-rows').waitFor()
    expect(await page.getByTestId('flow-slot-orders-file').textContent()).toContain('shop.xlsx / 工作表1')
    expect(await page.getByTestId('flow-slot-customers').textContent()).toContain(
      '會從訂單、訂閱與訂閱事件的 Email 建立顧客'
    )

    const before = { subs: posts('/subscriptions/batch'), events: posts('/subscriptions/events') }
    await page.getByTestId('flow-profile').selectOption(noOrdersId)
    await page.getByTestId('flow-start').click()
    await page.locator('[data-testid="flow-progress"][data-state="stopped"]').waitFor({ timeout: 60_000 })
    expect([
      await stateOf('customers'),
      await stateOf('orders'),
      await stateOf('subscriptions'),
      await stateOf('events')
    ]).toEqual(['finished', 'stopped', 'skipped', 'skipped'])
    expect(await created('customers')).toBe('2')
    const outcome = await page.getByTestId('flow-outcome').textContent()
    expect(outcome).toContain('在第 2 步（訂單）停止')
    expect(outcome).toContain('之後的步驟沒有送出')
    expect(outcome).toMatch(/orders:write/)
    // nothing after the refused step reached the server
    expect({ subs: posts('/subscriptions/batch'), events: posts('/subscriptions/events') }).toEqual(before)
    expect(shop.state.customers.filter((c) => LATER.includes(c.email))).toHaveLength(2)
    // the stopped flow is offered for resuming, like an unfinished single push
    await page.getByTestId('flow-unfinished').waitFor()
    expect(await page.getByTestId('flow-resume').count()).toBe(1)
    expect(await seriousA11yViolations(page)).toEqual([])
    await shot('multi-05-orders-refused.png')
  }, 120_000)
})
