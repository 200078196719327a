// Value matching for enum fields: the distinct source values of a column and suggested destination values.
import type { Cell, SheetTable } from '../workbook/types'
import type { FieldDef, Target } from '../targets/types'
import { cleanText } from './text'
import { matchEnumValue } from './value-synonyms'
import { matchEnumDetailed, type EnumMatch } from './value-match'

/** A cell as the text a user sees, cleaned (trim + NFKC): the key used for value matches. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.t === 'z') return ''
  const raw = cell.w !== '' ? cell.w : cell.v === null ? '' : String(cell.v)
  return cleanText(raw)
}

/** Distinct non-blank values of a column with how many rows hold each, most frequent first. */
export function distinctValues(table: SheetTable, column: string): { value: string; count: number }[] {
  const ci = table.headers.indexOf(column)
  return ci < 0 ? [] : distinctCellTexts(table.rows.map((r) => r.cells[ci]))
}

/** distinctValues over one column's cells (a compact table gives them without making its rows). */
export function distinctCellTexts(cells: Iterable<Cell | undefined>): { value: string; count: number }[] {
  // a shared Cell (a repeated value) is cleaned once
  const byCell = new Map<Cell, number>()
  for (const cell of cells) if (cell && cell.t !== 'z') byCell.set(cell, (byCell.get(cell) ?? 0) + 1)
  const counts = new Map<string, number>()
  for (const [cell, n] of byCell) {
    const v = cellText(cell)
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + n)
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** The destination value a source value stands for: the enum value itself (any case), else the built-in synonyms. */
export function suggestEnumValue(field: FieldDef, value: string): string | null {
  const allowed = field.enumValues ?? []
  const text = cleanText(value)
  const lower = text.toLowerCase()
  const direct = allowed.find((a) => a === lower)
  if (direct) return direct
  if (!field.valueKind) return null
  const m = matchEnumValue(field.valueKind, text) ?? matchEnumDetailed(field.valueKind, text).value
  return m !== null && allowed.includes(m) ? m : null
}

/** The suggestion with its confidence and, when there is none, why (no equivalent at the destination, or a tie). */
export function suggestEnumMatch(field: FieldDef, value: string): EnumMatch {
  const allowed = field.enumValues ?? []
  const lower = cleanText(value).toLowerCase()
  if (allowed.includes(lower)) return { value: lower, confidence: 1, how: 'exact' }
  if (!field.valueKind) return { value: null, confidence: 0, how: 'none' }
  // Subscriptions have no one-time cycle: "單次" is known (orders table) but has no equivalent here.
  const kind = field.valueKind === 'subscription_billing_cycle' ? 'billing_cycle' : field.valueKind
  const m = matchEnumDetailed(kind, value)
  return m.value !== null && !allowed.includes(m.value) ? { value: null, confidence: 0, how: 'no_equivalent' } : m
}

/** Suggested matches for each source value (null = no suggestion: the user must choose). */
export function suggestValueMatches(
  target: Target,
  field: string,
  values: readonly string[]
): Record<string, string | null> {
  const def = target.fields.find((f) => f.key === field)
  const out: Record<string, string | null> = Object.create(null) // values are user data: "__proto__" is just a key
  for (const v of values) out[v] = def ? suggestEnumValue(def, v) : null
  return out
}
