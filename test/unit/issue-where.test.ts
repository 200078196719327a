// The issues panel names where a group is: its column, else the field's label, else the connection (never a raw key).
import { describe, expect, it } from 'vitest'
import type { FieldView, IssueGroup } from '../../src-main/ipc/contract'
import { issueWhere } from '../../src-renderer/src/components/review/issue-where'

const field = (key: string, zh: string, en: string): FieldView =>
  ({
    key,
    label: { 'zh-TW': zh, en },
    help: { 'zh-TW': '', en: '' },
    required: false,
    type: 'string',
    enumValues: [],
    perLine: false
  }) as FieldView
const group = (field: string, column: string | null): IssueGroup => ({
  key: `error|x|${field}|${column ?? ''}`,
  severity: 'error',
  code: 'x',
  field,
  column,
  rows: 1,
  message: { 'zh-TW': '', en: '' },
  values: []
})
const FIELDS = [field('order_date', '訂單日期', 'Order date'), field('customer_email', '顧客 Email', 'Customer e-mail')]

describe('issueWhere', () => {
  it('prefers the column the issue is in', () => {
    expect(issueWhere(group('customer_email', '電子郵件'), FIELDS, false, 'SHOPLINE 連線')).toBe('電子郵件')
  })
  it('names an unmapped field by its label, in the UI language', () => {
    expect(issueWhere(group('order_date', null), FIELDS, false, 'x')).toBe('訂單日期')
    expect(issueWhere(group('order_date,customer_email', null), FIELDS, true, 'x')).toBe('Order date, Customer e-mail')
  })
  it('a connection setting (no field) reads as the fallback, never its raw keys', () => {
    expect(issueWhere(group('delivery_option_id,payment_method_id', null), FIELDS, false, 'SHOPLINE 連線')).toBe(
      'SHOPLINE 連線'
    )
  })
})
