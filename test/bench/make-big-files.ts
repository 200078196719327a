// Big benchmark files (1,000,000 rows × 12 columns), written as a stream and cached under .bench/ (slow to make once).
import { createDeflateRaw } from 'node:zlib'
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { zipBytes } from '../../src-main/core/workbook/test-zip'
import { ORDER_COLUMNS } from './make-orders-xlsx'
import { writeFileSync } from 'node:fs'

const PRODUCTS = ['經典咖啡豆 1kg', '手沖濾杯組', '月訂閱咖啡包', '年度會員', '保溫杯 500ml', '精選禮盒']
const NAMES = ['王小明', '陳美麗', '林志豪', '張雅婷', '李建宏', '黃怡君']

function row(i: number): string[] {
  const paid = i % 5 !== 0
  return [
    `ODK-${String(i + 1).padStart(7, '0')}`,
    `customer${i % 5000}@example.com`,
    NAMES[i % NAMES.length],
    String([299, 490, 990, 1290][i % 4]),
    'TWD',
    paid ? '已付款' : '待付款',
    ['信用卡', 'ATM', '超商代碼'][i % 3],
    paid ? String(46023 + (i % 365) + (i % 1440) / 1440) : '',
    i % 4 === 0 ? '年繳' : '月繳',
    `09${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`,
    PRODUCTS[i % PRODUCTS.length],
    i % 10 === 0 ? `備註 ${i}` : ''
  ]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const col = (c: number) => String.fromCharCode(65 + c)

async function deflateText(parts: () => Iterable<string>): Promise<{ deflated: Buffer; size: number }> {
  const z = createDeflateRaw({ level: 6 })
  const out: Buffer[] = []
  z.on('data', (b: Buffer) => out.push(b))
  let size = 0
  let batch: string[] = []
  for (const p of parts()) {
    batch.push(p)
    if (batch.length >= 2000) {
      const buf = Buffer.from(batch.join(''), 'utf8')
      size += buf.length
      if (!z.write(buf)) await once(z, 'drain')
      batch = []
    }
  }
  const last = Buffer.from(batch.join(''), 'utf8')
  size += last.length
  z.end(last)
  await once(z, 'end')
  return { deflated: Buffer.concat(out), size }
}

/** 1M-row order export as .xlsx (inline strings, a date format on 付款時間), cached. */
export async function bigXlsx(dir: string, rows: number): Promise<string> {
  const path = join(dir, `orders-${rows}.xlsx`)
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const sheet = await deflateText(function* () {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:L${rows + 1}"/><sheetData>`
    yield `<row r="1">${ORDER_COLUMNS.map((h, c) => `<c r="${col(c)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`
    for (let i = 0; i < rows; i++) {
      const r = i + 2
      const cells = row(i)
        .map((v, c) => {
          if (v === '') return ''
          if (c === 7) return `<c r="H${r}" s="1"><v>${v}</v></c>`
          if (c === 3) return `<c r="D${r}"><v>${v}</v></c>`
          return `<c r="${col(c)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`
        })
        .join('')
      yield `<row r="${r}">${cells}</row>`
    }
    yield '</sheetData></worksheet>'
  })
  const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`
  const bytes = zipBytes([
    { name: '[Content_Types].xml', data: CT },
    { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')) },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="訂單" sheetId="1" r:id="rId1"/></sheets></workbook>`
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml') + rel('rId2', 'styles', 'styles.xml'))
    },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`
    },
    { name: 'xl/worksheets/sheet1.xml', deflated: sheet.deflated, trueSize: sheet.size }
  ])
  writeFileSync(`${path}.tmp`, bytes)
  renameSync(`${path}.tmp`, path)
  return path
}

export async function bigCsv(dir: string, rows: number): Promise<string> {
  const path = join(dir, `orders-${rows}.csv`)
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const out = createWriteStream(`${path}.tmp`)
  out.write(`${ORDER_COLUMNS.join(',')}\n`)
  for (let i = 0; i < rows; i++) {
    const r = row(i)
    r[7] = r[7] ? `2026/${1 + (i % 12)}/${1 + (i % 28)} 12:${String(i % 60).padStart(2, '0')}` : ''
    if (!out.write(`${r.join(',')}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  renameSync(`${path}.tmp`, path)
  return path
}
