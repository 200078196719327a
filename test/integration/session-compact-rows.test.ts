// issue 14: an import session keeps the file's rows compact (only edited and excluded rows whole), and what it pages,
// validates and exports equals the whole table with the same edits applied.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportSession } from '../../src-main/core/workspace/import-session'
import { createSessionStore } from '../../src-main/core/workspace/session-store'
import { applyEdits } from '../../src-main/core/workspace/apply-edits'
import { openWorkbook } from '../../src-main/core/workbook'
import { prepareWithLookups } from '../../src-main/core/validation/prepare-with-lookups'
import type { SheetRow } from '../../src-main/core/workbook/types'
import { distinctCellTexts, distinctValues } from '../../src-main/core/mapping/values'
import { makeOrdersCsvWithIssues } from '../bench/make-orders-csv'
import { getSourceLayout } from '../../src-main/core/sources'
import { PUBLIC_SAMPLES_DIR, hasPublicSamples } from '../public-samples'

const ROWS = 12_000
const dir = mkdtempSync(join(tmpdir(), 'od-session-compact-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const shown = (rows: Iterable<SheetRow>) =>
  Array.from(rows, (r) => [r.rowNumber, ...r.cells.map((c) => `${c.t}:${c.w}`)])

/** The whole table read in one go, with the session's edits and exclusions, prepared with the session's settings. */
async function wholeTableLike(s: ImportSession, file: string, name: string) {
  const whole = await openWorkbook({ path: file })
  if (!whole.ok) throw new Error(whole.error.message)
  const edited = applyEdits({ ...whole.table, file: name }, s.state.edits, s.state.excluded)
  const settings = {
    target: 'zangsho.orders' as const,
    mapping: s.state.mapping,
    valueMatches: s.state.valueMatches,
    timezone: s.state.timezone,
    dateOrder: s.state.dateOrder,
    metadataColumns: s.state.metadataColumns,
    excludedRows: s.state.excluded
  }
  const lacks = s.state.sourceLayout ? getSourceLayout(s.state.sourceLayout)?.lacks : undefined
  return { edited, expected: prepareWithLookups(edited, settings, { lacks }).preparation }
}

describe('import session rows', () => {
  it('pages, validation and the edited table equal the whole table with the same edits and exclusions', async () => {
    const file = join(dir, 'orders.csv')
    writeFileSync(file, makeOrdersCsvWithIssues(ROWS))
    const s = await ImportSession.create({ path: file }, { store: createSessionStore(join(dir, 'data')) })
    await s.setTarget('zangsho.orders')
    expect((await s.open()).ok).toBe(true)
    expect(Array.isArray(s.editedTable.rows)).toBe(false)
    // edits on both sides of the reader's chunk borders, one typed back to the original, exclusions
    s.editCell(4999, '金額', 'abc')
    s.editCell(5002, '客戶Email', 'fixed@example.com')
    s.editCells([9000, 9001, 12001], '付款狀態', '待付款')
    const original = s.page(10000 - 2, 1).rows[0].cells[3].w
    s.editCell(10000, '金額', 'NT$1')
    s.editCell(10000, '金額', original)
    s.setExcluded([3, 8000, 8001], true)
    s.setExcluded([8001], false)

    const { edited, expected } = await wholeTableLike(s, file, 'orders.csv')

    expect(s.state.edits['10000']).toBeUndefined()
    expect(s.state.excluded).toEqual([3, 8000])
    expect(shown(s.editedTable.rows)).toEqual(shown(edited.rows))
    for (const column of ['付款狀態', '金額']) {
      const values = distinctCellTexts(s.editedTable.rows.column(s.headers.indexOf(column)))
      expect(values).toEqual(distinctValues(edited, column))
    }
    expect(distinctValues(edited, '付款狀態').map((v) => v.value)).toEqual(['已付款', '不知道', '待付款'])
    const page = s.page(4990, 20)
    expect(shown(page.rows)).toEqual(shown(edited.rows.slice(4990, 5010)))
    expect(page.rows.find((r) => r.rowNumber === 4999)!.edited).toEqual(['金額'])
    expect(s.preparation!.issues).toEqual(expected.issues)
    expect(s.preparation!.records).toEqual(expected.records)
    const errorRows = edited.rows
      .filter((r) => !s.state.excluded.includes(r.rowNumber))
      .filter((r) => expected.issuesForRow(r.rowNumber).some((i) => i.severity === 'error'))
      .map((r) => r.rowNumber)
    expect(errorRows.length).toBeGreaterThan(100)
    expect(errorRows).toContain(4999)
    expect(s.rowNumbers('errors')).toEqual(errorRows)
    expect(s.rowNumbers('excluded')).toEqual([3, 8000])
    expect(s.rowsByNumber([8000, 4999, 99999]).map((r) => [r.rowNumber, r.excluded])).toEqual([
      [8000, true],
      [4999, false]
    ])
    await s.flush()
  })

  // real exports, read in place: the recognized layout's mapping, an edit and an exclusion, as the whole table gives them
  it.skipIf(!hasPublicSamples).each(['shopify-orders-export.csv', 'woocommerce-orders-export-webtoffee-sample.csv'])(
    '%s: the same rows, records and issues as the whole table',
    async (name) => {
      const file = join(PUBLIC_SAMPLES_DIR, name)
      const s = await ImportSession.create({ path: file }, { store: createSessionStore(join(dir, name)) })
      await s.setTarget('zangsho.orders')
      expect((await s.open()).ok).toBe(true)
      expect(s.state.sourceLayout).not.toBeNull()
      const [first, second] = s.rowNumbers('all')
      s.editCell(second, s.headers[0], 'edited')
      s.setExcluded([first], true)
      const { edited, expected } = await wholeTableLike(s, file, name)
      expect(shown(s.editedTable.rows)).toEqual(shown(edited.rows))
      expect(s.preparation!.records.length).toBeGreaterThan(0)
      expect(s.preparation!.records).toEqual(expected.records)
      expect(s.preparation!.issues).toEqual(expected.issues)
      await s.flush()
    }
  )
})
