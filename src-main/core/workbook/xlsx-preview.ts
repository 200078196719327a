// Fast preview of an .xlsx: cut each sheet's XML after its first rows (and the shared strings after the last one used)
// and hand SheetJS the small package, so a 100k-row file previews in a fraction of a full parse.
import * as XLSX from 'xlsx'
import { listZip, readZipEntry } from './zip'

const SHEET_PATH = /^xl\/worksheets\/[^/]+\.xml$/i
const SST_PATH = /^xl\/sharedstrings\.xml$/i
const SHARED_REF = /<c\b[^>]*?\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g

interface CutSheet {
  xml: string
  maxShared: number
}

/** Keeps the first `keepRows` <row> elements; the dimension is left as the file states it so the size stays known. */
function cutSheet(xml: string, keepRows: number): CutSheet | null {
  const open = xml.indexOf('<sheetData')
  if (open < 0) return null
  const close = xml.indexOf('</sheetData>', open)
  if (close < 0) return { xml, maxShared: maxSharedIndex(xml) }
  let pos = open
  let rows = 0
  let cut = -1
  while (rows < keepRows) {
    const start = xml.indexOf('<row', pos)
    if (start < 0 || start > close) break
    const tagEnd = xml.indexOf('>', start)
    if (tagEnd < 0) return null
    const end = xml[tagEnd - 1] === '/' ? tagEnd + 1 : xml.indexOf('</row>', tagEnd) + 6
    if (end < 6) return null
    rows++
    pos = end
    cut = end
  }
  if (cut < 0 || xml.indexOf('<row', pos) < 0 || xml.indexOf('<row', pos) > close) return { xml, maxShared: maxSharedIndex(xml) }
  const head = xml.slice(0, cut)
  return { xml: head + xml.slice(close), maxShared: maxSharedIndex(head) }
}

function maxSharedIndex(xml: string): number {
  let max = -1
  for (const m of xml.matchAll(SHARED_REF)) {
    const n = Number(m[1])
    if (n > max) max = n
  }
  return max
}

/** Shared strings up to index `max` (the ones the kept rows use). */
function cutSharedStrings(xml: string, max: number): string {
  let pos = 0
  for (let k = 0; k <= max + 1; k++) {
    let at = xml.indexOf('<si', pos)
    while (at >= 0 && !/[\s>/]/.test(xml[at + 3] ?? '')) at = xml.indexOf('<si', at + 3)
    if (at < 0) return xml
    if (k === max + 1) return `${xml.slice(0, at)}</sst>`
    pos = at + 3
  }
  return xml
}

/** A smaller .xlsx holding only the first rows of each sheet, or null to fall back to the full parse. */
export function previewXlsxBytes(bytes: Uint8Array, keepRows: number): Buffer | null {
  const entries = listZip(bytes)
  if (!entries) return null
  const cfb = XLSX.CFB.utils.cfb_new()
  let maxShared = -1
  let sst: { name: string; xml: string } | null = null
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    const data = readZipEntry(bytes, entry)
    if (SHEET_PATH.test(entry.name)) {
      const cut = cutSheet(data.toString('utf8'), keepRows)
      if (!cut) return null
      maxShared = Math.max(maxShared, cut.maxShared)
      XLSX.CFB.utils.cfb_add(cfb, `/${entry.name}`, Buffer.from(cut.xml, 'utf8'))
    } else if (SST_PATH.test(entry.name)) {
      sst = { name: entry.name, xml: data.toString('utf8') }
    } else {
      XLSX.CFB.utils.cfb_add(cfb, `/${entry.name}`, data)
    }
  }
  if (sst) XLSX.CFB.utils.cfb_add(cfb, `/${sst.name}`, Buffer.from(cutSharedStrings(sst.xml, maxShared), 'utf8'))
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip', compression: false }) as Uint8Array)
}
