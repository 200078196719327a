// issue 14: prepare.start answers with the first validated rows while the rest of a big file is read and validated
// in steps; progress events follow, and the end state equals a one-shot preparation of the same file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createPrepareServices } from '../../src-main/services/prepare'
import { WorkbookSessions } from '../../src-main/services/workbook-sessions'
import { ImportSession } from '../../src-main/core/workspace/import-session'
import { createSessionStore } from '../../src-main/core/workspace/session-store'
import type { OrderDockEvent, PrepareProgressEvent } from '../../src-main/ipc/contract'
import { makeOrdersWorkbook } from '../bench/make-orders-xlsx'
import { makeOrdersCsvWithIssues } from '../bench/make-orders-csv'

const ROWS = 6_000
const dir = mkdtempSync(join(tmpdir(), 'od-progressive-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('progressive prepare', () => {
  it.each([
    ['orders.xlsx', () => makeOrdersWorkbook(ROWS), false],
    // orders spread over far-apart rows that disagree, bad amounts, unmatched statuses: cross-row checks span steps
    ['orders.csv', () => makeOrdersCsvWithIssues(ROWS), true]
  ] as const)(
    '%s: first page before validation completes; progress climbs to done; final state equals one-shot',
    async (name, make, withIssues) => {
      const file = join(dir, name)
      writeFileSync(file, make())
      const events: PrepareProgressEvent[] = []
      const preparations = new Map<string, ImportSession>()
      const workbooks = new WorkbookSessions()
      const services = createPrepareServices({
        dataDir: join(dir, 'app'),
        now: () => new Date(),
        workbooks,
        preparations,
        emit: (e: OrderDockEvent) => void (e.type === 'prepare.progress' && events.push(e))
      })
      const wb = await workbooks.openSource({ path: file })
      const view = await services['prepare.start']({ sessionId: wb.sessionId, target: 'zangsho.orders' })

      // answered early: still reading or validating, and the grid lists only validated rows
      expect(view.progress).toBeDefined()
      const page = await services['prepare.rows']({ prepId: view.prepId, offset: 0, limit: 100, filter: 'all' })
      expect(page.rows.length).toBe(100)
      expect(page.total).toBeLessThan(ROWS)
      expect(page.rows[0].rowNumber).toBe(2)

      // progress events until the last one (progress null)
      await expect.poll(() => events.at(-1)?.progress === null, { timeout: 60_000, interval: 50 }).toBe(true)
      const validating = events.filter((e) => e.progress?.phase === 'validating')
      expect(validating.length).toBeGreaterThan(0)
      const counts = validating.map((e) => e.progress!.validated)
      expect(counts).toEqual([...counts].sort((a, b) => a - b))
      expect(validating[0].progress!.total).toBe(ROWS)
      expect(counts[0]).toBeLessThan(ROWS)
      const final = events.at(-1)!
      expect(final.error).toBeUndefined()

      // the same file prepared in one go
      const oneShot = await ImportSession.create(
        { path: file, name },
        { store: createSessionStore(join(dir, 'one-shot'), () => new Date()) }
      )
      await oneShot.setTarget('zangsho.orders')
      expect((await oneShot.open()).ok).toBe(true)
      const progressive = preparations.get(view.prepId)!
      expect(progressive.progress).toBeNull()
      expect(final.summary).toEqual(oneShot.summary())
      expect(final.summary.rows).toBe(ROWS)
      if (withIssues) {
        expect(final.summary.errorRows).toBeGreaterThan(100)
        expect(oneShot.preparation!.issues.map((i) => i.code)).toEqual(
          expect.arrayContaining(['group_conflict', 'money_invalid'])
        )
      }
      expect(progressive.preparation!.issues).toEqual(oneShot.preparation!.issues)
      expect(progressive.preparation!.records).toEqual(oneShot.preparation!.records)
      const all = await services['prepare.rows']({ prepId: view.prepId, offset: 0, limit: 10, filter: 'errors' })
      expect(all.total).toBe(oneShot.summary()!.errorRows)
      const whole = await services['prepare.rows']({ prepId: view.prepId, offset: ROWS - 5, limit: 100, filter: 'all' })
      expect(whole.total).toBe(ROWS)
      // the view after done carries no progress
      const after = await services['prepare.setOptions']({ prepId: view.prepId })
      expect(after.progress).toBeUndefined()
      expect(after.totalRows).toBe(ROWS)
    },
    120_000
  )
})
