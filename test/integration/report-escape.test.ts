// The escaping gaps of issue 12: hidden formula starts in CSV, `;` for semicolon-separator locales, and xlsx text kept exact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { buildReport, csvField, escapeFormula, writeReport } from '../../src-main/core/report'
import type { ReportSource } from '../../src-main/core/report'
import type { Cell } from '../../src-main/core/workbook/types'
import { tempDir } from './push-fixtures'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

const HIDDEN = [
  ' =1+1',
  '\u00a0=1+1',
  '\n=1+1',
  '  \t=cmd',
  '\u3000=1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
  ' +886912345678'
]

describe('CSV escaping', () => {
  it('escapes a formula behind spaces, NBSP or a line break, and the full-width ＝＋－＠', () => {
    for (const bad of HIDDEN) expect(escapeFormula(bad)).toBe(`'${bad}`)
    for (const ok of ['a =1', '台北市＝中正區', '1－2', 'x@y.com']) expect(escapeFormula(ok)).toBe(ok)
  })
  it('quotes values holding ; so Excel in ;-separator locales keeps them in one cell', () => {
    expect(csvField('a;b')).toBe('"a;b"')
    expect(csvField('plain')).toBe('plain')
  })
})

describe('xlsx text', () => {
  it('keeps the exact text as string cells, never a formula, never an apostrophe', async () => {
    const texts = [
      '+886912345678',
      '=HYPERLINK("http://evil","x")',
      '-2+3',
      '@SUM(A1)',
      '＝1',
      ' =1',
      "'already quoted"
    ]
    const s = (w: string): Cell => ({ t: 's', v: w, w })
    const source: ReportSource = { headers: ['電話'], rows: texts.map((t, i) => ({ rowNumber: i + 2, cells: [s(t)] })) }
    const path = join(tmp.dir, 'r.xlsx')
    await writeReport(path, buildReport(source, []))
    const bytes = readFileSync(path)
    const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true })
    const sheet = wb.Sheets[wb.SheetNames[0]]
    texts.forEach((t, i) => {
      const cell = sheet[`A${i + 2}`] as XLSX.CellObject
      expect(cell.t).toBe('s')
      expect(cell.v).toBe(t)
      expect(cell.f).toBeUndefined()
    })
    // and in the file itself: no <f> element anywhere
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' })
    const sheets = zip.FullPaths.map((p: string, i: number) => [p, zip.FileIndex[i]] as const).filter(
      ([p]: readonly [string, unknown]) => /worksheets\/sheet\d*\.xml$/.test(p)
    )
    expect(sheets.length).toBe(1)
    expect(Buffer.from(sheets[0][1].content as Uint8Array).toString('utf8')).not.toMatch(/<f[ >]/)
  })
})
