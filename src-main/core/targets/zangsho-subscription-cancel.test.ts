// Subscription history: status and cancelled-at map to fields; cancelled rows carry a cancel body (never in the batch payload) and
// warn without a date; 執行完成 counts as cancelled at its end; 暫停 needs a decision.
import { describe, expect, it } from 'vitest'
import { createPreparation } from '../validation/prepare'
import { tableOf } from '../validation/test-table'
import { autoMap } from '../mapping/automap'
import type { Mapping } from '../mapping/types'
import { getTarget } from './index'
import { zangshoSubscriptionPreparedSchema } from './zangsho-subscriptions'
import {
  subscriptionCancelBody,
  zangshoSubscriptionCancelSchema,
  ZANGSHO_SUBSCRIPTION_CANCEL
} from './zangsho-subscription-cancel'

const HEADERS = ['客戶Email', '每月金額', '週期', '開始日期', '本期開始', '狀態', '取消時間']
const MAPPING: Mapping = {
  customer_email: { column: '客戶Email' },
  mrr: { column: '每月金額' },
  billing_cycle: { column: '週期' },
  started_at: { column: '開始日期' },
  current_period_start: { column: '本期開始' },
  status: { column: '狀態' },
  cancelled_at: { column: '取消時間' }
}
const prepare = (rows: string[][], mapping = MAPPING) =>
  createPreparation(tableOf(HEADERS, rows), { target: 'zangsho.subscriptions', timezone: 'Asia/Taipei', mapping })
const codes = (issues: { code: string }[]) => issues.map((i) => i.code)

describe('subscription status and cancelled-at', () => {
  it('auto-mapping finds the ECPay / NewebPay style columns', () => {
    const target = getTarget('zangsho.subscriptions')!
    const m = autoMap(target, ['Email', '金額', '週期', '開始日期', '本期開始', '訂閱狀態', '終止日期']).mapping
    expect(m.status).toEqual(expect.objectContaining({ column: '訂閱狀態' }))
    expect(m.cancelled_at).toEqual(expect.objectContaining({ column: '終止日期' }))
    // an end date is also filled for running subscriptions: never taken as the cancel date on its own
    expect(autoMap(target, ['Email', '金額', '結束日期', '最後扣款日']).mapping.cancelled_at).toBeUndefined()
  })

  it('cancelled, 停用 and 執行完成 rows carry a cancel with their date (UTC); active rows none; the batch payload never has status/cancelled_at', () => {
    const p = prepare([
      ['a@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '已取消', '2025/6/15 10:30'],
      ['b@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '執行中', ''],
      ['c@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '停用', '2025/7/1'],
      ['d@example.com', '490', '月繳', '2024/1/1', '2024/12/1', '執行完成', '2024/12/1'],
      ['e@example.com', '490', '月繳', '2024/1/1', '2024/12/1', 'Cancelled', '2024-12-02T08:00:00+08:00']
    ])
    expect(p.issues).toEqual([])
    const recs = p.records
    expect(recs.map((r) => r.cancel)).toEqual([
      { cancelled_at: '2025-06-15T02:30:00Z' },
      undefined,
      { cancelled_at: '2025-06-30T16:00:00Z' },
      { cancelled_at: '2024-11-30T16:00:00Z', reason: 'completed' },
      { cancelled_at: '2024-12-02T00:00:00Z' }
    ])
    for (const r of recs) {
      expect(r.valid).toBe(true)
      expect(Object.keys(r.payload)).not.toContain('status')
      expect(Object.keys(r.payload)).not.toContain('cancelled_at')
      expect(zangshoSubscriptionPreparedSchema.safeParse(r.payload).success).toBe(true)
      if (r.cancel) expect(zangshoSubscriptionCancelSchema.safeParse(r.cancel).success).toBe(true)
    }
  })

  it('a cancelled or completed row without a date warns (帳獸 would stamp now) but still cancels; 暫停 needs a decision', () => {
    const p = prepare([
      ['a@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '已取消', ''],
      ['b@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '執行完成', ''],
      ['c@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '暫停', ''],
      ['d@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '執行中', '']
    ])
    expect(codes(p.issuesForRow(2))).toEqual(['cancelled_at_will_be_stamped'])
    expect(p.issuesForRow(2)[0]).toMatchObject({ severity: 'warning', column: '取消時間' })
    expect(p.issuesForRow(2)[0].messageZh).toContain('取消時間')
    expect(p.issuesForRow(3).map((i) => [i.code, i.severity])).toEqual([['cancelled_at_will_be_stamped', 'warning']])
    expect(p.records[0]).toMatchObject({ valid: true, cancel: {} })
    expect(p.records[1]).toMatchObject({ valid: true, cancel: { reason: 'completed' } })
    expect(p.issuesForRow(4).map((i) => [i.code, i.severity, i.value])).toEqual([['value_unmatched', 'error', '暫停']])
    expect(p.records[2].valid).toBe(false)
    expect(p.issuesForRow(5)).toEqual([])
  })

  it('without a status column, a cancelled-at date means cancelled; an unmapped history leaves every row active', () => {
    const { status: _s, ...noStatus } = MAPPING
    const p = prepare(
      [
        ['a@example.com', '990', '月繳', '2025/1/1', '2025/6/1', 'x', '2025/6/15'],
        ['b@example.com', '990', '月繳', '2025/1/1', '2025/6/1', 'x', '']
      ],
      noStatus
    )
    expect(p.records.map((r) => r.cancel)).toEqual([{ cancelled_at: '2025-06-14T16:00:00Z' }, undefined])
    const { cancelled_at: _c, ...none } = noStatus
    expect(
      prepare([['a@example.com', '990', '月繳', '2025/1/1', '2025/6/1', '', '']], none).records[0].cancel
    ).toBeUndefined()
  })

  it('the cancel body and the documented request schema (§7.3): cancelled_at ISO UTC optional, reason a string, nothing else', () => {
    expect(subscriptionCancelBody({ status: 'active', cancelled_at: '2025-01-01T00:00:00Z' })).toBeNull()
    expect(subscriptionCancelBody({ status: 'cancelled' })).toEqual({})
    expect(
      zangshoSubscriptionCancelSchema.safeParse({ cancelled_at: '2025-01-01T00:00:00Z', reason: 'no_longer_needed' })
        .success
    ).toBe(true)
    expect(zangshoSubscriptionCancelSchema.safeParse({ cancelled_at: '2025-01-01T08:00:00+08:00' }).success).toBe(false)
    expect(zangshoSubscriptionCancelSchema.safeParse({ status: 'cancelled' }).success).toBe(false)
    expect(
      ZANGSHO_SUBSCRIPTION_CANCEL.readClosed({ status: 'cancelled', cancelled_at: '2025-01-01T00:00:00Z' })
    ).toEqual({ closed: true, at: '2025-01-01T00:00:00Z' })
    expect(ZANGSHO_SUBSCRIPTION_CANCEL.readClosed({ status: 'active', cancelled_at: null })).toEqual({
      closed: false,
      at: null
    })
    expect(getTarget('zangsho.subscriptions')!.push?.cancelAfterCreate).toBe(ZANGSHO_SUBSCRIPTION_CANCEL)
  })
})
