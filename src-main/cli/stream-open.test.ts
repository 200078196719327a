// validate's streamed read + chunked preparation = reading the whole table, then preparing it: on a plain sheet,
// merged data cells (filled at the end), a wider row late in the file (prepared afresh), and a CSV (not streamed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAndPrepare } from './stream-open'
import { openWorkbook } from '../core/workbook'
import { createPreparation } from '../core/validation/prepare'
import { autoMap } from '../core/mapping/automap'
import { TARGETS } from '../core/targets/index'
import { sheet, workbookBytes, type Aoa } from '../core/workbook/test-helpers'
import type { PrepareSettings } from '../core/validation/types'

const HEADERS = ['訂單編號', '客戶Email', '客戶姓名', '金額', '付款狀態', '付款時間']
const settingsFor = (headers: string[]): PrepareSettings => ({
  target: 'zangsho.orders',
  timezone: 'Asia/Taipei',
  mapping: autoMap(TARGETS['zangsho.orders'], headers).mapping
})

function orderRows(n: number): Aoa {
  const rows: Aoa = []
  for (let i = 0; i < n; i++)
    rows.push([
      `ODK-${i % 700}`,
      `c${i % 90}@example.com`,
      '王小明',
      i % 13 ? 990 : 'abc',
      '已付款',
      '2026/01/09 10:00'
    ])
  return rows
}

describe('openAndPrepare', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-stream-open-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function compare(name: string, bytes: Buffer, expectPrepared: boolean) {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    let firstRows = 0
    const got = await openAndPrepare(path, {}, settingsFor, { onFirstRows: (_p, n) => (firstRows = n) })
    const whole = await openWorkbook({ path })
    if (!got.ok || !whole.ok) throw new Error('read failed')
    expect(got.table).toEqual(whole.table)
    expect(got.preparation !== null).toBe(expectPrepared)
    const p = got.preparation ?? createPreparation(got.table, settingsFor(got.table.headers))
    const w = createPreparation(whole.table, settingsFor(whole.table.headers))
    expect(p.summary()).toEqual(w.summary())
    expect(p.records).toEqual(w.records)
    expect(p.issues).toEqual(w.issues)
    return { firstRows, p }
  }

  it('a plain sheet is validated in chunks while read; orders span chunk borders', async () => {
    const { firstRows, p } = await compare('plain.xlsx', workbookBytes({ S: [HEADERS, ...orderRows(6000)] }), true)
    expect(firstRows).toBe(100)
    expect(p.summary().invalid).toBeGreaterThan(0)
  })

  it('merged data cells are filled into streamed rows and those rows checked again', async () => {
    const ws = sheet([HEADERS, ...orderRows(300)])
    ws['B3'] = { t: 's', v: '' }
    ws['!merges'] = [{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }]
    await compare('merged.xlsx', workbookBytes({ S: ws }), true)
  })

  it('a row wider than the header late in the file: the whole table is prepared afresh', async () => {
    const rows = orderRows(300)
    rows[200] = [...rows[200], '', 'extra']
    await compare('wide.xlsx', workbookBytes({ S: [HEADERS, ...rows] }), false)
  })

  it('CSV is read whole, then prepared from its compact chunks; orders span chunk borders', async () => {
    const csv = [HEADERS, ...orderRows(12_000)].map((r) => r.join(',')).join('\n')
    const { p } = await compare('o.csv', Buffer.from(csv), true)
    expect(p.summary().rows).toBe(12_000)
    expect(p.groupOf?.(2)?.rows.length).toBeGreaterThan(10) // ODK-0 recurs every 700 rows, across the 5,000-row chunks
  })

  it('a CSV with a header and no rows', async () => {
    const { p } = await compare('empty.csv', Buffer.from(HEADERS.join(',') + '\n'), true)
    expect(p.summary()).toEqual({ rows: 0, valid: 0, invalid: 0, warnings: 0 })
  })
})
