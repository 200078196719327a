// Issue 11 B: fixing at scale. The issues panel groups errors by rule and column with counts, a click filters the grid,
// group fixes (set a value, match a value, keep the first duplicate) clear them, find & replace shows its count
// before applying and is re-validated, and arrow keys / F8 move the focus to the expected cell.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'

declare const document: {
  querySelector(selector: string): { textContent: string | null } | null
  activeElement: Element | null
}
interface Element {
  getAttribute(name: string): string | null
  closest(selector: string): Element | null
}

const CSV = [
  '訂單編號,Email,金額,狀態,付款時間',
  'D-1,a@example.com,100,已付款,2026-01-02 10:00',
  'D-2,a@example.com,200,已付款,2026-01-03 10:00',
  'D-3,not-mail,300,待付款,',
  'D-4,x@,30O,待付款,',
  'D-5,e@example.com,40O,不明,',
  'D-6,f@example.com,600,已付款,2026-01-06 10:00'
].join('\n')

let app: AppPage
let page: Page
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
const waitText = (testId: string, pattern: string) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testId, pattern] as const
  )
const group = (code: string) => page.locator(`[data-testid="issue-group"][data-code="${code}"]`)
const errorGroups = () =>
  page
    .locator('[data-testid="issue-group"].is-error')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.getAttribute('data-code')}@${e.getAttribute('data-column')}=${e.querySelector('[data-testid="issue-count"]')?.textContent}`
      )
    )
const gridRows = () =>
  page
    .locator('[data-testid="rows-grid"] .grid-row[data-row]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))
const cell = (row: number, column: string) =>
  page.locator(`[data-testid="rows-grid"] [data-row="${row}"] [data-column="${column}"]`)
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement
    return `${el?.closest('[data-row]')?.getAttribute('data-row')}:${el?.getAttribute('data-column')}`
  })

beforeAll(async () => {
  app = await openAppPage({ timeoutMs: 30_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('review and fix', () => {
  it('the issues panel groups the errors by rule and column, with counts', async () => {
    const file = join(app.harness.dataDir, 'errors.csv')
    writeFileSync(file, CSV)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await group('money_invalid').waitFor()
    expect((await errorGroups()).sort()).toEqual([
      'email_invalid@Email=2',
      'money_invalid@金額=2',
      'value_unmatched@狀態=1'
    ])
    expect(await page.getByTestId('keys-hint').innerText()).toContain('F8')
    await shot('review-fix-01-issues-panel.png')
  })

  it('arrow keys move between cells; F8 / Shift+F8 go to the next / previous error', async () => {
    await cell(2, '訂單編號').focus()
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('2:Email')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('3:Email')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowUp')
    expect(await focused()).toBe('2:訂單編號')
    await page.keyboard.press('F8')
    expect(await focused()).toBe('4:Email') // the first error of row 4 is its e-mail
    await page.keyboard.press('F8')
    expect(await focused()).toBe('5:Email')
    await page.keyboard.press('Alt+ArrowDown')
    expect(await focused()).toBe('6:金額')
    await page.keyboard.press('Shift+F8')
    expect(await focused()).toBe('5:Email')
  })

  it('clicking a group filters the grid to its rows; set a value fixes the group', async () => {
    await group('email_invalid').locator('.issue-group-head').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="rows-grid"] [data-row="2"]') === null)
    expect(await gridRows()).toEqual([4, 5])
    await group('email_invalid').getByTestId('group-value').fill('fixed@example.com')
    expect(await group('email_invalid').getByTestId('group-set').innerText()).toBe('設定到 2 列')
    await shot('review-fix-02-group-filtered.png')
    await group('email_invalid').getByTestId('group-set').click()
    await group('email_invalid').waitFor({ state: 'detached' })
    // the group is gone, so the grid lists every row again, with the value set
    await cell(2, 'Email').waitFor()
    expect(await cell(4, 'Email').innerText()).toBe('fixed@example.com')
    expect(await cell(5, 'Email').innerText()).toBe('fixed@example.com')
  })

  it('match a value: the unmatched status becomes pending', async () => {
    await group('value_unmatched').getByTestId('group-match').selectOption('pending')
    await group('value_unmatched').waitFor({ state: 'detached' })
    expect((await errorGroups()).sort()).toEqual(['money_invalid@金額=2'])
  })

  it('find & replace shows how many cells it will change, then applies them and re-validates', async () => {
    await page.getByTestId('replace-column').selectOption('金額')
    await page.getByTestId('replace-find').fill('O')
    await page.getByTestId('replace-with').fill('0')
    await page.getByTestId('replace-count').click()
    await waitText('replace-preview', '2')
    expect(await page.getByTestId('replace-preview').innerText()).toBe('將變更 2 個儲存格')
    // counted, not applied yet
    expect(await cell(5, '金額').innerText()).toBe('30O')
    await shot('review-fix-03-replace-count.png')
    await page.getByTestId('replace-apply').click()
    await waitText('replace-done', '已取代 2 個儲存格')
    // the grid shows what will be sent (1990.00), the typed text with "show original"
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="rows-grid"] [data-row="5"] [data-column="金額"]')?.textContent ===
        '300.00'
    )
    expect(await cell(6, '金額').innerText()).toBe('400.00')
    await group('money_invalid').waitFor({ state: 'detached' })
    expect(await errorGroups()).toEqual([])
    await waitText('chip-errors', '^0 ')
  })

  it('shows normalized values: money with decimals, times in the zone, enum labels with the code; the original on toggle', async () => {
    expect(await cell(2, '金額').innerText()).toBe('100.00')
    expect(await cell(2, '金額').locator('[data-testid="cell-normalized"]').getAttribute('title')).toBe(
      '試算表原本是：100'
    )
    expect(await cell(2, '付款時間').innerText()).toBe('2026-01-02 10:00')
    expect(
      await cell(2, '狀態')
        .locator('[data-testid="cell-normalized"]')
        .evaluate((e) => e.textContent)
    ).toBe('已付款paid')
    expect(await cell(2, '狀態').locator('.enum-code').innerText()).toBe('paid')
    expect(await cell(6, '狀態').locator('.enum-code').innerText()).toBe('pending') // 不明, matched to pending
    await shot('review-fix-04-normalized.png')
    await page.getByTestId('show-original').check()
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="rows-grid"] [data-row="2"] [data-column="金額"]')?.textContent === '100'
    )
    expect(await cell(6, '狀態').innerText()).toBe('不明')
    expect(await cell(5, '金額').innerText()).toBe('300')
    await page.getByTestId('show-original').uncheck()
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="rows-grid"] [data-row="2"] [data-column="金額"]')?.textContent ===
        '100.00'
    )
  })

  it('customers: rows of one e-mail are one customer (no duplicates), the chip says from how many rows', async () => {
    await page.getByTestId('target-picker').selectOption('zangsho.customers')
    // after the fixes above all six rows are valid; the rows sharing an e-mail (D-1 and D-2: a@example.com) are one customer
    await waitText('chip-valid', '^4 位顧客可匯入（來自 6 列）$')
    expect(await group('duplicate_email').count()).toBe(0)
  })

  it('duplicates: keep the first of each, exclude the rest', async () => {
    await page.getByTestId('target-picker').selectOption('zangsho.subscriptions') // one subscription per customer
    const dup = group('duplicate_subscription_customer')
    await dup.waitFor()
    expect(await dup.getByTestId('issue-count').innerText()).toBe('4')
    await shot('review-fix-05-duplicates.png')
    await dup.getByTestId('group-keep-first').click()
    await dup.waitFor({ state: 'detached' })
    await page.getByTestId('filter-excluded').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="rows-grid"] [data-row="2"]') === null)
    expect(await gridRows()).toEqual([3, 5])
  })

  it('reads in English', async () => {
    await page.getByTestId('filter-all').click()
    await page.getByTestId('lang-en').click()
    await page.getByTestId('find-replace').getByText('Replace with').waitFor()
    expect(await page.getByTestId('keys-hint').innerText()).toContain('next / previous error')
    await shot('review-fix-06-english.png')
  })
})
