// A streamed read (rows posted while the sheet is read) gives the same table as the whole read, on sheets where only the
// end tells (merged data cells, a wider row late, trailing blanks, title rows, a named sheet, too many rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { openWorkbook, openWorkbookCompact } from './open'
import { fillStreamedMerges } from './stream-merges'
import { readWorkbookBytes } from './read'
import { sheet, workbookBytes, type Aoa } from './test-helpers'
import type { ReadLimits, ReadOptions, SheetTable } from './types'

function orders(n: number, from = 0): Aoa {
  const rows: Aoa = []
  for (let i = from; i < from + n; i++) rows.push([`A${String(i).padStart(5, '0')}`, `客戶${i % 37}`, i * 1.25, '0912'])
  return rows
}

describe('streamed read = whole read', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-stream-rows-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function both(name: string, bytes: Buffer, options: ReadOptions = {}, limits: Partial<ReadLimits> = {}) {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    const events: string[] = []
    let started: SheetTable | null = null
    const streamed = await openWorkbookCompact({ path }, options, limits, {
      onStart: (t) => {
        events.push('start')
        started = t
      },
      onChunk: (_store, received) => events.push(`chunk:${received}`),
      onRestart: () => events.push('restart')
    })
    const whole = readWorkbookBytes(path, bytes, options, limits)
    const plain = await openWorkbook({ path }, options, limits)
    return { streamed, whole, plain, events, started: started as SheetTable | null }
  }

  function expectSame(
    streamed: Awaited<ReturnType<typeof openWorkbookCompact>>,
    whole: ReturnType<typeof readWorkbookBytes>
  ) {
    if (!whole.ok) {
      expect(streamed.ok).toBe(false)
      if (!streamed.ok) expect(streamed.error.code).toBe(whole.error.code)
      return
    }
    if (!streamed.ok) throw new Error(streamed.error.message)
    const { rows, dataMerges, ...meta } = streamed.table
    const filled = fillStreamedMerges(rows, dataMerges ?? [], meta.headers.length)
    const { rows: wholeRows, ...wholeMeta } = whole.table
    expect(meta).toEqual(wholeMeta)
    const got = rows.toRows()
    expect(got.length).toBe(wholeRows.length)
    expect(got.map((r) => [r.rowNumber, r.cells.map((c) => [c.t, c.v, c.w])])).toEqual(
      wholeRows.map((r) => [r.rowNumber, r.cells.map((c) => (c ? [c.t, c.v, c.w] : ['z', null, '']))])
    )
    return filled
  }

  it('posts the header, a small first chunk, then chunks while reading; title rows, blank rows, trailing blanks', async () => {
    const aoa: Aoa = [['訂單匯出'], [], ['訂單編號', '客戶', '金額', '電話'], ...orders(6000)]
    aoa.splice(500, 0, [], [])
    aoa.push([], [], [])
    const { streamed, whole, events, started } = await both(
      'plain.xlsx',
      workbookBytes({ 訂單: aoa }, 'xlsx', false, true)
    )
    expect(events[0]).toBe('start')
    expect(events[1]).toBe('chunk:100')
    expect(events.filter((e) => e.startsWith('chunk')).length).toBeGreaterThan(2)
    expect(started?.headerRow).toBe(3)
    expect(expectSame(streamed, whole)).toEqual([])
  })

  it('merged data cells found at the end are filled into rows already streamed', async () => {
    const ws = sheet([
      ['訂單編號', '金額', '', '品名'],
      ['A1', 100, 5, '杯子'],
      ['', 200, 6, '盤子'],
      ...orders(300, 2)
    ])
    ws['!merges'] = [
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
      { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }
    ]
    const { streamed, whole, started } = await both('merged.xlsx', workbookBytes({ S: ws }))
    expect(expectSame(streamed, whole)).toEqual([3])
    // openWorkbook fills them itself
    const path = join(dir, 'merged.xlsx')
    expect(await openWorkbook({ path }, {}, {}, { onStart: () => {} })).toEqual(whole)
    // the merged header was only known at the end: the started headers differ, the caller sees it
    expect(started?.headers).not.toEqual(whole.ok ? whole.table.headers : [])
  })

  it('a row wider than the header late in the sheet widens the final table', async () => {
    const aoa: Aoa = [['a', 'b', 'c'], ...orders(400).map((r) => r.slice(0, 3))]
    aoa.push(['x', 'y', 'z', '', 'wide'])
    const { streamed, whole } = await both('wide.xlsx', workbookBytes({ S: aoa }))
    expectSame(streamed, whole)
  })

  it('a named sheet among several streams; several sheets without a name read the ordinary way', async () => {
    const bytes = workbookBytes({ 說明: [['read me']], 訂單: [['訂單編號', '客戶', '金額', '電話'], ...orders(300)] })
    const named = await both('named.xlsx', bytes, { sheet: '訂單' })
    expect(named.events[0]).toBe('start')
    expectSame(named.streamed, named.whole)
    const picked = await both('picked.xlsx', bytes)
    expect(picked.events).not.toContain('start')
    expectSame(picked.streamed, picked.whole)
  })

  it('header row given, small files, CSV and errors match the whole read', async () => {
    const aoa: Aoa = [['title'], ['訂單編號', '客戶', '金額', '電話'], ...orders(20)]
    const given = await both('given.xlsx', workbookBytes({ S: aoa }), { headerRow: 2 })
    expectSame(given.streamed, given.whole)
    const bad = await both('bad.xlsx', workbookBytes({ S: aoa }), { headerRow: 90 })
    expectSame(bad.streamed, bad.whole)
    const many = await both(
      'many.xlsx',
      workbookBytes({ S: [['訂單編號', '客戶', '金額', '電話'], ...orders(300)] }),
      {},
      { maxRows: 120 }
    )
    expect(many.whole.ok).toBe(false)
    expectSame(many.streamed, many.whole)
    const csv = await both('o.csv', Buffer.from('訂單編號,金額\nA1,1\nA2,2\n'))
    expectSame(csv.streamed, csv.whole)
  })

  it('the streamed cells keep leading zeros, dates as shown and cached formula values', async () => {
    const ws = sheet([['編號', '日期', '小計'], ...orders(60).map((r) => [`00${r[0]}`, 0, 0])])
    for (let r = 2; r <= 61; r++) {
      ws[`B${r}`] = { t: 'n', v: 46031 + r, z: 'yyyy/m/d' }
      ws[`C${r}`] = { t: 'n', v: 999, f: `A${r}*2` }
    }
    const { streamed, whole } = await both(
      'kinds.xlsx',
      Buffer.from(XLSX.write({ SheetNames: ['S'], Sheets: { S: ws } }, { type: 'buffer', bookType: 'xlsx' }))
    )
    expectSame(streamed, whole)
  })
})
