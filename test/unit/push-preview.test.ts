// push.preview through the same dispatch as IPC: a CSV built here, prepared for 帳獸 orders; the summary's rows, batches,
// time at the profile's pace, totals per currency and months are checked against the file's own content.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { ShoplineOrdersTarget } from '../../src-main/core/targets/shopline-orders'
import type { OrderDockEvent, PushPreviewView, Result } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { estimateDurationMs, monthOf } from '../../src-main/services/push-preview'
import { createQuitGuard } from '../../src-main/services/quit-guard'

// order no, amount as a shop owner types it, currency, paid at (local Taipei time)
const ROWS: [string, string, string, string][] = [
  ['A-001', '1,990', 'TWD', '2026-01-05 10:00'],
  ['A-002', '250.5', 'TWD', '2026-01-31 23:30'], // still January in Taipei, already 15:30 UTC the same day
  ['A-003', '3000', 'TWD', '2026-02-01 00:30'], // February in Taipei, still January 31 in UTC
  ['A-004', '12.34', 'USD', '2026-02-14 09:00'],
  ['A-005', '99', 'TWD', '2026-03-09 08:00'],
  ['A-006', '100', 'TWD', '']
]

let root: string
let services: OrderDockServices

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-preview-'))
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date(),
    resourcesDir: resolve(__dirname, '../../resources'),
    keychain: memoryKeychain()
  })
})

afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('push.preview', () => {
  it('sums each currency with decimals, buckets months in the session zone and estimates time at the profile pace', async () => {
    const csv = [
      '訂單編號,金額,Email,狀態,幣別,付款時間',
      ...ROWS.map(
        ([no, amount, cur, at], i) => `${no},"${amount}",c${i}@example.com,${at ? 'paid' : 'pending'},${cur},${at}`
      )
    ].join('\n')
    const view = await value<{ sessionId: string }>('workbook.open', {
      name: 'preview.csv',
      bytes: new TextEncoder().encode(csv)
    })
    const prep = await value<{ prepId: string; summary: { valid: number } }>('prepare.start', {
      sessionId: view.sessionId,
      target: 'zangsho.orders'
    })
    expect(prep.summary.valid).toBe(ROWS.length)
    const profile = await value<{ id: string }>('profiles.save', {
      name: 'Pace',
      destination: 'zangsho',
      baseUrl: 'http://127.0.0.1:9/v1',
      pacing: { minIntervalMs: 500, batchSize: 2 }
    })
    await value('profiles.setToken', { id: profile.id, token: 'zs_live_PreviewToken_1234' })

    const preview = await value<PushPreviewView>('push.preview', { prepId: prep.prepId, profileId: profile.id })
    expect(preview).toMatchObject({
      rows: 6,
      records: 6,
      batches: 3,
      requests: 3,
      minIntervalMs: 500,
      estimatedMs: 1000,
      undated: 1,
      hasAmounts: true
    })
    const twd = ROWS.filter((r) => r[2] === 'TWD').reduce((sum, r) => sum.plus(r[1].replace(/,/g, '')), new Decimal(0))
    expect(preview.currencies).toEqual([
      { currency: 'TWD', total: twd.toFixed(2), records: 5 },
      { currency: 'USD', total: '12.34', records: 1 }
    ])
    expect(preview.months).toEqual([
      { month: '2026-01', currency: 'TWD', total: '2240.50', records: 2 },
      { month: '2026-02', currency: 'TWD', total: '3000.00', records: 1 },
      { month: '2026-02', currency: 'USD', total: '12.34', records: 1 },
      { month: '2026-03', currency: 'TWD', total: '99.00', records: 1 }
    ])
    // arguments are checked like every contract method
    const bad = (await dispatch(services.methods, 'push.preview', { prepId: prep.prepId })) as Result<unknown>
    expect(bad.ok).toBe(false)
  })

  it('never goes faster than a sliding window allows', () => {
    expect(estimateDurationMs(1, 1000, [])).toBe(0)
    expect(estimateDurationMs(11, 1000, [])).toBe(10_000)
    // SHOPLINE: 334 ms apart would be 2001 requests in ~11 min, but 950 per 5 minutes makes it 2 full windows
    expect(
      estimateDurationMs(2001, 334, [
        { max: 18, windowMs: 1000 },
        { max: 950, windowMs: 300_000 }
      ])
    ).toBe(668_000)
    expect(estimateDurationMs(3000, 100, [{ max: 950, windowMs: 300_000 }])).toBe(3 * 300_000)
    expect(estimateDurationMs(3000, 334, [{ max: 950, windowMs: 300_000 }])).toBe(2999 * 334)
  })

  it('reads months in the zone and SHOPLINE amounts from the body', () => {
    expect(monthOf('2026-01-31T16:30:00Z', 'Asia/Taipei')).toBe('2026-02')
    expect(monthOf('2026-01-31T16:30:00Z', 'UTC')).toBe('2026-01')
    expect(monthOf('not a date', 'Asia/Taipei')).toBeNull()
    const body = {
      order: {
        total: 1499.5,
        order_remarks:
          'Original order no. 原訂單編號: S1 | Original order date 原訂單日期: 2026-04-02T01:00:00.000Z | gift'
      }
    }
    expect(ShoplineOrdersTarget.amountOf?.(body)).toEqual({
      amount: '1499.5',
      currency: null,
      date: '2026-04-02T01:00:00.000Z'
    })
  })
})

describe('quitting mid-push', () => {
  it('asks the renderer while busy, and lets go once confirmed', () => {
    const events: OrderDockEvent[] = []
    let busy = true
    let quits = 0
    const guard = createQuitGuard({ isBusy: () => busy, emit: (e) => events.push(e), quit: () => quits++ })
    expect(guard.requestClose()).toBe(false)
    expect(events).toEqual([{ type: 'app.quitRequested' }])
    expect(guard.confirm()).toEqual({ quitting: true })
    expect(quits).toBe(1)
    expect(guard.requestClose()).toBe(true)
    busy = false
    expect(createQuitGuard({ isBusy: () => busy, emit: (e) => events.push(e) }).requestClose()).toBe(true)
    expect(events).toHaveLength(1)
  })
})
