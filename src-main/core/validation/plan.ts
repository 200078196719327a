// Settings → a row plan (which column feeds which field) plus the issues that concern the whole sheet, reported once.
import type { Cell, SheetRow, SheetTable } from '../workbook/types'
import type { Target } from '../targets/types'
import { validateMapping } from '../mapping/automap'
import { isColumnEntry, isConstantEntry, isDeriveEntry } from '../mapping/types'
import { derivationColumns } from '../mapping/derive'
import { statusForConstant } from './constant-status'
import { IANAZone } from 'luxon'
import { detectDateOrder } from '../mapping/dates'
import { cellText } from '../mapping/values'
import { makeIssue } from './messages'
import type { FieldSource, RowPlan } from './row'
import { isBlankRow, newSourceMemo } from './row'
import type { Issue, PrepareSettings } from './types'

export interface SheetPlan {
  plan: RowPlan
  /** Issues about the mapping or settings, shown on the first data row. */
  globalIssues: Issue[]
  /** A settings-level error: no record can be valid until it is fixed. */
  blocked: boolean
  ambiguousDateColumns: string[]
  columnOf(field: string): string | null
}

function constantCell(v: string | number | boolean): Cell {
  if (typeof v === 'number') return { t: 'n', v, w: String(v) }
  if (typeof v === 'boolean') return { t: 'b', v, w: v ? 'TRUE' : 'FALSE' }
  return { t: 's', v, w: v }
}

/** What a plan reads of a table: its rows need only be walked in order (a preparation may keep them compact). */
export type PlanTable = Pick<SheetTable, 'headers' | 'headerRow'> & { rows: Iterable<SheetRow> }

export function firstDataRow(table: PlanTable): number {
  for (const row of table.rows) if (!isBlankRow(row)) return row.rowNumber
  return table.headerRow + 1
}

export function buildSheetPlan(table: PlanTable, settings: PrepareSettings, target: Target): SheetPlan {
  const at = firstDataRow(table)
  const globalIssues: Issue[] = []
  for (const p of validateMapping(target, settings.mapping, table.headers)) {
    globalIssues.push(
      makeIssue(at, p.field ?? 'mapping', p.column, p.severity, p.code, { en: p.message, 'zh-TW': p.messageZh })
    )
  }
  const fields = new Map(target.fields.map((f) => [f.key, f]))
  const sources: FieldSource[] = []
  const ambiguousDateColumns: string[] = []
  for (const [key, entry] of Object.entries(settings.mapping)) {
    const field = fields.get(key)
    if (!field) continue
    if (isColumnEntry(entry)) {
      const ci = table.headers.indexOf(entry.column)
      if (ci < 0) continue
      const src: FieldSource = { field, ci, column: entry.column }
      if (entry.constant !== undefined && String(entry.constant).trim() !== '')
        src.constant = constantCell(entry.constant)
      src.constantStatus = statusForConstant(target, key) ?? undefined
      if (field.type === 'datetime') resolveDateOrder(table, src, settings, ambiguousDateColumns, globalIssues)
      sources.push(src)
    } else if (isConstantEntry(entry)) {
      sources.push({
        field,
        ci: -1,
        column: null,
        constant: constantCell(entry.constant),
        constantStatus: statusForConstant(target, key) ?? undefined
      })
    } else if (isDeriveEntry(entry)) {
      const columns = derivationColumns(entry.derive)
      const cols = new Map(columns.map((c) => [c, table.headers.indexOf(c)]))
      if ([...cols.values()].some((ci) => ci < 0)) continue // validateMapping reported the missing column once
      sources.push({ field, ci: -1, column: columns[0] ?? null, derive: { derivation: entry.derive, cols } })
    }
  }
  const metadata: RowPlan['metadata'] = []
  if (target.supportsMetadata) {
    for (const column of settings.metadataColumns ?? []) {
      const ci = table.headers.indexOf(column)
      if (ci >= 0) metadata.push({ ci, column })
      else
        globalIssues.push(
          makeIssue(at, 'metadata', column, 'warning', 'unknown_column', {
            en: `column "${column}" was chosen for metadata but is not in the sheet; it is ignored.`,
            'zh-TW': `「${column}」被選為附加資料(metadata),但工作表沒有這一欄,已略過。`
          })
        )
    }
  }
  const columnOf = (field: string): string | null => {
    const e = settings.mapping[field]
    return isColumnEntry(e) ? e.column : isDeriveEntry(e) ? (derivationColumns(e.derive)[0] ?? null) : null
  }
  for (const s of target.settingIssues?.(settings, columnOf) ?? [])
    globalIssues.push(makeIssue(at, s.field, s.column, s.severity, s.code, s.message))
  const zone = settings.timezone || 'Asia/Taipei'
  if (!IANAZone.isValidZone(zone)) {
    globalIssues.push(
      makeIssue(at, 'timezone', null, 'error', 'timezone_invalid', {
        en: `the time zone "${zone}" does not exist, so no date can be read. Use an IANA name such as Asia/Taipei.`,
        'zh-TW': `時區「${zone}」不存在,無法讀取日期。請使用像 Asia/Taipei 的 IANA 時區名稱。`
      })
    )
  }
  const blocked = globalIssues.some((i) => i.severity === 'error' && i.code !== 'date_order_ambiguous')
  const grouped = target.groupBy !== undefined
  for (const src of sources) {
    src.requiredHere =
      src.field.required && (!grouped || src.field.perLine === true || src.field.key === target.groupBy)
    if (src.field.type !== 'integer' && !src.derive) src.memo = newSourceMemo()
  }
  const columnIndex = new Map(sources.filter((s) => s.ci >= 0).map((s) => [s.field.key, s.ci]))
  const plan: RowPlan = {
    target,
    sources,
    timezone: settings.timezone || 'Asia/Taipei',
    valueMatches: settings.valueMatches ?? {},
    metadata,
    columnIndex
  }
  return { plan, globalIssues, blocked, ambiguousDateColumns, columnOf }
}

/** A column of "01/02/2026" dates: use the chosen order, else what the column proves, else ask once for the column. */
function resolveDateOrder(
  table: PlanTable,
  src: FieldSource,
  settings: PrepareSettings,
  ambiguous: string[],
  issues: Issue[]
): void {
  const chosen = settings.dateOrder?.[src.column!]
  if (chosen) {
    src.order = chosen
    return
  }
  const texts: string[] = []
  let firstRow = 0
  for (const row of table.rows) {
    const c = row.cells[src.ci]
    if (!c || c.t !== 's') continue
    const t = cellText(c)
    if (t === '') continue
    texts.push(t)
    if (/^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}/.test(t) && firstRow === 0) firstRow = row.rowNumber
  }
  const detected = detectDateOrder(texts)
  if (detected === 'dmy' || detected === 'mdy' || detected === 'ymd') src.order = detected
  else if (detected === 'ambiguous') {
    src.unresolvedOrder = true
    ambiguous.push(src.column!)
    const sample = texts.find((t) => /^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}/.test(t)) ?? ''
    issues.push(
      makeIssue(
        firstRow || table.headerRow + 1,
        src.field,
        src.column,
        'error',
        'date_order_ambiguous',
        {
          en: `dates like "${sample}" can be read day-first or month-first. Choose the order once for the whole column (day/month/year or month/day/year).`,
          'zh-TW': `像「${sample}」的日期可以讀成「日/月」或「月/日」。請為整欄選一次順序(日/月/年 或 月/日/年)。`
        },
        sample
      )
    )
  }
}
