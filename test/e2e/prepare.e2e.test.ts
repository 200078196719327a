// Step 2 in Chromium: choose the destination, see the auto-mapping and value matches, fix a row in the virtual grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from './harness/app-page'

// the page side of waitForFunction (the Node tsconfig has no DOM lib, on purpose)
declare const document: { querySelector(selector: string): { textContent: string | null } | null }

let app: AppPage

beforeAll(async () => {
  app = await openAppPage()
})

afterAll(async () => {
  await app?.close()
})

const summary = () => app.page.getByTestId('summary').innerText()
/** Waits until the summary chips match `pattern` (a function, not a string: the strict CSP forbids eval). */
const summaryShows = (pattern: string) =>
  app.page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="summary"]')?.textContent ?? ''),
    pattern
  )

describe('preparing an import', () => {
  it('maps the Big5 sample to 帳獸 orders automatically, with confidence and value matches', async () => {
    const { page } = app
    await page.locator('[data-testid="sample"][data-name="訂單-big5.csv"]').click()
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    expect(await page.getByTestId('map-order_no').inputValue()).toBe('訂單編號')
    expect(await page.getByTestId('map-amount').inputValue()).toBe('金額')
    expect(await page.locator('tr[data-field="order_no"] .badge-good').innerText()).toMatch(/自動對應 \d+%/)
    const status = page.getByTestId('values-status')
    expect(await status.innerText()).toContain('已付款')
    expect(await status.locator('select').first().inputValue()).toBe('paid')
    expect(await summary()).toMatch(/20 筆可匯入/)
    await page.locator('[data-testid="rows-grid"] [data-row="2"]').waitFor()
    await app.screenshot('10-prepare.png')
  })

  it('shows an edited bad amount as an error on its row, filters to it, and clears it when fixed', async () => {
    const { page } = app
    const amountCell = page.locator('[data-testid="rows-grid"] [data-row="3"] [data-column="金額"]')
    const original = await amountCell.innerText()
    await amountCell.dblclick()
    await amountCell.locator('input').fill('abc')
    await amountCell.locator('input').press('Enter')
    await summaryShows('(^|\\D)1 列有錯誤')
    await page.locator('[data-testid="rows-grid"] [data-row="3"].has-error').waitFor()
    expect(await amountCell.getAttribute('class')).toContain('cell-error')
    await page.getByTestId('filter-errors').click()
    await page.locator('[data-testid="rows-grid"] [data-row="3"]').waitFor()
    expect(await page.locator('[data-testid="rows-grid"] [data-row]').count()).toBe(1)
    await app.screenshot('11-prepare-error.png')

    await amountCell.dblclick()
    await amountCell.locator('input').fill(original)
    await amountCell.locator('input').press('Enter')
    await summaryShows('(^|\\D)0 列有錯誤')
    await page.getByTestId('filter-all').click()
  })

  it('edits from the keyboard (Enter) and Esc cancels without saving', async () => {
    const { page } = app
    const cell = page.locator('[data-testid="rows-grid"] [data-row="4"] [data-column="金額"]')
    const original = await cell.innerText()
    await cell.focus()
    await cell.press('Enter')
    await cell.locator('input').fill('not money')
    await cell.locator('input').press('Escape')
    await page.waitForFunction(() => !document.querySelector('[data-testid="rows-grid"] input'))
    expect(await cell.innerText()).toBe(original)
    // a rows request goes over the same ordered channel after any stray save: zero error rows proves nothing was saved
    await page.getByTestId('filter-errors').click()
    await page.getByText('沒有符合的資料列。').waitFor()
    expect(await summary()).toMatch(/(^|\D)0 列有錯誤/)
    await page.getByTestId('filter-all').click()
  })

  it('re-validates when a value is matched differently (failed without failed_at warns)', async () => {
    const { page } = app
    // the options read 待付款 (pending) in every row: find the row by its sheet value
    const select = page
      .getByTestId('values-status')
      .locator('li', { has: page.locator('.value-text', { hasText: /^待付款$/ }) })
      .locator('select')
    await select.selectOption('failed')
    await summaryShows('(^|\\D)[1-9]\\d* 列有警告')
    expect(await select.inputValue()).toBe('failed')
    await app.screenshot('12-prepare-values.png')
    await select.selectOption('pending')
    await summaryShows('(^|\\D)0 列有警告')
  })

  it('changes the time zone and saves the mapping as a template', async () => {
    const { page } = app
    await page.getByTestId('timezone').selectOption('Asia/Tokyo')
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="timezone"]') as unknown as { value: string } | null)?.value ===
        'Asia/Tokyo'
    )
    await page.getByTestId('template-name').fill('官網訂單')
    await page.getByTestId('template-save').click()
    await page.getByText('已套用範本「官網訂單」', { exact: false }).waitFor()
    await app.screenshot('13-prepare-template.png')

    await page.getByText('管理範本').click()
    const row = page.getByTestId('template-row')
    await row.waitFor()
    await row.locator('input').fill('官網訂單 2026')
    await row.getByRole('button', { name: '改名' }).click()
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="template-row"] input') as unknown as { value: string } | null)?.value ===
        '官網訂單 2026'
    )
    await page.getByTestId('template-row').getByRole('button', { name: '刪除' }).click()
    await page.getByText('還沒有儲存的範本。').waitFor()
  })

  it('continues a saved session from the first screen', async () => {
    const { page } = app
    await page.getByRole('button', { name: '回到預覽' }).click()
    await page.getByTestId('open-another').click()
    const recent = page.locator('[data-testid="recent-session"][data-name="訂單-big5.csv"]')
    await recent.waitFor()
    await app.screenshot('14-recent-sessions.png')
    await recent.locator('button.sample').click()
    await page.getByTestId('summary').waitFor()
    expect(await page.getByTestId('timezone').inputValue()).toBe('Asia/Tokyo')
    expect(await page.getByTestId('map-order_no').inputValue()).toBe('訂單編號')
    expect(await summary()).toMatch(/20 筆可匯入/)
  })

  it('ran without CSP violations or page errors', async () => {
    expect(await app.cspViolations()).toEqual([])
    expect(app.problems).toEqual([])
  })
})
