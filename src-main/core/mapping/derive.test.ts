// The derivation engine with exact results: cycles, MRR rounding, sums with empty parts, status rules, and the words.
import { describe, expect, it } from 'vitest'
import Decimal from 'decimal.js'
import { deriveValue, type RowReader } from './derive'
import { describeDerivation, explainRow } from './derive-words'
import type { Derivation } from './derivation-types'

const row = (cells: Record<string, string | number>): RowReader => ({
  text: (c) => (cells[c] === undefined ? '' : String(cells[c])),
  number: (c) => (typeof cells[c] === 'number' ? (cells[c] as number) : undefined)
})
const cycle: Derivation = { kind: 'billing_cycle', unitColumn: '週期單位', frequencyColumn: '週期' }
const mrr: Derivation = {
  kind: 'monthly_amount',
  amountColumn: '每次授權金額',
  unitColumn: '週期單位',
  frequencyColumn: '週期'
}
const value = (d: Derivation, cells: Record<string, string | number>) => {
  const out = deriveValue(d, row(cells))
  if (!out.ok) throw new Error(`${out.code}: ${out.message.en}`)
  return Decimal.isDecimal(out.value) ? (out.value as Decimal).toFixed(2) : out.value
}
const failure = (d: Derivation, cells: Record<string, string | number>) => {
  const out = deriveValue(d, row(cells))
  if (out.ok) throw new Error(`expected an error, got ${String(out.value)}`)
  return out
}

describe('billing_cycle', () => {
  it.each([
    ['月', '1', 'monthly'],
    ['月', '3', 'quarterly'],
    ['月', '6', 'semi-annual'],
    ['年', '1', 'yearly'],
    ['月', '12', 'yearly'],
    ['Month', '3', 'quarterly'],
    ['months', 6, 'semi-annual'],
    ['YEAR', '1', 'yearly'],
    ['每月', '', 'monthly'],
    ['季', '1', 'quarterly'],
    ['半年', '', 'semi-annual'],
    ['年繳', '1', 'yearly'],
    ['季繳', '', 'quarterly'],
    ['ｍｏｎｔｈ', '１', 'monthly']
  ])('%s × %s → %s', (unit, freq, expected) => {
    expect(value(cycle, { 週期單位: unit, 週期: freq })).toBe(expected)
  })

  it('a frequency column is optional (absent means 1)', () => {
    expect(value({ kind: 'billing_cycle', unitColumn: 'u' }, { u: '年' })).toBe('yearly')
  })

  it('cycles 帳獸 has no value for are errors that say so, never a guess', () => {
    const two = failure(cycle, { 週期單位: '月', 週期: '2' })
    expect(two).toMatchObject({ code: 'cycle_unsupported', column: '週期單位', value: '月×2' })
    expect(two.message.en).toContain('every 2 months, and 帳獸 has no such billing cycle')
    expect(two.message['zh-TW']).toContain('每 2 個月，帳獸沒有這種計費週期')
    expect(two.message['zh-TW']).toContain('「週期單位」=「月」、「週期」=「2」')
    const days = failure(cycle, { 週期單位: '天', 週期: '30' })
    expect(days).toMatchObject({ code: 'cycle_unsupported', value: '天' })
    expect(days.message.en).toContain('帳獸 has no weekly or daily billing cycle')
    expect(failure(cycle, { 週期單位: '週', 週期: '1' }).message['zh-TW']).toContain('帳獸沒有以週或日計的計費週期')
    expect(failure(cycle, { 週期單位: '年', 週期: '2' }).message.en).toContain('every 24 months')
    expect(failure(cycle, { 週期單位: '月', 週期: '1.5' }).code).toBe('cycle_frequency_invalid')
    expect(failure(cycle, { 週期單位: '', 週期: '3' }).code).toBe('cycle_unit_missing')
    expect(failure(cycle, {}).code).toBe('empty')
  })
})

describe('monthly_amount (MRR)', () => {
  it('a quarterly 定期定額 charge of 2,970 gives MRR 990.00', () => {
    expect(value(mrr, { 每次授權金額: '2,970', 週期單位: '月', 週期: '3' })).toBe('990.00')
    expect(value(mrr, { 每次授權金額: 2970, 週期單位: '季', 週期: '' })).toBe('990.00')
  })

  it('rounds half-up to 2 decimals in decimal.js', () => {
    expect(value(mrr, { 每次授權金額: '1000', 週期單位: '月', 週期: '3' })).toBe('333.33')
    expect(value(mrr, { 每次授權金額: '0.05', 週期單位: '月', 週期: '6' })).toBe('0.01') // 0.008333…
    expect(value(mrr, { 每次授權金額: '100.01', 週期單位: '月', 週期: '6' })).toBe('16.67') // 16.668333…
    expect(value(mrr, { 每次授權金額: '0.15', 週期單位: '月', 週期: '6' })).toBe('0.03') // 0.025 exactly → up
    expect(value(mrr, { 每次授權金額: 'NT$11,990', 週期單位: 'year', 週期: '1' })).toBe('999.17') // 999.1666…
    expect(value(mrr, { 每次授權金額: '990', 週期單位: '月', 週期: '1' })).toBe('990.00')
  })

  it('an unsupported cycle, an empty or bad amount are errors naming the column and value', () => {
    expect(failure(mrr, { 每次授權金額: '990', 週期單位: '月', 週期: '2' }).code).toBe('cycle_unsupported')
    expect(failure(mrr, { 週期單位: '月', 週期: '3' }).code).toBe('empty')
    const bad = failure(mrr, { 每次授權金額: 'abc', 週期單位: '月', 週期: '3' })
    expect(bad).toMatchObject({ code: 'money_invalid', column: '每次授權金額', value: 'abc' })
    expect(bad.message.en).toContain('"每次授權金額" = "abc"')
    expect(failure(mrr, { 每次授權金額: '990' })).toMatchObject({ code: 'cycle_unit_missing', column: '週期單位' })
  })
})

describe('sum', () => {
  const total: Derivation = { kind: 'sum', add: ['小計', '運費'], subtract: ['折扣'] }
  it('subtotal + shipping − discount, empty parts count as 0', () => {
    expect(value(total, { 小計: '1,000', 運費: '60', 折扣: '100' })).toBe('960.00')
    expect(value(total, { 小計: '1000', 運費: '', 折扣: '' })).toBe('1000.00')
    expect(value(total, { 小計: 'NT$999.50', 運費: 0, 折扣: '0.5' })).toBe('999.00')
  })
  it('all parts empty is "no value"; a bad part or a negative result is an error naming the columns', () => {
    expect(failure(total, {}).code).toBe('empty')
    expect(failure(total, { 小計: '100', 運費: 'x' })).toMatchObject({
      code: 'money_invalid',
      column: '運費',
      value: 'x'
    })
    const neg = failure(total, { 小計: '100', 折扣: '150' })
    expect(neg).toMatchObject({ code: 'sum_negative', column: '折扣', value: '-50.00' })
    expect(neg.message['zh-TW']).toContain('「小計」=「100」、「運費」=「」、「折扣」=「150」')
  })
})

describe('status_by_payment', () => {
  const status: Derivation = {
    kind: 'status_by_payment',
    statusColumn: '訂單狀態',
    paymentColumn: '付款方式',
    rules: [
      { status: ['待出貨'], payment: ['貨到付款'], result: 'pending' },
      { status: ['待出貨', '已出貨'], result: 'paid' },
      { status: ['已取消'], result: 'cancelled' }
    ]
  }
  it('rules in order: 待出貨 + 貨到付款 → pending; 待出貨 + anything else → paid', () => {
    expect(value(status, { 訂單狀態: '待出貨', 付款方式: '貨到付款' })).toBe('pending')
    expect(value(status, { 訂單狀態: ' 待出貨 ', 付款方式: '信用卡' })).toBe('paid')
    expect(value(status, { 訂單狀態: '待出貨', 付款方式: '' })).toBe('paid')
    expect(value(status, { 訂單狀態: '已取消', 付款方式: '貨到付款' })).toBe('cancelled')
  })
  it('no rule fits: an error naming both columns and values', () => {
    const out = failure(status, { 訂單狀態: '退貨中', 付款方式: 'ATM' })
    expect(out).toMatchObject({ code: 'status_rule_unmatched', column: '訂單狀態', value: '退貨中 / ATM' })
    expect(out.message['zh-TW']).toContain('「訂單狀態」=「退貨中」搭配「付款方式」=「ATM」')
  })
})

describe('in words', () => {
  it('describes the rule and works out sample rows', () => {
    expect(describeDerivation(mrr)['zh-TW']).toBe(
      '「每次授權金額」 ÷ 每期月數（「週期單位」 × 「週期」），四捨五入到小數 2 位'
    )
    expect(explainRow(mrr, row({ 每次授權金額: '2,970', 週期單位: '月', 週期: '3' }))).toEqual({
      ok: true,
      text: { 'zh-TW': '2,970 ÷ 3（季繳）= 990.00', en: '2,970 ÷ 3 (quarterly) = 990.00' }
    })
    expect(describeDerivation({ kind: 'sum', add: ['小計', '運費'], subtract: ['折扣'] }).en).toBe(
      '"小計" + "運費" − "折扣" (empty counts as 0)'
    )
    expect(
      explainRow({ kind: 'sum', add: ['小計', '運費'], subtract: ['折扣'] }, row({ 小計: '1000', 折扣: '100' })).text.en
    ).toBe('1000 + 0 − 100 = 900.00')
    expect(explainRow(cycle, row({ 週期單位: '月', 週期: '2' })).ok).toBe(false)
  })
})
