// Issue 11 A2: a constant is safe. 退款時間 given as a constant fills only the refunded order (not the paid or pending
// ones), the screen says how many rows it will fill before anything is applied, and a mapped column keeps its own values.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { dispatch } from '../../src-main/services/dispatch'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

declare const document: { querySelector(selector: string): { textContent: string | null } | null }

const TOKEN = 'zs_e2e_Constants_Token_8812'
const CSV = [
  '訂單編號,Email,金額,狀態,付款時間,姓名',
  'K-1,a@example.com,100,已付款,2026-01-02 10:00,王小明',
  'K-2,b@example.com,200,已付款,2026-01-03 10:00,',
  'K-3,c@example.com,300,待付款,,陳大文',
  'K-4,d@example.com,400,已退款,2026-01-04 10:00,',
  'K-5,e@example.com,500,待付款,,',
  'K-6,f@example.com,600,已付款,2026-01-06 10:00,林美'
].join('\n')

let app: AppPage
let page: Page
let shop: Sandbox
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
const waitText = (testId: string, pattern: string) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testId, pattern] as const
  )

async function service<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(app.harness.services.methods, method, args)) as {
    ok: boolean
    value?: T
    error?: unknown
  }
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

beforeAll(async () => {
  shop = await startSandbox({ port: 0, tokens: { [TOKEN]: { api: 'zangsho' } } })
  app = await openAppPage({ keychain, timeoutMs: 30_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
  await shop?.close()
})

describe('constants', () => {
  it('says how many rows a 退款時間 constant will fill, before applying it', async () => {
    const file = join(app.harness.dataDir, 'six-orders.csv')
    writeFileSync(file, CSV)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await waitText('chip-warnings', '^1 列有警告$')
    await page.getByTestId('map-refunded_at').selectOption({ label: '固定值…' })
    const reach = page.getByTestId('constant-reach-refunded_at')
    await waitText('constant-reach-refunded_at', '會填入 1 列')
    expect(await reach.innerText()).toBe('會填入 1 列（共 6 列）：只填狀態是「已退款」而且這一欄空白的列。')
    // nothing applied yet: the warning is still there
    expect(await page.getByTestId('chip-warnings').innerText()).toBe('1 列有警告')
    await page.getByTestId('constant-refunded_at').fill('2026-01-09 08:00')
    await shot('review-30-constant-reach.png')
    expect(await page.getByTestId('constant-apply-refunded_at').innerText()).toBe('填入 1 列')
    await page.getByTestId('constant-apply-refunded_at').click()
    await waitText('chip-warnings', '^0 列有警告$')
    await page.getByTestId('fill-refunded_at').getByText('固定值「2026-01-09 08:00」').waitFor()
  })

  it('a mapped column takes a constant only in its empty cells', async () => {
    await page.getByTestId('fill-customer_name').click()
    await waitText('constant-reach-customer_name', '會填入 3 列')
    await page.getByTestId('constant-customer_name').fill('匿名')
    await page.getByTestId('constant-apply-customer_name').click()
    await page.getByTestId('fill-customer_name').getByText('空白時填入「匿名」').waitFor()
    expect(await page.getByTestId('map-customer_name').inputValue()).toBe('姓名')
  })

  it('the pushed orders: refunded_at only on the refunded one, names kept where given', async () => {
    const profile = await service<{ id: string }>('profiles.save', {
      name: '帳獸',
      destination: 'zangsho',
      baseUrl: shop.zangshoBaseUrl
    })
    await service('profiles.setToken', { id: profile.id, token: TOKEN })
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-profile').selectOption(profile.id)
    await page.getByTestId('push-plan').getByText('帳獸').first().waitFor()
    await page.getByTestId('push-start').click()
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    const byNo = new Map(shop.state.orders.map((o) => [o.order_no, o as unknown as Record<string, unknown>]))
    expect(byNo.size).toBe(6)
    expect([...byNo.values()].filter((o) => o.refunded_at).map((o) => o.order_no)).toEqual(['K-4'])
    await page.getByTestId('push-close').click()
    // the name goes to the order's customer (帳獸 makes one per e-mail)
    const names = new Map(shop.state.customers.map((c) => [c.email, c.name]))
    expect([names.get('a@example.com'), names.get('b@example.com'), names.get('f@example.com')]).toEqual([
      '王小明',
      '匿名',
      '林美'
    ])
  })

  it('"set a value on the selected rows": click, shift-click, ctrl-click, select all; set, exclude, include', async () => {
    const select = (n: number, modifiers: ('Shift' | 'Control')[] = []) =>
      page.locator(`[data-testid="rows-grid"] [data-row="${n}"] [data-testid="row-select"]`).click({ modifiers })
    const name = (n: number) =>
      page.locator(`[data-testid="rows-grid"] [data-row="${n}"] [data-column="姓名"]`).innerText()
    await select(4)
    await select(6, ['Shift'])
    await waitText('selection-count', '^已選 3 列$')
    await select(2, ['Control'])
    await waitText('selection-count', '^已選 4 列$')
    await select(5, ['Control'])
    await waitText('selection-count', '^已選 3 列$')
    expect(
      await page
        .locator('[data-testid="rows-grid"] .grid-row.is-selected')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))
    ).toEqual(['2', '4', '6'])
    await page.getByTestId('selection-column').selectOption('姓名')
    await page.getByTestId('selection-value').fill('團購')
    expect(await page.getByTestId('selection-set').innerText()).toBe('設定到所選的 3 列')
    await page.getByTestId('selection-set').click()
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="rows-grid"] [data-row="6"] [data-column="姓名"]')?.textContent === '團購'
    )
    expect([await name(2), await name(3), await name(4), await name(5), await name(6), await name(7)]).toEqual([
      '團購',
      '匿名',
      '團購',
      '匿名',
      '團購',
      '林美'
    ]) // the grid shows what will be sent: empty names take the constant
    await page.getByTestId('selection-exclude').click()
    await waitText('chip-valid', '^3 筆可匯入$')
    await page.getByTestId('selection-include').click()
    await waitText('chip-valid', '^6 筆可匯入$')
    await page.getByTestId('select-all').click()
    await waitText('selection-count', '^已選 6 列$')
    await shot('review-32-selection.png')
    await page.getByTestId('selection-clear').click()
  })

  it('reads in English with plurals', async () => {
    await page.getByTestId('lang-en').click()
    await page.getByTestId('fill-refunded_at').click()
    await waitText('constant-reach-refunded_at', 'Fills 1 row \\(of 6\\)')
    expect(await page.getByTestId('constant-apply-refunded_at').innerText()).toBe('Fill 1 row')
    await shot('review-31-constant-en.png')
    expect(app.problems).toEqual([])
  })
})
