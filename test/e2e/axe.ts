// axe-core in the page under test: every screen must have zero serious or critical violations.
// The page's strict CSP blocks an injected <script> (page.addScriptTag inlines it), so the source is evaluated through
// the DevTools protocol instead, which the CSP does not govern; the app's own CSP stays untouched (and watched).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { REPO } from './harness/app-page'

const AXE_SOURCE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8')

export interface A11yViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe on the whole page; returns the serious and critical violations (empty when the screen is clean). */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' '))
      }))
  })
}
