// The streamed read in-process: the rows the sink receives (first rows before the shared strings are read whole,
// then the rest) are the whole read's rows, with the same header and table facts.
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { streamWorkbookRows } from './stream-read'
import { readWorkbookBytes } from './read'
import { resolveLimits } from './limits'
import { sheet, workbookBytes, type Aoa } from './test-helpers'
import type { ReadOptions, SheetRow, SheetTable } from './types'

async function streamed(name: string, bytes: Uint8Array, options: ReadOptions = {}, headAbove = 0) {
  const rows: SheetRow[] = []
  const chunks: number[] = []
  let started: SheetTable | null = null
  const outcome = await streamWorkbookRows(
    name,
    bytes,
    options,
    resolveLimits({}),
    {
      start: (t) => (started = t),
      rows: (got) => {
        chunks.push(got.length)
        for (const r of got) rows.push({ rowNumber: r.rowNumber, cells: [...r.cells] })
      }
    },
    { firstChunk: 100, chunk: 1000, headAbove }
  )
  return { outcome, rows, chunks, started: started as SheetTable | null }
}

const view = (rows: SheetRow[], width: number) =>
  rows.map((r) => [
    r.rowNumber,
    Array.from({ length: width }, (_, c) => r.cells[c] ?? { t: 'z', v: null, w: '' }).map((c) => [c.t, c.v, c.w])
  ])

describe('streamWorkbookRows', () => {
  it('first rows before the shared strings, then the rest: the whole read’s rows and table', async () => {
    const aoa: Aoa = [['訂單匯出 2026'], [], ['訂單編號', '客戶', '金額', '付款時間']]
    for (let i = 0; i < 3000; i++) aoa.push([`ODK-${i}`, `客戶${i % 50}`, 100 + i, i % 7 ? '' : `備註${i}`])
    aoa.splice(150, 0, [], [])
    const ws = sheet(aoa)
    for (let r = 4; r < 3000; r += 3) ws[`D${r}`] = { t: 'n', v: 46031 + r / 1440, z: 'yyyy/m/d hh:mm' }
    const bytes = Buffer.from(
      XLSX.write({ SheetNames: ['S'], Sheets: { S: ws } }, { type: 'buffer', bookType: 'xlsx', bookSST: true })
    )
    const whole = readWorkbookBytes('o.xlsx', bytes)
    if (!whole.ok) throw new Error(whole.error.message)
    for (const headAbove of [0, Infinity]) {
      const s = await streamed('o.xlsx', bytes, {}, headAbove)
      expect(s.outcome.kind).toBe('done')
      if (s.outcome.kind !== 'done' || !s.outcome.result.ok) throw new Error('not done')
      const { rows: _r, ...meta } = s.outcome.result.table
      const { rows: wholeRows, ...wholeMeta } = whole.table
      expect(meta).toEqual(wholeMeta)
      expect(s.started?.headers).toEqual(whole.table.headers)
      expect(s.chunks[0]).toBe(100)
      expect(view(s.rows, 4)).toEqual(view(wholeRows, 4))
    }
  })

  it('several sheets without --sheet are not streamed; a header row past the file is the whole read’s error', async () => {
    const two = workbookBytes({ A: [['x'], [1]], B: [['y'], [2]] })
    expect((await streamed('two.xlsx', two)).outcome.kind).toBe('not-streamed')
    const one = workbookBytes({
      A: [
        ['x', 'y'],
        [1, 2]
      ]
    })
    const bad = await streamed('one.xlsx', one, { headerRow: 9 })
    const whole = readWorkbookBytes('one.xlsx', one, { headerRow: 9 })
    expect(bad.outcome.kind === 'done' && !bad.outcome.result.ok && bad.outcome.result.error.code).toBe(
      !whole.ok && whole.error.code
    )
    expect((await streamed('o.csv', Buffer.from('a,b\n1,2\n'))).outcome.kind).toBe('not-streamed')
  })
})
