// Shared steps for the named journeys 1 and 2 (issue #11): screenshots per step, axe on every screen, contract calls for
// reading state, and a look at what the built-in Rehearsal server stored (over its own HTTP API, like a user's 帳獸 page).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { dispatch } from '../../../src-main/services/dispatch'
import type { ProfileListView } from '../../../src-main/ipc/contract'
import { seriousA11yViolations } from '../axe'
import { SCREENSHOTS, type AppPage } from '../harness/app-page'

export const JOURNEY_SHOTS = join(SCREENSHOTS, 'journeys')

export interface JourneyKit {
  /** Screenshot of the viewport (what a user sees; fixed overlays included) into test/e2e/screenshots/journeys/. */
  shot(name: string): Promise<void>
  /** axe-core: no serious or critical violation on the screen now shown. */
  axeClean(screen: string): Promise<void>
  service<T>(method: string, args: unknown): Promise<T>
  /** The orders the built-in Rehearsal server holds now (GET /orders, every page). */
  rehearsalOrders(): Promise<RehearsalOrder[]>
  /** Waits until the testid's text matches the pattern (a RegExp source; evaluated in the page). */
  waitText(testId: string, pattern: string): Promise<void>
}

export interface RehearsalOrder {
  id: number
  order_no: string
  amount: string
  currency: string
  status: string | null
  customer_email: string | null
  created_at: string
  updated_at: string
}

export function journeyKit(app: AppPage): JourneyKit {
  mkdirSync(JOURNEY_SHOTS, { recursive: true })
  const page: Page = app.page
  const service = async <T>(method: string, args: unknown): Promise<T> => {
    const result = (await dispatch(app.harness.services.methods, method, args)) as {
      ok: boolean
      value?: T
      error?: unknown
    }
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
    return result.value as T
  }
  return {
    shot: async (name) => void (await page.screenshot({ path: join(JOURNEY_SHOTS, name) })),
    async axeClean(screen) {
      expect({ screen, violations: await seriousA11yViolations(page) }).toEqual({ screen, violations: [] })
    },
    service,
    async rehearsalOrders() {
      const list = await service<ProfileListView>('profiles.list', {})
      const rehearsal = list.profiles.find((p) => p.id === 'rehearsal')
      if (!rehearsal?.baseUrl) throw new Error('the Rehearsal server has not been started')
      const orders: RehearsalOrder[] = []
      for (let pageNo = 1; ; pageNo++) {
        const res = await fetch(`${rehearsal.baseUrl}/zangsho/v1/orders?per_page=100&page=${pageNo}`, {
          headers: { Authorization: 'Bearer rehearsal', Accept: 'application/json' }
        })
        const body = (await res.json()) as { data: RehearsalOrder[]; meta: { last_page: number } }
        orders.push(...body.data)
        if (pageNo >= body.meta.last_page) return orders
      }
    },
    async waitText(testId, pattern) {
      await page.waitForFunction(
        ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
        [testId, pattern] as const
      )
    }
  }
}
