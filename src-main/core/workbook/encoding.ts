// CSV text encodings: a BOM wins, then strict UTF-8, then Big5/CP950 (zh-TW Excel's plain "CSV"); the user can force one.
import { createRequire } from 'node:module'

// iconv-lite decodes Big5 and other legacy text only: loaded on first use, not at every parse worker's start (~20 ms)
let iconv: typeof import('iconv-lite') | null = null
const loadIconv = () => (iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'))

export const ENCODINGS: { id: string; label: { 'zh-TW': string; en: string } }[] = [
  { id: 'utf-8', label: { 'zh-TW': 'UTF-8（萬國碼）', en: 'UTF-8 (Unicode)' } },
  { id: 'utf-16le', label: { 'zh-TW': 'UTF-16 LE（Excel「Unicode 文字」）', en: 'UTF-16 LE (Excel "Unicode Text")' } },
  { id: 'utf-16be', label: { 'zh-TW': 'UTF-16 BE', en: 'UTF-16 BE' } },
  {
    id: 'big5',
    label: { 'zh-TW': 'Big5 / CP950（繁體中文 Excel 預設 CSV）', en: 'Big5 / CP950 (Traditional Chinese Excel CSV)' }
  },
  { id: 'shift_jis', label: { 'zh-TW': 'Shift_JIS（日文）', en: 'Shift_JIS (Japanese)' } },
  { id: 'gb18030', label: { 'zh-TW': 'GB18030（簡體中文）', en: 'GB18030 (Simplified Chinese)' } },
  { id: 'windows-1252', label: { 'zh-TW': 'Windows-1252（西歐）', en: 'Windows-1252 (Western European)' } }
]

/** Our id → iconv-lite codec name. */
const CODECS: Record<string, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  big5: 'cp950',
  shift_jis: 'shiftjis',
  gb18030: 'gb18030',
  'windows-1252': 'win1252'
}

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  ucs2: 'utf-16le',
  utf16be: 'utf-16be',
  cp950: 'big5',
  big5hkscs: 'big5',
  'big5-hkscs': 'big5',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  shiftjis: 'shift_jis',
  cp932: 'shift_jis',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252'
}

/** Our encoding id for a user label, or null when unknown. */
export function normalizeEncoding(label: string): string | null {
  const key = label.trim().toLowerCase()
  if (CODECS[key]) return key
  if (ALIASES[key]) return ALIASES[key]
  const dashed = key.replace(/_/g, '-')
  if (CODECS[dashed]) return dashed
  return ALIASES[dashed] ?? null
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** UTF-16 without a BOM shows as many NUL bytes on one side of each pair (ASCII text). */
function guessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le'
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be'
  return null
}

export function decodeWith(bytes: Uint8Array, encoding: string): string {
  const bom = bomOf(bytes)
  const skip = bom && bom.encoding === encoding ? bom.length : 0
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip)
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(body)
  return loadIconv().decode(body, CODECS[encoding] ?? encoding)
}

/** Decodes CSV bytes; `forced` must already be a normalized id. */
export function decodeText(bytes: Uint8Array, forced?: string | null): { text: string; encoding: string } {
  if (forced) return { text: decodeWith(bytes, forced), encoding: forced }
  const bom = bomOf(bytes)
  if (bom) return { text: decodeWith(bytes, bom.encoding), encoding: bom.encoding }
  const utf16 = guessUtf16(bytes)
  if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16 }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWith(bytes, 'big5'), encoding: 'big5' }
  }
}
