// Issue 11 E: the renderer's main-process data goes through one query cache. Quick filter switches end on the last
// filter's rows and never flash the empty message; an edited cell shows main's normalized value in place; a profile
// added in 連線設定 is in the push picker at once; a scroll to the end and back reads each page once (cache hits).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import type { PreparePage } from '../../src-main/ipc/contract'
import { dispatch } from '../../src-main/services/dispatch'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

declare const document: {
  querySelector(selector: string): unknown
  querySelectorAll(selector: string): { length: number }
}
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean }): void
}

const ROWS = 600
/** Every 4th row's amount cannot be read: 150 rows with an error. */
const isBad = (n: number) => n % 4 === 0
let app: AppPage
let page: Page
const sent: string[] = []
const grid = () => page.getByTestId('rows-grid')
const row = (n: number) => page.locator(`[data-testid="rows-grid"] [data-row="${n}"]`)
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
/** The bridge requests for rows pages sent so far. */
const rowRequests = () => sent.filter((f) => f.includes('"method":"prepare.rows"'))

async function service<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(app.harness.services.methods, method, args)) as { ok: boolean; value?: T }
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result)}`)
  return result.value as T
}

/** The sheet row numbers the grid shows now. */
const shownRows = () =>
  grid()
    .locator('.grid-slot [data-row]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))))

beforeAll(async () => {
  app = await openAppPage({
    keychain,
    timeoutMs: 30_000,
    beforeLoad: (p) => p.on('websocket', (socket) => socket.on('framesent', (f) => sent.push(String(f.payload))))
  })
  page = app.page
  const lines = ['訂單編號,Email,金額']
  // sheet row n (the header is row 1) holds order D-n
  for (let n = 2; n < ROWS + 2; n++) lines.push(`D-${n},b${n}@example.com,${isBad(n) ? 'abc' : `${n}.5`}`)
  const file = join(app.harness.dataDir, 'data.csv')
  writeFileSync(file, lines.join('\n'))
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('file-name').getByText('data.csv').waitFor()
  await page.getByTestId('start-target').selectOption('zangsho.orders')
  await page.getByTestId('start-prepare').click()
  await row(2).waitFor()
})

afterAll(async () => {
  await app?.close()
})

describe('rows pages from the query cache', () => {
  it('quick filter switches end on the last filter, and the grid never shows the empty message meanwhile', async () => {
    // record whether the "no rows" message ever appears inside the grid
    await page.evaluate(() => {
      const w = globalThis as unknown as { __emptySeen: boolean }
      w.__emptySeen = false
      const target = document.querySelector('[data-testid="rows-grid"]')
      new MutationObserver(() => {
        if (document.querySelectorAll('[data-testid="rows-grid"] .grid-empty').length) w.__emptySeen = true
      }).observe(target, { childList: true, subtree: true })
    })
    for (const f of ['errors', 'all', 'errors', 'all', 'errors', 'all', 'errors'])
      await page.getByTestId(`filter-${f}`).click()
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="rows-grid"] .grid-slot [data-row]').length > 0 &&
        document.querySelectorAll('[data-testid="rows-grid"] .grid-slot .is-loading').length === 0
    )
    // give any late answer time to land, then check again: still the errors only
    await page.waitForTimeout(500)
    const shown = await shownRows()
    expect(shown.length).toBeGreaterThan(5)
    expect(shown.every(isBad)).toBe(true)
    expect(shown[0]).toBe(4)
    expect(await page.getByTestId('filter-errors').getAttribute('aria-selected')).toBe('true')
    expect(await page.evaluate(() => (globalThis as unknown as { __emptySeen: boolean }).__emptySeen)).toBe(false)
  })

  it('an edited cell shows the value main normalized, at once and without a filter switch', async () => {
    await page.getByTestId('filter-all').click()
    await row(3).waitFor()
    const cell = row(3).locator('[data-column="金額"]')
    await cell.dblclick()
    await cell.locator('input').fill('1,234.5')
    await cell.locator('input').press('Enter')
    const prepId = /"prepId":"([^"]+)"/.exec(rowRequests().at(-1) ?? '')?.[1] ?? ''
    expect(prepId).not.toBe('')
    const answer = await service<PreparePage>('prepare.rows', { prepId, offset: 1, limit: 1, filter: 'all' })
    expect(answer.rows[0].rowNumber).toBe(3)
    const expected = answer.rows[0].display?.['金額']?.text ?? ''
    expect(expected).not.toBe('')
    expect(expected).not.toBe('1,234.5')
    await cell
      .locator('[data-testid="cell-normalized"]')
      .getByText(expected, { exact: true })
      .waitFor({ timeout: 5000 })
    expect(await page.getByTestId('filter-all').getAttribute('aria-selected')).toBe('true')
  })

  it('a scroll to the end and back reads each page once: the way back is all cache hits', async () => {
    const scrollTo = async (top: number) => {
      await grid().evaluate((el, y) => {
        ;(el as unknown as { scrollTop: number }).scrollTop = y
      }, top)
      await page.waitForTimeout(120)
    }
    const height = await grid().evaluate((el) => (el as unknown as { scrollHeight: number }).scrollHeight)
    await page.waitForTimeout(300)
    const before = rowRequests().length
    const steps = 24
    for (let i = 1; i <= steps; i++) await scrollTo((height * i) / steps)
    await row(ROWS + 1).waitFor()
    const down = rowRequests().length - before
    for (let i = steps - 1; i >= 0; i--) await scrollTo((height * i) / steps)
    await row(2).waitFor()
    const back = rowRequests().length - before - down
    console.info(`rows page requests: ${down} down (${ROWS / 100} pages), ${back} back`)
    // six pages of 100 rows: each read at most once on the way down, none on the way back
    expect(down).toBeGreaterThanOrEqual(5)
    expect(down).toBeLessThanOrEqual(ROWS / 100)
    expect(back).toBe(0)
  })
})

describe('one profile list', () => {
  it('a profile added in 連線設定 is in the push picker at once, while 連線設定 is still open', async () => {
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-screen').waitFor()
    const picker = page.getByTestId('push-profile')
    await picker.locator('option').first().waitFor({ state: 'attached' })
    expect(await picker.locator('option', { hasText: '新的帳獸' }).count()).toBe(0)
    await page.getByTestId('push-screen').getByRole('button', { name: '開啟連線設定' }).click()
    await page.getByTestId('profiles-screen').waitFor()
    await page.getByTestId('profile-add').click()
    await page.getByTestId('profile-name').fill('新的帳獸')
    await page.getByTestId('profile-base-url').fill('https://api.zangsho.com/v1')
    await page.getByTestId('profile-save').click()
    await page.getByTestId('token-status').waitFor()
    // the push screen under the dialog already lists it: no reload, no closing needed
    await picker.locator('option', { hasText: '新的帳獸' }).waitFor({ state: 'attached', timeout: 5000 })
    await shot('renderer-data-profile-in-picker.png')
    await page.getByTestId('profiles-close').click()
    await page.getByTestId('push-close').click()
  })

  it('ran without page errors', () => {
    expect(app.problems).toEqual([])
  })
})
