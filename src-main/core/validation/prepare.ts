// createPreparation: the whole sheet mapped, normalized and validated, kept incrementally up to date on edits.
import type { Cell, SheetRow, SheetTable } from '../workbook/types'
import type { CompactChunk } from '../workbook/compact-rows'
import type { FieldValue, PreparedRecord, Target } from '../targets/types'
import { getTarget } from '../targets/index'
import { buildSheetPlan, type SheetPlan } from './plan'
import { fieldText, isBlankRow, normalizeRow, type CellsSource, type RowState } from './row'
import { ArrayRowList, CompactRowList, OverlayRowList, rowNumbersOf, type ListTable, type RowList } from './row-list'
import { duplicateIssue, duplicateKey, stampWarnings, type DuplicateRule } from './rules'
import { schemaIssue } from './schema-check'
import { buildOrderGroup } from './order-group'
import { buildMergedRecord, mergeKey } from './record-merge'
import { formulaWarnings } from './formula-warning'
import { SortedIndex } from './sorted-index'
import type { Issue, Preparation, PrepareSettings, PrepareSummary } from './types'
import { chainEventOf, chainWarnings, deriveEventRow } from '../targets/zangsho-subscription-events-rules'

const NO_ORDER_NO = '\u0000row:'
const NO_ISSUES: Issue[] = []
const NO_CHAIN = new Map<number, Issue[]>()
const MAX_NAMED_ROWS = 10

export class PreparationImpl implements Preparation {
  ambiguousDateColumns: string[]
  private readonly target: Target
  private sheet: SheetPlan
  private readonly settings: PrepareSettings
  /** Streaming (stream-prepare.ts): the order whose rows may continue in the next chunk, refreshed later. */
  private pendingGroup: string | null = null
  /** Streaming: compact, as the reader sent them; otherwise the table's rows. */
  private readonly rows: RowList
  private readonly indexOf: RowIndex
  /** Row states look their cells up here instead of holding them. */
  private readonly cellsSource: CellsSource = {
    cellsOf: (rowNumber) => this.rows.rowAt(this.requireIdx(rowNumber)).cells
  }
  private readonly states: (RowState | null)[]
  private readonly excluded: Set<number>
  private readonly rule: DuplicateRule | undefined
  /** Duplicate index (per-row targets) or order groups (SHOPLINE): key → row indexes in sheet order. */
  private readonly byKey = new SortedIndex()
  private readonly keyOfIdx: (string | null)[]
  private readonly slots: (PreparedRecord | undefined)[]
  /** Issues found while assembling a record (schema, SHOPLINE order-level), by row number. */
  private readonly recordIssues = new Map<number, Issue[]>()
  private readonly recordIssueRows: (number[] | undefined)[]
  private warningSum = 0
  private activeRows = 0
  private validCount = 0
  private invalidCount = 0
  /** Source rows behind the valid records (merged customers: "N 位顧客 from M rows"). */
  private validRowCount = 0
  private readonly shoplineIds: { deliveryOptionId: string; paymentMethodId: string }
  private readonly shipping: PrepareSettings['shipping']
  private recordsCache: PreparedRecord[] | null = null
  private issuesCache: Issue[] | null = null
  /** Subscription events: chain warnings by row number, rebuilt after an edit. */
  private chainCache: Map<number, Issue[]> | null = null
  /** Rows [0, validated) are validated; a deferred preparation validates the rest in steps (validateNext). */
  validated = 0

  /**
   * mode 'deferred': rows are validated later in steps (validateNext); 'streaming': table holds the first rows only (for
   * the plan), appendRows() gives the rest and finishRows() ends.
   */
  constructor(table: PrepTable, settings: PrepareSettings, mode: 'now' | 'deferred' | 'streaming' = 'now') {
    this.settings = settings
    const streaming = mode === 'streaming'
    const target = getTarget(settings.target)
    if (!target) throw new RangeError(`Unknown target "${settings.target}"`)
    this.target = target
    this.sheet = buildSheetPlan(table, settings, target)
    this.ambiguousDateColumns = this.sheet.ambiguousDateColumns
    this.rows = streaming ? new CompactRowList(table.headers.length) : ownRows(table.rows)
    this.indexOf = new RowIndex(streaming ? [] : rowNumbersOf(this.rows))
    this.excluded = new Set(settings.excludedRows ?? [])
    this.rule = target.unique
    this.shipping = settings.shipping
    this.shoplineIds = {
      deliveryOptionId: settings.shopline?.deliveryOptionId ?? '',
      paymentMethodId: settings.shopline?.paymentMethodId ?? ''
    }
    const n = this.rows.length
    this.states = new Array(n).fill(null)
    this.keyOfIdx = new Array(n).fill(null)
    this.slots = new Array(n).fill(undefined)
    this.recordIssueRows = new Array(n)
    if (mode === 'deferred') return
    for (let i = 0; i < n; i++) this.setState(i, this.computeState(i))
    if (target.groupBy) for (const key of this.byKey.keys()) this.refreshGroup(key)
    else for (let i = 0; i < n; i++) this.refreshRow(i)
    this.validated = n
  }

  get total(): number {
    return this.rows.length
  }

  /**
   * Validate up to `count` more rows: their own rules now, and the orders / duplicate sets they join (rows validated
   * earlier are re-checked against them). Returns true once every row is validated; the end state equals one-shot.
   */
  validateNext(count: number): boolean {
    const from = this.validated
    const to = Math.min(this.rows.length, from + Math.max(1, count))
    const keys = new Set<string>()
    for (let i = from; i < to; i++) {
      this.setState(i, this.computeState(i))
      const key = this.keyOfIdx[i]
      if (key !== null) keys.add(key)
      else if (!this.target.groupBy) this.refreshRow(i)
    }
    this.validated = to
    if (this.target.groupBy) for (const key of keys) this.refreshGroup(key)
    else for (const key of keys) for (const i of this.byKey.get(key)) this.refreshRow(i)
    this.recordsCache = null
    this.issuesCache = null
    this.chainCache = null
    return to >= this.rows.length
  }

  /** Streaming: the next rows, normalized and checked now; an earlier row's cross-row checks follow its new peers. */
  appendRows(rows: SheetRow[] | CompactChunk): void {
    const list = this.rows
    if (!(list instanceof CompactRowList)) throw new Error('appendRows: not a streaming preparation')
    const from = list.length
    if (Array.isArray(rows)) list.addRows(rows)
    else list.add(rows)
    const numbers: number[] = []
    for (let i = from; i < list.length; i++) {
      numbers.push(list.rowNumberAt(i))
      this.states.push(null)
      this.keyOfIdx.push(null)
      this.slots.push(undefined)
      this.recordIssueRows.push(undefined)
    }
    this.indexOf.append(numbers)
    const added = new Map<string, number>()
    for (let i = from; i < this.rows.length; i++) {
      this.setState(i, this.computeState(i))
      const key = this.keyOfIdx[i]
      if (key !== null) added.set(key, (added.get(key) ?? 0) + 1)
    }
    this.validated = this.rows.length
    if (this.target.groupBy) {
      // an order is rebuilt once its rows so far are in; the last one may go on in the next chunk
      const last = this.keyOfIdx[this.rows.length - 1] ?? null
      if (this.pendingGroup !== null) added.set(this.pendingGroup, 0)
      for (const key of added.keys()) if (key !== last) this.refreshGroup(key)
      this.pendingGroup = last
    } else {
      for (let i = from; i < this.rows.length; i++) this.refreshRow(i)
      // a key seen once before this chunk now has a duplicate: its earlier row turns invalid
      for (const [key, n] of added)
        if (this.byKey.count(key) - n === 1) for (const i of this.byKey.get(key)) if (i < from) this.refreshRow(i)
    }
    this.recordsCache = null
    this.issuesCache = null
    this.chainCache = null
  }

  /** Streaming: every row is in. The plan is made again from all rows (dates' day/month order, the first data row);
   * rows are normalized again only when its decisions changed. */
  finishRows(table: Omit<SheetTable, 'rows'>): void {
    const before = this.sheet
    if (this.rows instanceof CompactRowList) this.rows.setWidth(table.headers.length)
    this.sheet = buildSheetPlan({ ...table, rows: this.rows }, this.settings, this.target)
    this.ambiguousDateColumns = this.sheet.ambiguousDateColumns
    const same =
      before.plan.sources.length === this.sheet.plan.sources.length &&
      before.plan.sources.every(
        (s, k) =>
          s.field.key === this.sheet.plan.sources[k].field.key &&
          s.order === this.sheet.plan.sources[k].order &&
          s.unresolvedOrder === this.sheet.plan.sources[k].unresolvedOrder
      )
    if (!same) for (let i = 0; i < this.rows.length; i++) this.setState(i, this.computeState(i))
    if (!same || before.blocked !== this.sheet.blocked) {
      if (this.target.groupBy) for (const key of this.byKey.keys()) this.refreshGroup(key)
      else for (let i = 0; i < this.rows.length; i++) this.refreshRow(i)
    } else if (this.pendingGroup !== null) this.refreshGroup(this.pendingGroup)
    this.pendingGroup = null
    this.recordsCache = null
    this.issuesCache = null
    this.chainCache = null
  }

  /** The rows as given, with their edits (streaming: the table's rows), as SheetRows. */
  sheetRows(): SheetRow[] {
    return [...this.rows]
  }

  /** Streaming, before finishRows: merged areas read at the sheet's end fill their rows (checked again by updateRow). */
  fillMerges(fill: (rows: SheetRow[]) => number[], rowNumbers: Iterable<number>): SheetRow[] {
    const rows: SheetRow[] = []
    const taken = new Set<number>() // merged areas may share rows: each row is made once
    for (const rowNumber of rowNumbers) {
      const idx = this.indexOf.get(rowNumber)
      if (idx === undefined || taken.has(idx)) continue
      taken.add(idx)
      rows.push(this.rows.rowAt(idx))
    }
    const changed = fill(rows)
    const byNumber = new Map(rows.map((r) => [r.rowNumber, r]))
    const out = changed.map((rowNumber) => byNumber.get(rowNumber)!)
    for (const row of out) this.rows.set(this.requireIdx(row.rowNumber), row)
    return out
  }

  get records(): PreparedRecord[] {
    this.recordsCache ??= this.slots.filter((r): r is PreparedRecord => r !== undefined)
    return this.recordsCache
  }

  get issues(): Issue[] {
    if (!this.issuesCache) {
      const out: Issue[] = []
      for (let i = 0; i < this.rows.length; i++) out.push(...this.issuesForRow(this.rows.rowNumberAt(i)))
      const atNoRow = this.sheet.globalIssues.filter((g) => !this.indexOf.has(g.row))
      this.issuesCache = atNoRow.concat(out)
    }
    return this.issuesCache
  }

  summary(): PrepareSummary {
    const globalWarnings = this.sheet.globalIssues.filter((i) => i.severity === 'warning').length
    let recordWarnings = 0
    for (const list of this.recordIssues.values()) for (const i of list) if (i.severity === 'warning') recordWarnings++
    let chain = 0
    for (const list of this.chainIssues().values()) chain += list.length
    return {
      rows: this.activeRows,
      valid: this.validCount,
      invalid: this.invalidCount,
      warnings: this.warningSum + globalWarnings + recordWarnings + chain,
      ...(this.target.mergeRows ? { validRows: this.validRowCount } : {})
    }
  }

  valuesOf(rowNumber: number): Readonly<Record<string, FieldValue>> | null {
    const idx = this.indexOf.get(rowNumber)
    return idx === undefined ? null : (this.states[idx]?.values ?? null)
  }

  issuesForRow(rowNumber: number): Issue[] {
    const out = this.sheet.globalIssues.filter((g) => g.row === rowNumber)
    const idx = this.indexOf.get(rowNumber)
    if (idx === undefined) return out
    const st = this.states[idx]
    if (st) out.push(...st.issues)
    const dup = this.duplicateIssueFor(idx)
    if (dup) out.push(dup)
    const extra = this.recordIssues.get(rowNumber)
    if (extra) out.push(...extra)
    const chain = this.chainIssues().get(rowNumber)
    if (chain) out.push(...chain)
    return out
  }

  private chainIssues(): Map<number, Issue[]> {
    if (!this.target.eventRules) return NO_CHAIN
    if (!this.chainCache) {
      const events = this.states.map((st) => (st ? chainEventOf(st) : null)).filter((e) => e !== null)
      this.chainCache = new Map()
      for (const w of chainWarnings(events, this.sheet.columnOf))
        this.chainCache.set(w.row, [...(this.chainCache.get(w.row) ?? []), w])
    }
    return this.chainCache
  }

  groupOf(rowNumber: number): { orderNo: string; rows: number[] } | null {
    const idx = this.indexOf.get(rowNumber)
    const key = idx === undefined ? null : this.keyOfIdx[idx]
    if (!this.target.groupBy || key === null || key.startsWith(NO_ORDER_NO) || this.byKey.count(key) < 2) return null
    return { orderNo: key, rows: this.byKey.get(key).map((i) => this.rows.rowNumberAt(i)) }
  }

  updateRow(rowNumber: number, cells: Cell[]): void {
    const idx = this.requireIdx(rowNumber)
    this.rows.set(idx, { rowNumber, cells })
    if (idx < this.validated) this.recompute(idx) // a row not validated yet is validated with its new cells later
  }

  setExcluded(rowNumber: number, excluded: boolean): void {
    const idx = this.requireIdx(rowNumber)
    if (excluded === this.excluded.has(rowNumber)) return
    if (excluded) this.excluded.add(rowNumber)
    else this.excluded.delete(rowNumber)
    if (idx < this.validated) this.recompute(idx)
  }

  private requireIdx(rowNumber: number): number {
    const idx = this.indexOf.get(rowNumber)
    if (idx === undefined) throw new RangeError(`Row ${rowNumber} is not a data row of this sheet`)
    return idx
  }

  private computeState(idx: number): RowState | null {
    const row = this.rows.rowAt(idx)
    if (this.excluded.has(row.rowNumber) || isBlankRow(row)) return null
    const st = normalizeRow(this.sheet.plan, row, this.cellsSource)
    if (!this.target.groupBy)
      for (const w of stampWarnings(this.target, st, this.sheet.columnOf, this.sheet.plan)) st.issues.push(w) // grouped: per order (order-group.ts)
    if (this.target.eventRules) deriveEventRow(st, this.sheet.columnOf)
    for (const w of formulaWarnings(this.sheet.plan, st, row.cells)) st.issues.push(w)
    return st
  }

  private keyFor(st: RowState | null): string | null {
    if (!st) return null
    if (this.target.groupBy) {
      const v = st.values[this.target.groupBy]
      if (this.target.mergeRows) return mergeKey(this.target.mergeRows, v) ?? NO_ORDER_NO + st.rowNumber
      return typeof v === 'string' && v !== '' ? v : NO_ORDER_NO + st.rowNumber
    }
    return this.rule ? duplicateKey(this.rule, st) : null
  }

  /** Install a row's new state: counters, and its place in the key index. Returns the previous key. */
  private setState(idx: number, st: RowState | null): string | null {
    const old = this.states[idx]
    if (old) {
      this.activeRows--
      this.warningSum -= countWarnings(old.issues)
    }
    if (st) {
      this.activeRows++
      this.warningSum += countWarnings(st.issues)
    }
    this.states[idx] = st
    const oldKey = this.keyOfIdx[idx]
    const newKey = this.keyFor(st)
    if (oldKey !== newKey) {
      if (oldKey !== null) this.byKey.remove(oldKey, idx)
      if (newKey !== null) this.byKey.add(newKey, idx)
      this.keyOfIdx[idx] = newKey
    }
    return oldKey
  }

  private recompute(idx: number): void {
    const oldKey = this.setState(idx, this.computeState(idx))
    const newKey = this.keyOfIdx[idx]
    if (this.target.groupBy) {
      this.setSlot(idx, undefined, NO_ISSUES) // the row may have headed its old order
      if (oldKey !== null) this.refreshGroup(oldKey)
      if (newKey !== null && newKey !== oldKey) this.refreshGroup(newKey)
    } else {
      const affected = new Set<number>([idx])
      if (oldKey !== null) for (const i of this.byKey.get(oldKey)) affected.add(i)
      if (newKey !== null) for (const i of this.byKey.get(newKey)) affected.add(i)
      for (const i of affected) this.refreshRow(i)
    }
    this.recordsCache = null
    this.issuesCache = null
    this.chainCache = null
  }

  private duplicateIssueFor(idx: number): Issue | null {
    if (!this.rule || this.target.groupBy) return null
    const key = this.keyOfIdx[idx]
    if (key === null || this.byKey.count(key) < 2) return null
    const members = this.byKey.get(key)
    const others = members
      .filter((i) => i !== idx)
      .slice(0, MAX_NAMED_ROWS)
      .map((i) => this.rows.rowNumberAt(i))
    const st = this.states[idx]!
    return duplicateIssue(
      this.target,
      this.rule,
      st.rowNumber,
      this.sheet.columnOf(this.rule.field),
      fieldText(this.sheet.plan, st, this.rule.field) || key,
      others
    )
  }

  /** Per-row destinations: rebuild the record of one row. */
  private refreshRow(idx: number): void {
    const st = this.states[idx]
    if (!st) return this.setSlot(idx, undefined, NO_ISSUES)
    const payload = this.target.buildPayload!(st.values, st.metadata)
    const hasError =
      this.sheet.blocked ||
      st.blocked ||
      st.issues.some((i) => i.severity === 'error') ||
      this.duplicateIssueFor(idx) !== null
    const bad = hasError ? null : schemaIssue(this.target, payload, st.rowNumber)
    const record: PreparedRecord = {
      row: st.rowNumber,
      rows: [st.rowNumber],
      valid: !hasError && !bad,
      payload,
      key: this.target.naturalKey(payload)
    }
    const resolveBy = this.target.push?.resolveCustomerId?.emailField
    const email = resolveBy ? st.values[resolveBy] : undefined
    if (typeof email === 'string') record.resolve = { customer_id: { byEmail: email } }
    const cancel = this.target.push?.cancelAfterCreate?.body(st.values)
    if (cancel) record.cancel = cancel
    this.setSlot(idx, record, bad ? [bad] : NO_ISSUES)
  }

  /** Grouped destinations: rebuild the order made of every row sharing this order number. */
  private refreshGroup(key: string): void {
    const members = this.byKey.get(key)
    for (const i of members) this.setSlot(i, undefined, NO_ISSUES)
    if (members.length === 0) return
    const states = members.map((i) => this.states[i]!)
    const orderNo = key.startsWith(NO_ORDER_NO) ? '' : key
    if (this.target.mergeRows) {
      const ctx = { target: this.target, plan: this.sheet.plan, columnOf: this.sheet.columnOf }
      const merged = buildMergedRecord({ ...ctx, globallyBlocked: this.sheet.blocked }, orderNo, states)
      return this.setSlot(members[0], merged.record, merged.issues)
    }
    const { record, issues } = buildOrderGroup(
      {
        target: this.target,
        plan: this.sheet.plan,
        columnOf: this.sheet.columnOf,
        globallyBlocked: this.sheet.blocked,
        deliveryOptionId: this.shoplineIds.deliveryOptionId,
        paymentMethodId: this.shoplineIds.paymentMethodId,
        ...(this.shipping ? { shipping: this.shipping } : {})
      },
      orderNo,
      states
    )
    this.setSlot(members[0], record, issues)
  }

  /** Put a record (or none) in a slot, with the issues found while building it; keeps the counters right. */
  private setSlot(idx: number, record: PreparedRecord | undefined, issues: Issue[]): void {
    const old = this.slots[idx]
    if (old) {
      if (old.valid) this.validCount--
      else this.invalidCount--
      if (old.valid) this.validRowCount -= old.rows.length
    }
    if (record) {
      if (record.valid) this.validCount++
      else this.invalidCount++
      if (record.valid) this.validRowCount += record.rows.length
    }
    this.slots[idx] = record
    const before = this.recordIssueRows[idx]
    if (before) for (const rowNumber of before) this.recordIssues.delete(rowNumber)
    if (issues.length === 0) {
      this.recordIssueRows[idx] = undefined
      return
    }
    const rowsTouched: number[] = []
    for (const issue of issues) {
      const list = this.recordIssues.get(issue.row)
      if (list) list.push(issue)
      else {
        this.recordIssues.set(issue.row, [issue])
        rowsTouched.push(issue.row)
      }
    }
    this.recordIssueRows[idx] = rowsTouched
  }
}

function countWarnings(issues: Issue[]): number {
  let n = 0
  for (const i of issues) if (i.severity === 'warning') n++
  return n
}

/** Row number → index in the sheet: arithmetic when numbering is contiguous (the usual case), a Map otherwise. */
class RowIndex {
  private base: number
  private map: Map<number, number> | null
  private size: number
  constructor(rowNumbers: readonly number[]) {
    this.size = rowNumbers.length
    this.base = rowNumbers.length > 0 ? rowNumbers[0] : 0
    const contiguous = rowNumbers.every((n, i) => n === this.base + i)
    this.map = contiguous ? null : new Map(rowNumbers.map((n, i) => [n, i]))
  }
  /** Streaming: rows after those indexed so far. */
  append(rowNumbers: readonly number[]): void {
    if (this.size === 0 && !this.map && rowNumbers.length) this.base = rowNumbers[0]
    for (const n of rowNumbers) {
      if (!this.map && n !== this.base + this.size) {
        this.map = new Map()
        for (let i = 0; i < this.size; i++) this.map.set(this.base + i, i)
      }
      this.map?.set(n, this.size)
      this.size++
    }
  }
  get(rowNumber: number): number | undefined {
    if (this.map) return this.map.get(rowNumber)
    const i = rowNumber - this.base
    return Number.isInteger(i) && i >= 0 && i < this.size ? i : undefined
  }
  has(rowNumber: number): boolean {
    return this.get(rowNumber) !== undefined
  }
}

/** A table to prepare: its rows as SheetRows, or as a RowList (the workspace keeps them compact). */
export type PrepTable = SheetTable | ListTable

/** The preparation's own view of the rows: its edits (updateRow) never change the caller's rows. */
function ownRows(rows: SheetRow[] | RowList): RowList {
  return Array.isArray(rows) ? new ArrayRowList(rows.slice()) : new OverlayRowList(rows)
}

export function createPreparation(table: PrepTable, settings: PrepareSettings): Preparation {
  return new PreparationImpl(table, settings)
}

/** A preparation validated in steps (the app's first page appears before the whole file is validated). */
export interface SteppedPreparation extends Preparation {
  /** Rows validated so far (from the top) and all data rows. */
  readonly validated: number
  readonly total: number
  validateNext(count: number): boolean
}

export function createSteppedPreparation(table: PrepTable, settings: PrepareSettings): SteppedPreparation {
  return new PreparationImpl(table, settings, 'deferred')
}
