// The prepare methods of the contract on a CSV this test writes: auto-mapping with confidence, value lists, edits, exclusions.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PreparePage, PrepareView, Result, TargetView, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

let root: string
let services: OrderDockServices
let prep: PrepareView

const CSV = [
  '訂單編號,客戶姓名,Email,金額,付款狀態,備註',
  'A001,王小明,ming@example.com,"NT$1,990",已付款,',
  'A002,陳美麗,li@example.com,990,待付款,',
  'A003,林志豪,hao@example.com,490,怪怪的,',
  'A003,林志豪,hao@example.com,490,待付款,重複'
].join('\n')

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await dispatch(services.methods, method, args)) as Result<T>
}
async function value<T>(method: string, args: unknown): Promise<T> {
  const result = await call<T>(method, args)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-prepare-'))
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date('2026-01-09T00:00:00Z'),
    resourcesDir: join(root, 'resources')
  })
  const view = await value<WorkbookView>('workbook.open', { name: 'orders.csv', bytes: new TextEncoder().encode(CSV) })
  prep = await value<PrepareView>('prepare.start', { sessionId: view.sessionId, target: 'zangsho.orders' })
})

afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('prepare over the contract', () => {
  it('lists the five destinations with bilingual field labels', async () => {
    const targets = await value<TargetView[]>('targets.list', {})
    expect(targets.map((t) => t.id).sort()).toEqual([
      'shopline.orders',
      'zangsho.customers',
      'zangsho.orders',
      'zangsho.subscription_events',
      'zangsho.subscriptions'
    ])
    // subscription events are built on inferred API facts, and the mapping screen's help says so
    const eventType = targets
      .find((t) => t.id === 'zangsho.subscription_events')
      ?.fields.find((f) => f.key === 'event_type')
    expect(eventType?.help).toMatchObject({
      'zh-TW': expect.stringContaining('推測'),
      en: expect.stringContaining('Inferred')
    })
    expect(targets.find((t) => t.id === 'zangsho.subscription_events')?.notice?.en).toMatch(/inferred/)
    expect(targets.find((t) => t.id === 'zangsho.orders')?.notice).toBeUndefined()
    const orderNo = targets.find((t) => t.id === 'zangsho.orders')?.fields.find((f) => f.key === 'order_no')
    expect(orderNo).toMatchObject({ required: true, label: { 'zh-TW': expect.any(String), en: expect.any(String) } })
    expect(targets.find((t) => t.id === 'zangsho.orders')?.supportsMetadata).toBe(true)
    expect(targets.find((t) => t.id === 'shopline.orders')?.supportsMetadata).toBe(false)
  })

  it('auto-maps the zh-TW headers and says how sure it is', () => {
    expect(prep.mapping).toMatchObject({
      order_no: { column: '訂單編號' },
      amount: { column: '金額' },
      status: { column: '付款狀態' }
    })
    expect(prep.confidence.order_no.confidence).toBeGreaterThan(0.8)
    expect(prep.unmappedColumns).toContain('備註')
  })

  it('lists distinct status values with counts, suggestions, and the unmatched one', () => {
    const status = prep.valueLists.find((list) => list.field === 'status')
    expect(status?.values).toEqual(
      expect.arrayContaining([
        { value: '待付款', count: 2, suggested: 'pending', match: 'pending', chosen: false },
        { value: '已付款', count: 1, suggested: 'paid', match: 'paid', chosen: false },
        { value: '怪怪的', count: 1, suggested: null, match: null, chosen: false }
      ])
    )
  })

  it('counts invalid records (an unmatched value; A003 on two rows is one order) and pages the rows with errors', async () => {
    expect(prep.summary.invalid).toBe(1)
    const errors = await value<PreparePage>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 50,
      filter: 'errors'
    })
    expect(errors.rows.map((r) => r.rowNumber)).toEqual([4])
    const row4 = errors.rows.find((r) => r.rowNumber === 4)
    expect(row4?.issues.some((i) => i.column === '付款狀態' && i.severity === 'error' && i.messageZh.length > 0)).toBe(
      true
    )
    expect(row4?.group).toEqual({ orderNo: 'A003', rows: [4, 5] })
  })

  it("a value match chosen by the user clears that error; the order's two rows then disagree on the status", async () => {
    const after = await value<PrepareView>('prepare.setValueMatch', {
      prepId: prep.prepId,
      field: 'status',
      value: '怪怪的',
      match: 'failed'
    })
    expect(after.valueLists.find((l) => l.field === 'status')?.values.find((v) => v.value === '怪怪的')).toMatchObject({
      match: 'failed',
      chosen: true
    })
    const page = await value<PreparePage>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 50,
      filter: 'errors'
    })
    expect(page.rows.map((r) => r.rowNumber)).toEqual([5])
    expect(page.rows[0].issues.map((i) => [i.code, i.field])).toEqual([['group_conflict', 'status']])
    expect(page.rows[0].issues[0].message).toContain('"failed" in row 4 but "pending" in row 5')
    expect(
      await call('prepare.setValueMatch', { prepId: prep.prepId, field: 'status', value: '怪怪的', match: 'bogus' })
    ).toMatchObject({ ok: false, error: { code: 'bad_value' } })
  })

  it('editing a cell re-validates that row; excluding a row takes it out of the counts', async () => {
    const edited = await value<{
      row: { rowNumber: number; issues: unknown[]; edited: string[] }
      summary: PrepareView['summary']
    }>('prepare.editCell', {
      prepId: prep.prepId,
      row: 2,
      column: '金額',
      value: 'abc'
    })
    expect(edited.row.edited).toEqual(['金額'])
    expect(edited.row.issues.length).toBeGreaterThan(0)
    const fixed = await value<{ summary: PrepareView['summary'] }>('prepare.editCell', {
      prepId: prep.prepId,
      row: 2,
      column: '金額',
      value: '1990'
    })
    expect(fixed.summary.invalid).toBe(edited.summary.invalid - 1)
    const excluded = await value<{ summary: PrepareView['summary'] }>('prepare.exclude', {
      prepId: prep.prepId,
      rows: [5],
      excluded: true
    })
    expect(excluded.summary.rows).toBe(fixed.summary.rows - 1)
    const page = await value<PreparePage>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 10,
      filter: 'excluded'
    })
    expect(page.rows.map((r) => r.rowNumber)).toEqual([5])
    expect(await call('prepare.editCell', { prepId: prep.prepId, row: 99, column: '金額', value: '1' })).toMatchObject({
      ok: false,
      error: { code: 'bad_cell' }
    })
  })

  it('a constant and a removed field change the mapping', async () => {
    const mapping = { ...prep.mapping, currency: { constant: 'TWD' } }
    delete (mapping as Record<string, unknown>).status
    const view = await value<PrepareView>('prepare.setMapping', { prepId: prep.prepId, mapping })
    expect(view.mapping.currency).toEqual({ constant: 'TWD' })
    expect(view.valueLists.find((l) => l.field === 'status')).toBeUndefined()
    expect(await call('prepare.setMapping', { prepId: prep.prepId, mapping: { amount: { column: 1 } } })).toMatchObject(
      { ok: false, error: { code: 'bad_args' } }
    )
  })

  it('sets the time zone, a date order and metadata columns, refusing unknown zones and columns', async () => {
    expect(prep.timezone).toBe('Asia/Taipei')
    const view = await value<PrepareView>('prepare.setOptions', {
      prepId: prep.prepId,
      timezone: 'Asia/Tokyo',
      dateOrder: { 金額: 'dmy' },
      metadataColumns: ['備註']
    })
    expect(view).toMatchObject({ timezone: 'Asia/Tokyo', dateOrder: { 金額: 'dmy' }, metadataColumns: ['備註'] })
    expect(await call('prepare.setOptions', { prepId: prep.prepId, timezone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'bad_timezone' }
    })
    expect(await call('prepare.setOptions', { prepId: prep.prepId, metadataColumns: ['nope'] })).toMatchObject({
      ok: false,
      error: { code: 'unknown_column' }
    })
  })

  it('saves the mapping as a template that the next file with the same layout starts from; rename and delete it', async () => {
    const saved = await value<{ id: string; name: string; target: string }>('templates.save', {
      prepId: prep.prepId,
      name: '我的訂單'
    })
    expect(saved).toMatchObject({ name: '我的訂單', target: 'zangsho.orders' })
    const again = await value<WorkbookView>('workbook.open', {
      name: 'orders-2.csv',
      bytes: new TextEncoder().encode(CSV)
    })
    const next = await value<PrepareView>('prepare.start', { sessionId: again.sessionId, target: 'zangsho.orders' })
    expect(next.template).toEqual({ id: saved.id, name: '我的訂單' })
    expect(next.mapping.currency).toEqual({ constant: 'TWD' })
    expect(await value('templates.rename', { id: saved.id, name: 'Orders' })).toMatchObject({
      id: saved.id,
      name: 'Orders'
    })
    expect((await value<{ name: string }[]>('templates.list', {})).map((t) => t.name)).toEqual(['Orders'])
    expect(await value('templates.remove', { id: saved.id })).toEqual({ removed: true })
    expect(await value('templates.list', {})).toEqual([])
    expect(await call('templates.rename', { id: saved.id, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('restores a saved session after a restart with its edits and exclusions, and removes it', async () => {
    const sessions = await value<{ id: string; name: string; excluded: number }[]>('sessions.list', {})
    expect(sessions.find((x) => x.id === prep.prepId)).toMatchObject({ name: 'orders.csv' })
    // a restart: pending autosaves are flushed on dispose, then fresh services read the data directory
    await services.dispose?.()
    services = createServices({
      dataDir: join(root, 'data'),
      fetch,
      now: () => new Date('2026-01-09T00:00:00Z'),
      resourcesDir: join(root, 'resources')
    })
    {
      const restored = await value<{ workbook: WorkbookView; prep: PrepareView }>('sessions.restore', {
        id: prep.prepId
      })
      expect(restored.workbook).toMatchObject({
        file: 'orders.csv',
        headers: ['訂單編號', '客戶姓名', 'Email', '金額', '付款狀態', '備註']
      })
      expect(restored.prep).toMatchObject({ prepId: prep.prepId, target: 'zangsho.orders', timezone: 'Asia/Tokyo' })
      const excluded = await value<PreparePage>('prepare.rows', {
        prepId: prep.prepId,
        offset: 0,
        limit: 10,
        filter: 'excluded'
      })
      expect(excluded.rows.map((r) => r.rowNumber)).toEqual([5])
      const all = await value<PreparePage>('prepare.rows', { prepId: prep.prepId, offset: 0, limit: 1, filter: 'all' })
      expect(all.rows[0]).toMatchObject({ rowNumber: 2, edited: ['金額'] })
      expect(await value('sessions.remove', { id: prep.prepId })).toEqual({ removed: true })
      expect((await value<{ id: string }[]>('sessions.list', {})).some((x) => x.id === prep.prepId)).toBe(false)
      expect(await call('sessions.restore', { id: prep.prepId })).toMatchObject({
        ok: false,
        error: { code: 'not_found' }
      })
      expect(await call('sessions.restore', { id: '../../etc' })).toMatchObject({
        ok: false,
        error: { code: 'bad_args' }
      })
    }
  })

  it('refuses an unknown preparation', async () => {
    expect(await call('prepare.rows', { prepId: 'nope', offset: 0, limit: 1, filter: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'no_session' }
    })
  })
})
