import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { readWorkbookBytes } from './read'
import { previewXlsxBytes } from './xlsx-preview'
import { listZip } from './zip'
import { sheet, workbookBytes } from './test-helpers'

function bigSheet(rows: number) {
  const aoa: unknown[][] = [['報表'], ['匯出時間: 2026-01-09'], ['訂單編號', '姓名', '金額', '付款時間']]
  for (let i = 0; i < rows; i++) aoa.push([`A${i}`, `客戶${i % 37}`, i * 10, 0])
  aoa[2][3] = '' // a merged header keeps only its top-left text, as Excel does
  const ws = sheet(aoa)
  for (let i = 0; i < rows; i++)
    ws[XLSX.utils.encode_cell({ r: i + 3, c: 3 })] = { t: 'n', v: 46031 + i / 24, z: 'yyyy/m/d hh:mm' }
  ws['!merges'] = [{ s: { r: 2, c: 2 }, e: { r: 2, c: 3 } }]
  return ws
}

describe('fast xlsx preview', () => {
  it('gives the same first rows, headers and sizes as a full read', () => {
    const bytes = workbookBytes({ 說明: [['請看訂單頁']], 訂單: bigSheet(3000) }, 'xlsx', false, true)
    const full = readWorkbookBytes('p.xlsx', bytes)
    const preview = readWorkbookBytes('p.xlsx', bytes, { maxRows: 100 })
    if (!full.ok || !preview.ok) throw new Error('read failed')
    expect(preview.table.sheet).toBe('訂單')
    expect(preview.table.headerRow).toBe(3)
    expect(preview.table.headers).toEqual(['訂單編號', '姓名', '金額', '金額 (2)'])
    expect(preview.table.headers).toEqual(full.table.headers)
    expect(preview.table.rows).toEqual(full.table.rows.slice(0, 100))
    expect(preview.table.rows[99].cells[3]).toMatchObject({ t: 'd' })
    expect(preview.table.totalRows).toBe(3000)
    expect(preview.table.sheets).toEqual([
      { name: '說明', rowCount: 1 },
      { name: '訂單', rowCount: 3003 }
    ])
  })

  it('inflates only the start of a big sheet and still matches the full read', () => {
    const bytes = workbookBytes({ S: bigSheet(60_000) }, 'xlsx', false, true)
    const full = readWorkbookBytes('big.xlsx', bytes)
    const preview = readWorkbookBytes('big.xlsx', bytes, { maxRows: 100 })
    if (!full.ok || !preview.ok) throw new Error('read failed')
    expect(preview.table.rows).toEqual(full.table.rows.slice(0, 100))
    expect(preview.table.headers.slice(0, 3)).toEqual(full.table.headers.slice(0, 3))
    expect(preview.table.totalRows).toBe(60_000)
    const sheetXml = (b: Uint8Array) => listZip(b)!.find((e) => /sheet1\.xml$/.test(e.name))!
    expect(sheetXml(bytes).compressedSize).toBeGreaterThan(1024 * 1024) // big enough for the partial inflate
  })

  it('really shrinks the package handed to SheetJS', () => {
    const bytes = workbookBytes({ S: bigSheet(3000) }, 'xlsx', false, true)
    const small = previewXlsxBytes(bytes, 50)!
    const sizeOf = (b: Uint8Array, name: RegExp) => listZip(b)!.find((e) => name.test(e.name))!.size
    expect(sizeOf(small, /sheet1\.xml$/)).toBeLessThan(sizeOf(bytes, /sheet1\.xml$/) / 20)
    expect(sizeOf(small, /sharedStrings\.xml$/)).toBeLessThan(sizeOf(bytes, /sharedStrings\.xml$/) / 10)
  })
})
