// Whole-file facts said once (a required field with no column, with the recognized export's reason), and a lookup's
// per-row reasons instead of "the cell is empty"; counts stay those of the wrapped preparation.
import { describe, expect, it } from 'vitest'
import { buildLookupIndex, type LookupIndex, type LookupSpec } from '../mapping/lookup'
import { SHOPEE_ORDERS } from '../sources/layouts/shopee'
import { MOMO_ORDERS } from '../sources/layouts/marketplaces'
import { ERP_ORDERS } from '../sources/layouts/erp'
import { prepareWithLookups } from './prepare-with-lookups'
import { tableOf } from './test-table'
import type { Mapping } from '../mapping/types'

const HEADERS = ['訂單編號', '買家帳號', '買家總支付金額', '收件者電話']
const MAPPING: Mapping = { order_no: { column: '訂單編號' }, amount: { column: '買家總支付金額' } }
const main = tableOf(HEADERS, [
  ['S1', 'ming88', '560', '0912-345-678'],
  ['S2', 'hua_c', '360', '+886 922 111 222'],
  ['S3', 'nobody', '100', '0900000000'],
  ['S4', 'lin', '200', '0933000111']
])
const settings = { target: 'zangsho.orders' as const, mapping: MAPPING, timezone: 'Asia/Taipei' }

function index(spec: LookupSpec): LookupIndex {
  const r = buildLookupIndex(
    tableOf(
      ['手機', 'Email', '生日'],
      [
        ['0912345678', 'ming@example.com', ''],
        ['0922111222', 'hua@example.com', '1990-01-01'],
        ['0933000111', 'lin1@example.com', '1980-01-01'],
        ['0933000111', 'lin2@example.com', '1981-01-01']
      ]
    ),
    spec
  )
  if (!r.ok) throw new Error(r.error.en)
  return r.index
}
const EMAIL: LookupSpec = {
  field: 'customer_email',
  fileName: 'customers.xlsx',
  keyColumn: '手機',
  valueColumn: 'Email',
  mainKeyColumn: '收件者電話'
}

describe('a required field the file has no column for', () => {
  it("is one error for the whole file, with the recognized export's reason, in both languages; every row stays invalid", () => {
    const { preparation } = prepareWithLookups(main, settings, { lacks: SHOPEE_ORDERS.lacks })
    const lacking = preparation.issues.filter((i) => i.field === 'customer_email')
    expect(lacking).toHaveLength(1)
    expect(lacking[0]).toMatchObject({ code: 'file_lacks_field', severity: 'error', row: 2 })
    expect(lacking[0].message).toMatch(/^This file has no Customer email\. Shopee exports no buyer e-mail/)
    expect(lacking[0].message).toContain('look Customer email up in a second spreadsheet')
    expect(lacking[0].messageZh).toMatch(/^這個檔案沒有客戶 Email。蝦皮匯出檔沒有買家 Email/)
    expect(lacking[0].messageZh).toContain('從另一份試算表')
    expect(preparation.summary()).toMatchObject({ rows: 4, valid: 0, invalid: 4 })
    expect(preparation.issuesForRow(3)).toEqual([])
  })

  it('momo and ERP exports: their reason, then what the destination needs', () => {
    const { preparation } = prepareWithLookups(main, settings, { lacks: MOMO_ORDERS.lacks })
    const [issue] = preparation.issues.filter((i) => i.field === 'customer_email')
    expect(issue.messageZh).toMatch(/^這個檔案沒有客戶 Email。momo 匯出檔沒有訂購人 Email。帳獸 訂單需要它。可以：/)
    expect(issue.message).toMatch(
      /^This file has no Customer email\. momo exports no buyer e-mail\. It is required for Zangsho orders\. You can/
    )
    const erp = prepareWithLookups(main, settings, { lacks: ERP_ORDERS.lacks }).preparation.issues.find(
      (i) => i.field === 'customer_email'
    )
    expect(erp?.messageZh).toContain('ERP 報表通常沒有客戶 Email')
  })

  it('without a recognized export: a generic message naming the destination', () => {
    const { preparation } = prepareWithLookups(main, settings)
    const [issue] = preparation.issues.filter((i) => i.field === 'customer_email')
    expect(issue.message).toContain(
      'This file has no Customer email (no column of this file is mapped to it); it is required for Zangsho orders.'
    )
    expect(issue.messageZh).toContain('這個檔案沒有客戶 Email（這個檔案沒有對應到它的欄位），帳獸 訂單需要它。')
  })
})

describe('a lookup', () => {
  it('fills the field: matched rows become valid, unmatched and ambiguous rows say why', () => {
    const { preparation, mapping, table } = prepareWithLookups(main, settings, {
      lookups: [index(EMAIL)],
      lacks: SHOPEE_ORDERS.lacks
    })
    expect(mapping.customer_email).toEqual({ column: 'Email ← customers.xlsx' })
    expect(table.headers.at(-1)).toBe('Email ← customers.xlsx')
    expect(preparation.summary()).toEqual({ rows: 4, valid: 2, invalid: 2, warnings: 0 })
    expect(preparation.records.filter((r) => r.valid).map((r) => r.payload.customer_email)).toEqual([
      'ming@example.com',
      'hua@example.com'
    ])
    expect(preparation.issues.map((i) => [i.row, i.code])).toEqual([
      [4, 'lookup_unmatched'],
      [5, 'lookup_ambiguous']
    ])
    expect(preparation.issuesForRow(4)[0].message).toContain('"0900000000" is not in customers.xlsx')
    expect(preparation.issuesForRow(5)[0].messageZh).toContain('「lin1@example.com」')
  })

  it('an excluded row drops its lookup issue; and a row excluded later', () => {
    const { preparation } = prepareWithLookups(main, { ...settings, excludedRows: [4] }, { lookups: [index(EMAIL)] })
    expect(preparation.issues.map((i) => i.row)).toEqual([5])
    expect(preparation.summary()).toMatchObject({ rows: 3, valid: 2, invalid: 1 })
    preparation.setExcluded(5, true)
    expect(preparation.issues).toEqual([])
    expect(preparation.summary()).toMatchObject({ rows: 2, valid: 2, invalid: 0 })
  })

  it('an optional field: unmatched keys are warnings, counted once', () => {
    const birthday: LookupSpec = { ...EMAIL, field: 'customer_name', valueColumn: '生日' }
    const { preparation } = prepareWithLookups(
      main,
      { ...settings, mapping: { ...MAPPING, customer_email: { constant: 'x@example.com' } } },
      { lookups: [index(birthday)] }
    )
    const warnings = preparation.issues.filter((i) => i.severity === 'warning')
    expect(warnings.map((i) => [i.row, i.code])).toEqual([
      [2, 'lookup_value_empty'],
      [4, 'lookup_unmatched'],
      [5, 'lookup_ambiguous']
    ])
    expect(warnings[0].message).toBe(
      'Row 2, column "收件者電話": "0912-345-678" is in customers.xlsx (row 2) but its 生日 is empty. Fill it in there, or exclude the row.'
    )
    expect(preparation.summary()).toMatchObject({ valid: 4, invalid: 0, warnings: 3 })
  })
})
