// `--lookup FIELD=FILE:KEYCOLUMN:VALUECOLUMN[@MAINKEYCOLUMN]` (repeatable): fill a field from a second spreadsheet.
import { basename, resolve } from 'node:path'
import type { Target } from '../core/targets/types'
import type { LookupSpec } from '../core/mapping/lookup'
import { checkMainKeyColumn, type LookupIndex } from '../core/mapping/lookup'
import { loadLookup } from '../core/mapping/lookup-load'
import type { SheetTable } from '../core/workbook/types'

export interface CliLookup {
  field: string
  /** Path of the second file. */
  file: string
  keyColumn: string
  valueColumn: string
  /** Column of the main file holding the key (default: the same header as keyColumn). */
  mainKeyColumn?: string
}

type Said = { en: string; zh: string }

/** Parse one --lookup value. FILE may hold ':' (C:\…): the columns are taken from the right. */
export function parseLookupOption(text: string): { ok: true; lookup: CliLookup } | { ok: false; error: Said } {
  const shape = {
    en: `--lookup "${text}" must look like FIELD=FILE:KEYCOLUMN:VALUECOLUMN (optionally @MAINKEYCOLUMN), e.g. customer_email=customers.xlsx:手機:Email@收件者電話.`,
    zh: `--lookup「${text}」的格式必須是 FIELD=檔案:對應欄:值欄（可加 @主檔的對應欄），例如 customer_email=customers.xlsx:手機:Email@收件者電話。`
  }
  const eq = text.indexOf('=')
  if (eq <= 0) return { ok: false, error: shape }
  const field = text.slice(0, eq).trim()
  let rest = text.slice(eq + 1)
  let mainKeyColumn: string | undefined
  const at = rest.lastIndexOf('@')
  if (at > rest.lastIndexOf(':')) {
    mainKeyColumn = rest.slice(at + 1).trim()
    rest = rest.slice(0, at)
  }
  const parts = rest.split(':')
  if (parts.length < 3) return { ok: false, error: shape }
  const valueColumn = parts.pop()!.trim()
  const keyColumn = parts.pop()!.trim()
  const file = parts.join(':').trim()
  if (!field || !file || !keyColumn || !valueColumn || mainKeyColumn === '') return { ok: false, error: shape }
  return { ok: true, lookup: { field, file, keyColumn, valueColumn, ...(mainKeyColumn ? { mainKeyColumn } : {}) } }
}

/** Load every lookup against the main table; the first problem is returned as a message naming the file and column. */
export async function loadCliLookups(
  lookups: readonly CliLookup[],
  target: Target,
  main: SheetTable,
  lang: 'en' | 'zh-TW'
): Promise<{ ok: true; indexes: LookupIndex[] } | { ok: false; code: string; message: string }> {
  const indexes: LookupIndex[] = []
  for (const l of lookups) {
    if (!target.fields.some((f) => f.key === l.field)) {
      const keys = target.fields.map((f) => f.key).join(', ')
      return {
        ok: false,
        code: 'bad_lookup',
        message:
          lang === 'zh-TW'
            ? `--lookup：${target.id} 沒有「${l.field}」欄位，可用：${keys}。`
            : `--lookup: ${target.id} has no field "${l.field}". Fields: ${keys}.`
      }
    }
    const spec: LookupSpec = {
      field: l.field,
      fileName: basename(l.file),
      keyColumn: l.keyColumn,
      valueColumn: l.valueColumn,
      mainKeyColumn: l.mainKeyColumn ?? l.keyColumn
    }
    const mainProblem = checkMainKeyColumn(main, spec)
    if (mainProblem) {
      const hint = l.mainKeyColumn
        ? { en: '', zh: '' }
        : {
            en: ` Say which column holds the key: --lookup ${l.field}=${l.file}:${l.keyColumn}:${l.valueColumn}@COLUMN.`,
            zh: ` 請指定主檔中存放對應值的欄位：--lookup ${l.field}=${l.file}:${l.keyColumn}:${l.valueColumn}@欄名。`
          }
      return {
        ok: false,
        code: 'bad_lookup',
        message: lang === 'zh-TW' ? mainProblem['zh-TW'] + hint.zh : mainProblem.en + hint.en
      }
    }
    const loaded = await loadLookup({ path: resolve(l.file) }, spec)
    if (!loaded.ok) return { ok: false, code: 'bad_lookup', message: lang === 'zh-TW' ? loaded['zh-TW'] : loaded.en }
    indexes.push(loaded.index)
  }
  return { ok: true, indexes }
}
