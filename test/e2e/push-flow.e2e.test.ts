// Before, during and after the push, driven by the keyboard only (Tab / Enter / Esc) in Debian's Chromium, with axe-core
// clean on every screen: drop zone → preview → prepare → push dialog (summary checked against the file) → progress
// (pause) → results (rehearsal end, business keys) → quitting mid-push asks first. Screenshots in test/e2e/screenshots/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Decimal from 'decimal.js'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { dispatch } from '../../src-main/services/dispatch'
import { seriousA11yViolations } from './axe'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'
import type { Harness } from './harness/server'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

// 80 orders over four months, two currencies; amounts typed the way shops do (thousands separators, one decimal)
const ROWS = Array.from({ length: 80 }, (_, k) => {
  const i = k + 1
  const amount = i % 7 === 0 ? `1,${String(100 + i).padStart(3, '0')}` : `${((i * 37) % 900) + 100}.5`
  return {
    orderNo: `KB-${1000 + i}`,
    amount,
    currency: i % 10 === 0 ? 'USD' : 'TWD',
    month: `2026-0${1 + (i % 4)}`,
    day: 1 + (i % 27)
  }
})
const BATCH = 10

let app: AppPage
let harness: Harness
let page: Page
let shop: Sandbox
let dir: string
let file: string
const frames: string[] = []

async function service<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(harness.services.methods, method, args)) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

const focused = () =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null)
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) })

async function expectFocus(testId: string): Promise<void> {
  await page
    .waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout: 10_000 })
    .catch(() => undefined)
  expect(await focused()).toBe(testId)
}

async function expectAxeClean(screen: string): Promise<void> {
  expect({ screen, violations: await seriousA11yViolations(page) }).toEqual({ screen, violations: [] })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-flow-'))
  file = join(dir, '鍵盤訂單.csv')
  const lines = [
    '訂單編號,金額,Email,狀態,幣別,付款時間',
    ...ROWS.map(
      (r, k) =>
        `${r.orderNo},"${r.amount}",buyer${k}@example.com,paid,${r.currency},${r.month}-${String(r.day).padStart(2, '0')} 10:00`
    )
  ]
  writeFileSync(file, lines.join('\n'))
  shop = await startSandbox({ port: 0, tokens: { zs_e2e_Flow_Token_4410: { api: 'zangsho' } } })
  app = await openAppPage({
    keychain,
    timeoutMs: 30_000,
    beforeLoad: (p) => p.on('websocket', (s) => s.on('framesent', (f) => frames.push(String(f.payload))))
  })
  ;({ page, harness } = app)
  // Rehearsal in small batches, so the push lasts long enough to pause; and one real connection to offer afterwards
  await service('profiles.save', {
    id: 'rehearsal',
    name: '彩排',
    destination: 'rehearsal',
    pacing: { batchSize: BATCH, minIntervalMs: 600 }
  })
  const real = await service<{ id: string }>('profiles.save', {
    name: '我的帳獸',
    destination: 'zangsho',
    baseUrl: shop.zangshoBaseUrl
  })
  await service('profiles.setToken', { id: real.id, token: 'zs_e2e_Flow_Token_4410' })
})

afterAll(async () => {
  await app?.close()
  await shop?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('keyboard only, from the drop zone to the results, axe clean on every screen', () => {
  it('open: focus starts on the drop zone; Enter opens the file chooser', async () => {
    await expectFocus('drop-zone')
    await expectAxeClean('open')
    await shot('flow-01-open.png')
    // the OS file dialog is outside the page: answer it with the fixture (the hidden input when no chooser is reported)
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null)
    await page.keyboard.press('Enter')
    const opened = await chooser
    if (opened) await opened.setFiles(file)
    else await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('file-name').waitFor()
  })

  it('preview: focus lands on "next"; Enter prepares', async () => {
    await expectFocus('start-prepare')
    await expectAxeClean('preview')
    await shot('flow-02-preview.png')
    await page.keyboard.press('Enter')
    await page.getByTestId('push-open').waitFor()
  })

  it('prepare: focus lands on 匯入 once the rows are checked; Enter opens the push dialog', async () => {
    await expectFocus('push-open')
    await expectAxeClean('prepare')
    await shot('flow-03-prepare.png')
    await page.keyboard.press('Enter')
    await page.getByTestId('push-screen').waitFor()
  })

  it('push dialog: the summary matches the file (rows, requests, time, currency totals, month bars)', async () => {
    const summary = page.getByTestId('push-summary')
    await summary.waitFor()
    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(ROWS.length)
    expect(Number(await page.getByTestId('summary-requests').getAttribute('data-value'))).toBe(ROWS.length / BATCH)
    expect(Number(await page.getByTestId('summary-duration').getAttribute('data-value'))).toBe(
      (ROWS.length / BATCH - 1) * 600
    )
    const total = (currency: string) =>
      ROWS.filter((r) => r.currency === currency).reduce((s, r) => s.plus(r.amount.replace(/,/g, '')), new Decimal(0))
    const currencies = page.getByTestId('summary-currencies').locator('li')
    expect(
      await currencies.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-currency'), e.getAttribute('data-total')])
      )
    ).toEqual([
      ['TWD', total('TWD').toFixed(2)],
      ['USD', total('USD').toFixed(2)]
    ])
    // grouped for the eye: "TWD 38,480.00"
    expect(await currencies.first().innerText()).toContain(
      total('TWD').toNumber().toLocaleString('en-US', { minimumFractionDigits: 2 })
    )
    const bars = await page
      .getByTestId('month-bar')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-month'), e.getAttribute('data-total')]))
    const months = [...new Set(ROWS.map((r) => r.month))].sort()
    expect(bars).toEqual(
      months.map((m) => [
        m,
        ROWS.filter((r) => r.month === m && r.currency === 'TWD')
          .reduce((s, r) => s.plus(r.amount.replace(/,/g, '')), new Decimal(0))
          .toFixed(2)
      ])
    )
  })

  it('push dialog: a real modal; focus on Start, Tab never leaves it, Esc closes it and focus returns to 匯入', async () => {
    await expectFocus('push-start')
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press(key)
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="push-screen"]')))).toBe(
          true
        )
      }
    }
    await expectAxeClean('push dialog')
    await shot('flow-04-push-dialog.png')
    // Esc on the profile dropdown closes the dialog and leaves the dropdown's value alone
    await page.getByTestId('push-profile').focus()
    await page.keyboard.press('Escape')
    await page.getByTestId('push-screen').waitFor({ state: 'detached' })
    await expectFocus('push-open')
    await page.keyboard.press('Enter')
    await page.getByTestId('push-summary').waitFor()
    expect(await page.getByTestId('push-profile').inputValue()).toBe('rehearsal')
    await expectFocus('push-start')
  })

  it('progress: Enter starts; focus on Pause; paused shows 已暫停 with the rate and ETA frozen', async () => {
    await page.keyboard.press('Enter')
    await page.getByTestId('push-progress').waitFor()
    await expectFocus('push-pause')
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="push-eta"]')?.getAttribute('data-eta')) > 0
    )
    await expectAxeClean('progress')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="push-progress"][data-state="paused"]').waitFor()
    expect(await page.getByTestId('push-progress-title').innerText()).toBe('已暫停')
    await expectFocus('push-resume')
    const before = {
      eta: await page.getByTestId('push-eta').innerText(),
      rate: await page.getByTestId('push-rate').innerText()
    }
    expect(before.eta).toContain('暫停中不倒數')
    await page.waitForTimeout(1500)
    expect({
      eta: await page.getByTestId('push-eta').innerText(),
      rate: await page.getByTestId('push-rate').innerText()
    }).toEqual(before)
    expect(await page.getByTestId('push-paused-note').isVisible()).toBe(true)
    await expectAxeClean('progress (paused)')
    await shot('flow-05-paused.png')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="push-progress"][data-state="running"]').waitFor()
  })

  it('results: 彩排完成 (never a green 匯入完成), business keys next to rows, "push the same rows to" a real connection', async () => {
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    expect(await page.getByTestId('push-end-title').innerText()).toBe('彩排完成')
    const same = page.getByTestId('push-same-rows')
    expect(await same.innerText()).toBe('把同樣的資料匯入到「我的帳獸」')
    await expectFocus('push-same-rows')
    await page.getByTestId('result-row').first().waitFor()
    const rows = await page
      .getByTestId('result-row')
      .evaluateAll((els) =>
        els
          .slice(0, 10)
          .map((e) => [
            Number(e.getAttribute('data-row')),
            e.querySelector('[data-testid="result-key"]')?.textContent ?? ''
          ])
      )
    expect(rows.length).toBeGreaterThan(0)
    // sheet row n (the header is row 1) is the file's (n-1)th order
    for (const [row, key] of rows) expect(key).toBe(ROWS[(row as number) - 2].orderNo)
    await expectAxeClean('results')
    await shot('flow-06-results.png')
  })

  it('"push the same rows to" goes back to the setup with that connection chosen; nothing is sent yet', async () => {
    await page.keyboard.press('Enter')
    await page.getByTestId('push-summary').waitFor()
    const real = await page.getByTestId('push-profile').inputValue()
    expect(real).not.toBe('rehearsal')
    expect(await page.getByTestId('push-start').innerText()).toBe('開始匯入')
    expect(shop.state.orders).toHaveLength(0)
    await expectFocus('push-start')
  })

  it('quitting mid-push asks first: Esc keeps pushing, "Stop and close" answers main', async () => {
    await page.getByTestId('push-profile').selectOption('rehearsal')
    await page.getByTestId('push-start').getByText('開始彩排').waitFor()
    await page.getByTestId('push-start').click()
    await page.getByTestId('push-progress').waitFor()
    // the window's close path (src-main/index.ts) asks the services first
    expect(harness.services.requestClose?.()).toBe(false)
    await page.getByTestId('quit-confirm').waitFor()
    await expectFocus('quit-stay')
    await expectAxeClean('quit confirm')
    await shot('flow-07-quit-confirm.png')
    await page.keyboard.press('Escape')
    await page.getByTestId('quit-confirm').waitFor({ state: 'detached' })
    expect(await page.getByTestId('push-screen').isVisible()).toBe(true)
    expect(harness.services.isBusy()).toBe(true)

    expect(harness.services.requestClose?.()).toBe(false)
    await page.getByTestId('quit-confirm').waitFor()
    await page.keyboard.press('Tab')
    await expectFocus('quit-confirm-button')
    await page.keyboard.press('Enter')
    await page.getByTestId('quit-confirm').waitFor({ state: 'detached' })
    expect(frames.some((f) => f.includes('"app.quit"'))).toBe(true)
    // confirmed: the next close goes through (the desktop app closes; the harness has nothing to close)
    expect(harness.services.requestClose?.()).toBe(true)
    await page.locator('[data-testid="push-ended"]').waitFor()
  })

  it('Connections over the push dialog: modal, axe clean, Esc closes only it and focus goes back', async () => {
    await page.getByTestId('push-new').click()
    await page.getByTestId('push-summary').waitFor()
    const open = page.getByTestId('push-screen').getByRole('button', { name: '開啟連線設定' })
    await open.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('profiles-screen').waitFor()
    await expectFocus('profiles-close')
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect(
        await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="profiles-screen"]')))
      ).toBe(true)
    }
    await expectAxeClean('profiles')
    await shot('flow-08-profiles.png')
    await page.keyboard.press('Escape')
    await page.getByTestId('profiles-screen').waitFor({ state: 'detached' })
    expect(await page.getByTestId('push-screen').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('開啟連線設定')
  })

  it('English: the summary, the rehearsal end and the pause read well', async () => {
    await page.keyboard.press('Escape')
    await page.getByTestId('push-screen').waitFor({ state: 'detached' })
    await expectFocus('push-open')
    await page.getByTestId('lang-en').click()
    await page.getByTestId('push-open').click()
    await page.getByTestId('push-screen').waitFor()
    await page.getByTestId('push-summary').getByText('Summary before sending').waitFor()
    await expectAxeClean('push dialog (English)')
    await shot('flow-10-summary-en.png')
    // "Change settings" left a fresh setup: rehearse once more to read its end in English
    await page.getByTestId('push-start').click()
    await page.getByTestId('push-end-title').getByText('Rehearsal complete').waitFor()
    await page.getByTestId('push-same-rows').getByText('Push the same rows to “我的帳獸”').waitFor()
    await expectAxeClean('results (English)')
    await shot('flow-09-results-en.png')
    expect(app.problems).toEqual([])
    expect(await app.cspViolations()).toEqual([])
  })
})
