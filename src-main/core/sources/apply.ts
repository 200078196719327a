// What a recognized layout brings for one destination, with its column names rewritten to this sheet's spelling.
import { autoMap, normalizeHeader, scoreHeader } from '../mapping/automap'
import { columnSide, preferredNote, wantsBuyerSide } from '../mapping/column-side'
import type { Derivation } from '../mapping/derivation-types'
import type { ColumnMatch, Mapping, ValueMatches } from '../mapping/types'
import { isColumnEntry } from '../mapping/types'
import type { Localized, Target } from '../targets/types'
import type { SourceLayout } from './types'
import { recognizeSource } from './recognize'

export interface SourcePlan {
  source: { id: string; label: Localized }
  mapping: Mapping
  valueMatches: ValueMatches
  groupBy?: string
  derived?: Record<string, Derivation>
  lacks: { field: string; why: Localized }[]
}

/** Find the sheet's header for a layout column: same normalized name, else one of its alternative spellings. */
function resolver(headers: readonly string[], alternatives: Record<string, string[]> = {}) {
  const byNorm = new Map<string, string>()
  for (const h of headers) {
    const n = normalizeHeader(h)
    if (n !== '' && !byNorm.has(n)) byNorm.set(n, h)
  }
  return (column: string): string | null => {
    for (const name of [column, ...(alternatives[column] ?? [])]) {
      const hit = byNorm.get(normalizeHeader(name))
      if (hit !== undefined) return hit
    }
    return null
  }
}

function resolveDerivation(d: Derivation, find: (c: string) => string | null): Derivation | null {
  const need = (c: string) => find(c)
  switch (d.kind) {
    case 'sum': {
      const add = d.add.map(need)
      const subtract = d.subtract.map(need)
      if (add.some((c) => c === null) || subtract.some((c) => c === null)) return null
      return { ...d, add: add as string[], subtract: subtract as string[] }
    }
    case 'status_by_payment': {
      const statusColumn = need(d.statusColumn)
      const paymentColumn = need(d.paymentColumn)
      return statusColumn && paymentColumn ? { ...d, statusColumn, paymentColumn } : null
    }
    case 'billing_cycle':
    case 'monthly_amount': {
      const unitColumn = need(d.unitColumn)
      if (!unitColumn) return null
      const frequencyColumn = d.frequencyColumn !== undefined ? (need(d.frequencyColumn) ?? undefined) : undefined
      if (d.kind === 'billing_cycle') return { ...d, unitColumn, frequencyColumn }
      const amountColumn = need(d.amountColumn)
      return amountColumn ? { ...d, amountColumn, unitColumn, frequencyColumn } : null
    }
  }
}

/** The layout's plan for this destination against these headers; null when the layout does not fill that destination. */
export function planFromLayout(layout: SourceLayout, target: Target, headers: readonly string[]): SourcePlan | null {
  const plan = layout.targets[target.id]
  if (!plan) return null
  const find = resolver(headers, plan.columnAlternatives)
  const fields = new Set(target.fields.map((f) => f.key))
  const mapping: Mapping = {}
  for (const [field, entry] of Object.entries(plan.mapping)) {
    if (!fields.has(field)) continue
    if (!isColumnEntry(entry)) {
      mapping[field] = entry
      continue
    }
    const column = find(entry.column)
    if (column !== null) mapping[field] = { column } // a column this version of the export lacks stays unmapped
  }
  let derived: Record<string, Derivation> | undefined
  for (const [field, d] of Object.entries(plan.derived ?? {})) {
    const r = resolveDerivation(d, find)
    if (!r || !fields.has(field)) continue
    ;(derived ??= {})[field] = r
    mapping[field] = { derive: r } // a derived field is computed from its columns, whatever a plain column would give
  }
  return {
    source: { id: layout.id, label: layout.label },
    mapping,
    valueMatches: structuredClone(plan.valueMatches ?? {}),
    groupBy: plan.groupBy,
    derived,
    lacks: (layout.lacks ?? []).filter((l) => fields.has(l.field))
  }
}

/** A layout's column for a field; when a recipient or line-item column also names that field, the note says why the layout's won. */
function sourceMatch(target: Target, headers: readonly string[], key: string, column: string): ColumnMatch {
  const match: ColumnMatch = { field: key, column, confidence: 1, reason: 'source' }
  const field = target.fields.find((f) => f.key === key)
  if (!field || !wantsBuyerSide(field) || columnSide(column) !== null) return match
  const rival = headers.find((h) => h !== column && columnSide(h) !== null && scoreHeader(field, h) !== null)
  if (rival !== undefined) match.note = preferredNote(column, rival, columnSide(rival)!)
  return match
}

export interface SourcedMapping {
  mapping: Mapping
  valueMatches: ValueMatches
  matches: ColumnMatch[]
  /** The recognized export, or null (not recognized, recognition turned off, or the layout does not fill this destination). */
  source: SourcePlan | null
}

/**
 * The starting mapping for a sheet: the recognized export's layout when recognition is on and the layout fills this
 * destination, else auto-mapping from the headers' words. (A user's saved template is applied before this, and wins.)
 */
export function mapWithSource(
  target: Target,
  headers: readonly string[],
  layouts: readonly SourceLayout[],
  useSourceLayout = true
): SourcedMapping {
  const recognized = useSourceLayout ? recognizeSource(headers, layouts) : null
  const plan = recognized ? planFromLayout(recognized.layout, target, headers) : null
  if (!plan) {
    const auto = autoMap(target, headers)
    return { mapping: auto.mapping, valueMatches: {}, matches: auto.matches, source: null }
  }
  const matches: ColumnMatch[] = Object.entries(plan.mapping)
    .filter(([, e]) => isColumnEntry(e))
    .map(([field, e]) => sourceMatch(target, headers, field, (e as { column: string }).column))
  return { mapping: plan.mapping, valueMatches: plan.valueMatches, matches, source: plan }
}
