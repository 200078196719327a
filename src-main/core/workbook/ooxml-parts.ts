// The small parts of an .xlsx the streaming reader needs before the sheets: where the workbook and sheets are,
// the 1904 flag, number formats per style, and the shared strings (streamed: they can be large).
import * as XLSX from 'xlsx'
import type { ReadLimits } from './types'
import type { ZipBytes, ZipEntry } from './zip'
import { inflateEntry } from './zip-stream'
import { utf8Feeder, xmlSink, type XmlHandler, type XmlParserKind } from './xml-events'

/** Anything the streaming path does not handle: the caller falls back to SheetJS, which decides. */
export class StreamUnsupported extends Error {}

export interface PartReader {
  file: string
  bytes: ZipBytes
  limits: ReadLimits
  parser: XmlParserKind
  byName: Map<string, ZipEntry>
}

export function entryFor(reader: PartReader, path: string): ZipEntry | undefined {
  return reader.byName.get(path.replace(/^\/+/, '')) ?? reader.byName.get(path.replace(/^\/+/, '').toLowerCase())
}

/** Streams one part through handler. stop() lets the handler end the read early. */
export async function parsePart(
  reader: PartReader,
  entry: ZipEntry,
  handler: XmlHandler,
  shouldStop?: () => boolean
): Promise<number> {
  const feeder = utf8Feeder(xmlSink(reader.parser, handler))
  let stopped = false
  const inflated = await inflateEntry(reader.file, reader.bytes, entry, reader.limits, (piece) => {
    feeder.push(piece)
    if (shouldStop?.()) {
      stopped = true
      return false
    }
  })
  if (!stopped) feeder.end()
  return inflated
}

/**
 * A copy of a text that does not keep the parser's whole input chunk alive (V8 keeps substrings as slices of their
 * parent): every stored cell text goes through this, or a big sheet's decoded XML would stay in memory.
 */
export function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** SheetJS's unescapexml without the XML entities (the parser decoded them): _xHHHH_ escapes, and \r\n → \n. */
export function ooxmlText(text: string): string {
  const decoded =
    text.indexOf('_x') >= 0
      ? text.replace(/_x([\da-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      : text
  return decoded.indexOf('\r\n') >= 0 ? decoded.replace(/\r\n/g, '\n') : decoded
}

const XML_ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' }

/** SheetJS decodes a formula's cached string twice: once more here, after the parser's pass, for identical text. */
export function formulaText(text: string): string {
  const again =
    text.indexOf('&') >= 0
      ? text.replace(
          XML_ENTITY,
          (m, code: string | undefined) =>
            NAMED[m.toLowerCase()] ?? (code ? String.fromCharCode(parseInt(code, /x/i.test(m) ? 16 : 10)) : m)
        )
      : text
  return ooxmlText(ooxmlText(again))
}

const attr = (attrs: Record<string, string>, suffix: string): string | undefined => {
  for (const key in attrs) if (key === suffix || key.endsWith(`:${suffix}`)) return attrs[key]
  return undefined
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}

async function relationships(reader: PartReader, part: string): Promise<Map<string, { target: string; type: string }>> {
  const slash = part.lastIndexOf('/')
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
  const out = new Map<string, { target: string; type: string }>()
  const entry = entryFor(reader, relsPath)
  if (!entry) return out
  await parsePart(reader, entry, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target)
        out.set(attrs.Id, { target: resolveTarget(part, attrs.Target), type: attrs.Type ?? '' })
    },
    text() {},
    close() {}
  })
  return out
}

export interface WorkbookParts {
  date1904: boolean
  sheets: { name: string; path: string }[]
  stylesPath?: string
  sstPath?: string
}

export async function workbookParts(reader: PartReader): Promise<WorkbookParts> {
  const root = await relationships(reader, '')
  const doc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
  const path = doc?.target ?? 'xl/workbook.xml'
  if (!path.toLowerCase().endsWith('.xml')) throw new StreamUnsupported(`workbook part ${path}`)
  const entry = entryFor(reader, path)
  if (!entry) throw new StreamUnsupported('no workbook part')
  const listed: { name: string; rid: string }[] = []
  let date1904 = false
  let strict = false
  await parsePart(reader, entry, {
    open(name, attrs) {
      if (name === 'workbook') strict = Object.values(attrs).some((v) => v.includes('purl.oclc.org/ooxml'))
      else if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true'
      else if (name === 'sheet') listed.push({ name: attrs.name ?? '', rid: attr(attrs, 'id') ?? '' })
    },
    text() {},
    close() {}
  })
  if (strict) throw new StreamUnsupported('strict OOXML')
  const rels = await relationships(reader, path)
  const sheets = listed.map((s) => {
    const rel = rels.get(s.rid)
    if (!rel || !rel.type.endsWith('/worksheet') || !entryFor(reader, rel.target))
      throw new StreamUnsupported(`sheet ${s.name} is not a plain worksheet`)
    return { name: s.name, path: rel.target }
  })
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target
  return { date1904, sheets, stylesPath: byType('/styles'), sstPath: byType('/sharedStrings') }
}

/** Number format code per cell style index (cellXfs), as SheetJS resolves it: the file's own formats, then the built-in table. */
export async function styleFormats(
  reader: PartReader,
  path: string | undefined
): Promise<{ id: number; code: string | undefined }[]> {
  const entry = path ? entryFor(reader, path) : undefined
  if (!entry) return []
  const custom = new Map<number, string>()
  const xfs: number[] = []
  let inCellXfs = false
  await parsePart(reader, entry, {
    open(name, attrs) {
      if (name === 'numFmt' && attrs.numFmtId !== undefined)
        custom.set(parseInt(attrs.numFmtId, 10), ooxmlText(attrs.formatCode ?? ''))
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) xfs.push(attrs.numFmtId !== undefined ? parseInt(attrs.numFmtId, 10) : 0)
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    }
  })
  const table = XLSX.SSF.get_table() as Record<number, string>
  return xfs.map((id) => ({ id, code: custom.get(id) ?? table[id] }))
}

/** Shared strings as SheetJS reads them: the text of every <t> in an item, phonetic runs (<rPh>) left out. */
export async function sharedStrings(reader: PartReader, path: string | undefined, upTo = Infinity): Promise<string[]> {
  const entry = path ? entryFor(reader, path) : undefined
  if (!entry) return []
  const out: string[] = []
  let parts: string[] = []
  let inT = false
  let phonetic = 0
  await parsePart(
    reader,
    entry,
    {
      open(name) {
        if (name === 'si') parts = []
        else if (name === 't') inT = phonetic === 0
        else if (name === 'rPh') phonetic++
      },
      text(text) {
        if (inT) parts.push(text)
      },
      close(name) {
        if (name === 't') inT = false
        else if (name === 'rPh') phonetic--
        else if (name === 'si') out.push(own(ooxmlText(parts.length === 1 ? parts[0] : parts.join(''))))
      }
    },
    () => out.length > upTo
  )
  return out
}
