import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { tableOf } from './test-table'

describe('formula-looking text', () => {
  it('warns on text fields starting with = + - @ tab or CR, in both languages, and still sends the row', () => {
    const rows = [
      ['=HYPERLINK("http://x","y")', '100', 'a@example.com', '王'],
      ['B-2', '100', 'b@example.com', '+886'],
      ['B-3', '100', 'c@example.com', '@home'],
      ['B-4', '100', 'd@example.com', '\tTab'],
      ['B-5', '-100', 'e@example.com', '-'],
      ['B-6', '100', 'f@example.com', 'Plain']
    ]
    const p = createPreparation(tableOf(['訂單編號', '金額', 'Email', '姓名'], rows), {
      target: 'zangsho.orders',
      timezone: 'Asia/Taipei',
      mapping: {
        order_no: { column: '訂單編號' },
        amount: { column: '金額' },
        customer_email: { column: 'Email' },
        customer_name: { column: '姓名' }
      }
    })
    const warned = p.issues.filter((i) => i.code === 'formula_like').map((i) => [i.row, i.column])
    expect(warned).toEqual([
      [2, '訂單編號'],
      [3, '姓名'],
      [4, '姓名'],
      [5, '姓名'],
      [6, '姓名']
    ])
    const first = p.issues.find((i) => i.code === 'formula_like')!
    expect(first.severity).toBe('warning')
    expect(first.messageZh).toContain('看起來像試算表公式')
    expect(first.message).toContain('starts with =')
    // money is not text: "-100" is a (bad) amount, never a formula warning
    expect(p.issues.some((i) => i.code === 'formula_like' && i.column === '金額')).toBe(false)
  })
})
