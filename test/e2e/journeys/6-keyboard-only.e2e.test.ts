// Journey 6: "Keyboard only, from drop zone to results, with axe-core clean." After the page loads, only keyboard events
// drive the app (Tab, Shift+Tab, Enter, Esc, arrows, F8, typing a value); the file comes through the file chooser the
// drop zone opens on Enter (the harness answers the OS dialog). Each step's main control gets the focus, the push dialog
// traps focus and gives it back, and axe-core finds no serious or critical violation on any screen.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../../src-main/core/credentials/keychain'
import { openAppPage, type AppPage } from '../harness/app-page'
import { axeOn, journeyShot, numberIn, service, waitText } from './journey-kit'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const ROWS = 12
const BAD_ROW = 6 // sheet row whose amount is typed wrong
const FILE = '鍵盤旅程.csv'

let app: AppPage
let page: Page
const shot = (name: string) => journeyShot(page, `6-${name}`)
/** data-testid of the focused element (or its tag), read in the page. */
const focused = () =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null)

async function expectFocus(testId: string): Promise<void> {
  await page
    .waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout: 10_000 })
    .catch(() => undefined)
  expect(await focused()).toBe(testId)
}

async function expectAxeClean(screen: string): Promise<void> {
  expect(await axeOn(page, screen)).toEqual({ screen, violations: [] })
}

/** Presses `key` until the focused element matches `selector`; fails after `max` presses. Returns the presses used. */
async function pressUntil(key: string, selector: string, max = 250): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key)
    if (await page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector)) return n
  }
  throw new Error(`${key} × ${max} never reached ${selector}; focus is on ${await focused()}`)
}

/** Tab and Shift+Tab `times` each; focus must stay inside `testId` the whole time. */
async function expectTrapped(testId: string, times: number): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key)
      const inside = await page.evaluate(
        (id) => Boolean(document.activeElement?.closest(`[data-testid="${id}"]`)),
        testId
      )
      expect({ key, i, inside }).toEqual({ key, i, inside: true })
    }
  }
}

beforeAll(async () => {
  // watch for file choosers from the first frame: Playwright turns their interception on asynchronously when the first
  // listener is added, so a listener added just before the key press would race it
  app = await openAppPage({ keychain, timeoutMs: 30_000, beforeLoad: (p) => p.on('filechooser', () => undefined) })
  page = app.page
  // setup, not UI: Rehearsal in small, paced batches so the progress screen stays long enough to be checked
  await service(app, 'profiles.save', {
    id: 'rehearsal',
    name: '彩排',
    destination: 'rehearsal',
    pacing: { batchSize: 2, minIntervalMs: 800 }
  })
})

afterAll(async () => {
  await app?.close()
})

describe('journey 6: keyboard only, from the drop zone to the results', () => {
  it('open: focus on the drop zone, axe clean; Enter opens the file chooser', async () => {
    const lines = ['訂單編號,Email,金額,付款狀態,付款時間']
    for (let i = 1; i <= ROWS; i++)
      lines.push(`K-${i},k${i}@example.com,${i + 1 === BAD_ROW ? '5OO' : 100 * i},已付款,2026-03-${10 + i} 12:00`)
    const file = join(app.harness.dataDir, FILE)
    writeFileSync(file, lines.join('\n'))

    await expectFocus('drop-zone')
    await expectAxeClean('open')
    await shot('01-open.png')
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 })
    await page.keyboard.press('Enter')
    // the OS dialog is outside the page: the harness answers it with the fixture
    await (await chooser).setFiles(file)
    await page.getByTestId('file-name').getByText(FILE).waitFor()
  })

  it('preview: focus on "next", the destination already 帳獸 訂單, axe clean; Enter prepares', async () => {
    await expectFocus('start-prepare')
    expect(await page.getByTestId('start-target').inputValue()).toBe('zangsho.orders')
    await expectAxeClean('preview')
    await shot('02-preview.png')
    await page.keyboard.press('Enter')
    await page.getByTestId('summary').waitFor()
  })

  it('prepare: focus on 匯入; F8 finds the bad amount, Enter edits it, Enter saves, re-validated', async () => {
    await expectFocus('push-open')
    await waitText(page, 'chip-errors', '^1 列有錯誤$')
    await expectAxeClean('prepare (with an error)')
    await shot('03-prepare.png')

    // into the grid with Tab, then F8 to the row with an error (the focus lands on its bad cell)
    await pressUntil('Tab', '[data-testid="rows-grid"] [data-column]')
    await page.keyboard.press('F8')
    await page.waitForFunction(
      (row) => document.activeElement?.closest('[data-row]')?.getAttribute('data-row') === String(row),
      BAD_ROW
    )
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-column'))).toBe('金額')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="rows-grid"] input').waitFor()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('500')
    await page.keyboard.press('Enter')
    await waitText(page, 'chip-errors', '^0 列有錯誤$')
    expect(await numberIn(page, 'chip-valid')).toBe(ROWS)
    const fixed = page.locator(`[data-testid="rows-grid"] [data-row="${BAD_ROW}"] [data-column="金額"]`)
    expect(await fixed.innerText()).toBe('500.00')
    await expectAxeClean('prepare (fixed)')
    await shot('04-fixed.png')
    // back up to 匯入
    await pressUntil('Shift+Tab', '[data-testid="push-open"]')
  })

  it('push dialog: focus on Start, Tab never leaves it, Esc closes it and focus returns to 匯入', async () => {
    await page.keyboard.press('Enter')
    await page.getByTestId('push-summary').waitFor()
    await expectFocus('push-start')
    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(ROWS)
    await expectTrapped('push-screen', 25)
    await expectAxeClean('push dialog')
    await shot('05-push-dialog.png')
    await page.keyboard.press('Escape')
    await page.getByTestId('push-screen').waitFor({ state: 'detached' })
    await expectFocus('push-open')
  })

  it('progress: Enter opens and Enter starts; focus on Pause, axe clean', async () => {
    await page.keyboard.press('Enter')
    await page.getByTestId('push-summary').waitFor()
    await expectFocus('push-start')
    await page.keyboard.press('Enter')
    await page.getByTestId('push-progress').waitFor()
    await expectFocus('push-pause')
    await expectAxeClean('progress')
    await shot('06-progress.png')
  })

  it('results: every row created, focus on the report, axe clean; Esc returns to 匯入', async () => {
    await page.locator('[data-testid="push-ended"][data-state="finished"]').waitFor()
    expect(await page.getByTestId('push-end-title').innerText()).toBe('彩排完成')
    const created = page.locator('[data-testid="push-end-counts"] [data-count="created"]')
    expect(await created.innerText()).toBe(`已新增 ${ROWS}`)
    await expectFocus('results-export-xlsx')
    await page.getByTestId('result-row').first().waitFor()
    await expectAxeClean('results')
    await shot('07-results.png')
    await expectTrapped('push-screen', 20)
    await page.keyboard.press('Escape')
    await page.getByTestId('push-screen').waitFor({ state: 'detached' })
    await expectFocus('push-open')
    expect(app.problems).toEqual([])
    expect(await app.cspViolations()).toEqual([])
  })
})
