// Recognition over the contract: a Shopee export is recognized (「已辨識：蝦皮 訂單匯出」), its layout maps it, the user can
// turn recognition off (mapping from the headers' words), and a saved template still wins over the layout.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { SHOPEE_HEADERS } from '../../src-main/core/sources/layouts/shopee'

let root: string
let services: OrderDockServices

const row = (values: Record<string, string>) =>
  SHOPEE_HEADERS.map((h) => values[h] ?? '')
    .map((v) => (v.includes(',') ? `"${v}"` : v))
    .join(',')
const CSV = [
  SHOPEE_HEADERS.join(','),
  row({
    訂單編號: '240101ABCD',
    訂單狀態: '已完成',
    買家帳號: 'ming88',
    訂單成立日期: '2024-01-01 10:00',
    買家總支付金額: '1,990',
    付款方式: '信用卡/金融卡',
    買家付款時間: '2024-01-01 10:01',
    商品名稱: '茶葉',
    數量: '1'
  }),
  row({
    訂單編號: '240101EFGH',
    訂單狀態: '待出貨',
    買家帳號: 'hua77',
    訂單成立日期: '2024-01-01 11:00',
    買家總支付金額: '990',
    付款方式: '貨到付款',
    買家付款時間: '-',
    商品名稱: '茶壺',
    數量: '1'
  })
].join('\n')

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-source-'))
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date('2026-01-09T00:00:00Z'),
    resourcesDir: join(root, 'resources')
  })
})
afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

async function start(): Promise<PrepareView> {
  const view = await value<WorkbookView>('workbook.open', {
    name: 'Order.all.20240101_20240131.csv',
    bytes: new TextEncoder().encode(CSV)
  })
  return value<PrepareView>('prepare.start', { sessionId: view.sessionId, target: 'zangsho.orders' })
}

describe('a recognized export over the contract', () => {
  it('says what it recognized, maps by the layout, rates those fields as from the layout', async () => {
    const prep = await start()
    expect(prep.source).toMatchObject({
      id: 'shopee.orders',
      label: { 'zh-TW': '蝦皮 訂單匯出', en: 'Shopee order export' }
    })
    // what the export never has is said once, with the fix
    expect(prep.source?.lacks.map((l) => l.field)).toEqual(['customer_email'])
    expect(prep.source?.lacks[0].why['zh-TW']).toContain('沒有買家 Email')
    expect(prep.useSourceLayout).toBe(true)
    expect(prep.mapping).toMatchObject({
      order_no: { column: '訂單編號' },
      amount: { column: '買家總支付金額' },
      payment_method: { column: '付款方式' },
      paid_at: { column: '買家付款時間' },
      // Shopee's status is read together with the payment method (待出貨 + 貨到付款 is still unpaid)
      status: { derive: { kind: 'status_by_payment', statusColumn: '訂單狀態', paymentColumn: '付款方式' } }
    })
    expect(prep.confidence.amount).toEqual({ confidence: 1, reason: 'source' })
    const payment = prep.valueLists.find((l) => l.field === 'payment_method')!
    expect(payment.values.find((v) => v.value === '信用卡/金融卡')?.match).toBe('credit_card')
    expect(payment.values.find((v) => v.value === '貨到付款')?.match).toBeNull()
  })

  it("turning recognition off maps from the headers' words, and on again restores the layout", async () => {
    const prep = await start()
    const off = await value<PrepareView>('prepare.setOptions', { prepId: prep.prepId, useSourceLayout: false })
    expect(off.source).toBeNull()
    expect(off.useSourceLayout).toBe(false)
    expect(off.confidence.amount?.reason).not.toBe('source')
    const on = await value<PrepareView>('prepare.setOptions', { prepId: prep.prepId, useSourceLayout: true })
    expect(on.source?.id).toBe('shopee.orders')
  })

  it('a saved template for this header layout wins over the recognized layout', async () => {
    const first = await start()
    await value('prepare.setMapping', {
      prepId: first.prepId,
      mapping: { ...first.mapping, amount: { column: '商品總價' } }
    })
    await value('templates.save', { prepId: first.prepId, name: '我的蝦皮' })
    const second = await start()
    expect(second.template?.name).toBe('我的蝦皮')
    expect(second.source).toBeNull()
    expect(second.mapping.amount).toEqual({ column: '商品總價' })
  })
})
