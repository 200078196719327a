// Issue 11 B: fix in Excel and bring it back (export the error rows, fix the copy with the xlsx package, re-open it into
// the same preparation, see the summary, apply, rows valid), and the grid gets the room (sticky bar with 匯入, folded
// mapping, problem column in view, 7-digit row numbers, a grid as tall as the viewport allows) on a 10,000-row file.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'

declare const document: { querySelector(selector: string): { textContent: string | null } | null }

let app: AppPage
let page: Page
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: false })
const row = (n: number) => page.locator(`[data-testid="rows-grid"] [data-row="${n}"]`)
const chipShows = (pattern: string) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="chip-errors"]')?.textContent ?? ''),
    pattern
  )

async function openCsv(name: string, text: string): Promise<void> {
  const file = join(app.harness.dataDir, name)
  writeFileSync(file, text)
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('file-name').getByText(name).waitFor()
  await page.getByTestId('start-target').selectOption('zangsho.orders')
  await page.getByTestId('start-prepare').click()
  await page.getByTestId('summary').waitFor()
}

beforeAll(async () => {
  app = await openAppPage({ timeoutMs: 60_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('fix in Excel and bring it back', () => {
  it('exports the error rows, re-opens the fixed copy into the same session, shows the summary, applies it', async () => {
    const csv = [
      '訂單編號,金額,Email,付款狀態',
      'A1,100,a@example.com,已付款',
      'A2,abc,b@example.com,已付款',
      'A3,300,c@example.com,已付款',
      'A4,xyz,d@example.com,已付款'
    ]
    await openCsv('fix-me.csv', csv.join('\n'))
    await chipShows('^2 列有錯誤$')
    await page.getByTestId('mapping-confirm').click()
    await page.getByTestId('mapping-collapsed').waitFor()
    expect(await page.getByTestId('mapping-collapsed').innerText()).toMatch(/欄位對應：\d+ 個欄位已對應/)

    await page.getByTestId('export-errors').click()
    const note = await page.getByTestId('fix-note').filter({ hasText: '已匯出' }).innerText()
    const path = note.match(/已匯出 2 列到 (.+\.xlsx)。/)?.[1]
    expect(path).toBeTruthy()
    await shot('fix-excel-01-exported.png')

    // "Excel": the two amounts fixed; row 5's sheet-row cell cleared (found by its order number); one order the file never had
    const book = XLSX.read(readFileSync(path as string))
    const sheet = book.Sheets[book.SheetNames[0]]
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })
    expect(aoa.map((r) => r.slice(0, 3))).toEqual([
      ['原始列號', '訂單編號', '金額'],
      [3, 'A2', 'abc'],
      [5, 'A4', 'xyz']
    ])
    expect(String(aoa[1][5])).toMatch(/金額/)
    sheet.C2 = { t: 'n', v: 250 }
    sheet.A3 = { t: 's', v: '' }
    sheet.C3 = { t: 's', v: '450' }
    XLSX.utils.sheet_add_aoa(sheet, [[null, 'ZZ9', '1', 'z@example.com', '已付款', '']], { origin: -1 })
    const fixed = join(app.harness.dataDir, 'fix-me-fixed.xlsx')
    writeFileSync(fixed, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)

    await page.getByTestId('reopen-fixed-input').setInputFiles(fixed)
    await page.getByTestId('merge-summary').waitFor()
    expect(await page.getByTestId('merge-headline').innerText()).toBe('2 列將更新（2 個儲存格）、1 列找不到對應')
    expect(await page.getByTestId('merge-unmatched').innerText()).toContain('原檔找不到「ZZ9」')
    // nothing applied yet
    await chipShows('^2 列有錯誤$')
    await shot('fix-excel-02-summary.png')

    await page.getByTestId('merge-apply').click()
    await chipShows('^0 列有錯誤$')
    await page.getByTestId('fix-note').filter({ hasText: '已帶入 2 列的修正' }).waitFor()
    await row(3).locator('[data-column="金額"]').filter({ hasText: '250' }).waitFor()
    await row(5).locator('[data-column="金額"]').filter({ hasText: '450' }).waitFor()
    expect(await row(3).locator('[data-column="金額"]').getAttribute('class')).toContain('cell-edited')
    expect(await page.getByTestId('push-open').isDisabled()).toBe(false)
    await shot('fix-excel-03-applied.png')
    expect(app.problems).toEqual([])
  })
})

describe('the grid gets the room', () => {
  it('on 10,000 rows: the sticky bar and 匯入 stay in view, the problem column stays visible, row numbers fit 7 digits', async () => {
    await page
      .getByRole('button', { name: '返回' })
      .first()
      .click()
      .catch(() => undefined)
    const notes = Array.from({ length: 8 }, (_, i) => `備註${i + 1}`)
    const lines = [`訂單編號,Email,金額,付款狀態,${notes.join(',')}`]
    for (let i = 1; i <= 10_000; i++)
      lines.push(
        `B${i},u${i}@example.com,${i % 500 === 0 ? 'bad' : 100 + i},已付款,${notes.map((n) => `${n}-${i}`).join(',')}`
      )
    await openCsv('big.csv', lines.join('\n'))
    await chipShows('^20 列有錯誤$')
    const gridBefore = await page.getByTestId('rows-grid').boundingBox()
    expect(gridBefore?.height ?? 0).toBeGreaterThan(600)
    await page.getByTestId('mapping-confirm').click()
    await page.getByTestId('mapping-collapsed').waitFor()
    await page.getByTestId('mapping-edit').click()
    await page.getByTestId('mapping-confirm').click()
    await shot('fix-excel-04-collapsed.png')

    // scroll the page and the grid to the bottom
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)')
    await page.evaluate(
      `(() => { const g = document.querySelector('[data-testid="rows-grid"]'); g.scrollTop = g.scrollHeight })()`
    )
    await row(10_001).waitFor()
    const inView = async (testId: string) =>
      page.evaluate(
        `(() => { const r = document.querySelector('[data-testid="${testId}"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 })()`
      )
    expect(await inView('review-bar')).toBe(true)
    expect(await inView('push-open')).toBe(true)
    expect(await inView('chip-errors')).toBe(true)

    // sideways: the problem column stays at the grid's right edge
    await page.evaluate(
      `(() => { const g = document.querySelector('[data-testid="rows-grid"]'); g.scrollLeft = 400 })()`
    )
    const issues = (await page.evaluate(`(() => {
      const g = document.querySelector('[data-testid="rows-grid"]').getBoundingClientRect()
      const c = document.querySelector('[data-testid="rows-grid"] [data-row="10001"] .issues-cell').getBoundingClientRect()
      return { gridRight: g.right, cellRight: c.right, cellLeft: c.left, gridLeft: g.left }
    })()`)) as { gridRight: number; cellRight: number; cellLeft: number; gridLeft: number }
    expect(issues.cellRight).toBeLessThanOrEqual(issues.gridRight)
    expect(issues.cellRight).toBeGreaterThan(issues.gridRight - 30)
    expect(issues.cellLeft).toBeGreaterThan(issues.gridLeft)
    expect(await row(10_001).locator('.issues-cell').getAttribute('title')).toMatch(/金額/)

    // a 7-digit row number fits its cell without being cut
    const fits = await page.evaluate(`(() => {
      const b = document.querySelector('[data-testid="rows-grid"] [data-row="10001"] [data-testid="row-select"]')
      const old = b.textContent
      b.textContent = '1000000'
      const cell = b.parentElement
      const ok = b.scrollWidth <= b.clientWidth && cell.scrollWidth <= cell.clientWidth
      b.textContent = old
      return ok
    })()`)
    expect(fits).toBe(true)
    await shot('fix-excel-05-bottom-of-10k.png')
  }, 120_000)
})
