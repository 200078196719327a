// Issue 11 A1: SHOPLINE from the app. The delivery option and payment method chosen in 連線設定 flow into validation,
// the errors refresh when they change, the messages speak of the app (no CLI flags), a disabled 匯入 says why next to it,
// and the error chip counts the very rows the 有錯誤 filter lists. Then the orders go to the Rehearsal SHOPLINE.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

declare const document: { querySelector(selector: string): { textContent: string | null } | null }

const CSV = [
  '訂單編號,Email,商品名稱,單價,數量,訂單總額',
  'S-1001,a@example.com,烏龍茶,300,2,900',
  'S-1001,a@example.com,茶杯,300,1,900',
  'S-1002,b@example.com,茶壺,1200,1,1200',
  'S-1003,c@example.com,茶盤,500,1,500'
].join('\r\n')

let app: AppPage
let page: Page

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
const chip = (id: string) => page.getByTestId(id).innerText()
const rowsShown = () => page.locator('[data-testid="rows-grid"] [data-row]').count()
const waitText = (testId: string, pattern: string) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testId, pattern] as const
  )

beforeAll(async () => {
  app = await openAppPage({ keychain, timeoutMs: 30_000 })
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('SHOPLINE from the app', () => {
  it('without a delivery option and payment method: 匯入 is disabled and says why, next to it', async () => {
    const file = join(app.harness.dataDir, 'shopline-lines.csv')
    writeFileSync(file, CSV)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('start-target').selectOption('shopline.orders')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    const push = page.getByTestId('push-open')
    expect(await push.isDisabled()).toBe(true)
    const reason = page.getByTestId('push-blocked-reason')
    expect(await reason.innerText()).toContain('SHOPLINE 連線')
    expect(await push.getAttribute('aria-describedby')).toBe('push-blocked-reason')
    // it looks disabled: not the accent colour of a usable primary button
    const colours = await push.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).cursor])
    expect(colours[1]).toBe('not-allowed')
    await shot('review-01-shopline-blocked.png')
  })

  it('the error chip counts the rows the 有錯誤 filter lists, and the message talks about the app', async () => {
    const errors = Number((await chip('chip-errors')).match(/\d+/)?.[0])
    expect(errors).toBeGreaterThan(0)
    await page.getByTestId('filter-errors').click()
    await page.locator('[data-testid="rows-grid"] [data-row]').first().waitFor()
    expect(await rowsShown()).toBe(errors)
    expect(await page.getByTestId('filter-count-errors').innerText()).toBe(String(errors))
    const text = await page.getByTestId('rows-grid').innerText()
    expect(text).toContain('連線設定')
    expect(text).not.toMatch(/--delivery-option-id|--payment-method-id|CLI/)
    await shot('review-02-shopline-errors.png')
  })

  it('choosing the options in 連線設定 clears the errors without leaving the screen', async () => {
    await page.getByTestId('shopline-open-connections').click()
    await page.locator('[data-testid="profile-item"][data-id="rehearsal"]').click()
    await page.getByTestId('test-connection').click()
    await page.locator('[data-testid="connection-result"][data-kind="ok"]').waitFor()
    await page.getByTestId('shopline-load').click()
    await page.getByTestId('delivery-picker').selectOption('64d000000000000000000001')
    await page.getByTestId('payment-picker').selectOption('64e000000000000000000001')
    await page.getByTestId('shopline-save').click()
    await page.getByTestId('shopline-current').getByText('歷史訂單匯入').waitFor()
    await page.getByTestId('profiles-close').click()

    await waitText('chip-errors', '(^|\\D)0 列有錯誤')
    expect(await page.getByTestId('shopline-profile-picker').inputValue()).toBe('rehearsal')
    expect(await chip('chip-valid')).toMatch(/(^|\D)3 張訂單可匯入/)
    // the 有錯誤 filter is still selected: the grid reloaded and lists nothing any more
    await page.getByText('沒有符合的資料列。').waitFor()
    expect(await page.getByTestId('push-blocked-reason').count()).toBe(0)
    expect(await page.getByTestId('push-open').isDisabled()).toBe(false)
    await shot('review-03-shopline-ready.png')
  })

  it('pushes the three orders to the Rehearsal SHOPLINE', async () => {
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-plan').waitFor()
    expect(await page.getByTestId('push-profile').inputValue()).toBe('rehearsal')
    await page.getByTestId('push-start').click()
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    expect(await page.getByTestId('push-end-counts').innerText()).toMatch(/已新增 3(\D|$)/)
    await page.screenshot({ path: join(SCREENSHOTS, 'review-04-shopline-pushed.png') })
    await page.getByTestId('push-close').click()
  })

  it('reads in English, with singular and plural from i18next', async () => {
    await page.getByTestId('lang-en').click()
    await waitText('chip-errors', '^0 rows with errors$')
    expect(await chip('chip-valid')).toBe('3 orders ready')
    await shot('review-05-shopline-english.png')
    expect(app.problems).toEqual([])
  })
})
