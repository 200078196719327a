// Reading the events list to decide whether an ambiguous create landed; the send order of a customer's history.
import { describe, expect, it } from 'vitest'
import { eventSendOrder, matchingEvents } from './zangsho-events'
import type { PreparedRecord } from '../targets/types'

const payload = {
  customer_email: 'a@x.com',
  event_type: 'upgrade',
  occurred_at: '2025-03-01T00:00:00Z',
  old_amount: '990.00',
  new_amount: '1490.00',
  amount_change: '500.00'
}
const item = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  customer_id: 7,
  event_type: 'upgrade',
  old_amount: '990.00',
  new_amount: '1490.00',
  amount_change: '500.00',
  occurred_at: '2025-03-01T00:00:00Z',
  ...extra
})

describe('matchingEvents', () => {
  it('matches customer, type, instant and amounts; skips events other rows claimed; filters what the server did not', () => {
    const body = {
      data: [
        item(1),
        item(2, { customer_id: 8 }),
        item(3, { occurred_at: '2025-03-01T08:00:00+08:00' }),
        item(4, { new_amount: '1500.00' }),
        item(5, { event_type: 'downgrade' })
      ],
      meta: { last_page: 2 }
    }
    expect(matchingEvents(body, payload, 7, new Set())).toEqual({ ids: [1, 3], lastPage: 2 })
    expect(matchingEvents(body, payload, 7, new Set(['1']))?.ids).toEqual([3])
    expect(matchingEvents({ message: 'oops' }, payload, 7, new Set())).toBeNull()
  })
})

describe('eventSendOrder', () => {
  it('sends in time order, ties by row', () => {
    const rec = (row: number, at: string) =>
      ({ row, rows: [row], valid: true, payload: { occurred_at: at } }) as PreparedRecord
    const records = [
      rec(2, '2025-05-01T00:00:00Z'),
      rec(3, '2025-01-01T00:00:00Z'),
      rec(4, '2025-05-01T00:00:00Z'),
      rec(5, '2025-03-01T00:00:00Z')
    ]
    expect(eventSendOrder(records, [0, 1, 2, 3])).toEqual([1, 3, 0, 2])
  })
})
