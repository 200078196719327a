// The push step in Debian's Chromium: real services, the built-in Rehearsal profile's real server on 127.0.0.1, the built renderer.
// Open a sample, prepare it for 帳獸 orders, push it to Rehearsal, watch the progress reach 100%, read the results, export a report.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { dispatch } from '../../src-main/services/dispatch'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'
import {
  exportReportXlsx,
  JOURNEY_SAMPLE,
  mapForTarget,
  openPushScreen,
  openSample,
  pushAndWait,
  showCreatedResults
} from './journey-steps'
import type { Harness } from './harness/server'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const SAMPLE = JOURNEY_SAMPLE
const GOOD = 'zs_e2e_PushGood_Token_5531'
const REVOKED = 'zs_e2e_PushRevoked_Tok_7702'

let app: AppPage
let harness: Harness
let shop: Sandbox
let page: Page
let problems: string[] = []
const received: string[] = []
let valid = 0

async function shot(name: string): Promise<void> {
  // the push screen is a fixed overlay: the viewport shows it as a user sees it
  await page.screenshot({ path: join(SCREENSHOTS, name) })
}

beforeAll(async () => {
  shop = await startSandbox({ port: 0, tokens: { [GOOD]: { api: 'zangsho' } } })
  app = await openAppPage({
    keychain,
    timeoutMs: 30_000,
    beforeLoad: (p) =>
      p.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))))
  })
  ;({ page, harness, problems } = app)
})

afterAll(async () => {
  await app?.close()
  await shop?.close()
})

/** Call a contract method the way the renderer would (used to set up a profile without going through its screen). */
async function service<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(harness.services.methods, method, args)) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

describe('pushing from the app', () => {
  it('prepares a sample for 帳獸 orders and opens the push screen with Rehearsal first', async () => {
    // the journey steps the real-Electron tests share (test/e2e/journey-steps.ts)
    await openSample(page, SAMPLE)
    await mapForTarget(page, 'zangsho.orders')
    expect(await page.getByTestId('push-open').innerText()).toBe('匯入')
    const planned = await openPushScreen(page)
    expect(await page.getByTestId('push-profile').inputValue()).toBe('rehearsal')
    const update = page.getByTestId('conflict-update')
    expect(await update.locator('input').isChecked()).toBe(true)
    expect(await update.innerText()).toContain('（預設）')
    expect(await update.innerText()).toContain('空白欄位不會清掉原有資料')
    expect(await page.getByTestId('conflict-skip').innerText()).toContain('保留帳獸裡原本的訂單')
    expect(await page.getByTestId('push-plan').innerText()).toContain('彩排')
    valid = Number((await page.getByTestId('plan-valid').innerText()).match(/\d+/)?.[0])
    expect(planned).toBe(valid)
    expect(valid).toBeGreaterThan(0)
    expect(await page.getByTestId('plan-batches').innerText()).toBe(`${Math.ceil(valid / 100)} 批`)
    await shot('push-01-setup.png')
  })

  it('explains the options: customers first, webhooks mode one by one', async () => {
    await page.getByTestId('option-single').click()
    await page.getByTestId('plan-batches').getByText(`${valid} 次請求（逐筆）`).waitFor()
    expect(await page.getByTestId('conflict-update').count()).toBe(0)
    await page.getByTestId('option-single').click()
    await page.getByTestId('conflict-update').waitFor()
    await page.getByTestId('option-with-customers').click()
    await page
      .getByTestId('push-plan')
      .getByText(/其中先建立 \d+ 位客戶/)
      .waitFor()
    expect(await page.getByTestId('option-with-customers').locator('input').isChecked()).toBe(true)
  })

  it('pushes to Rehearsal and the progress reaches 100%', async () => {
    // record every value the progress bar shows, however short-lived
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { __percents: string[] }).__percents = seen
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="push-bar"]')
        const value = bar?.getAttribute('aria-valuenow')
        if (value && seen[seen.length - 1] !== value) seen.push(value)
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow']
      })
    })
    expect(await pushAndWait(page)).toBe('finished')
    await shot('push-02-progress.png')
    const percents = await page.evaluate(() => (window as unknown as { __percents: string[] }).__percents)
    expect(percents[percents.length - 1]).toBe('100')
    expect(percents.map(Number)).toEqual([...percents.map(Number)].sort((a, b) => a - b))
    expect(await page.getByTestId('push-end-title').innerText()).toBe('彩排完成')
    expect(await page.getByTestId('push-end-counts').innerText()).toContain(`已新增 ${valid}`)
  })

  it('shows every row with its outcome and id, filterable by outcome', async () => {
    const rows = page.getByTestId('result-row')
    await rows.first().waitFor()
    // the sample has rows with errors: the table opens on the problems, each saying what to fix
    const problemTab = page.getByTestId('results-filter-problems')
    if (await problemTab.count()) {
      expect(await problemTab.getAttribute('aria-selected')).toBe('true')
      const first = rows.first()
      expect(await first.getAttribute('data-outcome')).toBe('invalid')
      expect(await first.innerText()).toContain('資料有誤（未送出）')
      expect((await first.locator('.grid-cell').nth(5).innerText()).length).toBeGreaterThan(5)
    }
    expect(await showCreatedResults(page)).toBeGreaterThan(0)
    const created = rows.first()
    expect(await created.innerText()).toContain('已新增')
    expect(await created.locator('.grid-cell').nth(3).innerText()).toMatch(/^\d+$/)
    // invalid rows can only go after they are fixed: retry sends them when they are valid again
    expect(await page.getByTestId('results-retry').isVisible()).toBe(true)
    await shot('push-03-results.png')
  })

  it('exports the report as Excel into the data folder (no save dialog in the browser harness)', async () => {
    const path = await exportReportXlsx(page)
    expect(path.startsWith(join(harness.dataDir, 'reports'))).toBe(true)
    expect(existsSync(path)).toBe(true)
    const sheet = XLSX.read(readFileSync(path)).Sheets.Results
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })
    expect(table[0]).toEqual(expect.arrayContaining(['匯入結果', '編號', '原因', '訊息']))
    const outcomeCol = (table[0] as string[]).indexOf('匯入結果')
    expect(table.slice(1).filter((r) => r[outcomeCol] === '已新增')).toHaveLength(valid)
    await shot('push-04-exported.png')
  })

  it('a refused token stops the push with a plain message; after fixing it, the same push resumes', async () => {
    const profile = await service<{ id: string }>('profiles.save', {
      name: '我的帳獸',
      destination: 'zangsho',
      baseUrl: shop.zangshoBaseUrl
    })
    await service('profiles.setToken', { id: profile.id, token: REVOKED })
    // opening the screen again lists the profiles again
    await page.getByTestId('push-close').click()
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-new').click()
    await page.getByTestId('push-profile').selectOption(profile.id)
    await page.getByTestId('push-plan').getByText('我的帳獸').waitFor()
    expect(await page.getByTestId('push-start').innerText()).toBe('開始匯入')
    await page.getByTestId('push-start').click()
    const stopped = page.getByTestId('push-stopped')
    await stopped.waitFor()
    expect(await page.getByTestId('push-ended').getAttribute('data-state')).toBe('stopped')
    expect(await stopped.innerText()).toContain('權杖')
    await shot('push-06-stopped.png')
    expect(shop.state.orders).toHaveLength(0)

    await service('profiles.setToken', { id: profile.id, token: GOOD })
    await page.getByTestId('push-resume-job').click()
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    expect(await page.getByTestId('push-end-counts').innerText()).toContain(`已新增 ${valid}`)
    expect(shop.state.orders).toHaveLength(valid)
  })

  it('speaks English too, and nothing went wrong in the page', async () => {
    await page.getByTestId('push-close').click()
    await page.getByTestId('lang-en').click()
    await page.getByTestId('push-open').getByText('Push').click()
    await page.getByTestId('push-end-title').getByText('Push finished').waitFor()
    expect(await page.getByTestId('results-export-xlsx').innerText()).toBe('Excel (.xlsx)')
    await page.getByTestId('push-new').click()
    await page.getByTestId('push-start').getByText('Start push').waitFor()
    await page.getByTestId('push-profile').selectOption('rehearsal')
    await page.getByTestId('push-start').getByText('Start rehearsal').waitFor()
    await shot('push-05-english.png')
    expect(problems).toEqual([])
    const frames = received.join('\n')
    expect(frames).not.toMatch(/Bearer/i)
    for (const token of [GOOD, REVOKED]) expect(frames).not.toContain(token)
  })
})
