// Subscription events: derivations, the mismatch error, value synonyms, auto-mapping and the per-customer chain check.
import { describe, expect, it } from 'vitest'
import { createPreparation } from '../validation/prepare'
import { tableOf } from '../validation/test-table'
import { autoMap } from '../mapping/automap'
import { parseSignedMoney } from './zangsho-subscription-events-rules'
import { zangshoSubscriptionEventSchema } from './zangsho-subscription-events'
import { getTarget } from './index'

const HEADERS = [
  '客戶 Email',
  '事件類型',
  'MRR 變化金額',
  '事件發生時間',
  '變更前金額',
  '變更後金額',
  '變更前方案',
  '變更後方案'
]
const MAPPING = Object.fromEntries(
  [
    'customer_email',
    'event_type',
    'amount_change',
    'occurred_at',
    'old_amount',
    'new_amount',
    'old_plan',
    'new_plan'
  ].map((k, i) => [k, { column: HEADERS[i] }])
)
const prep = (rows: (string | number)[][], mapping = MAPPING) =>
  createPreparation(tableOf(HEADERS, rows), { target: 'zangsho.subscription_events', mapping, timezone: 'Asia/Taipei' })

describe('subscription events target', () => {
  it('is registered, maps the create page labels, and builds documented payloads', () => {
    expect(getTarget('zangsho.subscription_events')?.transport.path).toBe('/subscriptions/events')
    const m = autoMap(getTarget('zangsho.subscription_events')!, HEADERS)
    expect(m.mapping).toEqual(MAPPING)
    const p = prep([
      ['A@x.com', '新訂閱', '990', '2025-01-05 10:00', '0', '990', '', 'Basic'],
      ['a@x.com', '升級', '', '2025-03-01', '990', '1490', 'Basic', 'Pro']
    ])
    expect(p.issues).toEqual([])
    expect(p.records.map((r) => r.payload)).toEqual([
      {
        customer_email: 'a@x.com',
        event_type: 'created',
        occurred_at: '2025-01-05T02:00:00Z',
        amount_change: '990.00',
        old_amount: '0.00',
        new_amount: '990.00',
        new_plan: 'Basic'
      },
      {
        customer_email: 'a@x.com',
        event_type: 'upgrade',
        occurred_at: '2025-02-28T16:00:00Z',
        amount_change: '500.00',
        old_amount: '990.00',
        new_amount: '1490.00',
        old_plan: 'Basic',
        new_plan: 'Pro'
      }
    ])
    for (const r of p.records) expect(zangshoSubscriptionEventSchema.safeParse(r.payload).success).toBe(true)
  })

  it('derives amount_change = new − old and the event type from its sign when they are not mapped', () => {
    const { event_type: _t, amount_change: _c, ...bare } = MAPPING
    const p = prep(
      [
        ['a@x.com', '', '', '2025-03-01', '990', '1490', '', ''],
        ['a@x.com', '', '', '2025-04-01', '1490', '490', '', ''],
        ['b@x.com', '', '', '2025-04-01', '490', '490', '', '']
      ],
      bare
    )
    expect(p.records[0].payload).toMatchObject({ event_type: 'upgrade', amount_change: '500.00' })
    expect(p.records[1].payload).toMatchObject({ event_type: 'downgrade', amount_change: '-1000.00' })
    expect(p.records[2].valid).toBe(false)
    expect(p.issuesForRow(4).map((i) => i.code)).toEqual(['event_type_missing'])
  })

  it('reads value synonyms and signed changes; a change that disagrees with old and new names all three', () => {
    const p = prep([
      ['a@x.com', '降級', '(500)', '2025-05-01', '1490', '990', '', ''],
      ['a@x.com', '取消', '-990', '2025-06-01', '990', '0', '', ''],
      ['a@x.com', '恢復', '300', '2025-07-01', '0', '990', '', '']
    ])
    expect(p.records.slice(0, 2).map((r) => [r.valid, r.payload.event_type, r.payload.amount_change])).toEqual([
      [true, 'downgrade', '-500.00'],
      [true, 'cancel', '-990.00']
    ])
    expect(p.records[2].valid).toBe(false)
    const [issue] = p.issuesForRow(4)
    expect(issue).toMatchObject({ code: 'amount_change_mismatch', severity: 'error', column: 'MRR 變化金額' })
    expect(issue.message).toContain('300.00')
    expect(issue.message).toContain('0.00')
    expect(issue.message).toContain('990.00')
    expect(issue.messageZh).toContain('變更前金額 0.00')
  })

  it('requires the customer and the time of the event', () => {
    const p = prep([['', 'upgrade', '', '', '1', '2', '', '']])
    expect(
      p
        .issuesForRow(2)
        .map((i) => [i.code, i.field])
        .sort()
    ).toEqual([
      ['required_missing', 'customer_email'],
      ['required_missing', 'occurred_at']
    ])
  })

  it('parses signed money without floats', () => {
    expect(parseSignedMoney('NT$-1,490.5')).toMatchObject({ ok: true })
    expect((parseSignedMoney('−0.10') as { value: { toFixed(n: number): string } }).value.toFixed(2)).toBe('-0.10')
    expect(parseSignedMoney('abc').ok).toBe(false)
  })
})

describe('chain check', () => {
  it("warns where a customer's events in time order do not chain, whatever the row order, and re-checks after an edit", () => {
    const rows = [
      ['a@x.com', 'downgrade', '', '2025-05-01', '1490', '990', '', ''],
      ['a@x.com', 'created', '', '2025-01-01', '0', '990', '', ''],
      ['b@x.com', 'created', '', '2025-01-01', '0', '500', '', ''],
      ['a@x.com', 'upgrade', '', '2025-03-01', '990', '1490', '', ''],
      ['b@x.com', 'upgrade', '', '2025-02-01', '600', '800', '', '']
    ]
    const p = prep(rows)
    expect(p.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[6, 'event_chain_break', 'warning']])
    expect(p.issuesForRow(6)[0].message).toContain('row 4')
    expect(p.summary()).toMatchObject({ valid: 5, warnings: 1 })
    p.updateRow(6, tableOf(HEADERS, [['b@x.com', 'upgrade', '', '2025-02-01', '500', '800', '', '']]).rows[0].cells)
    expect(p.issues).toEqual([])
    expect(p.summary().warnings).toBe(0)
    p.updateRow(3, tableOf(HEADERS, [['a@x.com', 'created', '', '2025-01-01', '0', '900', '', '']]).rows[0].cells)
    expect(p.issues.map((i) => [i.row, i.code])).toEqual([[5, 'event_chain_break']])
  })
})
