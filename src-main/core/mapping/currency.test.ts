import { describe, it, expect } from 'vitest'
import { ISO4217, parseCurrency } from './currency'

describe('ISO4217', () => {
  it('holds the active codes and not withdrawn ones', () => {
    for (const code of [
      'TWD',
      'USD',
      'JPY',
      'HKD',
      'SGD',
      'CNY',
      'KRW',
      'MYR',
      'THB',
      'EUR',
      'GBP',
      'XCG',
      'ZWG',
      'SLE',
      'VED'
    ]) {
      expect(ISO4217.has(code), code).toBe(true)
    }
    for (const code of ['NTD', 'RMB', 'HRK', 'DEM', 'FRF', 'CUC', 'VEF', 'MRO', 'STD', 'LTL'])
      expect(ISO4217.has(code), code).toBe(false)
    expect(ISO4217.size).toBeGreaterThan(170)
    for (const code of ISO4217) expect(code).toMatch(/^[A-Z]{3}$/)
  })
})

describe('parseCurrency', () => {
  const good: [string, string][] = [
    ['TWD', 'TWD'],
    [' twd ', 'TWD'],
    ['ｔｗｄ', 'TWD'],
    ['NT$', 'TWD'],
    ['NTD', 'TWD'],
    ['台幣', 'TWD'],
    ['新台幣', 'TWD'],
    ['新臺幣', 'TWD'],
    ['US$', 'USD'],
    ['美金', 'USD'],
    ['美元', 'USD'],
    ['日圓', 'JPY'],
    ['日幣', 'JPY'],
    ['港幣', 'HKD'],
    ['人民幣', 'CNY'],
    ['RMB', 'CNY'],
    ['eur', 'EUR'],
    ['€', 'EUR']
  ]
  it.each(good)('%j → %s', (input, expected) => {
    expect(parseCurrency(input)).toEqual({ ok: true, value: expected })
  })

  const bad: [string, string][] = [
    ['', 'empty'],
    ['$', 'currency_ambiguous'],
    ['元', 'currency_ambiguous'],
    ['TW', 'currency_invalid'],
    ['ABC', 'currency_invalid'],
    ['dollars', 'currency_invalid'],
    ['HRK', 'currency_invalid']
  ]
  it.each(bad)('%j → %s', (input, code) => {
    const r = parseCurrency(input)
    expect(r.ok ? 'ok' : r.code).toBe(code)
  })
})
