import { describe, expect, it } from 'vitest'
import { kindOfHeaders, kindOfSheet } from './flow-sheets'

describe('which flow step a sheet is for', () => {
  it('by name, events before subscriptions (訂閱事件 contains 訂閱)', () => {
    expect(['訂閱事件', 'Subscription Events', '訂閱', 'orders', ' 顧客 ', 'README'].map(kindOfSheet)).toEqual([
      'events',
      'events',
      'subscriptions',
      'orders',
      'customers',
      null
    ])
  })

  it('by headers: the kind whose fields match best', () => {
    expect(kindOfHeaders(['Email', 'Name', 'Phone'])).toBe('customers')
    expect(kindOfHeaders(['Order No', 'Amount', 'Customer Email', 'Status', 'Currency', 'Paid At'])).toBe('orders')
    const subscription = ['Customer Email', 'MRR', 'Billing Cycle', 'Started At', 'Plan Name']
    expect(kindOfHeaders([...subscription, 'Current Period Start'])).toBe('subscriptions')
    // one required column missing: still a subscriptions sheet (the review then asks for the column), not "customers"
    expect(kindOfHeaders(subscription)).toBe('subscriptions')
    expect(kindOfHeaders(['客戶 Email', '事件類型', '事件發生時間', '變更前金額', '變更後金額'])).toBe('events')
    expect(kindOfHeaders(['說明'])).toBeNull()
  })
})
