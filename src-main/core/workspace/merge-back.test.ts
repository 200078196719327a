import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { Cell, SheetRow } from '../workbook/types'
import type { Issue } from '../validation/types'
import { readWorkbookBytes } from '../workbook/read'
import { reportToXlsx } from '../report/report'
import { buildErrorRowsReport, ROW_COLUMN } from './error-rows-export'
import { planMergeBack } from './merge-back'

const text = (w: string): Cell => (w === '' ? { t: 'z', v: null, w: '' } : { t: 's', v: w, w })
const row = (rowNumber: number, values: string[]): SheetRow => ({ rowNumber, cells: values.map(text) })
const headers = ['訂單編號', 'Email', '金額']
const sessionRows = [
  row(2, ['A1', 'a@x.tw', '100']),
  row(3, ['A2', 'bad-mail', '200']),
  row(4, ['A3', 'c@x.tw', 'abc']),
  row(5, ['A3', 'd@x.tw', '5'])
]
const issue = (r: number, column: string, en: string, zh: string): Issue => ({
  row: r,
  field: 'x',
  column,
  severity: 'error',
  code: 'c',
  message: en,
  messageZh: zh
})

describe('error rows export', () => {
  const issues = new Map([
    [3, [issue(3, 'Email', 'Not an e-mail', '不是 e-mail')]],
    [4, [issue(4, '金額', 'Not an amount', '不是金額')]]
  ])
  const source = {
    headers,
    rows: sessionRows,
    errorRows: new Set([3, 4]),
    issuesForRow: (n: number) => issues.get(n) ?? []
  }

  it('keeps only the error rows, with their sheet row and messages in the UI language', () => {
    const zh = buildErrorRowsReport(source, 'zh-TW')
    expect(zh.header).toEqual(['原始列號', ...headers, '問題說明'])
    expect(zh.rows).toEqual([
      [3, 'A2', 'bad-mail', '200', 'Email: 不是 e-mail'],
      [4, 'A3', 'c@x.tw', 'abc', '金額: 不是金額']
    ])
    expect(buildErrorRowsReport(source, 'en').rows[0][4]).toBe('Email: Not an e-mail')
  })

  it('writes formula-looking text as a string cell, exactly', () => {
    const report = buildErrorRowsReport(
      { ...source, rows: [row(3, ['=HYPERLINK("http://x","y")', '+886912', '-5'])] },
      'en'
    )
    const sheet = XLSX.read(reportToXlsx(report)).Sheets.Results
    expect(sheet.B2).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","y")' })
    expect(sheet.B2.f).toBeUndefined()
    expect(sheet.C2).toMatchObject({ t: 's', v: '+886912' })
  })

  it('round-trips: export, fix in a spreadsheet, read back, merge by sheet row', () => {
    const book = XLSX.read(reportToXlsx(buildErrorRowsReport(source, 'zh-TW')))
    const sheet = book.Sheets[book.SheetNames[0]]
    sheet.C2 = { t: 's', v: 'b@x.tw' }
    sheet.D3 = { t: 'n', v: 300 }
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array
    const read = readWorkbookBytes('fixed.xlsx', new Uint8Array(bytes))
    if (!read.ok) throw new Error(read.error.message)
    const plan = planMergeBack({ headers, rows: sessionRows, keyColumn: '訂單編號', fixed: read.table })
    expect(plan.updates).toEqual([
      { row: 3, fileRow: 2, matchedBy: 'row', changes: [{ column: 'Email', from: 'bad-mail', to: 'b@x.tw' }] },
      { row: 4, fileRow: 3, matchedBy: 'row', changes: [{ column: '金額', from: 'abc', to: '300' }] }
    ])
    expect(plan.unmatched).toEqual([])
    expect(plan.columns).toEqual(headers)
  })
})

describe('merge back', () => {
  const fixed = (h: string[], rows: string[][]) => ({ headers: h, rows: rows.map((r, i) => row(i + 2, r)) })

  it('matches by the business key when there is no sheet-row column, and reports keys it cannot place', () => {
    const plan = planMergeBack({
      headers,
      rows: sessionRows,
      keyColumn: 'Email',
      keyIgnoreCase: true,
      fixed: fixed(
        ['Email', '金額', 'Note'],
        [
          ['BAD-MAIL', '250', 'x'],
          ['nobody@x.tw', '1', ''],
          ['', '9', ''],
          ['a@x.tw', '100', '']
        ]
      )
    })
    expect(plan.updates).toEqual([
      {
        row: 3,
        fileRow: 2,
        matchedBy: 'key',
        changes: [
          { column: 'Email', from: 'bad-mail', to: 'BAD-MAIL' },
          { column: '金額', from: '200', to: '250' }
        ]
      }
    ])
    expect(plan.unchanged).toBe(1)
    expect(plan.unmatched).toEqual([
      { fileRow: 3, reason: 'key_not_found', key: 'nobody@x.tw' },
      { fileRow: 4, reason: 'no_key' }
    ])
    expect(plan.ignoredColumns).toEqual(['Note'])
  })

  it('does not guess when a key names several rows, or a sheet row does not exist', () => {
    const plan = planMergeBack({
      headers,
      rows: sessionRows,
      keyColumn: '訂單編號',
      fixed: fixed(
        [ROW_COLUMN.en, '訂單編號', '金額'],
        [
          ['', 'A3', '7'],
          ['99', '', '1'],
          ['99', 'A1', '101']
        ]
      )
    })
    expect(plan.unmatched).toEqual([
      { fileRow: 2, reason: 'key_ambiguous', key: 'A3' },
      { fileRow: 3, reason: 'row_not_found', row: 99 }
    ])
    // a sheet row that does not exist falls back to the key
    expect(plan.updates).toEqual([
      { row: 2, fileRow: 4, matchedBy: 'key', changes: [{ column: '金額', from: '100', to: '101' }] }
    ])
  })

  it('leaves a row alone when two file rows give it different values (conflicting duplicates)', () => {
    const plan = planMergeBack({
      headers,
      rows: sessionRows,
      keyColumn: '訂單編號',
      fixed: fixed(
        ['原始列號', '金額'],
        [
          ['4', '10'],
          ['4', '11'],
          ['3', '20'],
          ['3', '20']
        ]
      )
    })
    expect(plan.unmatched).toEqual([
      { fileRow: 2, reason: 'conflict', row: 4 },
      { fileRow: 3, reason: 'conflict', row: 4 }
    ])
    expect(plan.updates).toEqual([
      { row: 3, fileRow: 4, matchedBy: 'row', changes: [{ column: '金額', from: '200', to: '20' }] }
    ])
  })

  it('treats the same number shown differently as unchanged, and a cleared cell as an edit to empty', () => {
    const rows = [{ rowNumber: 2, cells: [text('A1'), text('x'), { t: 'n', v: 1990, w: '1,990' } as Cell] }]
    const plan = planMergeBack({
      headers,
      rows,
      keyColumn: null,
      fixed: {
        headers: ['Sheet row', ...headers],
        rows: [
          { rowNumber: 2, cells: [{ t: 'n', v: 2, w: '2' }, text('A1'), text(''), { t: 'n', v: 1990, w: '1990' }] }
        ]
      }
    })
    expect(plan.updates).toEqual([
      { row: 2, fileRow: 2, matchedBy: 'row', changes: [{ column: 'Email', from: 'x', to: '' }] }
    ])
  })
})
