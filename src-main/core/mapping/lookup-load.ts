// Read a lookup's second file with the same workbook reader as the main file (header detection, encodings, limits).
import { openWorkbook } from '../workbook'
import type { OpenResult, WorkbookSource } from '../workbook'
import type { ReadLimits, ReadOptions } from '../workbook/types'
import { buildLookupIndex, type LookupIndex, type LookupSpec } from './lookup'

export type LookupLoad =
  { ok: true; index: LookupIndex; headers: string[] } | { ok: false; code: string; en: string; 'zh-TW': string }

export type OpenFn = (source: WorkbookSource, options: ReadOptions, limits?: Partial<ReadLimits>) => Promise<OpenResult>

/** Open the second file and index its key → value columns; every failure names the file (and the column). */
export async function loadLookup(
  source: WorkbookSource,
  spec: LookupSpec,
  open: OpenFn = openWorkbook
): Promise<LookupLoad> {
  const opened = await open(source, {})
  if (!opened.ok) {
    const e = opened.error
    return {
      ok: false,
      code: e.code,
      en: `Cannot read the lookup file ${spec.fileName}: ${e.messageEn ?? e.message}`,
      'zh-TW': `無法讀取查詢用的檔案 ${spec.fileName}：${e.messageZh ?? e.message}`
    }
  }
  const table = { ...opened.table, file: spec.fileName }
  const built = buildLookupIndex(table, spec)
  if (!built.ok) return { ok: false, code: built.error.code, en: built.error.en, 'zh-TW': built.error['zh-TW'] }
  return { ok: true, index: built.index, headers: table.headers }
}

/** Only the headers of a candidate lookup file (the app shows them to choose the key and value columns). */
export async function lookupHeaders(
  source: WorkbookSource,
  fileName: string,
  open: OpenFn = openWorkbook
): Promise<{ ok: true; headers: string[] } | { ok: false; code: string; en: string; 'zh-TW': string }> {
  const opened = await open(source, {})
  if (!opened.ok) {
    const e = opened.error
    return {
      ok: false,
      code: e.code,
      en: `Cannot read ${fileName}: ${e.messageEn ?? e.message}`,
      'zh-TW': `無法讀取 ${fileName}：${e.messageZh ?? e.message}`
    }
  }
  return { ok: true, headers: opened.table.headers }
}
