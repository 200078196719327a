import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { readFileSync } from 'node:fs'
import { readWorkbookBytes } from './read'
import type { SheetTable } from './types'
import { PUBLIC_SAMPLES_DIR, hasPublicSamples } from '../../../test/public-samples'

function table(name: string, bytes: Uint8Array, opts = {}): SheetTable {
  const r = readWorkbookBytes(name, bytes, opts)
  if (!r.ok) throw new Error(r.error.message)
  return r.table
}
const texts = (t: SheetTable) => t.rows.map((r) => r.cells.map((c) => c.w))

const ZH = '訂單編號,客戶姓名,金額,電話\r\nA001,王小明,"NT$1,990",0912345678\r\nA002,陳美麗,990,0223456789\r\n'

describe('CSV encodings', () => {
  it('reads Big5 (CP950) when the bytes are not valid UTF-8', () => {
    const t = table('訂單.csv', iconv.encode(ZH, 'cp950'))
    expect(t.encoding).toBe('big5')
    expect(t.headers).toEqual(['訂單編號', '客戶姓名', '金額', '電話'])
    expect(texts(t)[0]).toEqual(['A001', '王小明', 'NT$1,990', '0912345678'])
  })

  it('honours UTF-8, UTF-16LE and UTF-16BE byte order marks', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH, 'utf8')])
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, 'utf16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ZH, 'utf16be')])
    for (const [bytes, enc] of [
      [utf8, 'utf-8'],
      [le, 'utf-16le'],
      [be, 'utf-16be']
    ] as const) {
      const t = table('x.csv', bytes)
      expect(t.encoding).toBe(enc)
      expect(t.headers[0]).toBe('訂單編號') // no BOM glued to the first header
      expect(texts(t)[1]).toEqual(['A002', '陳美麗', '990', '0223456789'])
    }
  })

  it('reads plain UTF-8 strictly and lets the user force another encoding', () => {
    expect(table('x.csv', Buffer.from(ZH)).encoding).toBe('utf-8')
    const sjis = iconv.encode('品名,価格\nりんご,120\n', 'shiftjis')
    expect(table('x.csv', sjis, { encoding: 'shift_jis' }).rows[0].cells[0].w).toBe('りんご')
    const latin = iconv.encode('Name,City\nJosé,Zürich\n', 'win1252')
    expect(table('x.csv', latin, { encoding: 'windows-1252' }).rows[0].cells.map((c) => c.w)).toEqual([
      'José',
      'Zürich'
    ])
    const forcedBig5 = table('x.csv', iconv.encode(ZH, 'cp950'), { encoding: 'Big5' })
    expect(forcedBig5.rows[0].cells[1].w).toBe('王小明')
  })

  it('rejects an unknown encoding label as data', () => {
    const r = readWorkbookBytes('x.csv', Buffer.from(ZH), { encoding: 'klingon' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('bad_encoding')
      expect(r.error.message).toContain('klingon')
    }
  })
})

describe('CSV structure', () => {
  it('detects semicolon and tab delimiters, ignoring delimiters inside quotes', () => {
    const semi = table('x.csv', Buffer.from('Order No.;Amount;Note\nA1;"1,5";"a;b"\nA2;3;c\n'))
    expect(semi.delimiter).toBe(';')
    expect(texts(semi)).toEqual([
      ['A1', '1,5', 'a;b'],
      ['A2', '3', 'c']
    ])
    const tab = table('x.csv', Buffer.from('a\tb\tc\n1\t2\t3\n'))
    expect(tab.delimiter).toBe('\t')
    expect(table('x.tsv', Buffer.from('a,x\tb\n1,2\t3\n')).headers).toEqual(['a,x', 'b'])
  })

  it('keeps every cell as text, leading zeros included', () => {
    const t = table('x.csv', Buffer.from('phone,zip,amount\n0912345678,00123,1e3\n'))
    for (const cell of t.rows[0].cells) expect(cell.t).toBe('s')
    expect(t.rows[0].cells.map((c) => c.v)).toEqual(['0912345678', '00123', '1e3'])
  })

  it('numbers rows by the line a record starts on, across quoted newlines', () => {
    const t = table('x.csv', Buffer.from('id,note\n1,"line one\nline two"\n2,plain\n\n3,"a ""quoted"" word"\n'))
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4, 5, 6])
    expect(t.rows[0].cells[1].v).toBe('line one\nline two')
    expect(t.rows[1].cells[0].v).toBe('2')
    expect(t.rows[2].cells.every((c) => c.t === 'z')).toBe(true) // blank line kept inside, numbering stays true
    expect(t.rows[3].cells[1].v).toBe('a "quoted" word')
  })

  it('finds the header below title lines and counts lines from the top', () => {
    const t = table(
      'x.csv',
      Buffer.from(
        '訂單匯出報表\n匯出時間: 2026-01-09 08:00\n\n訂單編號,金額,付款狀態\nA1,100,已付款\nA2,200,待付款\n\n\n'
      )
    )
    expect(t.headerRow).toBe(4)
    expect(t.headers).toEqual(['訂單編號', '金額', '付款狀態'])
    expect(t.rows.map((r) => r.rowNumber)).toEqual([5, 6]) // trailing blank lines dropped
  })

  it.skipIf(!hasPublicSamples)('reads the WooCommerce sample with multi-line quoted fields in place', () => {
    const path = `${PUBLIC_SAMPLES_DIR}/woocommerce-orders-export-webtoffee-sample.csv`
    const t = table(path, readFileSync(path))
    expect(t.headers[0]).toBe('order_id')
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4, 6])
    expect(t.rows[0].cells[t.headers.indexOf('shipping_items')].v).toBe('item:Items|value:Formal shoe X 1\n')
  })

  it.skipIf(!hasPublicSamples)('reads the Shopify sample in place: 79 columns, 40 data rows, header row 1', () => {
    const path = `${PUBLIC_SAMPLES_DIR}/shopify-orders-export.csv`
    const t = table(path, readFileSync(path))
    expect(t.headerRow).toBe(1)
    expect(t.headers).toHaveLength(79)
    expect(t.rows).toHaveLength(40)
    expect(t.headers.slice(0, 3)).toEqual(['Name', 'Email', 'Financial Status'])
    expect(t.rows[0]).toMatchObject({ rowNumber: 2 })
    expect(t.rows[0].cells[0].v).toBe('#1001')
  })

  it('previews only the first rows but reports the size', () => {
    const lines = ['id,v', ...Array.from({ length: 500 }, (_, i) => `${i},x`)].join('\n')
    const t = table('x.csv', Buffer.from(lines), { maxRows: 10 })
    expect(t.rows).toHaveLength(10)
    expect(t.truncated).toBe(true)
    expect(t.totalRows).toBeGreaterThanOrEqual(500)
    const full = table('x.csv', Buffer.from(lines))
    expect(full.rows).toHaveLength(500)
    expect(full.truncated).toBe(false)
  })
})
