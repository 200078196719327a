import { describe, expect, it } from 'vitest'
import { createPreparation } from '../validation/prepare'
import type { SheetTable } from '../workbook/types'
import { duplicatesAfterFirst, groupRows, issueGroups, replaceInColumn } from './issue-groups'

const cell = (w: string) => ({ v: w, w })
function table(rows: string[][]): SheetTable {
  const [headers, ...data] = rows
  return { headers, rows: data.map((r, i) => ({ rowNumber: i + 2, cells: r.map(cell) })) } as unknown as SheetTable
}

const SHEET = table([
  ['訂單編號', 'Email', '金額', '狀態'],
  ['R-1', 'a@x.com', '100', 'paid'],
  ['R-2', 'c@x.com', 'abc', 'pending'],
  ['R-3', 'd@x.com', 'xyz', 'pending'],
  ['R-4', 'not-mail', '5', 'pending']
])
const CUSTOMERS = table([
  ['Email', '姓名'],
  ['a@x.com', 'A'],
  ['A@X.com', 'B'],
  ['c@x.com', 'C'],
  ['d@x.com', 'D'],
  ['c@x.com', 'E']
])
const MAPPING = {
  order_no: { column: '訂單編號' },
  customer_email: { column: 'Email' },
  amount: { column: '金額' },
  status: { column: '狀態' }
}

describe('issue groups', () => {
  const prep = createPreparation(SHEET, { target: 'zangsho.orders', mapping: MAPPING, timezone: 'Asia/Taipei' })

  it('groups errors by rule and column with row counts, largest first', () => {
    const { groups, truncated } = issueGroups(prep.issues)
    const errors = groups.filter((g) => g.severity === 'error').map((g) => [g.code, g.column, g.rows])
    expect(errors).toEqual([
      ['money_invalid', '金額', 2],
      ['email_invalid', 'Email', 1]
    ])
    expect(truncated).toBe(false)
    expect(groups[0].values).toEqual(['abc', 'xyz'])
  })

  it('lists a group rows and the duplicates after the first of each value', () => {
    // subscriptions: one per customer (customers merge rows of one e-mail instead)
    const customers = createPreparation(CUSTOMERS, {
      target: 'zangsho.subscriptions',
      mapping: { customer_email: { column: 'Email' }, plan_name: { column: '姓名' } },
      timezone: 'Asia/Taipei'
    })
    const dup = issueGroups(customers.issues).groups.find((g) => g.code === 'duplicate_subscription_customer')!
    expect([dup.code, dup.rows]).toEqual(['duplicate_subscription_customer', 4])
    expect(groupRows(customers.issues, dup.key)).toEqual([2, 3, 4, 6])
    // e-mails compare without case: a@x.com (row 2) and A@X.com (row 3) are one customer
    expect(duplicatesAfterFirst(customers.issues, dup.key, true)).toEqual([3, 6])
  })

  it('find & replace: substring or whole cell, only cells that change', () => {
    const texts = [
      { row: 2, text: 'NT$100' },
      { row: 3, text: '100' },
      { row: 4, text: 'NT$' }
    ]
    expect(replaceInColumn(texts, 'NT$', '', 'substring')).toEqual([
      { row: 2, next: '100' },
      { row: 4, next: '' }
    ])
    expect(replaceInColumn(texts, 'NT$', 'x', 'whole')).toEqual([{ row: 4, next: 'x' }])
    expect(replaceInColumn(texts, '', 'x', 'substring')).toEqual([])
  })
})
