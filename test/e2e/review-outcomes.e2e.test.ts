// Issue 11 A3 and A6: a cancelled push leaves "not sent" rows, shown neutral (never red, never 失敗), in the user's
// language, with no raw code (not_sent) or English text inside the Chinese UI; English reads naturally too.
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

const TOKEN = 'zs_e2e_Outcomes_Token_4410'
const ROWS = 60
let app: AppPage
let page: Page
let shop: Sandbox
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) })

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

describe('a cancelled push', () => {
  it('ends with the unsent rows as 未送出, neutral, with no raw code and no English', async () => {
    // a slow, real 帳獸 (sandbox): 5 rows a batch, 400 ms between requests, so the cancel lands mid-push
    const profile = await service<{ id: string }>('profiles.save', {
      name: '慢速帳獸',
      destination: 'zangsho',
      baseUrl: shop.zangshoBaseUrl,
      pacing: { batchSize: 5, minIntervalMs: 400 }
    })
    await service('profiles.setToken', { id: profile.id, token: TOKEN })
    const lines = ['訂單編號,Email,金額']
    for (let i = 1; i <= ROWS; i++) lines.push(`C-${i},buyer${i}@example.com,${100 + i}`)
    const file = join(app.harness.dataDir, 'cancel-me.csv')
    writeFileSync(file, lines.join('\n'))
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('chip-valid').getByText(`${ROWS} 筆可匯入`).waitFor()
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-profile').selectOption(profile.id)
    await page.getByTestId('push-plan').getByText('慢速帳獸').waitFor()
    await page.getByTestId('push-start').click()
    await page.waitForFunction(() =>
      /^[1-9]/.test(document.querySelector('[data-testid="push-done"]')?.textContent ?? '')
    )
    await page.getByTestId('push-cancel').click()
    await page.locator('[data-testid="push-ended"][data-state="cancelled"]').waitFor()

    const created = shop.state.orders.length
    expect(created).toBeGreaterThan(0)
    expect(created).toBeLessThan(ROWS)
    const notSent = page.locator('[data-testid="push-end-counts"] [data-count="notSent"]')
    expect(await notSent.innerText()).toBe(`未送出 ${ROWS - created}`)
    expect(await notSent.getAttribute('class')).not.toContain('chip-bad')
    expect(await page.locator('[data-testid="push-end-counts"] [data-count="failed"]').innerText()).toBe('失敗 0')

    await page.getByTestId('results-filter-not_sent').click()
    const row = page.locator('[data-testid="result-row"][data-outcome="not_sent"]').first()
    await row.waitFor()
    const outcome = row.locator('.grid-cell').nth(2) // row, business key, outcome
    expect(await outcome.innerText()).toContain('未送出')
    const colour = await outcome.evaluate((el) => getComputedStyle(el).color)
    expect(colour).not.toBe('rgb(180, 35, 24)') // --danger (#b42318)
    const text = await page.getByTestId('push-results').innerText()
    expect(text).toContain('你取消了這次匯入')
    expect(text).not.toMatch(/not_sent|Not sent|cancelled/)
    expect(await page.getByTestId('results-grid').innerText()).not.toContain('失敗')
    await shot('review-20-cancelled-zh.png')
  })

  it('reads in English: "not sent", and never "1 rows"', async () => {
    await page.getByTestId('push-close').click()
    await page.getByTestId('lang-en').click()
    await page.getByTestId('push-open').click()
    await page.locator('[data-testid="push-ended"][data-state="cancelled"]').waitFor()
    await page.getByTestId('results-filter-not_sent').click()
    const row = page.locator('[data-testid="result-row"][data-outcome="not_sent"]').first()
    await row.waitFor()
    expect(await row.innerText()).toContain('Not sent')
    const all = await page.locator('body').innerText()
    expect(all).not.toMatch(/not_sent|zangsho\.orders|\b1 rows\b/)
    expect(all).not.toMatch(/[\u4e00-\u9fff]{2,}.*(已新增|未送出|失敗)/)
    await shot('review-21-cancelled-en.png')
    expect(app.problems).toEqual([])
  })
})
