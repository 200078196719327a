// Journey 4: "A 100,000-row file: scroll to the end, edit a cell, see it re-validated, then cancel a push and see
// 'not sent'." The file is made here (100,000 orders, every 10,000th with a bad amount); the last row number renders
// whole (and a 7-digit one would fit); edits at the end fix and create errors and the chips follow; a push to a real
// (sandbox) 帳獸 is cancelled shortly after it starts and the results read 未送出 (neutral, never 失敗), adding up.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../../src-main/sandbox'
import { openAppPage, type AppPage } from '../harness/app-page'
import { journeyShot, numberIn, service, waitText } from './journey-kit'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const ROWS = 100_000
const LAST = ROWS + 1 // sheet row of the last order (the header is row 1)
const BAD_EVERY = 10_000
const TOKEN = 'zs_e2e_Journey4_Token_7781'

let app: AppPage
let page: Page
let shop: Sandbox
const shot = (name: string) => journeyShot(page, `4-${name}`)
const row = (n: number) => page.locator(`[data-testid="rows-grid"] [data-row="${n}"]`)
const amount = (n: number) => row(n).locator('[data-column="金額"]')
/** A number in a chip, thousands separators and all ("99,990 筆可匯入"). */
const chipNumber = async (testId: string) => numberIn(page, testId)

async function editAmount(n: number, value: string): Promise<void> {
  await amount(n).dblclick()
  await amount(n).locator('input').fill(value)
  await amount(n).locator('input').press('Enter')
}

beforeAll(async () => {
  shop = await startSandbox({ port: 0, tokens: { [TOKEN]: { api: 'zangsho' } }, zangshoRatePerMinute: 10_000 })
  app = await openAppPage({ keychain, timeoutMs: 90_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
  await shop?.close()
})

describe('journey 4: a 100,000-row file', () => {
  it('opens and validates 100,000 rows: every 10,000th amount is an error', async () => {
    const lines = ['訂單編號,Email,金額,付款狀態,付款時間']
    for (let i = 1; i <= ROWS; i++) {
      const money = i % BAD_EVERY === 0 ? 'n/a' : 100 + (i % 900)
      const paidAt = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`
      lines.push(`J4-${i},buyer${i % 9000}@example.com,${money},已付款,${paidAt}`)
    }
    const file = join(app.harness.dataDir, '十萬筆訂單.csv')
    writeFileSync(file, lines.join('\n'))
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('file-name').getByText('十萬筆訂單.csv').waitFor()
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    await waitText(page, 'chip-errors', `^${ROWS / BAD_EVERY} 列有錯誤$`)
    expect(await chipNumber('chip-valid')).toBe(ROWS - ROWS / BAD_EVERY)
    expect(await chipNumber('chip-warnings')).toBe(0)
    await shot('01-validated.png')
  }, 300_000)

  it('scrolls to the end: the last row number is whole, and a 7-digit one would fit', async () => {
    await page.getByTestId('rows-grid').scrollIntoViewIfNeeded()
    await page.evaluate(() => {
      const grid = document.querySelector('[data-testid="rows-grid"]') as HTMLElement
      grid.scrollTop = grid.scrollHeight
    })
    await row(LAST).waitFor()
    const rowNumber = row(LAST).getByTestId('row-select')
    expect(await rowNumber.innerText()).toBe(String(LAST))
    const fits = (el: Element) => {
      const cell = el.parentElement as HTMLElement
      const ok = (e: Element) => e.scrollWidth <= e.clientWidth
      const whole = ok(el) && ok(cell)
      const before = el.textContent
      el.textContent = '1000000'
      const seven = ok(el) && ok(cell)
      el.textContent = before
      return { whole, seven }
    }
    expect(await rowNumber.evaluate(fits)).toEqual({ whole: true, seven: true })
    // the last order is one of the bad ones
    expect(await row(LAST).getAttribute('class')).toContain('has-error')
    await shot('02-end-of-file.png')
  })

  it('an edit at the end is re-validated: fixing one error and making another move the chips', async () => {
    await editAmount(LAST, '1280')
    await waitText(page, 'chip-errors', `^${ROWS / BAD_EVERY - 1} 列有錯誤$`)
    expect(await chipNumber('chip-valid')).toBe(ROWS - ROWS / BAD_EVERY + 1)
    await page.waitForFunction((n) => !document.querySelector(`[data-row="${n}"].has-error`), LAST)
    expect(await amount(LAST).getAttribute('class')).toContain('cell-edited')
    await shot('03-fixed.png')

    await editAmount(LAST - 1, '十二')
    await waitText(page, 'chip-errors', `^${ROWS / BAD_EVERY} 列有錯誤$`)
    expect(await chipNumber('chip-valid')).toBe(ROWS - ROWS / BAD_EVERY)
    await page.locator(`[data-testid="rows-grid"] [data-row="${LAST - 1}"].has-error`).waitFor()
    expect(await amount(LAST - 1).getAttribute('class')).toContain('cell-error')
    await shot('04-new-error.png')
  })

  it('a push cancelled shortly after it starts: 未送出 for the rest, neutral, and the counts add up', async () => {
    const profile = await service<{ id: string }>(app, 'profiles.save', {
      name: '測試帳獸',
      destination: 'zangsho',
      baseUrl: shop.zangshoBaseUrl,
      pacing: { batchSize: 100, minIntervalMs: 400 }
    })
    await service(app, 'profiles.setToken', { id: profile.id, token: TOKEN })
    const valid = await chipNumber('chip-valid')
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-profile').selectOption(profile.id)
    await page.getByTestId('push-plan').getByText('測試帳獸').waitFor()
    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(valid)
    await page.getByTestId('push-start').click()
    await page.waitForFunction(() =>
      /^[1-9]/.test(document.querySelector('[data-testid="push-done"]')?.textContent ?? '')
    )
    await page.getByTestId('push-cancel').click()
    await page.locator('[data-testid="push-ended"][data-state="cancelled"]').waitFor()

    const created = shop.state.orders.length
    expect(created).toBeGreaterThan(0)
    expect(created).toBeLessThan(valid)
    const count = (key: string) => page.locator(`[data-testid="push-end-counts"] [data-count="${key}"]`)
    const notSentText = await count('notSent').innerText()
    expect(notSentText).toMatch(/^未送出 [\d,]+$/)
    const notSent = Number(notSentText.replace(/\D/g, ''))
    expect(Number((await count('created').innerText()).replace(/\D/g, ''))).toBe(created)
    expect(created + notSent).toBe(valid)
    expect(await count('notSent').getAttribute('class')).toContain('chip-neutral')
    expect(await count('notSent').getAttribute('class')).not.toContain('chip-bad')
    expect(await count('failed').innerText()).toBe('失敗 0')
    // the rows with errors were never sent either, and say so: every row of the file is accounted for
    expect(Number((await count('invalid').innerText()).replace(/\D/g, ''))).toBe(ROWS - valid)

    await page.getByTestId('results-filter-not_sent').click()
    const first = page.locator('[data-testid="result-row"][data-outcome="not_sent"]').first()
    await first.waitFor()
    expect(await first.innerText()).toContain('未送出')
    // the outcome is readable whole, not cut to 「未送出（可…」
    const outcome = first.locator('.grid-cell').nth(2)
    expect(await outcome.innerText()).toBe('未送出（可以繼續或重試）')
    expect(await outcome.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
    expect(await page.getByTestId('results-grid').innerText()).not.toMatch(/失敗|not_sent/)
    await shot('05-cancelled.png')
    expect(app.problems).toEqual([])
  }, 300_000)
})
