import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompactRowStore, packRows, unpackColumn, unpackRows } from './compact-rows'
import { openWorkbook, openWorkbookCompact } from './open'
import { readWorkbookBytes } from './read'
import { sheet, workbookBytes } from './test-helpers'
import type { SheetRow } from './types'

const EMPTY = { t: 'z', v: null, w: '' }

const ROWS: SheetRow[] = [
  {
    rowNumber: 4,
    cells: [
      { t: 's', v: '0012', w: '0012' },
      { t: 'n', v: 1990, w: '1,990.00' },
      { t: 'n', v: 5, w: '5' },
      { t: 'd', v: '2026-01-09T12:00:00', w: '2026/1/9 12:00' },
      { t: 'b', v: true, w: 'TRUE' },
      { t: 'e', v: '#N/A', w: '#N/A' },
      { t: 'z', v: null, w: '' }
    ]
  },
  { rowNumber: 6, cells: [{ t: 's', v: 'x', w: 'x' }] }
]

describe('compact rows', () => {
  it('give one column back as the same Cells as whole rows, sharing repeated ones, without making the rows', () => {
    const rows: SheetRow[] = [...ROWS, { rowNumber: 7, cells: [{ t: 's', v: '0012', w: '0012' }, ROWS[0].cells[1]] }]
    const chunk = packRows(rows, 7)
    const whole = unpackRows(chunk)
    for (let c = 0; c < 8; c++) expect(unpackColumn(chunk, c)).toEqual(whole.map((r) => r.cells[c] ?? EMPTY))
    const first = unpackColumn(chunk, 0)
    expect(first[2]).toBe(first[0]) // the same text: one Cell
    expect(unpackColumn(chunk, 1)[2]).toEqual({ t: 'n', v: 1990, w: '1,990.00' }) // the shown text stays its own
  })

  it('keep raw values and only the displayed text that differs, and give back the same Cells', () => {
    const chunk = packRows(ROWS, 7)
    expect([...chunk.shownAt].map((i, s) => [i, chunk.strings[chunk.shown[s]]])).toEqual([
      [1, '1,990.00'],
      [3, '2026/1/9 12:00']
    ])
    expect([...chunk.nums]).toEqual([1990, 5]) // only the number cells' values, not one slot per cell
    const back = unpackRows(chunk)
    expect(back[0]).toEqual(ROWS[0])
    expect(back[1].cells).toEqual([
      { t: 's', v: 'x', w: 'x' },
      ...Array.from({ length: 6 }, () => ({ t: 'z', v: null, w: '' }))
    ])
  })

  it('each distinct text is kept once per chunk, and equal cells are one shared Cell', () => {
    const rows: SheetRow[] = Array.from({ length: 50 }, (_, i) => ({
      rowNumber: i + 2,
      cells: [
        { t: 's', v: `A${i}`, w: `A${i}` },
        { t: 's', v: 'TWD', w: 'TWD' },
        { t: 'n', v: 990, w: '990' },
        { t: 'n', v: 990, w: '990.00' },
        { t: 'n', v: i % 2 ? -0 : 0, w: '0' }
      ]
    }))
    const chunk = packRows(rows, 5)
    expect(chunk.strings.filter((s) => s === 'TWD')).toHaveLength(1)
    expect(chunk.strings).toHaveLength(50 + 2)
    const back = unpackRows(chunk)
    expect(back).toEqual(rows)
    expect(back[0].cells[1]).toBe(back[49].cells[1])
    expect(back[0].cells[2]).toBe(back[49].cells[2])
    expect(back[0].cells[3].w).toBe('990.00')
    expect(Object.is(back[1].cells[4].v, -0)).toBe(true)
    expect(Object.is(back[2].cells[4].v, 0)).toBe(true)
  })

  it('one row at a time, padded or cut to a width, gives the same cells', () => {
    const chunk = packRows(ROWS, 7)
    expect(unpackRows(chunk, 0, 1)).toEqual([ROWS[0]])
    expect(unpackRows(chunk, 1, 2, 2)[0].cells).toEqual([
      { t: 's', v: 'x', w: 'x' },
      { t: 'z', v: null, w: '' }
    ])
    expect(unpackRows(chunk, 0, 2, 4).map((r) => r.cells.map((c) => c.w))).toEqual([
      ['0012', '1,990.00', '5', '2026/1/9 12:00'],
      ['x', '', '', '']
    ])
    expect(unpackRows(packRows(ROWS, 7), 0, 1, 9)[0].cells.slice(6)).toEqual(
      Array.from({ length: 3 }, () => ({ t: 'z', v: null, w: '' }))
    )
  })

  it('a store pages across chunk boundaries', () => {
    const store = new CompactRowStore()
    const many = Array.from({ length: 25 }, (_, i): SheetRow => ({
      rowNumber: i + 2,
      cells: [{ t: 'n', v: i, w: String(i) }]
    }))
    for (let at = 0; at < 25; at += 10) store.push(packRows(many.slice(at, at + 10), 1))
    expect(store.length).toBe(25)
    expect(store.page(8, 5).map((r) => r.rowNumber)).toEqual([10, 11, 12, 13, 14])
    expect(store.page(20, 100).map((r) => r.cells[0].v)).toEqual([20, 21, 22, 23, 24])
    expect(store.toRows()).toEqual(many)
  })
})

describe('the worker posts rows in chunks as it finishes them', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-chunks-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('progress and chunks arrive, pages match the in-process read, openWorkbook still returns whole rows', async () => {
    const aoa: unknown[][] = [['訂單編號', '金額', '付款時間']]
    for (let i = 0; i < 12_000; i++) aoa.push([`A${String(i).padStart(5, '0')}`, i * 1.5, 0])
    const ws = sheet(aoa)
    for (let r = 2; r <= 12_001; r++) ws[`C${r}`] = { t: 'n', v: 46031 + (r % 300) / 7, z: 'yyyy/m/d h:mm' }
    const bytes = workbookBytes({ 訂單: ws }, 'xlsx', false, true)
    const path = join(dir, 'orders.xlsx')
    writeFileSync(path, bytes)
    const expected = readWorkbookBytes(path, bytes)
    if (!expected.ok) throw new Error(expected.error.message)
    const received: number[] = []
    let firstPage: SheetRow[] = []
    const r = await openWorkbookCompact(
      { path },
      {},
      {},
      {
        onChunk: (store, count) => {
          received.push(count)
          if (!firstPage.length) firstPage = store.page(0, 100)
        }
      }
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(received).toEqual([5000, 10000, 12000])
    expect(firstPage).toEqual(expected.table.rows.slice(0, 100))
    expect(r.table.rows.page(4990, 20)).toEqual(expected.table.rows.slice(4990, 5010))
    expect(r.table.headers).toEqual(expected.table.headers)
    const whole = await openWorkbook({ path })
    expect(whole).toEqual(expected)
  })
})
