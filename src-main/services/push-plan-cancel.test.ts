// The push plan counts one cancel request per cancelled subscription, on top of the customers and subscriptions batches.
import { describe, expect, it } from 'vitest'
import { buildPlan } from './push-plan'
import { getTarget } from '../core/targets'
import type { PreparedRecord } from '../core/targets/types'

const record = (i: number, cancel?: Record<string, unknown>): PreparedRecord => ({
  row: i + 2,
  rows: [i + 2],
  valid: i !== 4,
  payload: {
    customer_email: `s${i}@example.com`,
    mrr: '990.00',
    billing_cycle: 'monthly',
    started_at: '2025-01-01T00:00:00Z',
    current_period_start: '2025-06-01T00:00:00Z'
  },
  ...(cancel ? { cancel } : {})
})

describe('push plan with cancelled subscriptions', () => {
  it('requests = customers batches + subscriptions batches + one cancel per valid cancelled row', () => {
    const records = [
      record(0),
      record(1, { cancelled_at: '2025-06-15T02:30:00Z' }),
      record(2, {}),
      record(3),
      record(4, { cancelled_at: '2025-06-15T02:30:00Z' })
    ]
    const plan = buildPlan({
      prepId: 'p',
      profileId: 'rehearsal',
      profileName: 'Rehearsal',
      baseUrl: 'http://127.0.0.1:1/zangsho/v1',
      rehearsal: true,
      target: getTarget('zangsho.subscriptions')!,
      records,
      issues: [],
      excludedRows: 0,
      options: {},
      blockers: []
    })
    // row 6 (index 4) is invalid: its cancel is not counted
    expect(plan.counts).toMatchObject({ valid: 4, batches: 1, customers: 4, requests: 1 + 1 + 2 })
  })
})
