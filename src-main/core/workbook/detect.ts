// What a file really is, from its first bytes (not only its name): zip (xlsx/ods), OLE (xls or encrypted OOXML), text, or else.
import * as XLSX from 'xlsx'
import type { FileFormat } from './types'

export type ByteKind = 'zip' | 'ole' | 'xml-or-html' | 'text' | 'binary'

const FOREIGN: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x4d, 0x5a], 'EXE']
]

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b)
}

/** A foreign file kind we can name in the message ("it looks like PDF"), or null. */
export function foreignKind(bytes: Uint8Array): string | null {
  for (const [sig, what] of FOREIGN) if (startsWith(bytes, sig)) return what
  return null
}

export function byteKind(bytes: Uint8Array): ByteKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (foreignKind(bytes)) return 'binary'
  const head = bytes.subarray(0, 4096)
  // UTF-16 text has NULs; judge it as text when a BOM says so or NULs sit on one side only
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  let nul = 0
  let control = 0
  for (const b of head) {
    if (b === 0) nul++
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++
  }
  if (!utf16Bom && nul > 0 && nul < head.length * 0.3) return 'binary'
  if (control > head.length * 0.05) return 'binary'
  if (!utf16Bom && nul === 0) {
    const start = new TextDecoder('latin1')
      .decode(head.subarray(0, 512))
      .replace(/^\ufeff|^ï»¿/, '')
      .trimStart()
      .toLowerCase()
    if (
      start.startsWith('<?xml') ||
      start.startsWith('<html') ||
      start.startsWith('<!doctype') ||
      start.startsWith('<table')
    )
      return 'xml-or-html'
  }
  return 'text'
}

/** The OOXML/ODS flavour of a zip from its entry names; 'not-spreadsheet' for other zips (docx, plain archives). */
export function zipFormat(entryNames: string[], name: string): FileFormat | 'not-spreadsheet' {
  const paths = entryNames.map((p) => p.toLowerCase())
  if (paths.some((p) => p.endsWith('content.xml')) && paths.some((p) => p.endsWith('mimetype'))) return 'ods'
  if (!paths.some((p) => /xl\/workbook\d*\.(xml|bin)$/.test(p))) return 'not-spreadsheet'
  return /\.xlsm$/i.test(name) ? 'xlsm' : 'xlsx'
}

/** OLE container: an encrypted OOXML package (EncryptionInfo + EncryptedPackage) or an .xls workbook. */
export function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'not-spreadsheet' {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' })
  const names = cfb.FullPaths.map((p: string) => p.toLowerCase())
  if (names.some((p: string) => p.endsWith('/encryptioninfo') || p.endsWith('/encryptedpackage'))) return 'encrypted'
  if (names.some((p: string) => p.endsWith('/workbook') || p.endsWith('/book'))) return 'xls'
  return 'not-spreadsheet'
}

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name)
  return m ? m[1].toLowerCase() : ''
}
