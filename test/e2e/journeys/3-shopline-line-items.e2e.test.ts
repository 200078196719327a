// Journey 3: "SHOPLINE line items are pushed from the app after picking the delivery option and payment method."
// An xlsx of item rows (several rows per order; one order with a shipping fee and a discount) → SHOPLINE orders on the
// built-in Rehearsal connection → errors until a delivery option and payment method are picked in 連線設定 → they clear
// → push → the Rehearsal SHOPLINE holds each order once, with the right lines (運費 line, CustomDiscount) and totals.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../../src-main/core/credentials/keychain'
import { openAppPage, type AppPage } from '../harness/app-page'
import { journeyShot, numberIn, service, waitText } from './journey-kit'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const DELIVERY = '64d000000000000000000001' // 歷史訂單匯入 (custom)
const PAYMENT = '64e000000000000000000001' // 匯入 (custom)
const HEADER = ['訂單編號', 'Email', '商品名稱', '單價', '數量', '運費', '折扣', '訂單總額']
// SL-2001: 300×2 + 150×1 = 750, + 運費 80 − 折扣 50 = 780; SL-2002: 1200 + 250×2 = 1700; SL-2003: 500
const ROWS: (string | number)[][] = [
  ['SL-2001', 'amy@example.com', '凍頂烏龍茶', 300, 2, 80, 50, 780],
  ['SL-2001', 'amy@example.com', '白瓷茶杯', 150, 1, '', '', 780],
  ['SL-2002', 'ben@example.com', '朱泥茶壺', 1200, 1, '', '', 1700],
  ['SL-2002', 'ben@example.com', '錫製茶葉罐', 250, 2, '', '', 1700],
  ['SL-2003', 'cho@example.com', '竹製茶盤', 500, 1, '', '', 500]
]
interface StoredLine {
  item_type: string
  quantity?: number
  title_translations: Record<string, string>
  item_data: { name?: string }
  price: { dollars: number }
  total: { dollars: number }
}
interface StoredOrder {
  order_remarks: string | null
  customer_email: string | null
  subtotal: { dollars: number }
  total: { dollars: number }
  order_discount: { dollars: number }
  order_delivery: { delivery_option_id: string }
  order_payment: { payment_method_id: string }
  subtotal_items: StoredLine[]
  custom_discount_items: StoredLine[]
}

let app: AppPage
let page: Page
const shot = (name: string) => journeyShot(page, `3-${name}`)

/** What the app's own Rehearsal SHOPLINE stored, read over its HTTP API like any client would. */
async function storedOrders(): Promise<StoredOrder[]> {
  const { profiles } = await service<{ profiles: { id: string; baseUrl: string }[] }>(app, 'profiles.list', {})
  const root = profiles.find((p) => p.id === 'rehearsal')?.baseUrl
  expect(root).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const res = await fetch(`${root}/shopline/v1/orders?per_page=100&order_by=asc`, {
    headers: { Authorization: 'Bearer rehearsal' }
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: StoredOrder[] }).items
}

beforeAll(async () => {
  app = await openAppPage({ keychain, timeoutMs: 30_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('journey 3: SHOPLINE line items from the app', () => {
  it('an xlsx of item rows for SHOPLINE: blocked with errors until the options are picked', async () => {
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADER, ...ROWS]), '訂單明細')
    const file = join(app.harness.dataDir, 'SHOPLINE-明細.xlsx')
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('file-name').getByText('SHOPLINE-明細.xlsx').waitFor()
    await shot('01-preview.png')
    await page.getByTestId('start-target').selectOption('shopline.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    // the line-item columns map themselves
    for (const [field, column] of [
      ['items.name', '商品名稱'],
      ['items.item_price', '單價'],
      ['shipping_fee', '運費'],
      ['discount', '折扣'],
      ['order_total', '訂單總額']
    ])
      expect(await page.getByTestId(`map-${field}`).inputValue()).toBe(column)
    expect(await numberIn(page, 'chip-errors')).toBeGreaterThan(0)
    expect(await page.getByTestId('push-open').isDisabled()).toBe(true)
    expect(await page.getByTestId('push-blocked-reason').innerText()).toContain('SHOPLINE 連線')
    expect(await page.getByTestId('shipping-as-line').isChecked()).toBe(true)
    // the issues panel names the connection setting and the field, never their raw keys
    const issues = await page.getByTestId('issues-panel').innerText()
    expect(issues).toContain('SHOPLINE 連線')
    expect(issues).toContain('訂單日期')
    expect(issues).not.toMatch(/delivery_option_id|payment_method_id|order_date/)
    await page.getByTestId('issues-panel').scrollIntoViewIfNeeded()
    await shot('02-blocked.png')
  })

  it('the shipping line is named, the delivery option and payment method picked: the errors clear', async () => {
    await page.getByTestId('shipping-line-name').fill('宅配運費')
    await page.getByTestId('shipping-line-name').blur()
    await page.getByTestId('shopline-open-connections').click()
    await page.locator('[data-testid="profile-item"][data-id="rehearsal"]').click()
    await page.getByTestId('shopline-load').click()
    await page.getByTestId('delivery-picker').selectOption(DELIVERY)
    await page.getByTestId('payment-picker').selectOption(PAYMENT)
    await page.getByTestId('shopline-save').scrollIntoViewIfNeeded()
    await shot('03-pickers.png')
    await page.getByTestId('shopline-save').click()
    await page.getByTestId('shopline-current').getByText('歷史訂單匯入').waitFor()
    await page.getByTestId('profiles-close').click()

    await waitText(page, 'chip-errors', '(^|\\D)0 列有錯誤')
    expect(await page.getByTestId('chip-valid').innerText()).toMatch(/(^|\D)3 張訂單可匯入/)
    expect(await page.getByTestId('shopline-profile-picker').inputValue()).toBe('rehearsal')
    expect(await page.getByTestId('shopline-profile-state').innerText()).toContain('歷史訂單匯入')
    expect(await page.getByTestId('push-open').isDisabled()).toBe(false)
    await page.getByTestId('shipping-choice').scrollIntoViewIfNeeded()
    await shot('04-ready.png')
  })

  it('pushes: the Rehearsal SHOPLINE holds each order once, with its lines and totals', async () => {
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-plan').waitFor()
    expect(await page.getByTestId('push-profile').inputValue()).toBe('rehearsal')
    // five item rows are three orders, one request each; the money is the orders' totals (780 + 1700 + 500)
    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(ROWS.length)
    expect(Number(await page.getByTestId('summary-requests').getAttribute('data-value'))).toBe(3)
    const totals = page.getByTestId('summary-currencies').locator('li')
    expect(await totals.evaluateAll((els) => els.map((e) => e.getAttribute('data-total')))).toEqual(['2980.00'])
    await shot('05-push-dialog.png')
    await page.getByTestId('push-start').click()
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    expect(await page.getByTestId('push-end-counts').innerText()).toMatch(/已新增 3(\D|$)/)
    await page.getByTestId('result-row').first().waitFor()
    // the created SHOPLINE id is shown whole, not cut off
    const idCell = page.locator('[data-testid="result-row"] .result-id').first()
    expect(await idCell.innerText()).toMatch(/^65a[0-9a-f]{21}$/)
    expect(await idCell.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
    await shot('06-results.png')

    const orders = await storedOrders()
    const byNo = new Map(orders.map((o) => [o.order_remarks?.match(/原訂單編號: ([^ |]+)/)?.[1], o]))
    expect(orders).toHaveLength(3)
    expect([...byNo.keys()].sort()).toEqual(['SL-2001', 'SL-2002', 'SL-2003'])
    const lines = (o: StoredOrder | undefined) =>
      o?.subtotal_items.map((l) => [l.item_data.name, l.price.dollars, l.quantity, l.total.dollars])
    const a = byNo.get('SL-2001')
    expect(lines(a)).toEqual([
      ['凍頂烏龍茶', 300, 2, 600],
      ['白瓷茶杯', 150, 1, 150],
      ['宅配運費', 80, 1, 80]
    ])
    expect(a?.custom_discount_items.map((l) => [l.item_type, l.total.dollars])).toEqual([['CustomDiscount', 50]])
    expect([a?.subtotal.dollars, a?.order_discount.dollars, a?.total.dollars]).toEqual([830, 50, 780])
    expect(a?.customer_email).toBe('amy@example.com')
    const b = byNo.get('SL-2002')
    expect(lines(b)).toEqual([
      ['朱泥茶壺', 1200, 1, 1200],
      ['錫製茶葉罐', 250, 2, 500]
    ])
    expect([b?.subtotal.dollars, b?.total.dollars, b?.custom_discount_items.length]).toEqual([1700, 1700, 0])
    expect(lines(byNo.get('SL-2003'))).toEqual([['竹製茶盤', 500, 1, 500]])
    expect(byNo.get('SL-2003')?.total.dollars).toBe(500)
    for (const o of orders) {
      expect(o.order_delivery.delivery_option_id).toBe(DELIVERY)
      expect(o.order_payment.payment_method_id).toBe(PAYMENT)
    }
    expect(app.problems).toEqual([])
  })
})
