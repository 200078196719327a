// issue 14 in Chromium: a big file's first grid page appears before its rows are all validated; a progress bar
// (role=progressbar, aria-valuenow) counts up to done, 匯入 waits with a reason meanwhile, and the final counts
// equal a one-shot validation of the same file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from './harness/app-page'
import { makeOrdersWorkbook } from '../bench/make-orders-xlsx'
import { ImportSession } from '../../src-main/core/workspace/import-session'
import { createSessionStore } from '../../src-main/core/workspace/session-store'

const ROWS = 30_000
let app: AppPage
const dir = mkdtempSync(join(tmpdir(), 'od-progress-e2e-'))

beforeAll(async () => {
  app = await openAppPage({ timeoutMs: 120_000 })
})
afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** In the page: when the first grid row appeared, what the bar and 匯入 said then, and when the bar reached done. */
const WATCH = `(() => {
  const w = (window.__progress = { firstRow: 0, done: 0, stateAtFirstRow: '', pushDisabled: null, reason: '', valueNow: null })
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid="prepare-progress"]')
    if (!w.firstRow && document.querySelector('[data-testid="rows-grid"] [data-row]')) {
      w.firstRow = performance.now()
      w.stateAtFirstRow = bar ? bar.dataset.state : '(no bar)'
      w.pushDisabled = document.querySelector('[data-testid="push-open"]')?.disabled ?? null
      w.reason = document.querySelector('[data-testid="push-blocked-reason"]')?.textContent ?? ''
      w.valueNow = bar?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null
    }
    if (!w.done && bar?.dataset.state === 'done') w.done = performance.now()
  }).observe(document.body, { subtree: true, childList: true, attributes: true })
})()`

const number = (text: string) => Number((text.match(/[\d,]+/)?.[0] ?? 'NaN').replace(/,/g, ''))

describe('progressive prepare in the app', () => {
  it('shows the first page before validation completes, counts up to done, then matches a full validation', async () => {
    const { page } = app
    const file = join(dir, `orders-${ROWS}.xlsx`)
    writeFileSync(file, makeOrdersWorkbook(ROWS))
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('file-name').waitFor()
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.evaluate(WATCH)
    await page.getByTestId('start-prepare').click()

    await page.locator('[data-testid="rows-grid"] [data-row="2"]').waitFor()
    const bar = page.getByRole('progressbar')
    await page.locator('[data-testid="prepare-progress"][data-state="done"]').waitFor({ timeout: 120_000 })
    const seen = (await page.evaluate('window.__progress')) as {
      firstRow: number
      done: number
      stateAtFirstRow: string
      pushDisabled: boolean | null
      reason: string
      valueNow: string | null
    }
    // the first page came first, while the bar was still reading or validating, and 匯入 waited with a reason
    expect(seen.firstRow).toBeGreaterThan(0)
    expect(seen.done).toBeGreaterThan(seen.firstRow)
    expect(['reading', 'validating']).toContain(seen.stateAtFirstRow)
    expect(seen.pushDisabled).toBe(true)
    expect(seen.reason).toContain('檢查中')
    expect(Number(seen.valueNow)).toBeGreaterThanOrEqual(0)

    // done: the bar is full and says so; the chips no longer say they are counting
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(ROWS))
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(ROWS))
    expect(await page.getByTestId('prepare-progress-text').innerText()).toContain('30,000 列全部檢查完成')
    await expect.poll(() => page.getByTestId('chip-counting').count()).toBe(0)

    // the same file validated in one go (Node, the real core): the chips show exactly its counts
    const oneShot = await ImportSession.create(
      { path: file, name: 'orders.xlsx' },
      { store: createSessionStore(join(dir, 'one-shot'), () => new Date()) }
    )
    await oneShot.setTarget('zangsho.orders')
    expect((await oneShot.open()).ok).toBe(true)
    const full = oneShot.summary()!
    expect(full.rows).toBe(ROWS)
    await expect.poll(async () => number(await page.getByTestId('chip-valid').innerText())).toBe(full.valid)
    expect(number(await page.getByTestId('chip-errors').innerText())).toBe(full.errorRows)
    expect(number(await page.getByTestId('chip-warnings').innerText())).toBe(full.warningRows)
    // the whole sheet is listed now, and 匯入 no longer waits for validation
    expect((await page.getByTestId('push-blocked-reason').allInnerTexts()).join('')).not.toContain('檢查中')
    if (full.valid > 0) expect(await page.getByTestId('push-open').isDisabled()).toBe(false)
    await page.getByTestId('filter-errors').click()
    await expect
      .poll(async () => number(await page.getByTestId('filter-errors').innerText()))
      .toBe(full.errorRows ?? full.invalid)
    await app.screenshot('60-prepare-progress-done.png')
  }, 240_000)
})
