import { describe, it, expect } from 'vitest'
import { VALUE_SYNONYMS, matchEnumValue, normalizeEnumText, type EnumKind } from './value-synonyms'

const ENUMS: Record<EnumKind, string[]> = {
  status: ['pending', 'paid', 'failed', 'refunded', 'cancelled'],
  payment_method: ['credit_card', 'atm', 'cvs', 'line_pay', 'jkopay', 'apple_pay'],
  billing_cycle: ['monthly', 'quarterly', 'semi-annual', 'yearly', 'one-time'],
  subscription_billing_cycle: ['monthly', 'quarterly', 'semi-annual', 'yearly'],
  subscription_event_type: ['created', 'upgrade', 'downgrade', 'cancel', 'reactivated'],
  subscription_status: ['active', 'cancelled', 'completed']
}

describe('VALUE_SYNONYMS', () => {
  it('uses only the documented api values', () => {
    for (const kind of Object.keys(ENUMS) as EnumKind[])
      expect(Object.keys(VALUE_SYNONYMS[kind]).sort()).toEqual([...ENUMS[kind]].sort())
  })

  it('never sends one normalized synonym to two values', () => {
    for (const kind of Object.keys(ENUMS) as EnumKind[]) {
      const seen = new Map<string, string>()
      for (const [value, words] of Object.entries(VALUE_SYNONYMS[kind])) {
        for (const w of [value, ...words]) {
          const key = normalizeEnumText(w)
          expect(seen.get(key) ?? value, `${kind}: ${w}`).toBe(value)
          seen.set(key, value)
        }
      }
    }
  })
})

describe('matchEnumValue', () => {
  const cases: [EnumKind, string, string | null][] = [
    // status, issue-3 list and real exports (Shopify financial status, WooCommerce order status)
    ['status', '已付款', 'paid'],
    ['status', '付款完成', 'paid'],
    ['status', 'Paid', 'paid'],
    ['status', ' PAID ', 'paid'],
    ['status', 'completed', 'paid'],
    ['status', 'processing', 'paid'],
    ['status', '待付款', 'pending'],
    ['status', 'on-hold', 'pending'],
    ['status', 'Pending payment', 'pending'],
    ['status', '付款失敗', 'failed'],
    ['status', '已退款', 'refunded'],
    ['status', 'refunded', 'refunded'],
    ['status', '已取消', 'cancelled'],
    ['status', 'Canceled', 'cancelled'],
    ['status', 'voided', 'cancelled'],
    ['status', 'partially_refunded', null],
    ['status', 'authorized', null],
    ['status', '處理中', null],
    ['status', '', null],
    // payment methods
    ['payment_method', '信用卡', 'credit_card'],
    ['payment_method', '刷卡', 'credit_card'],
    ['payment_method', 'Credit Card', 'credit_card'],
    ['payment_method', 'credit_card', 'credit_card'],
    ['payment_method', 'ATM轉帳', 'atm'],
    ['payment_method', 'ATM 轉帳', 'atm'],
    ['payment_method', 'ａｔｍ', 'atm'],
    ['payment_method', '超商代碼', 'cvs'],
    ['payment_method', '超商繳費', 'cvs'],
    ['payment_method', 'LINE Pay', 'line_pay'],
    ['payment_method', 'linepay', 'line_pay'],
    ['payment_method', '街口', 'jkopay'],
    ['payment_method', '街口支付', 'jkopay'],
    ['payment_method', 'JKO Pay', 'jkopay'],
    ['payment_method', 'Apple Pay', 'apple_pay'],
    ['payment_method', 'cod', null], // WooCommerce cash on delivery: no 帳獸 equivalent
    ['payment_method', 'manual', null], // Shopify
    // billing cycles
    ['billing_cycle', '月繳', 'monthly'],
    ['billing_cycle', 'Monthly', 'monthly'],
    ['billing_cycle', '季繳', 'quarterly'],
    ['billing_cycle', '半年繳', 'semi-annual'],
    ['billing_cycle', 'Semi Annual', 'semi-annual'],
    ['billing_cycle', 'semi-annual', 'semi-annual'],
    ['billing_cycle', '年繳', 'yearly'],
    ['billing_cycle', 'Annual', 'yearly'],
    ['billing_cycle', '單次', 'one-time'],
    ['billing_cycle', '一次性', 'one-time'],
    ['billing_cycle', 'One-time', 'one-time'],
    ['billing_cycle', 'weekly', null],
    ['subscription_billing_cycle', '月繳', 'monthly'],
    ['subscription_billing_cycle', 'yearly', 'yearly'],
    ['subscription_billing_cycle', '單次', null],
    ['subscription_billing_cycle', 'one-time', null],
    ['subscription_status', '執行中', 'active'],
    ['subscription_status', '已取消', 'cancelled'],
    ['subscription_status', '停用', 'cancelled'],
    ['subscription_status', '終止', 'cancelled'],
    ['subscription_status', 'Canceled', 'cancelled'],
    ['subscription_status', '執行完成', 'completed'],
    ['subscription_status', '已完成', 'completed'],
    ['subscription_status', '暫停', null],
    ['subscription_status', 'paused', null]
  ]
  it.each(cases)('%s: %j → %s', (kind, raw, expected) => {
    expect(matchEnumValue(kind, raw)).toBe(expected)
  })
})
