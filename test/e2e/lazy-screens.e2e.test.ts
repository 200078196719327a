// Issue 14: the review, connection and multi-file screens are not in the opening bundle, and their code is fetched on
// its own right after the first paint (at idle), so no user step waits on a chunk. Built renderer in Debian's Chromium.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, REPO, type AppPage } from './harness/app-page'

const LAZY = ['PrepareScreen', 'ProfilesScreen', 'FlowImportScreen']

let app: AppPage
let page: Page

interface Fetched {
  name: string
  start: number
}
const fetchedScripts = () =>
  page.evaluate(`performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.js'))
    .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime }))`) as Promise<Fetched[]>

beforeAll(async () => {
  app = await openAppPage()
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('lazy screens', () => {
  it('the opening page loads none of them', () => {
    const html = readFileSync(join(REPO, 'out/renderer/index.html'), 'utf8')
    expect(html).toMatch(/assets\/index-[\w-]+\.js/)
    for (const screen of LAZY) expect(html).not.toContain(screen)
  })

  it('are fetched after the first paint without any user action, the review screen first', async () => {
    await page.getByTestId('drop-zone').waitFor()
    // nothing is clicked: the idle preload alone brings the three chunks
    await page.waitForFunction(
      (screens) =>
        screens.every((s) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/${s}-`))),
      LAZY,
      { timeout: 10_000 }
    )
    const scripts = await fetchedScripts()
    const paint = (await page.evaluate(
      `performance.getEntriesByType('paint').find((e) => e.name === 'first-paint')?.startTime ?? -1`
    )) as number
    expect(paint).toBeGreaterThan(0)
    const startOf = (screen: string) => scripts.find((s) => s.name.startsWith(`${screen}-`))?.start ?? -1
    for (const screen of LAZY) expect(startOf(screen)).toBeGreaterThan(paint)
    expect(startOf('PrepareScreen')).toBeLessThan(startOf('ProfilesScreen'))
    expect(app.problems).toEqual([])
  })

  it('an arrived screen renders in the same update as the click that opens it (no empty Suspense fallback first)', async () => {
    // a lazy screen that suspended would only come back after a macrotask (React's retry): look before any can run
    const shownAtOnce = await page.evaluate(`(async () => {
      document.querySelector('[data-testid="connections-button"]').click()
      for (let i = 0; i < 20; i++) await Promise.resolve()
      return document.querySelector('[data-testid="profiles-screen"]') !== null
    })()`)
    expect(shownAtOnce).toBe(true)
    await page.getByTestId('profiles-close').click()
    await page.getByTestId('profiles-screen').waitFor({ state: 'detached' })
    expect(app.problems).toEqual([])
  })
})
