// Issues about the whole file, said once: a required field the file has no column for (with the recognized export's
// reason, e.g. Shopee exports no buyer e-mail), and a lookup's per-row reasons in place of "the cell is empty".
// A wrapper around a Preparation: records, validity and counts are the wrapped one's; only the messages change.
import type { Cell } from '../workbook/types'
import type { Localized, Target } from '../targets/types'
import type { Mapping } from '../mapping/types'
import type { LookupIssue } from '../mapping/lookup'
import type { Issue, Preparation, PrepareSummary } from './types'

export interface FileIssueContext {
  target: Target
  mapping: Mapping
  /** What the recognized export never has (SourceLayout.lacks), for the reason in the message. */
  lacks?: readonly { field: string; why: Localized }[]
  /** Per-row outcomes of lookups (core/mapping/lookup applyLookups). */
  lookupIssues?: readonly LookupIssue[]
  excludedRows?: readonly number[]
}

/** The once-per-file message for a required field the file has no column for. */
export function fileLacksMessage(target: Target, field: string, why?: Localized): { en: string; 'zh-TW': string } {
  const def = target.fields.find((f) => f.key === field)
  const label = def ? def.label : { en: field, 'zh-TW': field }
  // the destination's need is said unless the export's reason already says it (Shopee's does)
  const brand = target.label['zh-TW'].split(' ')[0]
  const need =
    why && (why['zh-TW'].includes(brand) || why.en.includes(brand))
      ? { en: '', zh: '' }
      : { en: ` It is required for ${target.label.en}.`, zh: `${target.label['zh-TW']}需要它。` }
  const reason = why
    ? { en: `. ${endSentence(why.en, '.')}${need.en}`, zh: `。${endSentence(why['zh-TW'], '。')}${need.zh}` }
    : {
        en: ` (no column of this file is mapped to it); it is required for ${target.label.en}.`,
        zh: `（這個檔案沒有對應到它的欄位），${target.label['zh-TW']}需要它。`
      }
  return {
    en: `This file has no ${label.en}${reason.en} You can map another column or give a fixed value, exclude the rows, or look ${label.en} up in a second spreadsheet (a customers export) by a shared column such as phone, account or customer ID ("Look it up in another spreadsheet" on the mapping screen, --lookup on the command line).`,
    'zh-TW': `這個檔案沒有${label['zh-TW']}${reason.zh}可以：對應另一欄或填固定值、排除這些列，或從另一份試算表（例如顧客名單）以共同的欄位（手機、買家帳號、顧客編號）查出${label['zh-TW']}（對應畫面的「從另一份試算表查詢」，命令列用 --lookup）。`
  }
}

function endSentence(text: string, stop: string): string {
  return /[.。!?！？]$/.test(text.trim()) ? text.trim() : text.trim() + stop
}

class WithFileIssues implements Preparation {
  private readonly fileIssue = new Map<string, Issue>()
  /** row → field → the lookup's reason for that row. */
  private readonly lookupByRow = new Map<number, Map<string, LookupIssue>>()
  private readonly required: Set<string>
  private readonly excluded: Set<number>
  private cache: Issue[] | null = null

  constructor(
    private readonly inner: Preparation,
    ctx: FileIssueContext
  ) {
    this.required = new Set(ctx.target.fields.filter((f) => f.required).map((f) => f.key))
    this.excluded = new Set(ctx.excludedRows ?? [])
    for (const f of ctx.target.fields) {
      if (!f.required || ctx.mapping[f.key]) continue
      const why = ctx.lacks?.find((l) => l.field === f.key)?.why
      const msg = fileLacksMessage(ctx.target, f.key, why)
      this.fileIssue.set(f.key, {
        row: 0,
        field: f.key,
        column: null,
        severity: 'error',
        code: 'file_lacks_field',
        message: msg.en,
        messageZh: msg['zh-TW']
      })
    }
    for (const li of ctx.lookupIssues ?? []) {
      const byField = this.lookupByRow.get(li.row) ?? new Map<string, LookupIssue>()
      byField.set(li.field, li)
      this.lookupByRow.set(li.row, byField)
    }
  }

  get records() {
    return this.inner.records
  }
  get ambiguousDateColumns() {
    return this.inner.ambiguousDateColumns
  }
  // the wrapper adds file-level issues only: what the grid shows per row comes from the inner preparation
  valuesOf(rowNumber: number) {
    return this.inner.valuesOf?.(rowNumber) ?? null
  }
  groupOf(rowNumber: number) {
    return this.inner.groupOf?.(rowNumber) ?? null
  }

  get issues(): Issue[] {
    if (!this.cache) {
      const out: Issue[] = []
      const seen = new Set<number>()
      for (const i of this.inner.issues) {
        if (!seen.has(i.row) && this.lookupByRow.has(i.row)) {
          seen.add(i.row)
          out.push(...this.issuesForRow(i.row))
        } else if (!seen.has(i.row)) out.push(this.replace(i))
      }
      for (const row of this.lookupByRow.keys()) if (!seen.has(row)) out.push(...this.issuesForRow(row))
      this.cache = out
    }
    return this.cache
  }

  summary(): PrepareSummary {
    const s = this.inner.summary()
    return { ...s, warnings: s.warnings + this.addedWarnings() }
  }

  issuesForRow(rowNumber: number): Issue[] {
    const base = this.inner.issuesForRow(rowNumber).map((i) => this.replace(i))
    const lookups = this.lookupByRow.get(rowNumber)
    if (!lookups || this.excluded.has(rowNumber)) return base
    const out = base.map((i) =>
      i.code === 'required_missing' && lookups.has(i.field) ? this.toIssue(lookups.get(i.field)!, 'error') : i
    )
    for (const [field, li] of lookups) if (!this.required.has(field)) out.push(this.toIssue(li, 'warning'))
    return out
  }

  updateRow(rowNumber: number, cells: Cell[]): void {
    this.cache = null
    this.inner.updateRow(rowNumber, cells)
  }

  setExcluded(rowNumber: number, excluded: boolean): void {
    this.cache = null
    if (excluded) this.excluded.add(rowNumber)
    else this.excluded.delete(rowNumber)
    this.inner.setExcluded(rowNumber, excluded)
  }

  /** Optional fields' unmatched keys are warnings the wrapped preparation did not count. */
  private addedWarnings(): number {
    let n = 0
    for (const [row, byField] of this.lookupByRow) {
      if (this.excluded.has(row)) continue
      for (const field of byField.keys()) if (!this.required.has(field)) n++
    }
    return n
  }

  private replace(i: Issue): Issue {
    if (i.code !== 'required_unmapped') return i
    const file = this.fileIssue.get(i.field)
    return file ? { ...file, row: i.row } : i
  }

  private toIssue(li: LookupIssue, severity: Issue['severity']): Issue {
    return {
      row: li.row,
      field: li.field,
      column: li.column,
      severity,
      code: li.code,
      message: li.en,
      messageZh: li['zh-TW'],
      ...(li.value ? { value: li.value } : {})
    }
  }
}

/** The preparation with whole-file facts said once and lookup reasons in place of "the cell is empty". */
export function withFileIssues(inner: Preparation, ctx: FileIssueContext): Preparation {
  return new WithFileIssues(inner, ctx)
}

/**
 * The file-level issues alone (for the mapping screen): one per required field the mapping check reports unmapped
 * (`lacking`: the fields of its required_unmapped problems; default every required field without an entry).
 */
export function fileLevelIssues(ctx: FileIssueContext, lacking?: readonly string[]): Issue[] {
  return ctx.target.fields
    .filter((f) => f.required && (lacking ? lacking.includes(f.key) : !ctx.mapping[f.key]))
    .map((f) => {
      const msg = fileLacksMessage(ctx.target, f.key, ctx.lacks?.find((l) => l.field === f.key)?.why)
      return {
        row: 0,
        field: f.key,
        column: null,
        severity: 'error' as const,
        code: 'file_lacks_field',
        message: msg.en,
        messageZh: msg['zh-TW']
      }
    })
}
