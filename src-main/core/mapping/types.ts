// Column mapping shapes. Mapping is exactly the CLI `--mapping FILE.json` shape and the `mapping` of `validate --json`.
import type { Derivation } from './derivation-types'

/** A column (whose empty cells may take a constant); one constant for every row; or a derivation from several columns. */
export type MappingEntry =
  | { column: string; constant?: string | number | boolean }
  | { constant: string | number | boolean }
  | { derive: Derivation }

/** Field key (e.g. 'order_no', 'delivery_address.city') → source. Fields not listed are unmapped. */
export type Mapping = Record<string, MappingEntry>

/** Enum value matches chosen by the user: field key → (source value as cleaned text → destination enum value). */
export type ValueMatches = Record<string, Record<string, string>>

/** How auto-mapping chose a column for a field. confidence is 0..1 (1 = the API's own field name). */
export interface ColumnMatch {
  field: string
  column: string
  confidence: number
  /** 'source': taken from a recognized export's layout (core/sources), not from the header's words. */
  reason: 'exact' | 'synonym' | 'fuzzy' | 'source'
  /** Why this column won over another that also named the field (buyer over recipient, order over line item). */
  note?: { 'zh-TW': string; en: string }
}

export interface AutoMapResult {
  mapping: Mapping
  matches: ColumnMatch[]
  /** Required fields left without a column. */
  unmappedRequired: string[]
}

/** A problem with a mapping as data (bilingual). Errors block validation; warnings are shown. */
export interface MappingProblem {
  code: 'column_used_twice' | 'unknown_column' | 'unknown_field' | 'required_unmapped' | 'bad_entry' | 'bad_derivation'
  severity: 'error' | 'warning'
  field: string | null
  column: string | null
  message: string
  messageZh: string
}

export function isColumnEntry(e: MappingEntry | undefined): e is { column: string } {
  return !!e && typeof (e as { column?: unknown }).column === 'string'
}

export function isConstantEntry(e: MappingEntry | undefined): e is { constant: string | number | boolean } {
  return !!e && Object.prototype.hasOwnProperty.call(e, 'constant')
}

export function isDeriveEntry(e: MappingEntry | undefined): e is { derive: Derivation } {
  return !!e && typeof (e as { derive?: unknown }).derive === 'object' && (e as { derive?: unknown }).derive !== null
}
