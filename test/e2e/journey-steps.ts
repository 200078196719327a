// The main journey as steps on a Playwright Page, shared by the Chromium e2e (test/e2e/push.e2e.test.ts) and the
// real-Electron tests (test/electron), so the two drive the app the same way and cannot drift apart.
// open a sample → map it for a destination → push to the Rehearsal server → results → export the report.
import type { Page } from 'playwright-core'

export const JOURNEY_SAMPLE = '訂單匯出-範例.xlsx'
export const JOURNEY_TARGET = 'zangsho.orders'

/** Home screen: click a "Try a sample" file. */
export async function openSample(page: Page, name: string = JOURNEY_SAMPLE): Promise<void> {
  await page.locator(`[data-testid="sample"][data-name="${name}"]`).click()
}

/** Preview → choose the destination → prepare (automatic mapping); waits until the push button is enabled. */
export async function mapForTarget(page: Page, target: string = JOURNEY_TARGET): Promise<void> {
  await page.getByTestId('start-target').selectOption(target)
  await page.getByTestId('start-prepare').click()
  await page.getByTestId('push-open').waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="push-open"]')?.hasAttribute('disabled'))
}

/** Opens the push screen and waits for its plan, with the default profile (Rehearsal) chosen. Returns the valid rows. */
export async function openPushScreen(page: Page): Promise<number> {
  await page.getByTestId('push-open').click()
  await page.getByTestId('push-screen').waitFor()
  // the profile list arrives after the screen opens: wait for a choice
  await page.waitForFunction(() =>
    Boolean((document.querySelector('[data-testid="push-profile"]') as HTMLSelectElement | null)?.value)
  )
  await page.getByTestId('push-plan').waitFor()
  return Number((await page.getByTestId('plan-valid').innerText()).match(/\d+/)?.[0])
}

/** Starts the push and waits for its end; returns the end state ('finished' when every batch went through). */
export async function pushAndWait(page: Page): Promise<string | null> {
  await page.getByTestId('push-start').click()
  await page.getByTestId('push-progress').waitFor()
  const ended = page.getByTestId('push-ended')
  await ended.waitFor()
  return ended.getAttribute('data-state')
}

/** The results table filtered to created rows; returns how many created rows it shows (first page). */
export async function showCreatedResults(page: Page): Promise<number> {
  await page.getByTestId('result-row').first().waitFor()
  await page.getByTestId('results-filter-created').click()
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('[data-testid="result-row"]')]
    return all.length > 0 && all.every((r) => r.getAttribute('data-outcome') === 'created')
  })
  return page.getByTestId('result-row').count()
}

/** Exports the results as Excel; returns the saved path the screen reports. */
export async function exportReportXlsx(page: Page): Promise<string> {
  await page.getByTestId('results-export-xlsx').click()
  const saved = page.getByTestId('results-export-path')
  await saved.waitFor()
  return (await saved.innerText()).replace(/^(報表已儲存：|Report saved: ?)/, '').trim()
}
