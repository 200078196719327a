// One harness + Chromium page for a test file: the built renderer with window.orderdock bridged to the real services.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { startHarness, type Harness, type HarnessOptions } from './server'

export const REPO = resolve(import.meta.dirname, '../../..')
export const SCREENSHOTS = join(REPO, 'test/e2e/screenshots')

// records CSP violations inside the page so a test can prove the strict policy never blocks the app
const CSP_WATCH = `document.addEventListener('securitypolicyviolation', (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI)
})`

export interface AppPage {
  page: Page
  harness: Harness
  /** Page errors and console errors seen so far. */
  problems: string[]
  screenshot(name: string): Promise<void>
  cspViolations(): Promise<string[]>
  close(): Promise<void>
}

export interface AppPageOptions {
  /** Default timeout for page actions (20 s unless given). */
  timeoutMs?: number
  /** Runs on the new page before it loads the app, e.g. to watch the bridge's websocket from its first frame. */
  beforeLoad?: (page: Page) => void
  /** Start over this data directory (kept on close), as the app does after a restart. */
  dataDir?: string
  /** The tokens' store (default: the OS keychain, which a headless box lacks; tests pass memoryKeychain()). */
  keychain?: HarnessOptions['keychain']
}

export async function openAppPage(options: AppPageOptions = {}): Promise<AppPage> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const harness = await startHarness({
    rendererDir: join(REPO, 'out/renderer'),
    resourcesDir: join(REPO, 'resources'),
    dataDir: options.dataDir,
    keychain: options.keychain
  })
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  try {
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
    await context.addInitScript({ content: harness.initScript })
    await context.addInitScript({ content: CSP_WATCH })
    const page = await context.newPage()
    page.setDefaultTimeout(options.timeoutMs ?? 20_000)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    options.beforeLoad?.(page)
    await page.goto(harness.url)
    // the first screen renders after i18n is ready, as a transition in slices: 'load' can come before it is drawn
    await page.locator('#root > *').first().waitFor()
    const openedBrowser = browser
    const openedContext = context
    return {
      page,
      harness,
      problems,
      screenshot: async (name) => void (await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })),
      cspViolations: () => page.evaluate('window.__cspViolations || []') as Promise<string[]>,
      async close() {
        await openedContext.close()
        await openedBrowser.close()
        await harness.services.dispose?.()
        await harness.close()
      }
    }
  } catch (error) {
    await context?.close()
    await browser?.close()
    await harness.close()
    throw error
  }
}
