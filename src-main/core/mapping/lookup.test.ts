// Key normalization and the lookup join: found values, unmatched and ambiguous keys, missing columns.
import { describe, expect, it } from 'vitest'
import {
  applyLookups,
  buildLookupIndex,
  checkMainKeyColumn,
  describeLookup,
  lookupColumnName,
  normalizeLookupKey,
  type LookupSpec
} from './lookup'
import { tableOf } from '../validation/test-table'

describe('normalizeLookupKey', () => {
  it('phone numbers: digits only, +886 / 886 / leading 0 are the same number, a number cell without its 0 too', () => {
    const same = [
      '0912-345-678',
      '+886 912 345 678',
      '886912345678',
      '(09) 1234 5678',
      '912345678',
      '０９１２３４５６７８',
      ' 0912345678 ',
      '+886-0912-345-678'
    ]
    const keys = same.map(normalizeLookupKey)
    expect(new Set(keys)).toEqual(new Set(['tel:0912345678']))
    expect(normalizeLookupKey('0922345678')).not.toBe(keys[0])
  })
  it('e-mails are case-insensitive; other keys are trimmed, NFKC and keep their case', () => {
    expect(normalizeLookupKey(' Ming@Example.COM ')).toBe('ming@example.com')
    expect(normalizeLookupKey('ＡＢＣ\u3000123')).toBe('ABC 123')
    expect(normalizeLookupKey('ming88')).toBe('ming88')
    expect(normalizeLookupKey('Ming88')).not.toBe(normalizeLookupKey('ming88'))
    expect(normalizeLookupKey('C-001')).toBe('C-001')
    expect(normalizeLookupKey('12345')).toBe('12345') // a short customer number is not a phone
    expect(normalizeLookupKey('   ')).toBe('')
  })
})

const SPEC: LookupSpec = {
  field: 'customer_email',
  fileName: 'customers.xlsx',
  keyColumn: '手機',
  valueColumn: 'Email',
  mainKeyColumn: '收件者電話'
}
const CUSTOMERS = tableOf(
  ['顧客', '手機', 'Email'],
  [
    ['王小明', '0912345678', 'ming@example.com'],
    ['王小明', '0912-345-678', 'MING@example.com'], // same person twice, same e-mail: not ambiguous
    ['陳大華', 912000111, 'hua@example.com'],
    ['林一', '0933000111', 'lin1@example.com'],
    ['林二', '+886 933 000 111', 'lin2@example.com'], // one phone, two e-mails: ambiguous
    ['沒信箱', '0944000111', '']
  ]
)

describe('buildLookupIndex / applyLookups', () => {
  const built = buildLookupIndex(CUSTOMERS, SPEC)
  if (!built.ok) throw new Error(built.error.en)
  const main = tableOf(
    ['訂單編號', '收件者電話'],
    [
      ['A1', '+886 912 345 678'],
      ['A2', '0912000111'],
      ['A3', '0933-000-111'],
      ['A4', '0999999999'],
      ['A5', ''],
      ['', ''],
      ['A7', '0944000111']
    ]
  )
  const { table, issues } = applyLookups(main, [built.index])

  it('adds one column named after the value column and file, holding the value found', () => {
    expect(table.headers).toEqual(['訂單編號', '收件者電話', lookupColumnName(SPEC)])
    expect(lookupColumnName(SPEC)).toBe('Email ← customers.xlsx')
    expect(table.rows.map((r) => r.cells[2].w)).toEqual(['ming@example.com', 'hua@example.com', '', '', '', '', ''])
    expect(main.headers).toHaveLength(2) // the input is not changed
  })

  it('unmatched, empty and ambiguous keys are per-row issues naming the file, the column and both values', () => {
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [4, 'lookup_ambiguous'],
      [5, 'lookup_unmatched'],
      [6, 'lookup_key_empty'],
      [8, 'lookup_value_empty']
    ])
    const amb = issues[0]
    expect(amb.en).toContain('"lin1@example.com" (row 5)')
    expect(amb.en).toContain('"lin2@example.com" (row 6)')
    expect(amb['zh-TW']).toContain('customers.xlsx 對應到兩個不同的 Email')
    expect(issues[1].en).toBe(
      'Row 5, column "收件者電話": "0999999999" is not in customers.xlsx (column "手機"), so it has no Email. Add it to customers.xlsx, correct the key, or exclude the row.'
    )
    expect(issues[1]['zh-TW']).toContain('在 customers.xlsx（「手機」欄）找不到')
  })

  it('a missing key or value column is an error naming the file and the column', () => {
    const r = buildLookupIndex(CUSTOMERS, { ...SPEC, valueColumn: '電子郵件' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.en).toContain('customers.xlsx has no column "電子郵件"')
      expect(r.error['zh-TW']).toContain('customers.xlsx 沒有「電子郵件」欄')
    }
    expect(checkMainKeyColumn(main, { ...SPEC, mainKeyColumn: '手機' })?.en).toContain('test.xlsx has no column "手機"')
    expect(checkMainKeyColumn(main, SPEC)).toBeNull()
  })

  it('is described in words', () => {
    expect(describeLookup(SPEC)['zh-TW']).toBe('從 customers.xlsx 以 收件者電話 = 手機 對應 Email')
    expect(describeLookup({ ...SPEC, mainKeyColumn: '手機' })['zh-TW']).toBe('從 customers.xlsx 以 手機 對應 Email')
    expect(describeLookup({ ...SPEC, mainKeyColumn: '手機' }).en).toBe('Email from customers.xlsx, matched by 手機')
  })
})
