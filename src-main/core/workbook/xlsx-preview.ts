// Fast preview of an .xlsx: cut each sheet's XML after its first rows (and the shared strings after the last one used)
// and hand SheetJS the small package, so a 100k-row file previews in a fraction of a full parse.
import * as XLSX from 'xlsx'
import { listZip, readZipEntry, readZipPrefix, type ZipEntry } from './zip'

const SHEET_PATH = /^xl\/worksheets\/[^/]+\.xml$/i
const SST_PATH = /^xl\/sharedstrings\.xml$/i
// a formula (<f>) may sit before the cached shared-string index
const SHARED_REF = /<c\b[^>]*?\bt="s"[^>]*>(?:\s*<f\b[^>]*(?:\/>|>[^<]*<\/f>))?\s*<v>(\d+)<\/v>/g

interface CutSheet {
  xml: string
  maxShared: number
}

/**
 * Keeps the first `keepRows` <row> elements; the dimension is left as the file states it so the size stays known.
 * A partial inflate has no tail: the sheet is closed right after the kept rows (its merged areas are not seen; only for parts over 1 MB compressed).
 */
function cutSheet(xml: string, keepRows: number, complete: boolean): CutSheet | null {
  const open = xml.indexOf('<sheetData')
  if (open < 0) return null
  const close = xml.indexOf('</sheetData>', open)
  if (close < 0 && complete) return { xml, maxShared: maxSharedIndex(xml) }
  let pos = open
  let rows = 0
  let cut = -1
  while (rows < keepRows) {
    const start = xml.indexOf('<row', pos)
    if (start < 0 || (close >= 0 && start > close)) break
    const tagEnd = xml.indexOf('>', start)
    if (tagEnd < 0) return null
    const end = xml[tagEnd - 1] === '/' ? tagEnd + 1 : xml.indexOf('</row>', tagEnd) + 6
    if (end < 6) return null
    rows++
    pos = end
    cut = end
  }
  if (cut < 0) return null
  const head = xml.slice(0, cut)
  // a partial inflate has no trustworthy tail: close the sheet right after the kept rows
  const tail = complete ? xml.slice(close) : '</sheetData></worksheet>'
  return { xml: head + tail, maxShared: maxSharedIndex(head) }
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

/** Occurrences of `needle` in a buffer, counting no further than `limit`. */
function countUpTo(buf: Buffer, needle: string, limit: number): number {
  let n = 0
  for (let at = buf.indexOf(needle); at >= 0 && n < limit; at = buf.indexOf(needle, at + needle.length)) n++
  return n
}

/** A smaller .xlsx holding only the first rows of each sheet, or null to fall back to the full parse. */
export function previewXlsxBytes(bytes: Uint8Array, keepRows: number): Buffer | null {
  const entries = listZip(bytes)
  if (!entries) return null
  const cfb = XLSX.CFB.utils.cfb_new()
  let maxShared = -1
  let sstEntry: ZipEntry | null = null
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    if (SHEET_PATH.test(entry.name)) {
      // stop inflating once the kept rows are in
      const { data, complete } = readZipPrefix(bytes, entry, (out) => countUpTo(out, '</row>', keepRows + 1) > keepRows)
      const cut = cutSheet(data.toString('utf8'), keepRows, complete)
      if (!cut) return null
      maxShared = Math.max(maxShared, cut.maxShared)
      XLSX.CFB.utils.cfb_add(cfb, `/${entry.name}`, Buffer.from(cut.xml, 'utf8'))
    } else if (SST_PATH.test(entry.name)) {
      sstEntry = entry
    } else {
      XLSX.CFB.utils.cfb_add(cfb, `/${entry.name}`, readZipEntry(bytes, entry))
    }
  }
  if (sstEntry) {
    const { data } = readZipPrefix(bytes, sstEntry, (out) => countUpTo(out, '</si>', maxShared + 2) > maxShared + 1)
    let xml = data.toString('utf8')
    // a partial inflate may end inside an item: keep whole items only
    if (!xml.includes('</sst>')) xml = xml.slice(0, xml.lastIndexOf('</si>') + 5) + '</sst>'
    XLSX.CFB.utils.cfb_add(cfb, `/${sstEntry.name}`, Buffer.from(cutSharedStrings(xml, maxShared), 'utf8'))
  }
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip', compression: false }) as Uint8Array)
}
