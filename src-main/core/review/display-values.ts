// "Show what will be sent" (issue 11 B): a row's normalized values as the grid shows them, per mapped source column.
// Money with two decimals (1990.00), times in the session's zone (2026-01-09 08:00), enum values as their API code.
import { Decimal } from 'decimal.js'
import { DateTime } from 'luxon'
import { isColumnEntry, type Mapping } from '../mapping/types'
import type { FieldValue, Target } from '../targets/types'

export interface DisplayValue {
  /** What will be sent, as text (the enum's code for an enum field). */
  text: string
  /** Set for enum fields: the renderer shows the code's label first, the code second. */
  enum?: true
}

export function displayText(type: string, value: FieldValue, timezone: string): string {
  if (Decimal.isDecimal(value)) return type === 'money' ? (value as Decimal).toFixed(2) : (value as Decimal).toString()
  if (type === 'datetime' && typeof value === 'string') {
    const t = DateTime.fromISO(value, { setZone: false }).setZone(timezone)
    return t.isValid ? t.toFormat('yyyy-MM-dd HH:mm') : value
  }
  if (type === 'money' && typeof value === 'number') return value.toFixed(2)
  return String(value)
}

/** Normalized values of one row keyed by the source column they came from (only fields mapped to a column). */
export function displayValues(
  target: Target,
  mapping: Mapping,
  values: Readonly<Record<string, FieldValue | undefined>>,
  timezone: string
): Record<string, DisplayValue> {
  const out: Record<string, DisplayValue> = {}
  for (const field of target.fields) {
    const entry = mapping[field.key]
    const value = values[field.key]
    if (!isColumnEntry(entry) || value === undefined || value === '' || entry.column === '__proto__') continue
    out[entry.column] =
      field.type === 'enum' ? { text: String(value), enum: true } : { text: displayText(field.type, value, timezone) }
  }
  return out
}
