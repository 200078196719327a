// Column mapping shapes. Mapping is exactly the CLI `--mapping FILE.json` shape and the `mapping` of `validate --json`.

/** Where a field's value comes from: a source column (by its header text) or one constant for every row. */
/** A column; a constant for every row; or a column whose empty cells take a constant. */
export type MappingEntry = { column: string; constant?: string | number | boolean } | { constant: string | number | boolean }

/** Field key (e.g. 'order_no', 'delivery_address.city') → source. Fields not listed are unmapped. */
export type Mapping = Record<string, MappingEntry>

/** Enum value matches chosen by the user: field key → (source value as cleaned text → destination enum value). */
export type ValueMatches = Record<string, Record<string, string>>

/** How auto-mapping chose a column for a field. confidence is 0..1 (1 = the API's own field name). */
export interface ColumnMatch {
  field: string
  column: string
  confidence: number
  reason: 'exact' | 'synonym' | 'fuzzy'
}

export interface AutoMapResult {
  mapping: Mapping
  matches: ColumnMatch[]
  /** Required fields left without a column. */
  unmappedRequired: string[]
}

/** A problem with a mapping as data (bilingual). Errors block validation; warnings are shown. */
export interface MappingProblem {
  code: 'column_used_twice' | 'unknown_column' | 'unknown_field' | 'required_unmapped' | 'bad_entry'
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
