import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readWorkbookBytes } from './read'
import { readWorkbook } from './read-stream'
import { openWorkbook } from './open'
import { bombDeflate, handXlsx } from './test-zip'
import type { OpenResult } from './open-result'

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'

/** 12 rows (a header and 11 orders) under a dimension that claims the whole grid, as some report generators write. */
function wholeGridSheet(rows = 12): Buffer {
  const body = Array.from({ length: rows }, (_, i) =>
    i === 0
      ? '<row r="1"><c r="A1" t="inlineStr"><is><t>訂單編號</t></is></c><c r="B1" t="inlineStr"><is><t>金額</t></is></c></row>'
      : `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>A${i}</t></is></c><c r="B${i + 1}"><v>${i * 10}</v></c></row>`
  ).join('')
  return handXlsx({ sheet: `<dimension ref="A1:XFD1048576"/><sheetData>${body}</sheetData>` })
}

/** A ~1.5 MB .xlsx whose sheet inflates to ~1.5 GB; `declared` is what its headers claim (default: the truth). */
function bomb(declared?: number): Buffer {
  const { deflated, trueSize } = bombDeflate(HEAD, 1536 * 1024 * 1024)
  return handXlsx({ sheet: '', sheetFile: { data: undefined, deflated, trueSize, declaredSize: declared } })
}

const readers: [string, (name: string, bytes: Buffer, opts?: object, limits?: object) => Promise<OpenResult>][] = [
  ['SheetJS path', async (n, b, o, l) => readWorkbookBytes(n, b, o, l)],
  ['streaming path', (n, b, o, l) => readWorkbook(n, b, o, l)]
]

describe('rows are counted, never taken from the declared <dimension>', () => {
  it.each(readers)(
    '%s: a sheet claiming A1:XFD1048576 with 12 rows opens with its 12 rows, full read and preview',
    async (_, read) => {
      const bytes = wholeGridSheet()
      for (const opts of [{}, { maxRows: 100 }]) {
        const r = await read('whole-grid.xlsx', bytes, opts)
        if (!r.ok) throw new Error(r.error.message)
        expect(r.table.rows.map((row) => row.cells[0].v)).toEqual(Array.from({ length: 11 }, (_, i) => `A${i + 1}`))
        expect(r.table.totalRows).toBe(11)
        expect(r.table.truncated).toBe(false)
        expect(r.table.sheets).toEqual([{ name: '工作表1', rowCount: 12 }])
      }
    }
  )

  it.each(readers)('%s: the row cap applies to the rows actually present', async (_, read) => {
    const bytes = wholeGridSheet(40)
    expect((await read('whole-grid.xlsx', bytes, {}, { maxRows: 39 })).ok).toBe(true)
    const over = await read('whole-grid.xlsx', bytes, {}, { maxRows: 38 })
    expect(!over.ok && over.error.code).toBe('too_many_rows')
  })
})

describe('zip bombs are refused for their size before they are inflated', () => {
  it.each(readers)(
    '%s: a 1.5 MB xlsx inflating to 1.5 GB is refused in under 2 s, naming the file and the limit',
    async (_, read) => {
      const bytes = bomb()
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
      const t0 = performance.now()
      const r = await read('/tmp/炸彈.xlsx', bytes)
      expect(performance.now() - t0).toBeLessThan(2000)
      if (r.ok) throw new Error('expected a refusal')
      expect(r.error.code).toBe('too_large')
      expect(r.error.messageEn).toMatch(/too large once unzipped/)
      expect(r.error.messageEn).toContain('炸彈.xlsx')
      expect(r.error.messageEn).toMatch(/the limit is \d+(\.\d)? MB/)
      expect(r.error.messageEn).not.toMatch(/empty/)
      expect(r.error.messageZh).toContain('解壓縮後太大')
    }
  )

  it.each(readers)('%s: the same bomb declaring a tiny size is stopped by the bounded inflate', async (_, read) => {
    const bytes = bomb(40_000)
    const t0 = performance.now()
    const r = await read('liar.xlsx', bytes)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(!r.ok && r.error.code).toBe('too_large')
    expect(!r.ok && r.error.messageEn).toContain('liar.xlsx')
  })

  it('a real sheet well within the ratio still opens', async () => {
    const r = await readWorkbook('ok.xlsx', wholeGridSheet(500), {}, { maxZipRatio: 50 })
    expect(r.ok && r.table.rows.length).toBe(499)
  })
})

describe('through the worker', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-hostile-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('opens the whole-grid sheet and refuses the bomb quickly', async () => {
    const grid = join(dir, 'grid.xlsx')
    writeFileSync(grid, wholeGridSheet())
    const g0 = performance.now()
    const ok = await openWorkbook({ path: grid })
    const gridMs = performance.now() - g0 // a worker's start-up (through tsx here) plus a tiny read
    expect(ok.ok && ok.table.rows.length).toBe(11)
    const b = join(dir, 'bomb.xlsx')
    writeFileSync(b, bomb())
    const t0 = performance.now()
    const r = await openWorkbook({ path: b })
    expect(performance.now() - t0).toBeLessThan(gridMs + 2000)
    expect(!r.ok && r.error.code).toBe('too_large')
  })
})
