// One import session at work: the saved state + the file's table + the live validation, kept in step on every change.
import { openWorkbookCompact } from '../workbook'
import type { CompactTable, OpenHooks } from '../workbook'
import type { Cell, ReadLimits, ReadOptions, SheetRow, SheetTable, WorkbookError } from '../workbook/types'
import {
  ArrayRowList,
  CompactRowList,
  OverlayRowList,
  findRowIndex,
  rowNumbersOf,
  type ListTable,
  type RowList
} from '../validation/row-list'
import type { ShippingChoice, TargetId } from '../targets/types'
import type { Mapping, ValueMatches } from '../mapping/types'
import type { DateOrder } from '../mapping/dates'
import { mapWithSource, SOURCE_LAYOUTS } from '../sources'
import { getTarget } from '../targets/index'
import { createPreparation, createSteppedPreparation, type SteppedPreparation } from '../validation/prepare'
import type { Issue, Preparation, PrepareSettings, PrepareSummary } from '../validation/types'
import { applyEdits, type EditedRow } from './apply-edits'
import type { Autosaver, SessionSource, SessionStore } from './session-store'
import type { SessionState } from './session-schema'
import type { MappingTemplate, TemplateStore } from './templates'
import { filterRows, type RowFilter } from './row-filter'
import { getSourceLayout } from '../sources'
import { checkMainKeyColumn, lookupColumnName, type LookupIndex, type LookupIssue } from '../mapping/lookup'
import { joinLookups } from '../validation/prepare-with-lookups'
import { withFileIssues } from '../validation/file-issues'
import { issuesInUse, loadSessionLookups, type SessionLookup } from './session-lookups'
import { displayValues, type DisplayValue } from '../review/display-values'

export type { RowFilter } from './row-filter'

export interface SessionRow {
  rowNumber: number
  cells: Cell[]
  excluded: boolean
  /** Column headers whose value the user typed over. */
  edited: string[]
  issues: Issue[]
  /** The order this row is part of, when that order spans several rows. */
  group?: { orderNo: string; rows: number[] }
  /** review: the normalized value per mapped source column (what will be sent). */
  display?: Record<string, DisplayValue>
}

export interface SessionPage {
  offset: number
  limit: number
  /** Rows matching the filter. */
  total: number
  rows: SessionRow[]
}

export interface ImportSessionDeps {
  store: SessionStore
  templates?: TemplateStore
  limits?: Partial<ReadLimits>
  autosaveMs?: number
  shopline?: PrepareSettings['shopline']
  onSaveError?: (err: unknown) => void
  /** Autosave works again after failing (e.g. disk space was freed); retry period in autosaveRetryMs. */
  onSaveRecovered?: () => void
  autosaveRetryMs?: number
}

/** A progressive open (the app) still at work: the file is being read, or its rows validated from the top. */
export interface OpenProgress {
  phase: 'reading' | 'validating'
  /** Rows validated so far (they are what the grid lists meanwhile), and all data rows once the file is read. */
  validated: number
  /** While reading: data rows the reader has got through so far. */
  read?: number
  total: number | null
}

export interface ProgressiveHooks {
  /** The first rows of the file as the full read will give them (the preview already read), if the caller has them. */
  head?: SheetTable
  /** The first rows are mapped (with this saved template, if one was applied) and validated. */
  onFirstPage: (template: MappingTemplate | null) => void
  onProgress?: () => void
}

/** Rows validated per step of a progressive open, between which the event loop runs (IPC answers, edits). */
export const VALIDATE_STEP_ROWS = 1000

export type OpenOutcome =
  { ok: true; table: ListTable; template: MappingTemplate | null } | { ok: false; error: WorkbookError }

/**
 * The file's rows kept compact (raw values plus the texts that differ), as the reader sent them. The session never
 * asks for a streamed read (no onStart), so merged cells come filled in: the table has no dataMerges to apply.
 */
function compactRows(table: CompactTable): RowList {
  const width = table.headers.length
  const list = new CompactRowList(width)
  for (const chunk of table.rows.chunksFrom(0)) list.add(chunk)
  list.setWidth(width)
  return list
}

export class ImportSession {
  private base: ListTable | null = null
  private table: ListTable | null = null
  private prep: Preparation | null = null
  private filtered = new Map<RowFilter, number[]>()
  private lookupIndexes: LookupIndex[] = []
  /** Saved lookups whose file could not be read on open (shown, not fatal). */
  lookupErrors: { field: string; en: string; 'zh-TW': string }[] = []
  private readonly autosave: Autosaver
  /** SHOPLINE's delivery option and payment method (from the chosen profile): part of every order's payload. */
  private shopline: PrepareSettings['shopline'] | undefined
  /** Progressive open: true while the file is read; the preparation validated in steps until it is done. */
  private reading = false
  private rowsRead = 0
  private validation: Promise<void> | null = null
  private stepped: SteppedPreparation | null = null
  /** Progressive open: the first rows' mapping and validation, finished before the full table is used. */
  private headWork: Promise<MappingTemplate | null> | null = null

  constructor(
    readonly state: SessionState,
    private readonly deps: ImportSessionDeps
  ) {
    this.autosave = deps.store.autosaver(() => this.state, deps.autosaveMs ?? 500, deps.onSaveError, {
      onRecovered: deps.onSaveRecovered,
      retryMs: deps.autosaveRetryMs
    })
    this.shopline = deps.shopline
  }

  /** A new session: copy the file into the data dir. Call open() next. */
  static async create(source: SessionSource, deps: ImportSessionDeps): Promise<ImportSession> {
    return new ImportSession(await deps.store.create(source), deps)
  }

  /** The session saved under id (after a restart or crash), or null if there is none or it cannot be read. */
  static async restore(id: string, deps: ImportSessionDeps): Promise<ImportSession | null> {
    const state = await deps.store.load(id)
    return state ? new ImportSession(state, deps) : null
  }

  /**
   * Read the session's copy of the file with its sheet / header row / encoding (detected ones are pinned into the
   * state). On first open with a target and no mapping, a saved template for this header layout is applied, else auto-mapping.
   */
  async open(progressive?: ProgressiveHooks): Promise<OpenOutcome> {
    const options: ReadOptions = {}
    if (this.state.sheet !== null) options.sheet = this.state.sheet
    if (this.state.headerRow !== null) options.headerRow = this.state.headerRow
    if (this.state.encoding !== null) options.encoding = this.state.encoding
    // the first rows come from the caller (the preview it already read); without them the whole file is read first
    if (progressive?.head) this.showHead(progressive.head, progressive.onFirstPage)
    const hooks: OpenHooks | undefined = progressive && {
      onProgress: (read) => {
        this.rowsRead = read.rowsRead
        progressive.onProgress?.()
      }
    }
    const result = await openWorkbookCompact({ path: this.state.source.copyPath }, options, this.deps.limits, hooks)
    const headTemplate = this.headWork ? await this.headWork.catch(() => null) : null
    this.headWork = null
    if (!result.ok) return result
    const { rows: _compact, dataMerges: _merges, ...meta } = result.table
    this.base = { ...meta, rows: compactRows(result.table), file: this.state.source.name }
    this.state.sheet = this.base.sheet
    this.state.headerRow = this.base.headerRow
    this.state.encoding = this.base.encoding
    const template = Object.keys(this.state.mapping).length === 0 ? await this.mapFromTemplateOrAuto() : headTemplate
    const loaded = await loadSessionLookups(this.state.source.copyPath, this.state.lookups ?? [])
    this.lookupIndexes = loaded.indexes
    this.lookupErrors = loaded.errors
    this.rebuild(this.reading)
    await this.deps.store.save(this.state)
    return { ok: true, table: this.table as ListTable, template }
  }

  /**
   * open() for the app: onFirstPage is called as soon as the first rows (the worker's head) are mapped and validated,
   * long before the whole file is read; then every row is validated in steps of VALIDATE_STEP_ROWS that let the event
   * loop run, onProgress after each. Resolves when all rows are validated (or a change re-validated them at once).
   */
  async openProgressively(hooks: ProgressiveHooks): Promise<OpenOutcome> {
    let validated!: () => void
    this.validation = new Promise<void>((resolve) => (validated = resolve))
    this.reading = true
    let outcome: OpenOutcome
    try {
      outcome = await this.open(hooks)
    } catch (error) {
      validated()
      throw error
    } finally {
      this.reading = false
    }
    const stepped = this.stepped
    while (outcome.ok && stepped && this.stepped === stepped && !stepped.validateNext(VALIDATE_STEP_ROWS)) {
      this.filtered.clear()
      hooks.onProgress?.()
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    if (this.stepped === stepped) this.stepped = null
    this.filtered.clear()
    validated()
    return outcome
  }

  /** Resolves once a progressive open has validated every row (at once when there is none at work). */
  whenValidated(): Promise<void> {
    return this.validation ?? Promise.resolve()
  }

  /** Progressive open: where it is, or null once every row is validated. */
  get progress(): OpenProgress | null {
    if (this.reading) return { phase: 'reading', validated: this.visibleRows(), read: this.rowsRead, total: null }
    if (this.stepped) return { phase: 'validating', validated: this.stepped.validated, total: this.stepped.total }
    return null
  }

  /** The file's first rows: map them and validate them, so the grid has a first page while the rest is read. */
  private showHead(head: SheetTable, onFirstPage: ProgressiveHooks['onFirstPage']): void {
    if (this.base || (this.state.lookups ?? []).length) return // lookups join whole tables: wait for the full read
    this.headWork = (async () => {
      this.base = { ...head, rows: new ArrayRowList(head.rows), file: this.state.source.name }
      const template = Object.keys(this.state.mapping).length === 0 ? await this.mapFromTemplateOrAuto() : null
      this.rebuild()
      onFirstPage(template)
      return template
    })()
  }

  /** Rows the grid lists now: while a progressive open validates, only the rows validated so far. */
  private visibleRows(): number {
    const rows = this.table?.rows.length ?? 0
    return this.stepped ? Math.min(rows, this.stepped.validated) : rows
  }

  get headers(): string[] {
    return this.requireTable().headers
  }

  get preparation(): Preparation | null {
    return this.prep
  }

  /** The table with the user's edits applied (what validation sees); its rows stay compact (iterate or page them). */
  get editedTable(): ListTable {
    return this.requireTable()
  }

  summary(): PrepareSummary | null {
    if (!this.prep) return null
    // while validating in steps, counters only: the row counts cost a pass over every row (they come when done)
    if (this.stepped) return this.prep.summary()
    const { errorRows, warningRows } = this.rowCounts()
    return { ...this.prep.summary(), errorRows, warningRows }
  }

  page(offset: number, limit: number, filter: RowFilter = 'all'): SessionPage {
    const table = this.requireTable()
    const start = Math.max(0, Math.floor(offset))
    const end = start + Math.max(0, Math.floor(limit))
    // 'all' needs no index: pages straight from the table, so paging stays cheap right after an edit.
    if (filter === 'all') {
      const total = this.visibleRows()
      return {
        offset: start,
        limit,
        total,
        rows: table.rows.slice(start, Math.min(end, total)).map((r) => this.rowView(r))
      }
    }
    const indexes = this.indexesFor(filter)
    return {
      offset: start,
      limit,
      total: indexes.length,
      rows: indexes.slice(start, end).map((i) => this.rowView(table.rows.rowAt(i)))
    }
  }

  /** Type over one cell: saved as a sparse edit, that row (and the duplicate index) re-validated, autosave scheduled. */
  editCell(rowNumber: number, column: string, typed: string): SessionRow {
    const table = this.requireTable()
    const col = table.headers.indexOf(column)
    const idx = findRowIndex(table.rows, rowNumber)
    if (col < 0) throw new RangeError(`No column "${column}" in this sheet`)
    if (idx < 0) throw new RangeError(`Row ${rowNumber} is not a data row of this sheet`)
    return this.editAt(idx, col, typed)
  }

  /** The same value typed into one column of many rows (a selection); unknown rows are ignored. Returns how many changed. */
  editCells(rowNumbers: number[], column: string, typed: string): number {
    const table = this.requireTable()
    const col = table.headers.indexOf(column)
    if (col < 0) throw new RangeError(`No column "${column}" in this sheet`)
    let n = 0
    for (const rowNumber of new Set(rowNumbers)) {
      const idx = findRowIndex(table.rows, rowNumber)
      if (idx < 0) continue
      this.editAt(idx, col, typed)
      n++
    }
    return n
  }

  /** Different values typed into one column of many rows (find & replace); unknown rows are ignored. Returns how many changed. */
  editColumn(column: string, values: { row: number; value: string }[]): number {
    const table = this.requireTable()
    const col = table.headers.indexOf(column)
    if (col < 0) throw new RangeError(`No column "${column}" in this sheet`)
    let n = 0
    for (const { row, value } of values) {
      const idx = findRowIndex(table.rows, row)
      if (idx < 0) continue
      this.editAt(idx, col, value)
      n++
    }
    return n
  }

  /** These rows as the grid shows them (an issue group's page), in the order given; unknown rows are skipped. */
  rowsByNumber(rowNumbers: number[]): SessionRow[] {
    const rows = this.requireTable().rows
    return rowNumbers.flatMap((n) => {
      const idx = findRowIndex(rows, n)
      return idx < 0 ? [] : [this.rowView(rows.rowAt(idx))]
    })
  }

  /** Row numbers the filter lists, in sheet order ("select all filtered"). */
  rowNumbers(filter: RowFilter): number[] {
    const rows = this.requireTable().rows
    return filter === 'all' ? rowNumbersOf(rows) : this.indexesFor(filter).map((i) => rows.rowNumberAt(i))
  }

  private editAt(idx: number, col: number, typed: string): SessionRow {
    const value = String(typed ?? '')
    const table = this.requireTable()
    const base = this.requireBase()
    const rowNumber = table.rows.rowNumberAt(idx)
    const column = table.headers[col]
    const key = String(rowNumber)
    const rowEdits = { ...(this.state.edits[key] ?? {}) }
    const baseRow = base.rows.rowAt(idx)
    const original = baseRow.cells[col]
    // Typing the original text back removes the edit instead of storing a copy of the file's value.
    if ((original?.w ?? '') === value) delete rowEdits[column]
    else rowEdits[column] = value
    if (Object.keys(rowEdits).length) this.state.edits[key] = rowEdits
    else delete this.state.edits[key]
    if (col >= base.headers.length)
      throw new RangeError(
        `Column "${column}" comes from a lookup file: correct the key or the lookup file, or map another column`
      )
    if (this.lookupIndexes.some((ix) => ix.spec.mainKeyColumn === column)) {
      // a lookup key changed: join again
      this.rebuild()
      this.changed()
      return this.rowView(this.requireTable().rows.rowAt(idx))
    }
    const row = this.keepLookupCells(this.overlay(baseRow), table.rows.rowAt(idx))
    this.setRow(idx, row, baseRow)
    this.prep?.updateRow(rowNumber, row.cells)
    this.changed()
    return this.rowView(row)
  }

  setExcluded(rows: number[], excluded: boolean): void {
    const table = this.requireTable()
    const set = new Set(this.state.excluded)
    for (const n of rows) {
      if (findRowIndex(table.rows, n) < 0 || set.has(n) === excluded) continue
      if (excluded) set.add(n)
      else set.delete(n)
      this.prep?.setExcluded(n, excluded)
    }
    this.state.excluded = [...set].sort((a, b) => a - b)
    const base = this.requireBase()
    for (const n of new Set(rows)) {
      const i = findRowIndex(table.rows, n)
      if (i < 0) continue
      const baseRow = base.rows.rowAt(i)
      this.setRow(i, this.keepLookupCells(this.overlay(baseRow, set), table.rows.rowAt(i)), baseRow)
    }
    this.changed()
  }

  /**
   * Choose the destination. A different destination (once the file is open) starts from the template saved for this
   * header layout and destination, else from auto-mapping; value matches and date orders come from the template or reset.
   */
  async setTarget(target: TargetId | null): Promise<MappingTemplate | null> {
    const changed = target !== this.state.target
    this.state.target = target
    let template: MappingTemplate | null = null
    if (changed && this.base) {
      this.state.mapping = {}
      this.state.valueMatches = {}
      template = await this.mapFromTemplateOrAuto()
    }
    this.reconfigure()
    return template
  }

  setMapping(mapping: Mapping): void {
    this.state.mapping = mapping
    this.reconfigure()
  }
  setValueMatches(valueMatches: ValueMatches): void {
    this.state.valueMatches = valueMatches
    this.reconfigure()
  }
  setTimezone(timezone: string): void {
    this.state.timezone = timezone
    this.reconfigure()
  }
  setDateOrder(dateOrder: Record<string, DateOrder>): void {
    this.state.dateOrder = dateOrder
    this.reconfigure()
  }
  setMetadataColumns(columns: string[]): void {
    this.state.metadataColumns = columns
    this.reconfigure()
  }
  setShipping(shipping: ShippingChoice): void {
    this.state.shipping = shipping
    this.reconfigure()
  }

  /** The profile's SHOPLINE choices changed: re-validate only when they really differ (a rebuild costs a full pass). */
  setShopline(ids: PrepareSettings['shopline'] | null): void {
    const next =
      ids?.deliveryOptionId && ids.paymentMethodId
        ? { deliveryOptionId: ids.deliveryOptionId, paymentMethodId: ids.paymentMethodId }
        : undefined
    if (
      next?.deliveryOptionId === this.shopline?.deliveryOptionId &&
      next?.paymentMethodId === this.shopline?.paymentMethodId
    )
      return
    this.shopline = next
    if (this.base) this.rebuild()
    this.filtered.clear()
  }

  /** The edited table's row at idx: the file's own row again when it has no edit left (only edited rows are kept whole). */
  private setRow(idx: number, row: EditedRow, baseRow: SheetRow): void {
    const rows = this.requireTable().rows
    if (row === baseRow && rows instanceof OverlayRowList && !this.lookupIndexes.length) rows.reset(idx)
    else rows.set(idx, row)
  }

  /** Row counts of the errors / warnings filters: what the chips show always equals the rows the filter lists. */
  rowCounts(): { errorRows: number; warningRows: number } {
    return { errorRows: this.indexesFor('errors').length, warningRows: this.indexesFor('warnings').length }
  }

  /** Drop the table and the validation (the session stays saved on disk); open() brings them back. */
  release(): void {
    this.base = null
    this.table = null
    this.prep = null
    this.stepped = null
    this.filtered.clear()
  }

  /**
   * Read the file again with another sheet, header row or encoding. Row numbers and headers may mean something else
   * afterwards, so corrections and exclusions are cleared; the mapping is kept when the headers stay the same.
   */
  async setReadOptions(change: { sheet?: string; headerRow?: number; encoding?: string }): Promise<OpenOutcome> {
    const headersBefore = this.base?.headers.join('\u0000')
    if (change.sheet !== undefined && change.sheet !== this.state.sheet) {
      this.state.sheet = change.sheet
      if (change.headerRow === undefined) this.state.headerRow = null
    }
    if (change.headerRow !== undefined) this.state.headerRow = change.headerRow
    if (change.encoding !== undefined) this.state.encoding = change.encoding
    this.state.edits = {}
    this.state.excluded = []
    const keepMapping = this.state.mapping
    this.state.mapping = {}
    const outcome = await this.open()
    if (!outcome.ok || outcome.table.headers.join('\u0000') === headersBefore) {
      this.state.mapping = keepMapping
      this.reconfigure()
    }
    return outcome
  }

  /** Remember this session's mapping for its header layout (applied automatically next time). */
  async saveTemplate(name: string): Promise<MappingTemplate | null> {
    if (!this.deps.templates || !this.state.target) return null
    // a lookup belongs to this session's second file: the template keeps the file's own columns only
    const lookupColumns = new Set((this.state.lookups ?? []).map(lookupColumnName))
    const mapping = Object.fromEntries(
      Object.entries(this.state.mapping).filter(([, e]) => !('column' in e && lookupColumns.has(e.column)))
    )
    return this.deps.templates.save({
      name,
      headers: this.requireBase().headers,
      target: this.state.target,
      mapping,
      valueMatches: this.state.valueMatches,
      dateOrder: this.state.dateOrder
    })
  }

  /** Save anything pending now (call before quitting or closing the session). */
  flush(): Promise<void> {
    return this.autosave.flush()
  }

  private async mapFromTemplateOrAuto(): Promise<MappingTemplate | null> {
    const target = this.state.target ? getTarget(this.state.target) : undefined
    if (!target || !this.base) return null
    const template = (await this.deps.templates?.findFor(this.base.headers, target.id)) ?? null
    if (template) {
      this.state.mapping = template.mapping // the user's own template wins over a recognized export's layout
      this.state.valueMatches = template.valueMatches
      this.state.dateOrder = template.dateOrder
      this.state.sourceLayout = null
    } else {
      const sourced = mapWithSource(target, this.base.headers, SOURCE_LAYOUTS, this.state.useSourceLayout !== false)
      this.state.mapping = sourced.mapping
      this.state.valueMatches = sourced.valueMatches
      this.state.sourceLayout = sourced.source?.source.id ?? null
    }
    return template
  }

  /** Turn recognition of the export on or off; the mapping starts over (template, else layout or auto-mapping). */
  async setUseSourceLayout(on: boolean): Promise<MappingTemplate | null> {
    this.state.useSourceLayout = on
    this.state.mapping = {}
    this.state.valueMatches = {}
    const template = await this.mapFromTemplateOrAuto()
    this.reconfigure()
    return template
  }

  /**
   * Fill `field` from a second spreadsheet (a copy stored with storeLookupFile), or stop (null). The field is mapped to
   * the lookup's column; an error names the file and the column.
   */
  async setLookup(field: string, lookup: SessionLookup | null): Promise<{ en: string; 'zh-TW': string } | null> {
    const base = this.requireBase()
    const others = (this.state.lookups ?? []).filter((l) => l.field !== field)
    const before = (this.state.lookups ?? []).find((l) => l.field === field)
    if (lookup) {
      const bad = checkMainKeyColumn(base, lookup)
      if (bad) return bad
      const loaded = await loadSessionLookups(this.state.source.copyPath, [lookup])
      if (loaded.errors.length) return loaded.errors[0]
      this.lookupIndexes = [...this.lookupIndexes.filter((ix) => ix.spec.field !== field), ...loaded.indexes]
      this.state.lookups = [...others, lookup]
      this.state.mapping = { ...this.state.mapping, [field]: { column: lookupColumnName(lookup) } }
    } else {
      this.lookupIndexes = this.lookupIndexes.filter((ix) => ix.spec.field !== field)
      this.state.lookups = others
      const entry = this.state.mapping[field]
      if (before && entry && 'column' in entry && entry.column === lookupColumnName(before)) {
        const { [field]: _dropped, ...rest } = this.state.mapping
        this.state.mapping = rest
      }
    }
    this.lookupErrors = this.lookupErrors.filter((e) => e.field !== field)
    this.reconfigure()
    return null
  }

  /** A re-overlaid row keeps the lookup cells it had (they sit after the file's own columns). */
  private keepLookupCells(row: EditedRow, previous: SheetRow | undefined): EditedRow {
    const width = this.requireBase().headers.length
    if (!previous || previous.cells.length <= width) return row
    const own =
      row.cells.length >= width
        ? row.cells.slice(0, width)
        : [...row.cells, ...new Array<Cell>(width - row.cells.length).fill({ t: 'z', v: null, w: '' })]
    return { ...row, cells: [...own, ...previous.cells.slice(width)] }
  }

  private reconfigure(): void {
    if (this.base) this.rebuild()
    this.changed()
  }

  /** stepped: validate in steps (a progressive open drives them); else every row now. */
  private rebuild(stepped = false): void {
    this.stepped = null
    const base = this.requireBase()
    const excluded = new Set(this.state.excluded)
    const joined = this.editedRows(base, excluded)
    this.table = joined.table
    const target = this.state.target ? getTarget(this.state.target) : undefined
    if (!target) {
      this.prep = null
      return
    }
    const settings = this.settings(target.id)
    if (stepped) {
      this.stepped = createSteppedPreparation(this.table, settings)
      this.stepped.validateNext(VALIDATE_STEP_ROWS) // the rows the first page showed stay listed
    }
    const inner = this.stepped ?? createPreparation(this.table, settings)
    const lacks = this.state.sourceLayout ? getSourceLayout(this.state.sourceLayout)?.lacks : undefined
    // whole-file facts said once, and the lookups' reasons in place of "the cell is empty" (validation/file-issues.ts)
    this.prep = withFileIssues(inner, {
      target,
      mapping: settings.mapping,
      lacks,
      lookupIssues: issuesInUse(joined.issues, this.lookupIndexes, settings.mapping),
      excludedRows: settings.excludedRows
    })
  }

  /**
   * The file's rows with this session's edits and exclusions over them: only those rows are kept whole. Lookups join
   * every row (an extra column each), so with lookups the rows are made whole.
   */
  private editedRows(base: ListTable, excluded: ReadonlySet<number>): { table: ListTable; issues: LookupIssue[] } {
    if (this.lookupIndexes.length) {
      const whole = { ...base, rows: Array.from(base.rows, (r) => this.overlay(r, excluded)) }
      const joined = joinLookups(whole, this.lookupIndexes)
      return { table: { ...joined.table, rows: new ArrayRowList(joined.table.rows) }, issues: joined.issues }
    }
    const rows = new OverlayRowList(base.rows)
    const touched = new Set([...Object.keys(this.state.edits).map(Number), ...excluded])
    for (const n of touched) {
      const idx = findRowIndex(base.rows, n)
      if (idx < 0) continue
      const baseRow = base.rows.rowAt(idx)
      const row = this.overlay(baseRow, excluded)
      if (row !== baseRow) rows.set(idx, row)
    }
    return { table: { ...base, rows }, issues: [] }
  }

  private settings(target: TargetId): PrepareSettings {
    return {
      target,
      mapping: this.state.mapping,
      valueMatches: this.state.valueMatches,
      timezone: this.state.timezone,
      dateOrder: this.state.dateOrder,
      metadataColumns: this.state.metadataColumns,
      excludedRows: this.state.excluded,
      ...(this.shopline ? { shopline: this.shopline } : {}),
      ...(this.state.shipping ? { shipping: this.state.shipping } : {})
    }
  }

  /** The base row with this session's edits and exclusion applied. */
  private overlay(row: SheetRow, excludedRows: ReadonlySet<number> = new Set(this.state.excluded)): EditedRow {
    const edits = this.state.edits[String(row.rowNumber)]
    const excluded = excludedRows.has(row.rowNumber)
    if (!edits && !excluded) return row
    const one = applyEdits(
      { headers: this.requireBase().headers, rows: [row] },
      edits ? { [row.rowNumber]: edits } : {},
      excluded ? [row.rowNumber] : []
    )
    return one.rows[0] as EditedRow
  }

  private rowView(row: EditedRow): SessionRow {
    const view: SessionRow = {
      rowNumber: row.rowNumber,
      cells: row.cells,
      excluded: row.excluded === true,
      edited: row.edited ?? [],
      issues: this.prep?.issuesForRow(row.rowNumber) ?? []
    }
    const group = this.prep?.groupOf?.(row.rowNumber)
    if (group) view.group = group
    // review: what will be sent, per mapped column (normalized here in main, never in the renderer)
    const values = this.prep?.valuesOf?.(row.rowNumber)
    const target = this.state.target ? getTarget(this.state.target) : undefined
    if (values && target) view.display = displayValues(target, this.state.mapping, values, this.state.timezone)
    return view
  }

  private indexesFor(filter: RowFilter): number[] {
    let indexes = this.filtered.get(filter)
    if (!indexes) {
      indexes = filterRows(this.requireTable().rows, filter, this.prep, new Set(this.state.excluded))
      this.filtered.set(filter, indexes)
    }
    return indexes
  }

  private changed(): void {
    this.filtered.clear()
    this.autosave.schedule()
  }

  private requireBase(): ListTable {
    if (!this.base) throw new Error('The session is not open: call open() first')
    return this.base
  }

  private requireTable(): ListTable {
    this.requireBase()
    return this.table as ListTable
  }
}
