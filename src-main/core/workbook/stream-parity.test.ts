import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import * as XLSX from 'xlsx'
import { readWorkbook } from './read-stream'
import { readWorkbookBytes } from './read'
import { sheet, workbookBytes } from './test-helpers'
import { handXlsx } from './test-zip'
import type { ReadOptions } from './types'
import type { OpenResult } from './open-result'

const ORDERS = [
  ['訂單匯出報表'],
  ['匯出時間: 2026-01-09 08:00'],
  ['訂單編號', '客戶姓名', '金額', '電話', '已付款'],
  ['A001', '王小明', 1990, '0912345678', true],
  ['A002', '陳美麗', 990.5, '0223456789', false],
  [],
  ['A003', '  ', -12.25, '00123', true]
]

function formatted(): XLSX.WorkSheet {
  const ws = sheet([
    ['付款時間', '日期', '金額', '比例', '小計', '文字', '錯誤'],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0]
  ])
  for (const r of [2, 3]) {
    ws[`A${r}`] = { t: 'n', v: 46031.5 + r, z: 'yyyy/m/d h:mm' }
    ws[`B${r}`] = { t: 'n', v: 46031 + r, z: 'm/d/yy' }
    ws[`C${r}`] = { t: 'n', v: 1234.5 * r, z: '#,##0.00' }
    ws[`D${r}`] = { t: 'n', v: 0.125 * r, z: '0.0%' }
    ws[`E${r}`] = { t: 'n', v: 999, f: `C${r}*2` } // stale cached value: never evaluated
    ws[`F${r}`] = { t: 's', v: r === 2 ? 'A&B <x> "q"' : '', f: 'T("x")' }
    ws[`G${r}`] = { t: 'e', v: 0x07, w: '#DIV/0!' }
  }
  return ws
}

function merged(): XLSX.WorkSheet {
  const ws = sheet([
    ['訂單編號', '金額', '', '品名'],
    ['A1', 100, 5, '杯子'],
    ['', 200, 6, '盤子'],
    ['A2', 300, 7, '碗']
  ])
  ws['!merges'] = [
    { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
    { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }
  ]
  return ws
}

function trailing(): XLSX.WorkSheet {
  const ws = sheet([
    ['a', 'b', ''],
    ['1', '2', ''],
    ['', '', ''],
    ['3', '4', '']
  ])
  ws['!ref'] = 'A1:F12'
  return ws
}

const big = [['id', 'v', 'when']] as unknown[][]
for (let i = 0; i < 600; i++) big.push([i, `x${i % 7}`, i % 3 ? `note ${i}` : ''])

const FIXTURES: [string, Buffer][] = []
for (const sst of [false, true]) {
  const tag = sst ? 'sst' : 'inline'
  FIXTURES.push([`orders-${tag}.xlsx`, workbookBytes({ 訂單: ORDERS }, 'xlsx', false, sst)])
  FIXTURES.push([
    `sheets-${tag}.xlsx`,
    workbookBytes(
      { 說明: [['請勿修改欄位名稱'], ['金額請填數字'], ['謝謝']], 訂單: ORDERS, 空白: [] },
      'xlsx',
      false,
      sst
    )
  ])
  FIXTURES.push([`formats-${tag}.xlsx`, workbookBytes({ S: formatted() }, 'xlsx', false, sst)])
  FIXTURES.push([`formats1904-${tag}.xlsm`, workbookBytes({ S: formatted() }, 'xlsx', true, sst)])
  FIXTURES.push([`merged-${tag}.xlsx`, workbookBytes({ S: merged() }, 'xlsx', false, sst)])
  FIXTURES.push([`trailing-${tag}.xlsx`, workbookBytes({ S: trailing() }, 'xlsx', false, sst)])
  FIXTURES.push([`big-${tag}.xlsx`, workbookBytes({ S: big }, 'xlsx', false, sst)])
}
// what Excel itself writes and SheetJS does not: rich text with phonetic runs, _xHHHH_ escapes, inline strings, prefixes
FIXTURES.push([
  'hand.xlsx',
  handXlsx({
    sstXml: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>訂單編號</t></si><si><r><rPr><b/></rPr><t>客戶</t></r><r><t xml:space="preserve"> 姓名</t></r><rPh sb="0" eb="2"><t>きゃく</t></rPh></si><si><t>行1_x000D_
行2</t></si><si><t>付款時間</t></si><si><t>金額</t></si><si><t>A&amp;B</t></si></sst>`,
    sheet: `<dimension ref="A1:E4"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="inlineStr"><is><t>備註</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>0012</t></is></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>46031.75</v></c><c r="D2" s="3"><v>1990</v></c><c r="E2" t="s"><v>5</v></c></row>
<row r="3"><c r="A3" t="str"><f>"x"</f><v>A&amp;amp;B</v></c><c r="C3" s="2"><v>46032</v></c><c r="D3"><v>0.1</v></c><c r="E3" t="b"><v>1</v></c></row>
<row r="4"><c r="A4"><v>7</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" s="1"/></row></sheetData>`
  })
])
FIXTURES.push(['resources-orders.xlsx', readFileSync('resources/samples/訂單匯出-範例.xlsx')])
FIXTURES.push(['resources-customers.xlsx', readFileSync('resources/samples/customers.xlsx')])

async function both(
  name: string,
  bytes: Buffer,
  options: ReadOptions = {}
): Promise<[OpenResult, OpenResult, OpenResult]> {
  const sheetjs = readWorkbookBytes(name, bytes, options)
  const saxes = await readWorkbook(name, bytes, options, {}, { engine: 'saxes' })
  const htmlparser2 = await readWorkbook(name, bytes, options, {}, { engine: 'htmlparser2' })
  return [sheetjs, saxes, htmlparser2]
}

describe('the streaming .xlsx path reads exactly what SheetJS reads', () => {
  it.each(FIXTURES)(
    '%s: identical tables (cells, text, types, header row, sheet choice), full read and preview',
    async (name, bytes) => {
      for (const options of [{}, { maxRows: 2 }, { maxRows: 100 }] as ReadOptions[]) {
        const [sheetjs, saxes, htmlparser2] = await both(name, bytes, options)
        expect(sheetjs.ok ? 'ok' : sheetjs.error.message).toBe('ok')
        expect(saxes).toEqual(sheetjs)
        expect(htmlparser2).toEqual(sheetjs)
      }
    }
  )

  it('pinned sheet and header row, and the errors for a wrong one, match', async () => {
    const bytes = FIXTURES.find(([n]) => n === 'sheets-sst.xlsx')![1]
    for (const options of [
      { sheet: '說明' },
      { headerRow: 2 },
      { sheet: 'Nope' },
      { headerRow: 40 },
      { sheet: '空白' }
    ] as ReadOptions[]) {
      const [sheetjs, saxes] = await both('sheets.xlsx', bytes, options)
      expect(saxes).toEqual(sheetjs)
    }
  })

  it('the hand-written sheet reads as Excel shows it', async () => {
    const r = await readWorkbook('hand.xlsx', FIXTURES.find(([n]) => n === 'hand.xlsx')![1])
    if (!r.ok) throw new Error(r.error.message)
    const t = r.table
    expect(t.headers).toEqual(['訂單編號', '客戶 姓名', '付款時間', '金額', '備註'])
    expect(t.rows[0].cells.map((c) => c.w)).toEqual([
      '0012',
      '行1\r\n行2'.replace('\r\n', '\n'),
      '2026/01/09 18:00',
      '1,990.00',
      'A&B'
    ])
    expect(t.rows[0].cells[2]).toEqual({ t: 'd', v: '2026-01-09T18:00:00', w: '2026/01/09 18:00' })
    expect(t.rows[1].cells[0]).toEqual({ t: 's', v: 'A&B', w: 'A&B' })
    expect(t.rows[1].cells[4]).toEqual({ t: 'b', v: true, w: 'TRUE' })
    expect(t.rows[2].cells[3]).toEqual({ t: 'e', v: '#N/A', w: '#N/A' })
  })

  it('falls back to SheetJS for what it does not stream (.xls, .ods, encrypted) with the same results', async () => {
    for (const type of ['xls', 'ods'] as const) {
      const bytes = workbookBytes({ 訂單: ORDERS }, type)
      expect(await readWorkbook(`o.${type}`, bytes)).toEqual(readWorkbookBytes(`o.${type}`, bytes))
    }
  })

  it('reports progress as rows are read', async () => {
    const seen: number[] = []
    const r = await readWorkbook(
      'big.xlsx',
      FIXTURES.find(([n]) => n === 'big-sst.xlsx')![1],
      {},
      {},
      { onProgress: (p) => seen.push(p.rowsRead) }
    )
    expect(r.ok).toBe(true)
    expect(seen.at(-1)).toBe(601)
  })
})
