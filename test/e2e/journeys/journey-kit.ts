// Shared bits of the named journeys 3–6: numbered screenshots in test/e2e/screenshots/journeys/, calls straight to the
// harness's services (for setup and for reading back what the app did), and waits on text the strict CSP allows.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { dispatch } from '../../../src-main/services/dispatch'
import { seriousA11yViolations, type A11yViolation } from '../axe'
import { SCREENSHOTS, type AppPage } from '../harness/app-page'

export const JOURNEY_SHOTS = join(SCREENSHOTS, 'journeys')

/** Viewport screenshot `journeys/<name>` (e.g. 3-01-errors.png). */
export async function journeyShot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(JOURNEY_SHOTS, { recursive: true })
  await page.screenshot({ path: join(JOURNEY_SHOTS, name), fullPage })
}

/** One contract call on the harness's real services; throws with the typed error when it fails. */
export async function service<T>(app: AppPage, method: string, args: unknown): Promise<T> {
  const result = (await dispatch(app.harness.services.methods, method, args)) as {
    ok: boolean
    value?: T
    error?: unknown
  }
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** Waits until the element's text matches `pattern` (a function, not a string: the strict CSP forbids eval). */
export function waitText(page: Page, testId: string, pattern: string) {
  return page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testId, pattern] as const
  )
}

/** The first number in an element's text (chips read "3 列有錯誤"). */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/,/g, '').match(/\d+/)?.[0])
}

/** Zero serious/critical axe violations, labelled with the screen so a failure says where. */
export async function axeOn(page: Page, screen: string): Promise<{ screen: string; violations: A11yViolation[] }> {
  return { screen, violations: await seriousA11yViolations(page) }
}
