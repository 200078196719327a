// The worker's early 'head' message: the first rows, read fast before the full read, equal the final table's first rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openWorkbookCompact } from './open'
import { HEAD_ROWS } from './parse-job'
import { readWorkbookBytes } from './read'
import { sheet, workbookBytes } from './test-helpers'
import type { SheetTable } from './types'

describe('the worker posts the first rows before the whole file is read', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-head-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('head arrives before any chunk, with the same header and rows as the final table', async () => {
    const aoa: unknown[][] = [['訂單匯出'], ['訂單編號', '金額', '付款時間']]
    for (let i = 0; i < 12_000; i++) aoa.push([`A${String(i).padStart(5, '0')}`, i * 1.5, 0])
    const ws = sheet(aoa)
    for (let r = 3; r <= 12_002; r++) ws[`C${r}`] = { t: 'n', v: 46031 + (r % 300) / 7, z: 'yyyy/m/d h:mm' }
    const bytes = workbookBytes({ 訂單: ws }, 'xlsx', false, true)
    const path = join(dir, 'orders.xlsx')
    writeFileSync(path, bytes)
    const expected = readWorkbookBytes(path, bytes)
    if (!expected.ok) throw new Error(expected.error.message)
    const events: string[] = []
    let head: SheetTable | null = null
    const r = await openWorkbookCompact(
      { path },
      {},
      {},
      {
        onHead: (table) => {
          events.push('head')
          head = table
        },
        onChunk: () => events.push('chunk')
      }
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(events[0]).toBe('head')
    expect(events.filter((e) => e === 'head')).toHaveLength(1)
    const h = head as SheetTable | null
    expect(h?.headerRow).toBe(2)
    expect(h?.headers).toEqual(expected.table.headers)
    expect(h?.rows).toHaveLength(HEAD_ROWS)
    expect(h?.rows).toEqual(expected.table.rows.slice(0, HEAD_ROWS))
    // the final table is the full read's, unchanged by the head
    expect(r.table.rows.toRows()).toEqual(expected.table.rows)
  })

  it('no head is read unless asked for', async () => {
    const path = join(dir, 'small.xlsx')
    writeFileSync(path, workbookBytes({ S: sheet([['a'], [1]]) }))
    let heads = 0
    const r = await openWorkbookCompact({ path }, {}, {}, { onChunk: () => {} })
    expect(r.ok).toBe(true)
    expect(heads).toBe(0)
    const r2 = await openWorkbookCompact({ path }, {}, {}, { onHead: () => heads++ })
    expect(r2.ok).toBe(true)
    expect(heads).toBe(1)
  })
})
