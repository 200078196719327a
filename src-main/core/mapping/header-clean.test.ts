// Header normalization before matching, placeholders that mean "empty", and the buyer/order column winning.
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { cleanHeader } from './header-clean'
import { autoMap, normalizeHeader } from './automap'
import { isPlaceholder } from './placeholders'
import { parseMoney } from './money'
import { parseDateTime } from './dates'
import { cleanText } from './text'
import { tableOf } from '../validation/test-table'
import { createPreparation } from '../validation/prepare'

const columns = (r: ReturnType<typeof autoMap>) =>
  Object.fromEntries(Object.entries(r.mapping).map(([k, v]) => [k, 'column' in v ? v.column : null]))

describe('cleanHeader / normalizeHeader', () => {
  it('drops units and notes in brackets (half- and full-width), line breaks and surrounding spaces', () => {
    expect(cleanHeader('訂單小計 (TWD)')).toBe('訂單小計')
    expect(cleanHeader('金額（含稅）')).toBe('金額')
    expect(cleanHeader('單價(元)')).toBe('單價')
    expect(cleanHeader('收件者電話\n\n(僅限台灣手機號碼)')).toBe('收件者電話')
    expect(cleanHeader('  Ｅｍａｉｌ  ')).toBe('Email')
    expect(cleanHeader('【必填】訂單編號')).toBe('訂單編號')
    expect(cleanHeader('Total TWD')).toBe('Total')
    expect(normalizeHeader('訂單\n編號')).toBe('訂單編號')
  })

  it('keeps a note that changes the meaning, and never empties a header', () => {
    expect(cleanHeader('金額(未稅)')).toBe('金額(未稅)')
    expect(normalizeHeader('金額(未稅)')).not.toBe(normalizeHeader('金額(含稅)'))
    expect(cleanHeader('(空白)')).toBe('(空白)')
  })

  it('a header with a unit maps like the bare name', () => {
    const r = autoMap(TARGETS['zangsho.orders'], ['訂單編號', '電郵', '訂單總金額\n(含運費)', '付款方式'])
    expect(columns(r)).toEqual({
      order_no: '訂單編號',
      customer_email: '電郵',
      amount: '訂單總金額\n(含運費)',
      payment_method: '付款方式'
    })
  })
})

describe('placeholders', () => {
  it('"-", "—", "－", "N/A", "無", "(空白)", "--" are empty; real values are not', () => {
    for (const p of ['-', '—', '－', 'N/A', 'n/a', '無', '(空白)', '（空白）', '--'])
      expect(isPlaceholder(p), p).toBe(true)
    for (const v of ['0', '-5', '無糖綠茶', 'NA123', 'A-1', 'Na']) expect(isPlaceholder(v), v).toBe(false)
    expect(cleanText(' － ')).toBe('')
  })

  it('the fast paths (plain ASCII, remembered answers) give the same answers as normalizing every time', () => {
    // asked twice: the second answer comes from the memo
    for (let round = 0; round < 2; round++) {
      for (const p of [' N/A ', '\tnull\n', 'Ｎ／Ａ', '（ＮＯＮＥ）', '\u3000無\u3000', '―'.replace('―', '—')])
        expect(isPlaceholder(p), JSON.stringify(p)).toBe(true)
      for (const v of ['n/a please', '-1', '無印良品', '（空白欄）', 'NULL1', ''])
        expect(isPlaceholder(v), JSON.stringify(v)).toBe(false)
    }
    expect(cleanText('  ORD-001  ')).toBe('ORD-001')
    expect(cleanText('ＯＲＤ－００１')).toBe('ORD-001')
    expect(cleanText('a\u200Bb')).toBe('ab')
    expect(cleanText(' (blank) ')).toBe('')
  })

  it('count as empty, not as a bad amount or date', () => {
    expect(parseMoney('-')).toMatchObject({ ok: false, code: 'empty' })
    expect(parseDateTime('N/A', { timezone: 'Asia/Taipei' })).toMatchObject({ ok: false, code: 'empty' })
    const t = tableOf(
      ['訂單編號', '金額', 'Email', '付款時間', '姓名'],
      [
        ['A1', '100', 'a@x.com', '-', '無'],
        ['A2', '—', 'b@x.com', '(空白)', 'Bo']
      ]
    )
    const mapping = {
      order_no: { column: '訂單編號' },
      amount: { column: '金額' },
      customer_email: { column: 'Email' },
      paid_at: { column: '付款時間' },
      customer_name: { column: '姓名' }
    }
    const prep = createPreparation(t, { target: 'zangsho.orders', mapping, valueMatches: {}, timezone: 'Asia/Taipei' })
    expect(prep.records[0]).toMatchObject({
      valid: true,
      payload: { order_no: 'A1', amount: '100.00', customer_email: 'a@x.com' }
    })
    expect(prep.records[0].payload).not.toHaveProperty('paid_at')
    expect(prep.records[0].payload).not.toHaveProperty('customer_name')
    // a required amount written as "—" is missing, not "not an amount"
    expect(prep.issues.filter((i) => i.row === 3).map((i) => i.code)).toEqual(['required_missing'])
  })
})

describe('buyer-side, order-level columns win', () => {
  it('buyer phone over recipient phone, with a reason the screen can show', () => {
    const r = autoMap(TARGETS['zangsho.customers'], ['收件人電話', '電郵', '手機號碼', '姓名'])
    expect(columns(r).phone).toBe('手機號碼')
    const phone = r.matches.find((m) => m.field === 'phone')!
    expect(phone.note?.['zh-TW']).toContain('收件人電話')
    expect(phone.note?.en).toContain('the buyer')
  })

  it('the recipient column is still used when it is the only one', () => {
    const r = autoMap(TARGETS['zangsho.customers'], ['收件人電話', '電郵'])
    expect(columns(r).phone).toBe('收件人電話')
    expect(r.matches.find((m) => m.field === 'phone')!.note).toBeUndefined()
  })

  it('order total over line total for the order amount; the line total still feeds the line field', () => {
    const r = autoMap(TARGETS['shopline.orders'], ['訂單編號', '商品名稱', '單價', '商品小計', '訂單總金額', 'Email'])
    expect(columns(r)).toMatchObject({ order_total: '訂單總金額', 'items.total': '商品小計' })
    const zr = autoMap(TARGETS['zangsho.orders'], ['訂單編號', 'Email', '小計', '訂單總金額'])
    expect(columns(zr).amount).toBe('訂單總金額')
    const amount = zr.matches.find((m) => m.field === 'amount')!
    expect(amount.note?.['zh-TW']).toContain('「小計」')
    expect(amount.note?.en).toContain('one line item')
    // with no order-level column, the line total is still offered (lower confidence) rather than nothing
    const only = autoMap(TARGETS['zangsho.orders'], ['訂單編號', 'Email', '小計'])
    expect(columns(only).amount).toBe('小計')
    expect(only.matches.find((m) => m.field === 'amount')!.confidence).toBeLessThan(0.9)
  })

  it('buyer name over recipient name when both would name the field (SHOPLINE customer_name)', () => {
    const r = autoMap(TARGETS['shopline.orders'], [
      '訂單編號',
      '訂購人姓名',
      'Shipping Name',
      '商品名稱',
      '單價',
      'Email'
    ])
    expect(columns(r)).toMatchObject({
      customer_name: '訂購人姓名',
      'delivery_address.recipient_name': 'Shipping Name'
    })
  })
})
