// Value matching that survives merchant suffixes and joined words, with confidence, ties and "no equivalent".
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { matchEnumDetailed, unmatchedReason } from './value-match'
import { suggestEnumMatch, suggestValueMatches } from './values'
import { tableOf } from '../validation/test-table'
import { createPreparation } from '../validation/prepare'

const orders = TARGETS['zangsho.orders']
const payment = orders.fields.find((f) => f.key === 'payment_method')!

describe('matchEnumDetailed', () => {
  it('a gateway in brackets, joined words and a longer name all mean credit_card, less sure than the word itself', () => {
    const plain = matchEnumDetailed('payment_method', '信用卡')
    const bracket = matchEnumDetailed('payment_method', '信用卡（SHOPLINE Payments）')
    const joined = matchEnumDetailed('payment_method', '信用卡/金融卡')
    const longer = matchEnumDetailed('payment_method', '信用卡分期付款')
    expect([plain.value, bracket.value, joined.value, longer.value]).toEqual([
      'credit_card',
      'credit_card',
      'credit_card',
      'credit_card'
    ])
    expect([plain.how, bracket.how, joined.how, longer.how]).toEqual(['exact', 'bracket', 'joined', 'contains'])
    expect(plain.confidence).toBe(1)
    expect(bracket.confidence).toBeLessThan(plain.confidence)
    expect(joined.confidence).toBeLessThan(bracket.confidence)
    expect(longer.confidence).toBeLessThan(joined.confidence)
    expect(longer.confidence).toBeGreaterThan(0.6)
    expect(matchEnumDetailed('payment_method', 'LINE Pay（SHOPLINE Payments）').value).toBe('line_pay')
    expect(matchEnumDetailed('payment_method', 'ATM 虛擬帳號轉帳').value).toBe('atm')
  })

  it('never picks between two equally good values', () => {
    const tie = matchEnumDetailed('payment_method', '信用卡/ATM')
    expect(tie).toMatchObject({ value: null, how: 'tie', candidates: ['atm', 'credit_card'] })
    expect(matchEnumDetailed('status', '已付款/已退款')).toMatchObject({
      value: null,
      how: 'tie',
      candidates: ['paid', 'refunded']
    })
    const msg = unmatchedReason(tie, '信用卡/ATM', payment.label, payment.enumValues!)!
    expect(msg['zh-TW']).toContain('atm 和 credit_card')
    expect(msg.en).toContain('equally well')
  })

  it('values with no equivalent at the destination stay unmatched and say what to do', () => {
    for (const v of ['貨到付款', 'ShopeePay', '超商取貨付款', '蝦皮店到店 - 取貨付款', 'cod', 'PayPal']) {
      expect(matchEnumDetailed('payment_method', v), v).toMatchObject({ value: null, how: 'no_equivalent' })
    }
    const msg = unmatchedReason(
      matchEnumDetailed('payment_method', '貨到付款'),
      '貨到付款',
      payment.label,
      payment.enumValues!
    )!
    expect(msg['zh-TW']).toContain('沒有對應')
    expect(msg['zh-TW']).toContain('排除這些列')
    expect(msg.en).toContain('no equivalent')
    expect(msg.en).toContain('exclude these rows')
    // a barcode is not cash on delivery: short words only match exactly
    expect(matchEnumDetailed('payment_method', 'barcode').how).toBe('none')
  })

  it('statuses are not matched by containment ("未完成" is not 完成)', () => {
    expect(matchEnumDetailed('status', '未完成')).toMatchObject({ value: null, how: 'none' })
    expect(matchEnumDetailed('status', '已付款 (信用卡)')).toMatchObject({ value: 'paid', how: 'bracket' })
  })
})

describe('suggestions and validation use it', () => {
  it('suggestValueMatches and suggestEnumMatch', () => {
    expect(
      suggestValueMatches(orders, 'payment_method', [
        '信用卡（SHOPLINE Payments）',
        '信用卡/金融卡',
        '信用卡分期付款',
        '貨到付款',
        '信用卡/ATM'
      ])
    ).toEqual({
      '信用卡（SHOPLINE Payments）': 'credit_card',
      '信用卡/金融卡': 'credit_card',
      信用卡分期付款: 'credit_card',
      貨到付款: null,
      '信用卡/ATM': null
    })
    expect(suggestEnumMatch(payment, 'credit_card')).toMatchObject({ value: 'credit_card', confidence: 1 })
    // a one-time cycle exists in the table but not for subscriptions: no equivalent there
    const cycle = TARGETS['zangsho.subscriptions'].fields.find((f) => f.key === 'billing_cycle')!
    expect(suggestEnumMatch(cycle, '單次').how).toBe('no_equivalent')
  })

  it('a row paid 貨到付款 is sent without a payment method, with the no-equivalent warning; the suffixed credit card passes', () => {
    const t = tableOf(
      ['訂單編號', '金額', 'Email', '付款方式'],
      [
        ['A1', '100', 'a@x.com', '信用卡（SHOPLINE Payments）'],
        ['A2', '100', 'b@x.com', '貨到付款']
      ]
    )
    const mapping = {
      order_no: { column: '訂單編號' },
      amount: { column: '金額' },
      customer_email: { column: 'Email' },
      payment_method: { column: '付款方式' }
    }
    const prep = createPreparation(t, { target: 'zangsho.orders', mapping, valueMatches: {}, timezone: 'Asia/Taipei' })
    expect(prep.records.map((r) => r.valid)).toEqual([true, true])
    expect(prep.records[0].payload.payment_method).toBe('credit_card')
    expect(prep.records[1].payload).not.toHaveProperty('payment_method')
    const issue = prep.issues.find((i) => i.row === 3)!
    expect([issue.code, issue.severity, issue.value]).toEqual(['value_no_equivalent', 'warning', '貨到付款'])
    expect(issue.messageZh).toContain('沒有對應')
    expect(issue.message).toContain('sent without one')
  })
})
