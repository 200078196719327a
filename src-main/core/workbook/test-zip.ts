// Test-only: hand-built zip packages (hand-written sheet XML, declared sizes that lie, zip bombs), no fixture files.
import { constants, deflateRawSync } from 'node:zlib'

export interface ZipFile {
  name: string
  /** Uncompressed content (deflated here), or raw deflate data with its true size. */
  data?: string | Buffer
  deflated?: Buffer
  /** Uncompressed size written into the headers (default: the true size). */
  declaredSize?: number
  trueSize?: number
}

export function zipBytes(files: ZipFile[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8')
    const raw = f.data === undefined ? undefined : Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data, 'utf8')
    const body = f.deflated ?? deflateRawSync(raw ?? Buffer.alloc(0))
    const size = f.declaredSize ?? f.trueSize ?? raw?.length ?? 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WB = (pr: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pr}<sheets><sheet name="工作表1" sheetId="1" r:id="rId1"/></sheets></workbook>`
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd hh:mm"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`

/** A one-sheet .xlsx around hand-written sheetData XML (styles: s=1 custom date-time, s=2 built-in date, s=3 #,##0.00). */
export function handXlsx(opts: {
  sheet: string
  strings?: string[]
  sstXml?: string
  date1904?: boolean
  sheetFile?: Partial<ZipFile>
}): Buffer {
  const sst =
    opts.sstXml ??
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${(opts.strings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`
  const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.sheet}</worksheet>`
  return zipBytes([
    { name: '[Content_Types].xml', data: CT },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WB(opts.date1904 ? '<workbookPr date1904="1"/>' : '') },
    { name: 'xl/_rels/workbook.xml.rels', data: WB_RELS },
    { name: 'xl/styles.xml', data: DEFAULT_STYLES },
    { name: 'xl/sharedStrings.xml', data: sst },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...opts.sheetFile }
  ])
}

/** Raw deflate data that inflates to `total` bytes of spaces after `head`, built from one flushed block repeated (fast, tiny). */
export function bombDeflate(head: string, total: number): { deflated: Buffer; trueSize: number } {
  const blockSize = 16 * 1024 * 1024
  const first = deflateRawSync(Buffer.from(head, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH })
  const block = deflateRawSync(Buffer.alloc(blockSize, 0x20), { finishFlush: constants.Z_FULL_FLUSH, level: 9 })
  const count = Math.max(1, Math.floor((total - head.length) / blockSize))
  const final = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])
  return {
    deflated: Buffer.concat([first, ...Array.from({ length: count }, () => block), final]),
    trueSize: Buffer.byteLength(head) + count * blockSize
  }
}
