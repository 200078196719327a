import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { readWorkbookBytes } from './read'
import { columnLetter } from './columns'
import { sheet, workbookBytes } from './test-helpers'
import type { SheetTable } from './types'

function table(name: string, bytes: Uint8Array, opts = {}): SheetTable {
  const r = readWorkbookBytes(name, bytes, opts)
  if (!r.ok) throw new Error(r.error.message)
  return r.table
}

const ORDERS = [
  ['訂單匯出報表'],
  ['匯出時間: 2026-01-09 08:00'],
  ['訂單編號', '客戶姓名', '金額', '電話'],
  ['A001', '王小明', 1990, '0912345678'],
  ['A002', '陳美麗', 990, '0223456789']
]

describe('workbooks: header row, sheets, cells', () => {
  it('finds the header in row 3 below a title and an export-time row; rows keep Excel numbers', () => {
    const t = table('orders.xlsx', workbookBytes({ 訂單: ORDERS }))
    expect(t.format).toBe('xlsx')
    expect(t.encoding).toBeNull()
    expect(t.headerRow).toBe(3)
    expect(t.headers).toEqual(['訂單編號', '客戶姓名', '金額', '電話'])
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 5])
    expect(t.rows[0].cells[2]).toEqual({ t: 'n', v: 1990, w: '1990' })
    expect(t.rows[0].cells[3]).toEqual({ t: 's', v: '0912345678', w: '0912345678' }) // text that looks like a number stays text
  })

  it('lets the user override the header row, and rejects a blank one', () => {
    const bytes = workbookBytes({ 訂單: ORDERS })
    const t = table('orders.xlsx', bytes, { headerRow: 2 })
    expect(t.headerRow).toBe(2)
    expect(t.headers[0]).toBe('匯出時間: 2026-01-09 08:00')
    expect(t.rows[0].rowNumber).toBe(3)
    const bad = readWorkbookBytes('orders.xlsx', bytes, { headerRow: 40 })
    expect(bad.ok === false && bad.error.code).toBe('bad_header_row')
  })

  it('lists sheets with row counts and picks the data sheet over an instructions sheet', () => {
    const bytes = workbookBytes({ 說明: [['請勿修改欄位名稱'], ['金額請填數字'], ['謝謝']], 訂單: ORDERS, 空白: [] })
    const t = table('orders.xlsx', bytes)
    expect(t.sheet).toBe('訂單')
    expect(t.sheets).toEqual([
      { name: '說明', rowCount: 3 },
      { name: '訂單', rowCount: 5 },
      { name: '空白', rowCount: 0 }
    ])
    expect(table('orders.xlsx', bytes, { sheet: '說明' }).sheet).toBe('說明')
    const bad = readWorkbookBytes('orders.xlsx', bytes, { sheet: 'Nope' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('bad_sheet')
      expect(bad.error.message).toContain('訂單')
    }
  })

  it('reads dates from number formats in the 1900 and 1904 systems as wall-clock times', () => {
    const make = (date1904: boolean) => {
      const base = date1904 ? 46031.5 - 1462 : 46031.5 // 2026-01-09 12:00 in each system
      const ws = sheet([
        ['付款時間', '金額'],
        [0, 5]
      ])
      ws['A2'] = { t: 'n', v: base, z: 'yyyy/m/d h:mm' }
      return workbookBytes({ S: ws }, 'xlsx', date1904)
    }
    for (const date1904 of [false, true]) {
      const cell = table('d.xlsx', make(date1904)).rows[0].cells[0]
      expect(cell.t).toBe('d')
      expect(cell.v).toBe('2026-01-09T12:00:00')
      expect(cell.w).toBe('2026/1/9 12:00')
    }
  })

  it('reads dates in .xls and .ods too', () => {
    const ws = sheet([
      ['日期', 'n'],
      [0, 1]
    ])
    ws['A2'] = { t: 'n', v: 46031.25, z: 'yyyy-mm-dd hh:mm' }
    for (const bookType of ['xls', 'ods'] as const) {
      const t = table(`d.${bookType}`, workbookBytes({ S: ws }, bookType))
      expect(t.format).toBe(bookType)
      expect(t.rows[0].cells[0]).toMatchObject({ t: 'd', v: '2026-01-09T06:00:00' })
    }
  })

  it('gives a formula its cached value and never evaluates it', () => {
    const ws = sheet([
      ['數量', '單價', '小計'],
      [2, 100, 0]
    ])
    ws['C2'] = { t: 'n', v: 999, f: 'A2*B2' } // a stale cached value proves nothing is evaluated
    const t = table('f.xlsx', workbookBytes({ S: ws }))
    expect(t.rows[0].cells[2]).toMatchObject({ t: 'n', v: 999 })
  })

  it('names blank headers by column letter and numbers duplicates', () => {
    const t = table(
      'h.xlsx',
      workbookBytes({
        S: [
          ['Name', 'Email', '', 'Name', 'Phone', 'Name'],
          ['a', 'b', 'c', 'd', 'e', 'f']
        ]
      })
    )
    expect(t.headerRow).toBe(1)
    expect(t.headers).toEqual(['Name', 'Email', 'Column C', 'Name (2)', 'Phone', 'Name (3)'])
  })

  it('fills a merged header across its columns and copies vertically merged data down', () => {
    const ws = sheet([
      ['訂單編號', '金額', '', '品名'],
      ['A1', 100, 5, '杯子'],
      ['', 200, 6, '盤子'],
      ['A2', 300, 7, '碗']
    ])
    ws['!merges'] = [
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
      { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }
    ]
    const t = table('m.xlsx', workbookBytes({ S: ws }))
    expect(t.headers).toEqual(['訂單編號', '金額', '金額 (2)', '品名'])
    expect(t.rows.map((r) => r.cells[0].w)).toEqual(['A1', 'A1', 'A2'])
  })

  it('drops trailing empty rows and columns, keeps blank rows inside', () => {
    const ws = sheet([
      ['a', 'b', ''],
      ['1', '2', ''],
      ['', '', ''],
      ['3', '4', '']
    ])
    ws['!ref'] = 'A1:F12'
    const t = table('t.xlsx', workbookBytes({ S: ws }))
    expect(t.headers).toEqual(['a', 'b'])
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4])
    expect(t.rows[1].cells).toEqual([
      { t: 'z', v: null, w: '' },
      { t: 'z', v: null, w: '' }
    ])
  })

  it('previews the first rows of a large sheet and estimates its size', () => {
    const aoa: unknown[][] = [['id', 'v']]
    for (let i = 0; i < 1000; i++) aoa.push([i, `x${i}`])
    const bytes = workbookBytes({ S: aoa })
    const t = table('p.xlsx', bytes, { maxRows: 100 })
    expect(t.rows).toHaveLength(100)
    expect(t.truncated).toBe(true)
    expect(t.totalRows).toBe(1000)
    expect(t.sheets[0].rowCount).toBe(1001)
    expect(table('p.xlsx', bytes).rows).toHaveLength(1000)
  })

  it('reads .xlsm by name and an HTML table saved as .xls', () => {
    expect(table('m.xlsm', workbookBytes({ S: ORDERS })).format).toBe('xlsm')
    const html = Buffer.from(
      '<html><body><table><tr><td>訂單編號</td><td>金額</td></tr><tr><td>A1</td><td>5</td></tr></table></body></html>'
    )
    const t = table('export.xls', html)
    expect(t.headers).toEqual(['訂單編號', '金額'])
  })

  it('columnLetter counts like Excel', () => {
    expect([0, 5, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
    expect(XLSX.utils.encode_col(702)).toBe('AAA')
  })
})
