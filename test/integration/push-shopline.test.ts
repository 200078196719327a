// SHOPLINE over real HTTP: one order per request, an ambiguous failure is reconciled by order search, never duplicated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startJob, UNKNOWN_MESSAGE } from '../../src-main/core/upload'
import type { Sandbox } from '../../src-main/sandbox'
import { jobOptions, sandbox, shoplineRecords, tempDir, testEnv } from './push-fixtures'

let sb: Sandbox
let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(async () => {
  await sb.close()
  tmp.cleanup()
})

describe('shopline.orders', () => {
  it('creates one order per record with a User-Agent and the chosen delivery/payment ids', async () => {
    sb = await sandbox()
    const records = shoplineRecords(3)
    for (const r of records) {
      const order = r.payload.order as Record<string, unknown>
      delete order.delivery_option_id
      delete order.payment_method_id
    }
    const res = await startJob({
      records,
      options: jobOptions('shopline.orders', sb.shoplineBaseUrl, {
        deliveryOptionId: '64d000000000000000000001',
        paymentMethodId: '64e000000000000000000001'
      }),
      env: testEnv(tmp.dir)
    }).done
    expect(res.summary).toMatchObject({ created: 3, failed: 0 })
    const orders = sb.state.shoplineOrders
    expect(orders.map((o) => o.id)).toEqual(res.results.map((r) => r.id))
    expect(sb.state.requestLog.every((r) => /^OrderDock\//.test(r.headers['user-agent'] ?? ''))).toBe(true)
  })

  it('an answer lost after commit is found by order search, not sent again', async () => {
    sb = await sandbox({ faults: 'drop=0.5', seed: 11 })
    const res = await startJob({
      records: shoplineRecords(8),
      options: jobOptions('shopline.orders', sb.shoplineBaseUrl),
      env: testEnv(tmp.dir)
    }).done
    const drops = sb.state.requestLog.filter((r) => r.fault === 'drop')
    expect(drops.length).toBeGreaterThan(0)
    expect(sb.state.requestLog.some((r) => r.path.includes('/orders/search'))).toBe(true)
    const orders = sb.state.shoplineOrders
    expect(orders).toHaveLength(8)
    expect(new Set(orders.map((o) => o.customer_email)).size).toBe(8)
    expect(res.summary).toMatchObject({ created: 8, unknown: 0 })
    expect(new Set(res.results.map((r) => r.id))).toEqual(new Set(orders.map((o) => o.id)))
  })

  it('5xx before commit: search finds nothing, the order is sent again exactly once', async () => {
    sb = await sandbox({ faults: '5xx=0.5', seed: 5 })
    const res = await startJob({
      records: shoplineRecords(6),
      options: jobOptions('shopline.orders', sb.shoplineBaseUrl),
      env: testEnv(tmp.dir)
    }).done
    expect(sb.state.requestLog.some((r) => r.fault === '5xx')).toBe(true)
    expect(sb.state.shoplineOrders).toHaveLength(6)
    expect(res.summary.created).toBe(6)
  })

  it('marks the row unknown when the search cannot tell our order from another one', async () => {
    sb = await sandbox({ faults: 'drop=1', seed: 1 })
    // Same customer, same total, twice in the sheet: once the first is created (answer lost), the second's search sees 2 candidates.
    const records = shoplineRecords(2, () => 'same@example.com')
    ;(records[1].payload.order as Record<string, unknown>).total = 600
    ;(records[1].payload.order as Record<string, unknown>).subtotal = 600
    ;((records[1].payload.order as Record<string, unknown>).items as Record<string, unknown>[])[0] = {
      item_type: 'CustomProduct',
      item_price: 600,
      quantity: 1,
      total: 600,
      item_data: { name: '舊商品', price: '600' }
    }
    // a third order of this customer with the same total, made outside the job just before it
    sb.setFaults(null)
    const outside = await fetch(`${sb.shoplineBaseUrl}/orders`, {
      method: 'POST',
      headers: { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json', 'User-Agent': 'test' },
      body: JSON.stringify(records[0].payload)
    })
    expect(outside.status).toBe(200)
    sb.setFaults('drop=1')
    const res = await startJob({
      records,
      options: jobOptions('shopline.orders', sb.shoplineBaseUrl),
      env: testEnv(tmp.dir)
    }).done
    expect(res.results[0]).toMatchObject({ outcome: 'unknown' })
    expect(res.results[0].message).toContain(UNKNOWN_MESSAGE)
    // never resent: one POST per row
    expect(sb.state.requestLog.filter((r) => r.method === 'POST').length).toBe(3)
    expect(sb.state.shoplineOrders).toHaveLength(3)
  })

  it('paces under SHOPLINE limits by default (≤ 3 requests/s)', async () => {
    sb = await sandbox()
    await startJob({
      records: shoplineRecords(5),
      options: { ...jobOptions('shopline.orders', sb.shoplineBaseUrl), minIntervalMs: undefined },
      env: testEnv(tmp.dir)
    }).done
    const times = sb.state.requestLog.map((r) => r.time)
    // measured at the server, so allow a little transit jitter per request, but the average gap must hold
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(250)
    expect((times[times.length - 1] - times[0]) / (times.length - 1)).toBeGreaterThanOrEqual(320)
  })
})
