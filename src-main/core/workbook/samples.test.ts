import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { readWorkbookBytes } from './read'

function read(file: string) {
  const path = `resources/samples/${file}`
  const r = readWorkbookBytes(path, readFileSync(path))
  if (!r.ok) throw new Error(r.error.message)
  return r.table
}

describe('the bundled samples read as the UI and e2e tests expect', () => {
  it('訂單匯出-範例.xlsx: the 訂單 sheet, header in row 3, 30 orders, Excel dates, one bad email in row 20', () => {
    const t = read('訂單匯出-範例.xlsx')
    expect(t.sheets.map((s) => s.name)).toEqual(['說明', '訂單'])
    expect(t.sheet).toBe('訂單')
    expect(t.headerRow).toBe(3)
    expect(t.headers.slice(0, 6)).toEqual(['訂單編號', '訂單日期', '客戶姓名', '客戶Email', '聯絡電話', '金額'])
    expect(t.rows).toHaveLength(30)
    const paidAt = t.headers.indexOf('付款時間')
    expect(t.rows.some((r) => r.cells[paidAt].t === 'd')).toBe(true)
    const row20 = t.rows.find((r) => r.rowNumber === 20)!
    expect(row20.cells[3].v).not.toContain('@')
    expect(t.rows[0].cells[4].v).toBe('0912345678')
  })

  it('訂單-big5.csv decodes as Big5 with Chinese names', () => {
    const t = read('訂單-big5.csv')
    expect(t.encoding).toBe('big5')
    expect(t.headers).toContain('訂單編號')
    expect(t.rows[0].cells[1].v).toBe('王小明')
  })

  it('orders-en.csv and customers.xlsx', () => {
    expect(read('orders-en.csv').headers.slice(0, 4)).toEqual([
      'Order No.',
      'Customer Email',
      'Customer Name',
      'Amount'
    ])
    const c = read('customers.xlsx')
    expect(c.headers).toEqual(['姓名', 'Email', '電話', '備註'])
    expect(c.rows[0].cells[2]).toEqual({ t: 's', v: '0912345678', w: '0912345678' })
  })
})
