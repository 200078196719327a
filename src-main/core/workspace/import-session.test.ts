import { describe, it, expect } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSessionStore } from './session-store'
import { createTemplateStore } from './templates'
import { ImportSession } from './import-session'

const CSV = [
  '訂單編號,金額,Email,付款狀態,付款時間',
  'A001,"NT$1,990",amy@example.com,已付款,2026/1/9 08:00',
  'A002,abc,bob@example.com,已付款,2026/1/9 09:00',
  'A003,990,not-an-email,待付款,',
  'A001,500,cat@example.com,已付款,2026/1/10 10:00'
].join('\n')

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'od-import-session-'))
  const file = join(dir, 'orders.csv')
  await writeFile(file, CSV)
  const deps = {
    store: createSessionStore(join(dir, 'data')),
    templates: createTemplateStore(join(dir, 'data')),
    autosaveMs: 20
  }
  return { dir, file, deps }
}

const errorsOf = (s: ImportSession, row: number) =>
  s
    .page(0, 100, 'all')
    .rows.find((r) => r.rowNumber === row)!
    .issues.filter((i) => i.severity === 'error')
    .map((i) => i.code)

describe('ImportSession', () => {
  it('opens a copied file, auto-maps, validates, and pages rows by filter', async () => {
    const { file, deps } = await setup()
    const s = await ImportSession.create({ path: file }, deps)
    await s.setTarget('zangsho.orders')
    const opened = await s.open()
    expect(opened.ok).toBe(true)
    expect(s.state).toMatchObject({ sheet: expect.any(String), headerRow: 1, encoding: 'utf-8' })
    expect(s.state.mapping.order_no).toEqual({ column: '訂單編號' })
    expect(s.state.mapping.amount).toEqual({ column: '金額' })
    const all = s.page(0, 10)
    expect(all.total).toBe(4)
    expect(all.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5])
    const errors = s.page(0, 10, 'errors')
    expect(errors.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5]) // 5 is A001's second row, with another amount and e-mail
    expect(s.page(0, 10).rows[3].issues.map((i) => i.field)).toEqual(['amount', 'customer_email', 'paid_at'])
    expect(errorsOf(s, 3)).toContain('money_invalid')
    expect(s.page(1, 2, 'errors').rows.map((r) => r.rowNumber)).toEqual([4, 5])
  })

  it('edits one cell, re-validates that row and its duplicates, and restores everything after a restart', async () => {
    const { dir, file, deps } = await setup()
    const s = await ImportSession.create({ path: file }, deps)
    await s.setTarget('zangsho.orders')
    await s.open()
    const row3 = s.editCell(3, '金額', '1,200')
    expect(row3.edited).toEqual(['金額'])
    expect(row3.cells[1]).toEqual({ t: 's', v: '1,200', w: '1,200' })
    expect(row3.issues.some((i) => i.code === 'money_invalid')).toBe(false)
    s.editCell(5, '訂單編號', 'A004') // clears the duplicate on row 2 too
    expect(errorsOf(s, 2)).toEqual([])
    s.setExcluded([4], true)
    expect(s.page(0, 10, 'excluded').rows.map((r) => r.rowNumber)).toEqual([4])
    expect(s.page(0, 10, 'errors').total).toBe(0)
    expect(s.summary()).toMatchObject({ rows: 3, invalid: 0, valid: 3 })
    await s.flush()

    // restart: new stores on the same data dir
    const again = await ImportSession.restore(s.state.id, {
      store: createSessionStore(join(dir, 'data')),
      templates: createTemplateStore(join(dir, 'data'))
    })
    expect(again).not.toBeNull()
    await again!.open()
    expect(again!.state.edits).toEqual({ '3': { 金額: '1,200' }, '5': { 訂單編號: 'A004' } })
    expect(again!.state.excluded).toEqual([4])
    expect(again!.summary()).toEqual(s.summary())
    expect(again!.preparation!.records.map((r) => r.payload.order_no)).toEqual(['A001', 'A002', 'A004'])
    expect(again!.preparation!.records[1].payload.amount).toBe('1200.00')
  })

  it('typing the original text back removes the edit', async () => {
    const { file, deps } = await setup()
    const s = await ImportSession.create({ path: file }, deps)
    await s.setTarget('zangsho.orders')
    await s.open()
    s.editCell(3, '金額', '5')
    s.editCell(3, '金額', 'abc')
    expect(s.state.edits).toEqual({})
    expect(errorsOf(s, 3)).toContain('money_invalid')
    expect(() => s.editCell(99, '金額', '1')).toThrow(RangeError)
    expect(() => s.editCell(3, 'Nope', '1')).toThrow(RangeError)
  })

  it('applies the template saved for this header layout to the next file, even with reordered, re-cased headers', async () => {
    const { dir, file, deps } = await setup()
    const first = await ImportSession.create({ path: file }, deps)
    await first.setTarget('zangsho.orders')
    await first.open()
    first.setMapping({ ...first.state.mapping, paid_at: { column: '付款時間' }, currency: { constant: 'TWD' } })
    first.setValueMatches({ status: { 已付款: 'paid', 待付款: 'pending' } })
    expect((await first.saveTemplate('官網'))?.name).toBe('官網')

    const second = join(dir, 'next.csv')
    await writeFile(
      second,
      ['EMAIL,付款時間,訂單編號,付款狀態,金額', 'z@example.com,2026/2/1 10:00,B1,已付款,100'].join('\n')
    )
    const s = await ImportSession.create({ path: second }, deps)
    await s.setTarget('zangsho.orders')
    const opened = await s.open()
    expect(opened.ok && opened.template?.name).toBe('官網')
    expect(s.state.mapping.customer_email).toEqual({ column: 'EMAIL' })
    expect(s.state.mapping.currency).toEqual({ constant: 'TWD' })
    expect(s.state.valueMatches.status).toEqual({ 已付款: 'paid', 待付款: 'pending' })
    expect(s.preparation!.records[0]).toMatchObject({
      valid: true,
      payload: { order_no: 'B1', currency: 'TWD', paid_at: '2026-02-01T02:00:00Z' }
    })
  })

  it('choosing a destination after opening maps the columns for it', async () => {
    const { dir, file, deps } = await setup()
    const s = await ImportSession.create({ path: file }, deps)
    await s.open()
    expect(s.preparation).toBeNull()
    expect(s.page(0, 10).rows[0].issues).toEqual([])
    await s.setTarget('zangsho.customers')
    expect(s.state.mapping.email).toEqual({ column: 'Email' })
    expect(s.preparation!.records.map((r) => [r.row, r.valid])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, true]
    ])
    await s.setTarget('zangsho.orders')
    expect(s.state.mapping.order_no).toEqual({ column: '訂單編號' })
    await s.flush()
    expect((await createSessionStore(join(dir, 'data')).load(s.state.id))?.target).toBe('zangsho.orders')
  })

  it('reading with another header row clears corrections; the same headers keep the mapping', async () => {
    const { dir, deps } = await setup()
    const file = join(dir, 'titled.csv')
    await writeFile(file, ['官網訂單匯出 2026-01', CSV].join('\n'))
    const s = await ImportSession.create({ path: file }, deps)
    await s.setTarget('zangsho.orders')
    await s.open()
    expect(s.state.headerRow).toBe(2) // title row skipped by detection
    s.setMapping({ ...s.state.mapping, currency: { constant: 'USD' } })
    s.editCell(4, '金額', '1')
    const same = await s.setReadOptions({ encoding: 'utf-8' })
    expect(same.ok).toBe(true)
    expect(s.state.edits).toEqual({})
    expect(s.state.mapping.currency).toEqual({ constant: 'USD' })
    const other = await s.setReadOptions({ headerRow: 3 })
    expect(other.ok && other.table.headers[0]).toBe('A001')
    expect(s.state.mapping.currency).toBeUndefined()
  })

  it('reports a file that cannot be read as data', async () => {
    const { deps } = await setup()
    const s = await ImportSession.create({ name: 'broken.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }, deps)
    const opened = await s.open()
    expect(opened.ok).toBe(false)
    expect(() => s.page(0, 10)).toThrow(/open\(\)/)
  })
})
