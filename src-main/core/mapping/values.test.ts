// Value matching: distinct values with counts, and suggestions from the built-in zh-TW/en synonyms.
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { distinctValues, suggestValueMatches } from './values'
import { tableOf } from '../validation/test-table'

describe('distinctValues', () => {
  it('counts cleaned values, most frequent first, blanks left out', () => {
    const t = tableOf(['狀態'], [['已付款'], [' 已付款 '], ['待付款'], [''], ['ＰＡＩＤ'], ['已付款']])
    expect(distinctValues(t, '狀態')).toEqual([
      { value: '已付款', count: 3 },
      { value: 'PAID', count: 1 },
      { value: '待付款', count: 1 }
    ])
    expect(distinctValues(t, 'nope')).toEqual([])
  })
})

describe('suggestValueMatches', () => {
  const orders = TARGETS['zangsho.orders']
  it('status, payment method and billing cycle synonyms from the spec', () => {
    expect(
      suggestValueMatches(orders, 'status', [
        '已付款',
        '付款完成',
        'Paid',
        '待付款',
        '付款失敗',
        '已退款',
        '已取消',
        'cancelled',
        '處理中'
      ])
    ).toEqual({
      已付款: 'paid',
      付款完成: 'paid',
      Paid: 'paid',
      待付款: 'pending',
      付款失敗: 'failed',
      已退款: 'refunded',
      已取消: 'cancelled',
      cancelled: 'cancelled',
      處理中: null
    })
    expect(
      suggestValueMatches(orders, 'payment_method', [
        '信用卡',
        '刷卡',
        'ATM轉帳',
        'ATM',
        '超商代碼',
        '超商繳費',
        'LINE Pay',
        '街口',
        '街口支付',
        'Apple Pay',
        'manual'
      ])
    ).toEqual({
      信用卡: 'credit_card',
      刷卡: 'credit_card',
      ATM轉帳: 'atm',
      ATM: 'atm',
      超商代碼: 'cvs',
      超商繳費: 'cvs',
      'LINE Pay': 'line_pay',
      街口: 'jkopay',
      街口支付: 'jkopay',
      'Apple Pay': 'apple_pay',
      manual: null
    })
    expect(suggestValueMatches(orders, 'billing_cycle', ['月繳', '季繳', '半年繳', '年繳', '單次', '一次性'])).toEqual({
      月繳: 'monthly',
      季繳: 'quarterly',
      半年繳: 'semi-annual',
      年繳: 'yearly',
      單次: 'one-time',
      一次性: 'one-time'
    })
  })
  it('subscriptions have no one-time cycle; non-enum fields get no suggestion', () => {
    expect(suggestValueMatches(TARGETS['zangsho.subscriptions'], 'billing_cycle', ['月繳', '單次'])).toEqual({
      月繳: 'monthly',
      單次: null
    })
    expect(suggestValueMatches(orders, 'order_no', ['A1'])).toEqual({ A1: null })
  })
})
