import { describe, it, expect } from 'vitest'
import { cleanText, parseEmail, parsePhone } from './text'

describe('cleanText', () => {
  const cases: [string, string][] = [
    ['  王小明  ', '王小明'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['\u3000台北市\u3000', '台北市'], // ideographic space
    ['\u00A0a b\u00A0', 'a b'], // no-break space
    ['a\u200Bb\uFEFF', 'ab'],
    ['信義區  松仁路', '信義區  松仁路'], // inner spacing kept
    ['ｶﾀｶﾅ', 'カタカナ'], // half-width katakana → full-width (NFKC)
    ['①', '1'],
    ['', '']
  ]
  it.each(cases)('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })
})

describe('parseEmail', () => {
  const good: [string, string][] = [
    ['a@example.com', 'a@example.com'],
    ['  Amy.Chen@Example.COM ', 'amy.chen@example.com'],
    ['ａｍｙ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'amy@example.com'], // typed with a full-width IME
    ['mailto:amy@example.com', 'amy@example.com'],
    ['陳小美 <amy@example.com.tw>', 'amy@example.com.tw'],
    ['first.last+shop@sub.example.co.jp', 'first.last+shop@sub.example.co.jp'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['lilly@example.com', 'lilly@example.com'] // WooCommerce sample
  ]
  it.each(good)('%j → %s', (input, expected) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: expected })
  })

  const bad: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['amy', 'email_invalid'],
    ['amy@', 'email_invalid'],
    ['@example.com', 'email_invalid'],
    ['amy@example', 'email_invalid'],
    ['amy@gmail,com', 'email_invalid'],
    ['amy@@example.com', 'email_invalid'],
    ['amy..chen@example.com', 'email_invalid'],
    ['.amy@example.com', 'email_invalid'],
    ['amy@-example.com', 'email_invalid'],
    ['amy @example.com', 'email_invalid'],
    ['amy@example.c', 'email_invalid'],
    ['amy@example.123', 'email_invalid'],
    ['小美@example.com', 'email_invalid'],
    ['a@x.com; b@y.com', 'email_multiple'],
    ['a@x.com, b@y.com', 'email_multiple'],
    [`${'a'.repeat(65)}@example.com`, 'email_invalid']
  ]
  it.each(bad)('%j → %s', (input, code) => {
    const r = parseEmail(input)
    expect(r.ok ? 'ok' : r.code).toBe(code)
  })
})

describe('parsePhone', () => {
  const good: [string | number, string][] = [
    ['0912345678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['(02) 2700-1234', '0227001234'],
    ['02-2700-1234#123', '0227001234#123'],
    ['02-2700-1234 分機 56', '0227001234#56'],
    ['+886 912 345 678', '+886912345678'],
    ['+1 613-555-0123', '+16135550123'], // Shopify test data
    ['９１２３４５６７８', '0912345678'], // full-width, lost its 0
    ['912345678', '0912345678'], // a CSV saved by Excel after the 0 was dropped
    [912345678, '0912345678'], // numeric cell
    [227001234, '227001234'], // 9 digits but not a mobile: kept, not guessed
    [9898989898, '9898989898'] // WooCommerce sample
  ]
  it.each(good)('%j → %s', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected })
  })

  const bad: [string | number, string][] = [
    ['', 'empty'],
    ['abc', 'phone_invalid'],
    ['12345', 'phone_invalid'],
    ['0912-ABC-678', 'phone_invalid'],
    ['1234567890123456', 'phone_invalid'],
    [912345678.5, 'phone_invalid'],
    [-912345678, 'phone_invalid'],
    ['0912345678 / 02-27001234', 'phone_multiple'],
    ['0912345678、0922333444', 'phone_multiple']
  ]
  it.each(bad)('%j → %s', (input, code) => {
    const r = parsePhone(input)
    expect(r.ok ? 'ok' : r.code).toBe(code)
  })
})
