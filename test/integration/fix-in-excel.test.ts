// Fix in Excel through the real services: export the error rows to xlsx, fix the copy, bring it back into the same
// preparation (summary first, then applied as edits), the rows re-validated and the edits restored after a restart.
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import type { MergeBackView, PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const dataDir = mkdtempSync(join(tmpdir(), 'orderdock-fix-excel-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const call =
  (services: OrderDockServices) =>
  async <T>(method: string, args: unknown): Promise<T> => {
    const r = (await dispatch(services.methods, method, args)) as Result<T>
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
    return r.value
  }

describe('fix in Excel and bring it back', () => {
  it('exports only the error rows with messages, merges the fixed copy by sheet row and key, and the rows become valid', async () => {
    let services = createServices({
      dataDir,
      fetch,
      now: () => new Date(),
      resourcesDir: join(dataDir, 'res'),
      language: 'zh-TW'
    })
    let value = call(services)
    const csv =
      '訂單編號,金額,Email,付款狀態\nA1,100,a@example.com,已付款\nA2,abc,b@example.com,已付款\nA3,300,c@example.com,已付款\nA4,xyz,d@example.com,已付款\n'
    const wb = await value<WorkbookView>('workbook.open', { name: 'orders.csv', bytes: new TextEncoder().encode(csv) })
    const prep = await value<PrepareView>('prepare.start', { sessionId: wb.sessionId, target: 'zangsho.orders' })
    expect(prep.summary.invalid).toBe(2)

    const exported = await value<{ path: string; rows: number }>('prepare.exportErrors', { prepId: prep.prepId })
    expect(exported.rows).toBe(2)
    const book = XLSX.read(readFileSync(exported.path))
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1 })
    expect(aoa[0]).toEqual(['原始列號', '訂單編號', '金額', 'Email', '付款狀態', '問題說明'])
    expect(aoa.slice(1).map((r) => r.slice(0, 3))).toEqual([
      [3, 'A2', 'abc'],
      [5, 'A4', 'xyz']
    ])
    expect(String(aoa[1][5])).toContain('金額')

    // fix: row 3 by its sheet row; row 5's sheet row is cleared so it is found by its order number; one unknown order
    const sheet = book.Sheets[book.SheetNames[0]]
    sheet.C2 = { t: 'n', v: 250 }
    sheet.A3 = { t: 's', v: '' }
    sheet.C3 = { t: 's', v: '450' }
    XLSX.utils.sheet_add_aoa(sheet, [[null, 'ZZ9', '1', 'z@example.com', '已付款', '']], { origin: -1 })
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)

    // a file that is not a spreadsheet is refused with a localized message, and changes nothing
    const bad = (await dispatch(services.methods, 'prepare.mergeBack', {
      prepId: prep.prepId,
      name: 'fixed.xlsx',
      bytes: new Uint8Array([1, 2, 3, 4]),
      apply: true
    })) as Result<MergeBackView>
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.messages?.['zh-TW']).toBeTruthy()

    const preview = await value<MergeBackView>('prepare.mergeBack', {
      prepId: prep.prepId,
      name: 'fixed.xlsx',
      bytes,
      apply: false
    })
    expect(preview).toMatchObject({
      applied: false,
      rows: 2,
      cells: 2,
      matchedByRow: 1,
      matchedByKey: 1,
      unmatchedCount: 1,
      unmatched: [{ fileRow: 4, reason: 'key_not_found', key: 'ZZ9' }]
    })
    expect(preview.summary.invalid).toBe(2)
    const applied = await value<MergeBackView>('prepare.mergeBack', {
      prepId: prep.prepId,
      name: 'fixed.xlsx',
      bytes,
      apply: true
    })
    expect(applied.summary).toMatchObject({ invalid: 0, valid: 4 })
    const errors = await value<{ total: number }>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 10,
      filter: 'errors'
    })
    expect(errors.total).toBe(0)
    await services.dispose?.()

    // the merged cells are ordinary autosaved edits
    services = createServices({ dataDir, fetch, now: () => new Date(), resourcesDir: join(dataDir, 'res') })
    value = call(services)
    const restored = await value<{ prep: PrepareView }>('sessions.restore', { id: prep.prepId })
    expect(restored.prep.summary.invalid).toBe(0)
    await services.dispose?.()
  }, 30_000)
})
