// A text cell that starts like a formula (=, +, -, @, tab, CR) is sent as text but may run as a formula when someone
// opens an export of the shop's data in Excel (CSV injection). Warn so the owner can check it on purpose.
import { makeIssue } from './messages'
import type { Cell } from '../workbook/types'
import { rawText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'

const FORMULA_START = /^[=+\-@\t\r]/

/** cells: the row's own (state.cells may look them up again). */
export function formulaWarnings(plan: RowPlan, state: RowState, cells: readonly Cell[]): Issue[] {
  let out: Issue[] | null = null
  for (const src of plan.sources) {
    if (src.field.type !== 'string' || src.ci < 0) continue
    const text = rawText(cells[src.ci])
    if (!FORMULA_START.test(text)) continue
    const first = text[0] === '\t' ? 'Tab' : text[0] === '\r' ? 'CR' : text[0]
    ;(out ??= []).push(
      makeIssue(
        state.rowNumber,
        src.field,
        src.column,
        'warning',
        'formula_like',
        {
          en: `the text starts with ${first}, like a spreadsheet formula. It is sent as plain text, but a spreadsheet that later opens an export of it may run it. Remove the ${first} unless it is meant.`,
          'zh-TW': `文字以「${first}」開頭，看起來像試算表公式。它會以純文字送出，但之後若有人用試算表開啟匯出的資料，可能會被當成公式執行。除非是刻意的，請刪掉開頭的「${first}」。`
        },
        text
      )
    )
  }
  return out ?? []
}
