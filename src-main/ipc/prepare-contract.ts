// The "prepare" part of the contract (issue 3): destination, column mapping, value matching, rows with issues, cell edits.
// Imports only zod, the target id list (plain data) and type-only plain-data core types (the renderer reads the types).
import { z } from 'zod'
import { deriveEntrySchema } from '../core/mapping/derivation-schema'
import type { ColumnMatch, Mapping, MappingProblem } from '../core/mapping/types'
import { TARGET_IDS, type FieldType, type TargetId } from '../core/targets/types'
import type { Cell } from '../core/workbook/types'
import type { Issue, PrepareSummary } from '../core/validation/types'
import type { SessionSummary } from '../core/workspace/types'
import type { WorkbookView } from './shared-contract'
import type { DerivedFieldPreview } from '../core/mapping/derivation-types'

export type { Mapping, MappingEntry, MappingProblem } from '../core/mapping/types'
export type { Derivation } from '../core/mapping/derivation-types'
export type { DerivedFieldPreview } from '../core/mapping/derivation-types'
export type { Issue, PrepareSummary } from '../core/validation/types'
export type { TargetId } from '../core/targets/types'

interface Text {
  'zh-TW': string
  en: string
}

export interface FieldView {
  key: string
  label: Text
  help: Text
  required: boolean
  type: FieldType
  enumValues: string[]
  perLine: boolean
}

export interface TargetView {
  id: TargetId
  label: Text
  fields: FieldView[]
  /** Unmapped columns can be carried into payload.metadata. */
  supportsMetadata: boolean
  /** What about this destination is inferred rather than documented (shown above the mapping). */
  notice?: Text
  /** One record is one order sent on its own (SHOPLINE): the ready count reads "orders", not "records". */
  countsOrders: boolean
  /** Rows of one e-mail are one customer (customers from an order export): "N 位顧客 (from M rows)". */
  countsCustomers?: boolean
  /** The connection must choose shop-specific ids (SHOPLINE delivery option and payment method) before pushing. */
  needsProfileChoices: boolean
}

export interface ValueList {
  field: string
  column: string
  /** Distinct values, most frequent first; match = the user's choice, else the suggestion, else null (an error on its rows). */
  values: { value: string; count: number; match: string | null; suggested: string | null; chosen: boolean }[]
  /** More distinct values exist than were listed. */
  truncated: boolean
}

/** A saved import session (autosaved; restorable after a restart or crash). */
export type SessionSummaryView = SessionSummary

export interface PrepareView {
  prepId: string
  target: TargetId
  headers: string[]
  mapping: Mapping
  /** How auto-mapping rated the column each field has now (absent when the user chose it or it is a constant). */
  confidence: Record<string, Pick<ColumnMatch, 'confidence' | 'reason' | 'note'>>
  problems: MappingProblem[]
  summary: PrepareSummary
  valueLists: ValueList[]
  ambiguousDateColumns: string[]
  unmappedColumns: string[]
  totalRows: number
  /** IANA zone for spreadsheet times without an offset (default Asia/Taipei). */
  timezone: string
  /** Day/month order chosen per source column. */
  dateOrder: Record<string, DateOrderChoice>
  /** Unmapped columns carried into metadata. */
  metadataColumns: string[]
  /** The saved template applied when this preparation started, if any. */
  template: { id: string; name: string } | null
  /** The export recognized from the header row (「已辨識：蝦皮 訂單匯出」) whose layout the mapping started from, or null. */
  source: { id: string; label: Text; lacks: { field: string; why: Text }[] } | null
  /** Recognizing the export is on (default); prepare.setOptions { useSourceLayout } turns it off and maps again. */
  useSourceLayout: boolean
  /** SHOPLINE: shipping as a 運費 line (counted in revenue) or in the order remarks (prepare.setOptions { shipping }). */
  shipping: { mode: 'as-line' | 'in-remarks'; lineName?: string }
  /** Derived fields: the rule in words and its result on the first few rows. */
  derived: DerivedFieldPreview[]
  /** SHOPLINE: the connection whose delivery option and payment method go into every order (null: none chosen). */
  profileId: string | null
  /** Fields looked up in a second spreadsheet, described in words (「從 customers.xlsx 以 手機 對應 Email」). */
  lookups?: LookupView[]
  /** Said once for the whole file: required fields it has no column for (with the recognized export's reason), unreadable lookups. */
  fileIssues?: { field: string; code: string; message: string; messageZh: string }[]
  /** issue 14: set while the file is still read or its rows validated (absent once all are). */
  progress?: PrepareProgress
}

/** issue 14: a preparation still reading its file or validating its rows (the grid lists the rows validated so far). */
export interface PrepareProgress {
  phase: 'reading' | 'validating'
  validated: number
  /** While reading: data rows read so far. */
  read?: number
  /** All data rows, once the file is read. */
  total: number | null
}

/** issue 14: pushed while a preparation reads and validates; 'done' once every row is validated (counts final). */
export interface PrepareProgressEvent {
  type: 'prepare.progress'
  prepId: string
  progress: PrepareProgress | null
  summary: PrepareSummary
  /** The full read failed after the first rows were shown (the preparation is closed). */
  error?: { code: string; message: string }
}

export interface LookupView {
  field: string
  fileName: string
  keyColumn: string
  valueColumn: string
  mainKeyColumn: string
  /** The main table's column holding the values found (the field is mapped to it). */
  column: string
  description: Text
  /** Rows whose key was found / not found (unmatched, ambiguous or empty). */
  found: number
  problems: number
}

/** A second spreadsheet chosen for a lookup: kept with the session, its headers to choose the key and value columns. */
export interface LookupFileView {
  fileId: string
  name: string
  headers: string[]
}

export type DateOrderChoice = 'ymd' | 'dmy' | 'mdy'

export interface TemplateView {
  id: string
  name: string
  target: TargetId
  headers: string[]
  updatedAt: string
}

export type RowFilter = 'all' | 'errors' | 'warnings' | 'excluded'

export interface PrepareRow {
  rowNumber: number
  cells: Cell[]
  excluded: boolean
  edited: string[]
  issues: Issue[]
  /** The order this row is part of, when that order spans several rows (rows sharing an order number). */
  group?: { orderNo: string; rows: number[] }
  /** review: what will be sent per mapped source column (normalized in main); enum: the API code, shown with its label. */
  display?: Record<string, { text: string; enum?: true }>
}

export interface PreparePage {
  offset: number
  total: number
  rows: PrepareRow[]
  summary: PrepareSummary
}

import { boundedRecord, MAX_COLUMN_KEYS, MAX_MAPPING_KEYS, MAX_ROW_NUMBER } from './bounds-contract'
const prepId = z.string().min(1).max(64)
const targetId = z.enum(TARGET_IDS)
const mappingEntry = z.union([
  z
    .object({
      column: z.string().min(1).max(255),
      constant: z.union([z.string().max(1000), z.number().finite(), z.boolean()])
    })
    .strict(),
  z.object({ column: z.string().min(1).max(255) }).strict(),
  z.object({ constant: z.union([z.string().max(1000), z.number().finite(), z.boolean()]) }).strict(),
  deriveEntrySchema
])

// Electron delivers a renderer Uint8Array as Uint8Array; accept a bare ArrayBuffer too.
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer).transform((b) => new Uint8Array(b))])
const column = z.string().min(1).max(255)

export const prepareMethodArgs = {
  'targets.list': z.object({}).strict(),
  'prepare.start': z.object({ sessionId: z.string().min(1).max(64), target: targetId }).strict(),
  'prepare.setTarget': z.object({ prepId, target: targetId }).strict(),
  'prepare.setMapping': z
    .object({ prepId, mapping: boundedRecord(z.string().min(1).max(100), mappingEntry, MAX_MAPPING_KEYS) })
    .strict(),
  'prepare.setValueMatch': z
    .object({
      prepId,
      field: z.string().min(1).max(100),
      value: z.string().max(1000),
      match: z.string().min(1).max(100).nullable()
    })
    .strict(),
  'prepare.rows': z
    .object({
      prepId,
      offset: z.number().int().min(0).max(MAX_ROW_NUMBER),
      limit: z.number().int().min(1).max(1000),
      filter: z.enum(['all', 'errors', 'warnings', 'excluded']),
      issue: z.string().min(1).max(800).optional()
    })
    .strict(),
  'prepare.editCell': z
    .object({
      prepId,
      row: z.number().int().min(1).max(MAX_ROW_NUMBER),
      column: z.string().min(1).max(255),
      value: z.string().max(10_000)
    })
    .strict(),
  'prepare.exclude': z
    .object({
      prepId,
      rows: z.array(z.number().int().min(1).max(MAX_ROW_NUMBER)).max(1_000_000),
      excluded: z.boolean()
    })
    .strict(),
  'prepare.setOptions': z
    .object({
      prepId,
      timezone: z.string().min(1).max(64).optional(),
      dateOrder: boundedRecord(z.string().min(1).max(255), z.enum(['ymd', 'dmy', 'mdy']), MAX_COLUMN_KEYS).optional(),
      metadataColumns: z.array(z.string().min(1).max(255)).max(500).optional(),
      useSourceLayout: z.boolean().optional(),
      shipping: z
        .object({ mode: z.enum(['as-line', 'in-remarks']), lineName: z.string().max(100).optional() })
        .strict()
        .optional()
    })
    .strict(),
  'prepare.setProfile': z.object({ prepId, profileId: z.string().min(1).max(64).nullable() }).strict(),
  'prepare.close': z.object({ prepId }).strict(),
  'prepare.constantReach': z.object({ prepId, field: z.string().min(1).max(100) }).strict(),
  'prepare.setCells': z
    .object({
      prepId,
      rows: z.array(z.number().int().min(1)).min(1).max(1_000_000),
      column: z.string().min(1).max(255),
      value: z.string().max(10_000)
    })
    .strict(),
  'prepare.rowNumbers': z.object({ prepId, filter: z.enum(['all', 'errors', 'warnings', 'excluded']) }).strict(),
  'prepare.lookupFile': z.object({ prepId, name: z.string().min(1).max(255), bytes }).strict(),
  'prepare.setLookup': z
    .object({
      prepId,
      field: z.string().min(1).max(100),
      lookup: z
        .object({
          fileId: z.string().regex(/^lookup-[a-f0-9]{8}(\.[a-z0-9]{1,8})?$/),
          name: z.string().min(1).max(255),
          keyColumn: column,
          valueColumn: column,
          mainKeyColumn: column
        })
        .strict()
        .nullable()
    })
    .strict(),
  'sessions.list': z.object({}).strict(),
  'sessions.restore': z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }).strict(),
  'sessions.remove': z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }).strict(),
  'templates.list': z.object({}).strict(),
  'templates.save': z.object({ prepId, name: z.string().trim().min(1).max(100) }).strict(),
  'templates.rename': z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(100) }).strict(),
  'templates.remove': z.object({ id: z.string().min(1).max(64) }).strict()
}

export interface PrepareMethodResults {
  'targets.list': TargetView[]
  'prepare.start': PrepareView
  'prepare.setTarget': PrepareView
  'prepare.setMapping': PrepareView
  'prepare.setValueMatch': PrepareView
  'prepare.rows': PreparePage
  'prepare.editCell': { row: PrepareRow; summary: PrepareSummary }
  'prepare.exclude': { summary: PrepareSummary }
  'prepare.setOptions': PrepareView
  'prepare.setProfile': PrepareView
  'prepare.close': { closed: boolean }
  /** How many rows a constant for the field would fill (empty cells; for a status date, rows of that status). */
  'prepare.constantReach': { rows: number; total: number; status: string | null }
  /** One value typed into a column of the selected rows. */
  'prepare.setCells': { changed: number; summary: PrepareSummary }
  /** The row numbers a filter lists ("select all filtered"). */
  'prepare.rowNumbers': { rows: number[] }
  'prepare.lookupFile': LookupFileView
  'prepare.setLookup': PrepareView
  'sessions.list': SessionSummaryView[]
  /** The file as a workbook view (its sheet, header row and encoding) and its preparation, as they were saved. */
  'sessions.restore': { workbook: WorkbookView; prep: PrepareView }
  'sessions.remove': { removed: true }
  'templates.list': TemplateView[]
  'templates.save': TemplateView
  'templates.rename': TemplateView
  'templates.remove': { removed: boolean }
}
