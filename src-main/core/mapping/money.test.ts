import { describe, it, expect } from 'vitest'
import Decimal from 'decimal.js'
import { parseMoney, formatMoney2, moneyToJsonNumber } from './money'

describe('parseMoney accepts', () => {
  const cases: [string | number, string][] = [
    ['NT$1,990', '1990'],
    ['NT$ 1,990', '1990'],
    ['nt$1990', '1990'],
    ['1,200.50', '1200.5'],
    ['$990', '990'],
    ['NT 990', '990'],
    ['TWD 990', '990'],
    ['990 TWD', '990'],
    ['NTD990', '990'],
    ['US$12.99', '12.99'],
    ['990元', '990'],
    ['1,990元整', '1990'],
    ['１２３', '123'], // full-width digits
    ['ＮＴ＄１，９９０．５０', '1990.5'], // full-width everything
    ['  5  ', '5'],
    ['\u200B990', '990'], // zero-width space pasted from a web page
    ['+990', '990'],
    ['0', '0'],
    ['0.00', '0'],
    ['.5', '0.5'],
    ['1,234,567.89', '1234567.89'],
    ['12.300', '12.3'], // trailing zeros are not extra precision
    ['99999999999999999999.99', '99999999999999999999.99'], // beyond float precision, kept exact
    [990, '990'],
    [1990.5, '1990.5'],
    [0.1 + 0.2, '0.3'], // a formula cell's binary noise, read as Excel shows it
    [1039.5000000000002, '1039.5'],
    [0, '0']
  ]
  it.each(cases)('%j → %s', (input, expected) => {
    const r = parseMoney(input)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.toString()).toBe(expected)
  })
})

describe('parseMoney rejects', () => {
  const cases: [string | number | null | undefined, string][] = [
    ['abc', 'money_invalid'],
    ['1.2.3', 'money_invalid'],
    ['12,34,5', 'money_invalid'], // grouping that is not thousands
    ['1,2345', 'money_invalid'],
    ['1.234,56', 'money_invalid'], // European decimal comma: ambiguous, rejected
    ['1990.', 'money_invalid'],
    ['12 34', 'money_invalid'],
    ['1e5', 'money_invalid'],
    ['NT$', 'money_invalid'],
    ['免費', 'money_invalid'],
    [Number.NaN, 'money_invalid'],
    [Number.POSITIVE_INFINITY, 'money_invalid'],
    ['-5', 'money_negative'],
    ['－５', 'money_negative'],
    ['(5)', 'money_negative'],
    ['（1,990）', 'money_negative'],
    ['NT$-5', 'money_negative'],
    ['-NT$5', 'money_negative'],
    ['5-', 'money_negative'],
    [-5, 'money_negative'],
    ['12.345', 'money_precision'],
    [0.125, 'money_precision'],
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty']
  ]
  it.each(cases)('%j → %s', (input, code) => {
    const r = parseMoney(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.code).toBe(code)
  })

  it('says what was found and what to do, in both languages', () => {
    const r = parseMoney('abc')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message['zh-TW']).toContain('abc')
      expect(r.message.en).toContain('abc')
      expect(r.message.en).toMatch(/1990/)
    }
  })

  it('accepts minus zero as zero', () => {
    const r = parseMoney('-0')
    expect(r.ok && r.value.isZero() && !r.value.isNegative()).toBe(true)
  })
})

describe('formatMoney2 (帳獸 strings)', () => {
  const cases: [string, string][] = [
    ['1990', '1990.00'],
    ['1200.5', '1200.50'],
    ['0', '0.00'],
    ['0.05', '0.05'],
    ['99999999999999999999.99', '99999999999999999999.99'],
    ['1.005', '1.01'] // half-up, and exact (a float would give 1.00)
  ]
  it.each(cases)('%s → %s', (input, expected) => {
    expect(formatMoney2(new Decimal(input))).toBe(expected)
  })

  it('goes from cell text to request string without a float', () => {
    const r = parseMoney('NT$1,990')
    expect(r.ok && formatMoney2(r.value)).toBe('1990.00')
  })
})

describe('moneyToJsonNumber (SHOPLINE numbers)', () => {
  it.each([
    ['1990', 1990],
    ['1200.5', 1200.5],
    ['0.1', 0.1],
    ['0', 0]
  ] as const)('%s → %s', (input, expected) => {
    expect(moneyToJsonNumber(new Decimal(input))).toBe(expected)
  })
  it('refuses more than 2 decimals and amounts a double cannot hold exactly', () => {
    expect(() => moneyToJsonNumber(new Decimal('1.005'))).toThrow(RangeError)
    expect(() => moneyToJsonNumber(new Decimal('99999999999999999999.99'))).toThrow(RangeError)
  })
})
