// Journey 1 (issue #11): "The Big5 sample goes through mapping and value matching, is pushed to Rehearsal with every row
// created, and the report downloads." The app's own Big5 sample, the built renderer in Debian's Chromium, the real services
// and the built-in Rehearsal server; axe on every screen; a screenshot per step in test/e2e/screenshots/journeys/.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import type { Page } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../../src-main/core/credentials/keychain'
import { openAppPage, REPO, type AppPage } from '../harness/app-page'
import { exportReportXlsx, openPushScreen, pushAndWait } from '../journey-steps'
import { journeyKit, type JourneyKit } from './kit-1-2'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const SAMPLE = '訂單-big5.csv'
// what the sample holds, read here in Big5 (the expectations come from the file, not from the app)
const LINES = iconv
  .decode(readFileSync(join(REPO, 'resources/samples', SAMPLE)), 'big5')
  .split(/\r?\n/)
  .filter(Boolean)
const HEADER = LINES[0].split(',')
const ORDERS = LINES.slice(1).map((line) => {
  const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''))
  return { orderNo: cells[0], email: cells[2], amount: cells[3].replace(/,/g, ''), paid: cells[4] === '已付款' }
})

let app: AppPage
let page: Page
let kit: JourneyKit

beforeAll(async () => {
  app = await openAppPage({ keychain, timeoutMs: 30_000 })
  page = app.page
  kit = journeyKit(app)
})

afterAll(async () => {
  await app?.close()
})

describe('journey 1: the Big5 sample → mapping → value matching → Rehearsal → report', () => {
  it('1. the first screen offers the Big5 sample', async () => {
    expect(ORDERS).toHaveLength(20)
    const sample = page.locator(`[data-testid="sample"][data-name="${SAMPLE}"]`)
    await sample.waitFor()
    expect(await sample.innerText()).toContain('Big5')
    await kit.axeClean('open')
    await kit.shot('j1-01-open.png')
  })

  it('2. the preview reads it as Big5: Chinese headers and names, no mojibake', async () => {
    await page.locator(`[data-testid="sample"][data-name="${SAMPLE}"]`).click()
    await page.getByTestId('file-name').getByText(SAMPLE).waitFor()
    expect(await page.getByTestId('encoding-picker').inputValue()).toBe('big5')
    const text = await page.locator('main').innerText()
    for (const header of HEADER) expect(text).toContain(header)
    expect(text).toContain('王小明')
    expect(text).not.toContain('\uFFFD')
    await kit.axeClean('preview')
    await kit.shot('j1-02-preview.png')
  })

  it('3. auto-mapping: the columns land on 帳獸 order fields', async () => {
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    const mapped = Object.fromEntries(
      await Promise.all(
        ['order_no', 'customer_email', 'amount', 'status', 'paid_at', 'currency', 'customer_name'].map(
          async (field) => [field, await page.getByTestId(`map-${field}`).inputValue()] as const
        )
      )
    )
    expect(mapped).toEqual({
      order_no: '訂單編號',
      customer_email: 'Email',
      amount: '金額',
      status: '付款狀態',
      paid_at: '付款時間',
      currency: '幣別',
      customer_name: '客戶姓名'
    })
    expect(await page.locator('tr[data-field="order_no"] .badge-good').innerText()).toMatch(/自動對應 \d+%/)
    await kit.waitText('chip-valid', `^${ORDERS.length} 筆可匯入$`)
    expect(await page.getByTestId('chip-errors').innerText()).toBe('0 列有錯誤')
    await kit.axeClean('prepare (mapping)')
    await page.getByTestId('map-order_no').scrollIntoViewIfNeeded()
    await kit.shot('j1-03-mapping.png')
  })

  it('4. value matching: 已付款 → paid and 待付款 → pending, shown with their zh-TW labels', async () => {
    const status = page.getByTestId('values-status')
    await status.scrollIntoViewIfNeeded()
    const rows = await status.locator('li').evaluateAll((items) =>
      items.map((li) => {
        const select = li.querySelector('select') as HTMLSelectElement
        return {
          value: li.querySelector('.value-text')?.textContent,
          count: li.querySelector('.value-text + span')?.textContent,
          match: select.value,
          shown: select.selectedOptions[0]?.textContent
        }
      })
    )
    const paid = ORDERS.filter((o) => o.paid).length
    expect(rows.sort((a, b) => String(a.value).localeCompare(String(b.value)))).toEqual(
      [
        { value: '已付款', count: `${paid} 列`, match: 'paid', shown: '已付款 (paid)' },
        { value: '待付款', count: `${ORDERS.length - paid} 列`, match: 'pending', shown: '待付款 (pending)' }
      ].sort((a, b) => a.value.localeCompare(b.value))
    )
    // every fixed-value list reads the same way: no bare destination code in the Chinese screen
    const shown = (field: string) =>
      page
        .getByTestId(`values-${field}`)
        .locator('select')
        .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent).sort())
    expect(await shown('payment_method')).toEqual(['ATM 轉帳 (atm)', '信用卡 (credit_card)', '超商代碼 (cvs)'].sort())
    expect(await shown('billing_cycle')).toEqual(
      ['單次 (one-time)', '季繳 (quarterly)', '年繳 (yearly)', '月繳 (monthly)'].sort()
    )
    // the grid shows what will be sent: the label first, the code small
    const firstPaid = ORDERS.findIndex((o) => o.paid) + 2
    const cell = page.locator(`[data-testid="rows-grid"] [data-row="${firstPaid}"] [data-column="付款狀態"]`)
    expect(await cell.locator('[data-testid="cell-normalized"]').evaluate((e) => e.textContent)).toBe('已付款paid')
    await kit.axeClean('prepare (values)')
    await kit.shot('j1-04-values.png')
  })

  it('5. the push screen plans every row for the built-in Rehearsal', async () => {
    expect(await page.getByTestId('push-open').isDisabled()).toBe(false)
    const planned = await openPushScreen(page)
    expect(planned).toBe(ORDERS.length)
    expect(await page.getByTestId('push-profile').inputValue()).toBe('rehearsal')
    expect(await page.getByTestId('push-start').innerText()).toBe('開始彩排')
    await kit.axeClean('push setup')
    await kit.shot('j1-05-push-setup.png')
  })

  it('6. pushed to Rehearsal: every row created, each with the id the server gave it', async () => {
    expect(await pushAndWait(page)).toBe('finished')
    expect(await page.getByTestId('push-end-title').innerText()).toBe('彩排完成')
    const counts = page.getByTestId('push-end-counts')
    expect(await counts.locator('[data-count="created"]').innerText()).toBe(`已新增 ${ORDERS.length}`)
    expect(await counts.locator('[data-count="failed"]').innerText()).toBe('失敗 0')
    await page.getByTestId('result-row').first().waitFor()
    const stored = await kit.rehearsalOrders()
    expect(stored.map((o) => o.order_no).sort()).toEqual(ORDERS.map((o) => o.orderNo).sort())
    const byNo = new Map(stored.map((o) => [o.order_no, o]))
    for (const o of ORDERS) {
      expect(byNo.get(o.orderNo)).toMatchObject({
        amount: `${o.amount}.00`,
        status: o.paid ? 'paid' : 'pending',
        currency: 'TWD',
        customer_email: o.email
      })
    }
    // the results table: one row per sheet row, outcome 已新增, the server's id
    // the table is virtual: read the rows on screen, scroll to the end, read again, keep one entry per sheet row
    const readRows = () =>
      page.getByTestId('result-row').evaluateAll((rows) =>
        rows.map((r) => {
          const cells = [...r.querySelectorAll('.grid-cell')].map((c) => c.textContent ?? '')
          return { row: Number(r.getAttribute('data-row')), outcome: r.getAttribute('data-outcome'), cells }
        })
      )
    const seen = new Map((await readRows()).map((r) => [r.row, r]))
    await page.getByTestId('results-grid').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await page.locator(`[data-testid="result-row"][data-row="${ORDERS.length + 1}"]`).waitFor()
    for (const r of await readRows()) seen.set(r.row, r)
    const table = [...seen.values()].sort((a, b) => a.row - b.row)
    expect(table).toHaveLength(ORDERS.length)
    for (const r of table) {
      const order = ORDERS[r.row - 2]
      expect(r.outcome).toBe('created')
      expect(r.cells.slice(1, 4)).toEqual([order.orderNo, '已新增', String(byNo.get(order.orderNo)?.id)])
    }
    await kit.axeClean('results')
    await kit.shot('j1-06-results.png')
  })

  it('7. the report downloads as Excel: one row per sheet row, 已新增 and the server id', async () => {
    const path = await exportReportXlsx(page)
    expect(existsSync(path)).toBe(true)
    const stored = new Map((await kit.rehearsalOrders()).map((o) => [o.order_no, o.id]))
    const book = XLSX.read(readFileSync(path))
    const table = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Results, { header: 1 })
    expect(table[0]).toEqual([...HEADER, '匯入結果', '編號', '原因', '訊息'])
    const body = table.slice(1)
    expect(body).toHaveLength(ORDERS.length)
    const at = (name: string) => HEADER.length + ['匯入結果', '編號'].indexOf(name)
    body.forEach((row, i) => {
      expect(row[0]).toBe(ORDERS[i].orderNo)
      expect(row[at('匯入結果')]).toBe('已新增')
      expect(row[at('編號')]).toBe(stored.get(ORDERS[i].orderNo))
    })
    expect(await page.getByTestId('results-export-path').innerText()).toMatch(/^報表已儲存：.+\.xlsx$/)
    await kit.axeClean('results (exported)')
    await page.getByTestId('results-export-path').scrollIntoViewIfNeeded()
    await kit.shot('j1-07-report.png')
    expect(app.problems).toEqual([])
    expect(await app.cspViolations()).toEqual([])
  })
})
