import { describe, it, expect } from 'vitest'
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTemplateStore, layoutKey } from './templates'

const tmp = () => mkdtemp(join(tmpdir(), 'od-templates-'))
const HEADERS = ['訂單編號', '金額', 'Email', '付款狀態', 'Order Date']

describe('layoutKey', () => {
  it('ignores order, letter case, full-width forms, spacing and blank placeholder columns', () => {
    const key = layoutKey(HEADERS)
    expect(layoutKey(['ORDER DATE', '付款狀態', ' email ', '金額', '訂單編號'])).toBe(key)
    expect(layoutKey(['訂單編號', '金額', 'ＥＭＡＩＬ', '付款狀態', 'Order  Date', 'Column F'])).toBe(key)
  })
  it('differs when a column is added, removed or renamed', () => {
    const key = layoutKey(HEADERS)
    expect(layoutKey([...HEADERS, '備註'])).not.toBe(key)
    expect(layoutKey(HEADERS.slice(1))).not.toBe(key)
    expect(layoutKey(['訂單號碼', '金額', 'Email', '付款狀態', 'Order Date'])).not.toBe(key)
  })
})

describe('template store', () => {
  const input = {
    name: '官網訂單',
    headers: HEADERS,
    target: 'zangsho.orders' as const,
    mapping: {
      order_no: { column: '訂單編號' },
      amount: { column: '金額' },
      customer_email: { column: 'Email' },
      paid_at: { column: 'Order Date' },
      currency: { constant: 'TWD' }
    },
    valueMatches: { status: { 已付款: 'paid' } },
    dateOrder: { 'Order Date': 'dmy' as const }
  }

  it("applies a saved template to the same layout with reordered, re-cased headers, in that file's spelling", async () => {
    const dir = await tmp()
    await createTemplateStore(dir).save(input)
    const store = createTemplateStore(dir) // after a restart
    const found = await store.findFor(['ORDER DATE', 'email', '付款狀態', '金額', '訂單編號'], 'zangsho.orders')
    expect(found?.name).toBe('官網訂單')
    expect(found?.mapping).toEqual({
      order_no: { column: '訂單編號' },
      amount: { column: '金額' },
      customer_email: { column: 'email' },
      paid_at: { column: 'ORDER DATE' },
      currency: { constant: 'TWD' }
    })
    expect(found?.dateOrder).toEqual({ 'ORDER DATE': 'dmy' })
    expect(found?.valueMatches).toEqual({ status: { 已付款: 'paid' } })
  })

  it('finds nothing for another layout or another destination', async () => {
    const dir = await tmp()
    const store = createTemplateStore(dir)
    await store.save(input)
    expect(await store.findFor([...HEADERS, '備註'], 'zangsho.orders')).toBeNull()
    expect(await store.findFor(HEADERS, 'shopline.orders')).toBeNull()
  })

  it('saving the same layout again replaces the template and keeps its id', async () => {
    const dir = await tmp()
    const store = createTemplateStore(dir)
    const first = await store.save(input)
    const second = await store.save({ ...input, name: '', mapping: { order_no: { column: '訂單編號' } } })
    expect(second.id).toBe(first.id)
    expect(second.name).toBe('官網訂單')
    expect(await store.list()).toHaveLength(1)
    expect((await store.list())[0].mapping).toEqual({ order_no: { column: '訂單編號' } })
    await store.save({ ...input, target: 'shopline.orders' })
    expect(await store.list()).toHaveLength(2)
  })

  it('renames and removes', async () => {
    const dir = await tmp()
    const store = createTemplateStore(dir)
    const t = await store.save(input)
    expect((await store.rename(t.id, '  蝦皮匯出  '))?.name).toBe('蝦皮匯出')
    expect(await store.rename(t.id, '   ')).toBeNull()
    expect(await store.rename('nope', 'x')).toBeNull()
    expect((await createTemplateStore(dir).list())[0].name).toBe('蝦皮匯出')
    expect(await store.remove(t.id)).toBe(true)
    expect(await store.remove(t.id)).toBe(false)
    expect(await store.findFor(HEADERS, 'zangsho.orders')).toBeNull()
  })

  it('starts empty over a damaged file and keeps it aside', async () => {
    const dir = await tmp()
    await writeFile(join(dir, 'templates.json'), '{"version":1,"templates":[{"id"')
    const store = createTemplateStore(dir)
    expect(await store.list()).toEqual([])
    expect((await readdir(dir)).some((n) => n.endsWith('.corrupt'))).toBe(true)
    await store.save(input)
    expect(await store.list()).toHaveLength(1)
  })

  it('keeps every change when saves overlap', async () => {
    const dir = await tmp()
    const store = createTemplateStore(dir)
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.save({ ...input, name: `t${i}`, headers: [...HEADERS, `extra ${i}`] }))
    )
    expect(await store.list()).toHaveLength(10)
  })
})
