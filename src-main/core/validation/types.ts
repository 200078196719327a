// What preparation (map → normalize → match values → build payloads → validate) takes and gives.
import type { Cell } from '../workbook/types'
import type { FieldValue, PreparedRecord, ShippingChoice, TargetId } from '../targets/types'
import type { Mapping, ValueMatches } from '../mapping/types'

/** One problem or warning, naming the Excel row, the field, the source column and the value found. */
export interface Issue {
  /** Row number Excel shows (CSV: line number). */
  row: number
  /** Destination field key, e.g. 'amount' (or a setting such as 'delivery_option_id'). */
  field: string
  /** Source column header, or null for a constant or a setting. */
  column: string | null
  severity: 'error' | 'warning'
  /** Stable code, e.g. 'required_missing', 'money_invalid', 'value_unmatched', 'duplicate_order_no'. */
  code: string
  /** English message. */
  message: string
  /** Traditional Chinese message. */
  messageZh: string
  /** The value found (as shown), when there is one. */
  value?: string
}

export interface PrepareSettings {
  target: TargetId
  mapping: Mapping
  valueMatches?: ValueMatches
  /** IANA zone for times without an offset (default Asia/Taipei). */
  timezone: string
  /** Day/month order chosen for a column whose dates are ambiguous (01/02/2026). Key: source column header. */
  dateOrder?: Record<string, 'dmy' | 'mdy' | 'ymd'>
  /** Unmapped columns carried into payload.metadata (targets that support metadata). */
  metadataColumns?: string[]
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
  /** SHOPLINE: shipping as a 運費 line or in the order remarks (default as a line). */
  shipping?: ShippingChoice
  /** Row numbers (as Excel shows them) left out of the import. */
  excludedRows?: number[]
}

export interface PrepareSummary {
  /** Source data rows taken into account (not blank, not excluded). */
  rows: number
  /** Records (one per row; one per order for SHOPLINE) that can be sent / that cannot. */
  valid: number
  invalid: number
  /** Number of warning issues. */
  warnings: number
  /** Merged records (Target.mergeRows: customers from an order export): the source rows behind the valid ones. */
  validRows?: number
  /** Sheet rows listed by the "errors" / "warnings" filters (what the grid shows; SHOPLINE orders span several rows). */
  errorRows?: number
  warningRows?: number
}

export interface Preparation {
  readonly records: PreparedRecord[]
  readonly issues: Issue[]
  /** Columns whose day/month order must be chosen (settings.dateOrder) before their rows can be sent. */
  ambiguousDateColumns: string[]
  summary(): PrepareSummary
  issuesForRow(rowNumber: number): Issue[]
  /** review: the row's normalized field values (what will be sent), or null for a blank or excluded row. */
  valuesOf?(rowNumber: number): Readonly<Record<string, FieldValue>> | null
  /** Grouped destinations: the order this row belongs to, when it has more than one row (for the grid's group marker). */
  groupOf?(rowNumber: number): { orderNo: string; rows: number[] } | null
  /** Replace one row's cells and re-validate that row (its order for SHOPLINE) and the duplicate index only. */
  updateRow(rowNumber: number, cells: Cell[]): void
  setExcluded(rowNumber: number, excluded: boolean): void
}
