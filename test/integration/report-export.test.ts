// Reports written to real files and read back: original columns + outcome/id/reason/message, formulas neutralised, BOM for Excel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { buildReport, escapeFormula, writeReport } from '../../src-main/core/report'
import type { ReportSource } from '../../src-main/core/report'
import type { RowResult } from '../../src-main/core/upload'
import type { Cell } from '../../src-main/core/workbook/types'
import { tempDir } from './push-fixtures'

const s = (w: string): Cell => ({ t: 's', v: w, w })
const n = (v: number): Cell => ({ t: 'n', v, w: String(v) })

const source: ReportSource = {
  headers: ['訂單編號', '金額', '備註'],
  rows: [
    { rowNumber: 2, cells: [s('A-1'), n(1990), s('=HYPERLINK("http://evil","x")')] },
    { rowNumber: 3, cells: [s('A-2'), n(-50), s('+1+2')] },
    { rowNumber: 4, cells: [s('@SUM(A1)'), n(0), s('\tcmd')] },
    { rowNumber: 5, cells: [s('-2+3'), n(5), s('\rx')] }
  ]
}
const results: RowResult[] = [
  { row: 2, rows: [2], outcome: 'created', id: 17, reason: null, message: null },
  { row: 3, rows: [3], outcome: 'failed', id: null, reason: 'validation_error', message: '=amount 格式錯誤' },
  {
    row: 4,
    rows: [4, 5],
    outcome: 'unknown',
    id: null,
    reason: 'unknown',
    message: 'unknown: check SHOPLINE before retrying'
  }
]

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

describe('reports', () => {
  it('escapes exactly the OWASP starting characters', () => {
    for (const bad of ['=1', '+1', '-1', '@x', '\tx', '\rx']) expect(escapeFormula(bad)).toBe(`'${bad}`)
    for (const ok of ['1', 'a=b', '訂單', '']) expect(escapeFormula(ok)).toBe(ok)
  })

  it('writes csv with a BOM, the original columns plus results, and every formula escaped', async () => {
    const path = join(tmp.dir, 'results.csv')
    await writeReport(path, buildReport(source, results))
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('訂單編號,金額,備註,outcome,id,reason,message')
    expect(lines[1]).toBe(`A-1,1990,"'=HYPERLINK(""http://evil"",""x"")",created,17,,`)
    expect(lines[2]).toBe(`A-2,-50,'+1+2,failed,,validation_error,'=amount 格式錯誤`)
    expect(lines[3]).toBe(`'@SUM(A1),0,'\tcmd,unknown,,unknown,unknown: check SHOPLINE before retrying`)
    // a grouped record's second row carries the same answer; a CR inside is quoted
    expect(text).toContain(`'-2+3,5,"'\rx",unknown`)
    // read back by SheetJS as Excel would: no cell is a formula
    const wb = XLSX.read(bytes, { type: 'buffer' })
    const sheet = wb.Sheets[wb.SheetNames[0]]
    expect(Object.values(sheet).some((c) => typeof c === 'object' && c && 'f' in c)).toBe(false)
  })

  it('writes xlsx read back with text cells exactly as they are (string cells, never formulas), numbers kept, Chinese intact', async () => {
    const path = join(tmp.dir, 'results.xlsx')
    await writeReport(path, buildReport(source, results, { language: 'zh-TW' }))
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' })
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null })
    expect(rows[0]).toEqual(['訂單編號', '金額', '備註', '匯入結果', '編號', '原因', '訊息'])
    expect(rows[1]).toEqual(['A-1', 1990, `=HYPERLINK("http://evil","x")`, '已新增', 17, null, null])
    expect(rows[2][1]).toBe(-50)
    expect(rows[2][2]).toBe('+1+2')
    expect(rows[2][6]).toBe('=amount 格式錯誤')
    expect(rows[3][0]).toBe('@SUM(A1)')
    const sheet = wb.Sheets[wb.SheetNames[0]]
    expect(Object.values(sheet).some((c) => typeof c === 'object' && c && 'f' in c)).toBe(false)
  })

  it('can list only the rows that need attention', () => {
    const report = buildReport(source, results, { only: 'problems' })
    expect(report.rows.map((r) => r[0])).toEqual(['A-2', '@SUM(A1)', '-2+3'])
  })

  it('refuses other extensions', async () => {
    await expect(writeReport(join(tmp.dir, 'r.txt'), buildReport(source, results))).rejects.toThrow(/xlsx or .csv/)
  })
})
