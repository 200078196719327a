// Mapping-level checks of a derivation: its columns exist, and what it yields fits the field it fills.
import type { FieldDef } from '../targets/types'
import type { Derivation } from './derivation-types'
import { derivationColumns } from './derive'
import type { MappingProblem } from './types'

const CYCLES = ['monthly', 'quarterly', 'semi-annual', 'yearly']

function problem(field: FieldDef, column: string | null, en: string, zh: string): MappingProblem {
  return { code: 'bad_derivation', severity: 'error', field: field.key, column, message: en, messageZh: zh }
}

export function derivationProblems(field: FieldDef, d: Derivation, headers: ReadonlySet<string>): MappingProblem[] {
  const out: MappingProblem[] = []
  for (const column of derivationColumns(d)) {
    if (!headers.has(column)) {
      out.push(
        problem(
          field,
          column,
          `${field.label.en} is computed from column "${column}", which is not in the sheet. Pick one of its columns.`,
          `「${field.label['zh-TW']}」要由「${column}」計算，但工作表沒有這一欄，請改選表中的欄位。`
        )
      )
    }
  }
  const enumOk = (values: string[]) => values.every((v) => (field.enumValues ?? []).includes(v))
  const fits =
    d.kind === 'billing_cycle'
      ? field.type === 'enum' && enumOk(CYCLES)
      : d.kind === 'status_by_payment'
        ? field.type === 'enum'
        : field.type === 'money'
  if (!fits) {
    out.push(
      problem(
        field,
        null,
        `a ${d.kind} derivation cannot fill ${field.label.en} (${field.key}, ${field.type}). Choose a column instead.`,
        `${d.kind} 的計算結果不能填入「${field.label['zh-TW']}」(${field.key})。請改選一個欄位。`
      )
    )
  } else if (d.kind === 'status_by_payment') {
    const bad = d.rules.map((r) => r.result).filter((v) => !(field.enumValues ?? []).includes(v))
    if (bad.length) {
      out.push(
        problem(
          field,
          d.statusColumn,
          `status rules give ${bad.join(', ')}, which ${field.label.en} does not have. Use one of ${(field.enumValues ?? []).join(', ')}.`,
          `狀態規則的結果 ${bad.join('、')} 不是「${field.label['zh-TW']}」的值。請用 ${(field.enumValues ?? []).join('、')} 其中之一。`
        )
      )
    }
  }
  return out
}
