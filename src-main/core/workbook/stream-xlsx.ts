// The streaming .xlsx/.xlsm reader: each part stream-inflated (bounded) and parsed as it inflates, never the whole
// workbook in memory as XML. Returns sheet sources for the same table builder the SheetJS path uses.
import type { ReadLimits } from './types'
import type { SheetSource } from './source'
import type { ZipEntry } from './zip'
import { sharedStrings, styleFormats, workbookParts, type PartReader } from './ooxml-parts'
import { maxPendingString, readSheet, resolveSharedStrings } from './stream-sheet'
import { DEFAULT_XML_PARSER, type XmlParserKind } from './xml-events'

export { StreamUnsupported } from './ooxml-parts'

export interface ReadProgress {
  sheet: string
  rowsRead: number
  /** Bytes of sheet XML inflated so far, and what the zip declares in all (0 until known). */
  inflated: number
  declared: number
}

export interface StreamOptions {
  sheetRows: number
  preview: boolean
  parser?: XmlParserKind
  onProgress?: (p: ReadProgress) => void
}

/** Parts up to this compressed size are read whole even in a preview, so their merged cells (at the end) are seen. */
const SMALL_PART = 1024 * 1024

export async function streamXlsxSheets(
  file: string,
  bytes: Uint8Array,
  entries: ZipEntry[],
  limits: ReadLimits,
  opts: StreamOptions
): Promise<SheetSource[]> {
  const byName = new Map<string, ZipEntry>()
  for (const e of entries) {
    byName.set(e.name, e)
    if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e)
  }
  const reader: PartReader = { file, bytes, limits, parser: opts.parser ?? DEFAULT_XML_PARSER, byName }
  const parts = await workbookParts(reader)
  const formats = await styleFormats(reader, parts.stylesPath)
  // a preview reads its rows first, then only as many shared strings as they use (a big file's table is mostly past them)
  const ctx = {
    date1904: parts.date1904,
    strings: opts.preview ? null : await sharedStrings(reader, parts.sstPath),
    formats
  }
  const out: SheetSource[] = []
  for (const sheet of parts.sheets) {
    const entry = byName.get(sheet.path) ?? byName.get(sheet.path.toLowerCase())!
    const onRows = opts.onProgress
      ? (rowsRead: number, inflated: number) =>
          opts.onProgress!({ sheet: sheet.name, rowsRead, inflated, declared: entry.size })
      : undefined
    out.push(
      await readSheet(reader, entry, sheet.name, ctx, {
        sheetRows: opts.sheetRows,
        stopEarly: opts.preview && entry.compressedSize > SMALL_PART,
        onRows
      })
    )
  }
  if (ctx.strings !== null) return out
  const max = maxPendingString(out)
  return max < 0 ? out : resolveSharedStrings(out, await sharedStrings(reader, parts.sstPath, max + 1))
}
