// The issues panel (issue 11 B): every error and warning grouped by rule (code), field and column, with row counts.
import type { Issue } from '../validation/types'

/** At most this many groups are listed (a sheet with more distinct rule × column pairs is summarised as truncated). */
export const MAX_GROUPS = 200

export interface IssueGroup {
  /** Stable key: severity|code|field|column. */
  key: string
  severity: 'error' | 'warning'
  code: string
  field: string
  column: string | null
  /** Sheet rows with this issue. */
  rows: number
  /** One example message (the first row's), zh-TW and English. */
  message: { 'zh-TW': string; en: string }
  /** Distinct values found, most frequent first (at most 5). */
  values: string[]
}

export function groupKey(issue: Pick<Issue, 'severity' | 'code' | 'field' | 'column'>): string {
  return `${issue.severity}|${issue.code}|${issue.field}|${issue.column ?? ''}`
}

/** Groups of the issues, errors first, then by row count (largest first). */
export function issueGroups(issues: readonly Issue[]): { groups: IssueGroup[]; truncated: boolean } {
  const byKey = new Map<string, { group: IssueGroup; rows: Set<number>; values: Map<string, number> }>()
  for (const issue of issues) {
    const key = groupKey(issue)
    let entry = byKey.get(key)
    if (!entry) {
      const group: IssueGroup = {
        key,
        severity: issue.severity,
        code: issue.code,
        field: issue.field,
        column: issue.column,
        rows: 0,
        message: { 'zh-TW': issue.messageZh, en: issue.message },
        values: []
      }
      entry = { group, rows: new Set(), values: new Map() }
      byKey.set(key, entry)
    }
    entry.rows.add(issue.row)
    if (issue.value !== undefined) entry.values.set(issue.value, (entry.values.get(issue.value) ?? 0) + 1)
  }
  const all = [...byKey.values()].map(({ group, rows, values }) => ({
    ...group,
    rows: rows.size,
    values: [...values.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([v]) => v)
  }))
  all.sort((a, b) => (a.severity === b.severity ? b.rows - a.rows : a.severity === 'error' ? -1 : 1))
  return { groups: all.slice(0, MAX_GROUPS), truncated: all.length > MAX_GROUPS }
}

/** The sheet rows of one group, ascending. */
export function groupRows(issues: readonly Issue[], key: string): number[] {
  const rows = new Set<number>()
  for (const issue of issues) if (groupKey(issue) === key) rows.add(issue.row)
  return [...rows].sort((a, b) => a - b)
}

/** Keep the first row of each duplicate value and list the others (to exclude). ignoreCase: the rule compares without case. */
export function duplicatesAfterFirst(issues: readonly Issue[], key: string, ignoreCase: boolean): number[] {
  const firstOf = new Map<string, number>()
  const rest: number[] = []
  const matching = issues.filter((i) => groupKey(i) === key).sort((a, b) => a.row - b.row)
  for (const issue of matching) {
    const value = (issue.value ?? '').trim()
    const k = ignoreCase ? value.toLowerCase() : value
    if (!firstOf.has(k)) firstOf.set(k, issue.row)
    else if (firstOf.get(k) !== issue.row) rest.push(issue.row)
  }
  return [...new Set(rest)]
}

/** Find & replace in one column's texts: the rows whose cell would change, and the new text. */
export function replaceInColumn(
  texts: Iterable<{ row: number; text: string }>,
  find: string,
  replace: string,
  mode: 'substring' | 'whole'
): { row: number; next: string }[] {
  const out: { row: number; next: string }[] = []
  for (const { row, text } of texts) {
    if (mode === 'whole') {
      if (text === find && text !== replace) out.push({ row, next: replace })
    } else if (find !== '' && text.includes(find)) {
      const next = text.split(find).join(replace)
      if (next !== text) out.push({ row, next })
    }
  }
  return out
}
