// Look a field's value up in a second spreadsheet by a shared key (phone, 買家帳號, customer ID): the lookup join.
// The result is one extra column on the main table (「Email ← customers.xlsx」) that the field is mapped to, plus
// per-row issues for keys the second file does not have or has with two different values.
import type { Cell, SheetRow, SheetTable } from '../workbook/types'
import { cellText } from './values'

/** One lookup, as saved in a session and given on the CLI (`--lookup FIELD=FILE:KEYCOLUMN:VALUECOLUMN@MAINKEYCOLUMN`). */
export interface LookupSpec {
  /** Destination field filled by the lookup, e.g. 'customer_email'. */
  field: string
  /** The second file's name as shown to the user (customers.xlsx). */
  fileName: string
  /** Key column of the second file (手機). */
  keyColumn: string
  /** Column of the second file holding the value (Email). */
  valueColumn: string
  /** Column of the main file holding the key (收件者電話). */
  mainKeyColumn: string
}

export interface LookupIssue {
  row: number
  field: string
  column: string
  code: 'lookup_unmatched' | 'lookup_ambiguous' | 'lookup_key_empty' | 'lookup_value_empty'
  value: string
  en: string
  'zh-TW': string
}

interface Found {
  value: string
  rows: number[]
}

/** Normalized key → the distinct values the second file gives it (more than one = ambiguous). */
export interface LookupIndex {
  spec: LookupSpec
  entries: Map<string, Found[]>
  /** Keys the second file has only with an empty value cell → the first such row. */
  emptyValues: Map<string, number>
}

export type LookupError = { code: 'lookup_column'; en: string; 'zh-TW': string }

const EMPTY: Cell = { t: 'z', v: null, w: '' }
const PHONE_LIKE = /^[+\d\s\-().#]+$/

/**
 * A key as compared: trimmed, NFKC (full-width digits and letters become plain), whitespace collapsed; an e-mail is
 * case-insensitive; a phone number is compared by its digits, +886 / 886 / 0 prefixes being the same number.
 */
export function normalizeLookupKey(text: string): string {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if (t === '') return ''
  if (t.includes('@')) return t.toLowerCase()
  if (PHONE_LIKE.test(t)) {
    let digits = t.replace(/\D/g, '')
    if (digits.length >= 8) {
      if (digits.startsWith('886')) digits = digits.slice(3)
      if (!digits.startsWith('0')) digits = '0' + digits // a number cell drops the leading 0 of 0912…
      return 'tel:' + digits
    }
    return digits
  }
  return t
}

/** The extra column's header on the main table. */
export function lookupColumnName(spec: LookupSpec): string {
  return `${spec.valueColumn} ← ${spec.fileName}`
}

/** 「從 customers.xlsx 以 手機 對應 Email」 / "Email from customers.xlsx, matched by 手機". */
export function describeLookup(spec: LookupSpec): { 'zh-TW': string; en: string } {
  const via = spec.mainKeyColumn === spec.keyColumn ? spec.keyColumn : `${spec.mainKeyColumn} = ${spec.keyColumn}`
  return {
    'zh-TW': `從 ${spec.fileName} 以 ${via} 對應 ${spec.valueColumn}`,
    en: `${spec.valueColumn} from ${spec.fileName}, matched by ${via}`
  }
}

function missingColumn(
  file: string,
  column: string,
  headers: readonly string[],
  which: { en: string; zh: string }
): LookupError {
  const list = headers.slice(0, 30).join(', ')
  return {
    code: 'lookup_column',
    en: `${file} has no column "${column}" (the ${which.en}). Its columns are: ${list}.`,
    'zh-TW': `${file} 沒有「${column}」欄（${which.zh}）。它的欄位有：${headers.slice(0, 30).join('、')}。`
  }
}

/** Read the second file's key and value columns into an index; a missing column is an error naming file and column. */
export function buildLookupIndex(
  table: SheetTable,
  spec: LookupSpec
): { ok: true; index: LookupIndex } | { ok: false; error: LookupError } {
  const ki = table.headers.indexOf(spec.keyColumn)
  if (ki < 0)
    return {
      ok: false,
      error: missingColumn(spec.fileName, spec.keyColumn, table.headers, { en: 'key column', zh: '對應用的欄位' })
    }
  const vi = table.headers.indexOf(spec.valueColumn)
  if (vi < 0)
    return {
      ok: false,
      error: missingColumn(spec.fileName, spec.valueColumn, table.headers, { en: 'value column', zh: '要查的值' })
    }
  const entries = new Map<string, Found[]>()
  const emptyValues = new Map<string, number>()
  for (const row of table.rows) {
    const key = normalizeLookupKey(cellText(row.cells[ki]))
    const value = cellText(row.cells[vi]).normalize('NFKC').trim()
    if (key !== '' && value === '' && !emptyValues.has(key)) emptyValues.set(key, row.rowNumber)
    if (key === '' || value === '') continue
    const list = entries.get(key) ?? []
    const same = list.find((f) => sameValue(f.value, value))
    if (same) same.rows.push(row.rowNumber)
    else list.push({ value, rows: [row.rowNumber] })
    entries.set(key, list)
  }
  for (const key of entries.keys()) emptyValues.delete(key)
  return { ok: true, index: { spec, entries, emptyValues } }
}

function sameValue(a: string, b: string): boolean {
  return a === b || (a.includes('@') && a.toLowerCase() === b.toLowerCase())
}

/** The main file lacks the key column: an error naming the file and column. */
export function checkMainKeyColumn(table: Pick<SheetTable, 'headers' | 'file'>, spec: LookupSpec): LookupError | null {
  return table.headers.includes(spec.mainKeyColumn)
    ? null
    : missingColumn(table.file, spec.mainKeyColumn, table.headers, {
        en: `key column to look ${spec.field} up by`,
        zh: `用來查 ${spec.field} 的欄位`
      })
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => cellText(c).trim() === '')
}

/**
 * Add one column per lookup to the main table, holding the value found for each row's key. Rows whose key is empty,
 * unknown to the second file, or ambiguous get an empty cell and an issue saying which.
 */
export function applyLookups(
  table: SheetTable,
  indexes: readonly LookupIndex[]
): { table: SheetTable; issues: LookupIssue[] } {
  const usable = indexes.filter((ix) => table.headers.includes(ix.spec.mainKeyColumn))
  if (usable.length === 0) return { table, issues: [] }
  const issues: LookupIssue[] = []
  const keyIdx = usable.map((ix) => table.headers.indexOf(ix.spec.mainKeyColumn))
  const width = table.headers.length
  const rows = table.rows.map((row) => {
    const blank = isBlank(row)
    const extra: Cell[] = usable.map((ix, n) => {
      if (blank) return EMPTY
      const { spec } = ix
      const keyText = cellText(row.cells[keyIdx[n]]).trim()
      const found = ix.entries.get(normalizeLookupKey(keyText))
      const at = { row: row.rowNumber, field: spec.field, column: spec.mainKeyColumn, value: keyText }
      if (keyText === '') {
        issues.push({
          ...at,
          code: 'lookup_key_empty',
          en: `Row ${row.rowNumber}, column "${spec.mainKeyColumn}": the cell is empty, so ${spec.valueColumn} cannot be looked up in ${spec.fileName}. Fill it in, or exclude the row.`,
          'zh-TW': `第 ${row.rowNumber} 列「${spec.mainKeyColumn}」欄是空的，無法到 ${spec.fileName} 查 ${spec.valueColumn}。請填入，或把這一列排除。`
        })
        return EMPTY
      }
      const emptyAt = found ? undefined : ix.emptyValues.get(normalizeLookupKey(keyText))
      if (emptyAt !== undefined) {
        issues.push({
          ...at,
          code: 'lookup_value_empty',
          en: `Row ${row.rowNumber}, column "${spec.mainKeyColumn}": "${keyText}" is in ${spec.fileName} (row ${emptyAt}) but its ${spec.valueColumn} is empty. Fill it in there, or exclude the row.`,
          'zh-TW': `第 ${row.rowNumber} 列「${spec.mainKeyColumn}」欄的「${keyText}」在 ${spec.fileName}（第 ${emptyAt} 列）找到了，但它的 ${spec.valueColumn} 是空的。請在那裡補上，或把這一列排除。`
        })
        return EMPTY
      }
      if (!found) {
        issues.push({
          ...at,
          code: 'lookup_unmatched',
          en: `Row ${row.rowNumber}, column "${spec.mainKeyColumn}": "${keyText}" is not in ${spec.fileName} (column "${spec.keyColumn}"), so it has no ${spec.valueColumn}. Add it to ${spec.fileName}, correct the key, or exclude the row.`,
          'zh-TW': `第 ${row.rowNumber} 列「${spec.mainKeyColumn}」欄的「${keyText}」在 ${spec.fileName}（「${spec.keyColumn}」欄）找不到，所以沒有 ${spec.valueColumn}。請補進 ${spec.fileName}、修正這一格，或把這一列排除。`
        })
        return EMPTY
      }
      if (found.length > 1) {
        const [a, b] = found
        issues.push({
          ...at,
          code: 'lookup_ambiguous',
          en: `Row ${row.rowNumber}, column "${spec.mainKeyColumn}": "${keyText}" has two different ${spec.valueColumn} values in ${spec.fileName}: "${a.value}" (row ${a.rows[0]}) and "${b.value}" (row ${b.rows[0]}). Keep one of them in ${spec.fileName}, or exclude the row.`,
          'zh-TW': `第 ${row.rowNumber} 列「${spec.mainKeyColumn}」欄的「${keyText}」在 ${spec.fileName} 對應到兩個不同的 ${spec.valueColumn}：「${a.value}」（第 ${a.rows[0]} 列）和「${b.value}」（第 ${b.rows[0]} 列）。請在 ${spec.fileName} 只留一個，或把這一列排除。`
        })
        return EMPTY
      }
      return { t: 's', v: found[0].value, w: found[0].value }
    })
    const cells =
      row.cells.length >= width
        ? row.cells.slice(0, width)
        : [...row.cells, ...new Array<Cell>(width - row.cells.length).fill(EMPTY)]
    return { ...row, cells: [...cells, ...extra] }
  })
  const headers = [...table.headers, ...usable.map((ix) => lookupColumnName(ix.spec))]
  return { table: { ...table, headers, rows }, issues }
}
