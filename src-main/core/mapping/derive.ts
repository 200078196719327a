// The derived-field engine: one Derivation + one row's cells → a value, or an error naming the columns and values.
import Decimal from 'decimal.js'
import type { Derivation } from './derivation-types'
import type { Msg } from './normalized'
import { parseMoney } from './money'
import { cleanText } from './text'
import { normalizeEnumText } from './value-synonyms'

export type DerivedValue = string | Decimal

export type DeriveOutcome =
  | { ok: true; value: DerivedValue }
  /** Every part was empty: the field is simply not filled (a required field then reports it as missing). */
  | { ok: false; code: 'empty'; message: Msg; column: string; value: string }
  | { ok: false; code: string; message: Msg; column: string; value: string }
export type DeriveFailure = Extract<DeriveOutcome, { ok: false }>

/** The 帳獸 cycles (orders and subscriptions share these four), by months per charge. */
export const CYCLE_BY_MONTHS: Readonly<Record<number, string>> = {
  1: 'monthly',
  3: 'quarterly',
  6: 'semi-annual',
  12: 'yearly'
}
const CYCLE_WORDS: Record<string, { zh: string; en: string }> = {
  monthly: { zh: '月繳', en: 'monthly' },
  quarterly: { zh: '季繳', en: 'quarterly' },
  'semi-annual': { zh: '半年繳', en: 'semi-annual' },
  yearly: { zh: '年繳', en: 'yearly' }
}

// Unit words → months per unit. Words that are already a cycle (季, 半年繳) carry their months.
const UNIT_MONTHS = new Map<string, number>()
const add = (months: number, words: string[]) => words.forEach((w) => UNIT_MONTHS.set(normalizeEnumText(w), months))
add(1, ['月', '個月', '每月', '月繳', '月付', '按月', 'month', 'months', 'monthly', 'mo', 'm'])
add(3, ['季', '每季', '季繳', '季付', 'quarter', 'quarters', 'quarterly'])
add(6, ['半年', '每半年', '半年繳', 'semi-annual', 'semiannual', 'half-year', 'half-yearly'])
add(12, ['年', '每年', '年繳', '年付', 'year', 'years', 'yearly', 'annual', 'annually', 'y'])
// Units 帳獸 has no cycle for at all: said plainly, never rounded to the nearest month.
const NO_CYCLE_UNITS = new Set(
  ['週', '周', '每週', '星期', '日', '天', '每日', 'week', 'weeks', 'weekly', 'day', 'days', 'daily', 'w', 'd'].map(
    normalizeEnumText
  )
)

export interface RowReader {
  /** The text the cell of this column shows ('' when empty or absent). */
  text(column: string): string
  /** The cell's number when it holds one (so 1039.5 is not re-read from a formatted text). */
  number?(column: string): number | undefined
}

const fail = (code: string, column: string, value: string, en: string, zh: string): DeriveFailure => ({
  ok: false,
  code,
  column,
  value,
  message: { en, 'zh-TW': zh }
})

/** Months per charge from a unit and a frequency column, or the error that says why there is no 帳獸 cycle. */
export function cycleMonths(
  r: RowReader,
  unitColumn: string,
  frequencyColumn?: string
): { ok: true; months: number; cycle: string } | DeriveFailure {
  const unitText = cleanText(r.text(unitColumn))
  const freqText = frequencyColumn ? cleanText(r.text(frequencyColumn)) : ''
  const both = frequencyColumn
    ? `「${unitColumn}」=「${unitText}」、「${frequencyColumn}」=「${freqText}」`
    : `「${unitColumn}」=「${unitText}」`
  const bothEn = frequencyColumn
    ? `"${unitColumn}" = "${unitText}", "${frequencyColumn}" = "${freqText}"`
    : `"${unitColumn}" = "${unitText}"`
  if (unitText === '' && freqText === '')
    return fail('empty', unitColumn, '', 'the billing period is empty.', '計費週期是空的。')
  if (unitText === '')
    return fail(
      'cycle_unit_missing',
      unitColumn,
      freqText,
      `the period unit is empty (${bothEn}). Fill in 月/month or 年/year.`,
      `週期單位是空的（${both}）。請填入「月」或「年」。`
    )
  let count = 1
  if (frequencyColumn && freqText !== '') {
    const n = r.number?.(frequencyColumn) ?? (/^\d+(?:\.0+)?$/.test(freqText) ? Number(freqText) : NaN)
    if (!Number.isInteger(n) || n < 1) {
      return fail(
        'cycle_frequency_invalid',
        frequencyColumn,
        freqText,
        `the period frequency must be a whole number such as 1, 3 or 6 (${bothEn}).`,
        `週期數必須是 1、3、6 這樣的整數（${both}）。`
      )
    }
    count = n
  }
  const key = normalizeEnumText(unitText)
  const unit = UNIT_MONTHS.get(key)
  if (unit === undefined) {
    const why = NO_CYCLE_UNITS.has(key)
      ? { en: '帳獸 has no weekly or daily billing cycle', zh: '帳獸沒有以週或日計的計費週期' }
      : { en: 'this unit is not a month or a year', zh: '這個單位不是月或年' }
    return fail(
      'cycle_unsupported',
      unitColumn,
      unitText,
      `${bothEn}: ${why.en}. 帳獸 takes monthly, quarterly (3 months), semi-annual (6 months) or yearly only; fix the sheet or import this row elsewhere.`,
      `${both}：${why.zh}。帳獸只接受月繳、季繳（3 個月）、半年繳（6 個月）或年繳；請修正試算表，或不要匯入這一列。`
    )
  }
  const months = unit * count
  const cycle = CYCLE_BY_MONTHS[months]
  if (!cycle) {
    return fail(
      'cycle_unsupported',
      unitColumn,
      `${unitText}×${count}`,
      `${bothEn} means every ${months} months, and 帳獸 has no such billing cycle (only every 1, 3, 6 or 12 months). It is not rounded to a nearby cycle: fix the sheet or leave this row out.`,
      `${both} 表示每 ${months} 個月，帳獸沒有這種計費週期（只有每 1、3、6、12 個月）。不會自動換成相近的週期：請修正試算表，或排除這一列。`
    )
  }
  return { ok: true, months, cycle }
}

function moneyOf(r: RowReader, column: string): { ok: true; money: Decimal | null } | DeriveFailure {
  const n = r.number?.(column)
  const text = r.text(column)
  if (n === undefined && cleanText(text) === '') return { ok: true, money: null }
  const parsed = parseMoney(n ?? text)
  if (parsed.ok) return { ok: true, money: parsed.value }
  if (parsed.code === 'empty') return { ok: true, money: null }
  return fail(
    parsed.code,
    column,
    text,
    `"${column}" = "${text}": ${parsed.message.en}`,
    `「${column}」=「${text}」：${parsed.message['zh-TW']}`
  )
}

function sameText(a: string, b: string): boolean {
  return cleanText(a).toLowerCase() === cleanText(b).toLowerCase()
}

/** Compute one derived value for one row. */
export function deriveValue(d: Derivation, r: RowReader): DeriveOutcome {
  switch (d.kind) {
    case 'billing_cycle': {
      const c = cycleMonths(r, d.unitColumn, d.frequencyColumn)
      return c.ok ? { ok: true, value: c.cycle } : c
    }
    case 'monthly_amount': {
      const amount = moneyOf(r, d.amountColumn)
      if (!amount.ok) return amount
      if (amount.money === null) {
        return fail(
          'empty',
          d.amountColumn,
          '',
          `"${d.amountColumn}" is empty, so there is no monthly amount.`,
          `「${d.amountColumn}」是空的，無法算出每月金額。`
        )
      }
      const c = cycleMonths(r, d.unitColumn, d.frequencyColumn)
      if (!c.ok)
        return c.code === 'empty'
          ? fail(
              'cycle_unit_missing',
              d.unitColumn,
              '',
              `"${d.amountColumn}" has an amount but "${d.unitColumn}" is empty, so it cannot be divided into months.`,
              `「${d.amountColumn}」有金額，但「${d.unitColumn}」是空的，無法換算成每月金額。`
            )
          : c
      return { ok: true, value: amount.money.dividedBy(c.months).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) }
    }
    case 'sum': {
      let total = new Decimal(0)
      let any = false
      for (const [columns, sign] of [
        [d.add, 1],
        [d.subtract, -1]
      ] as const) {
        for (const column of columns) {
          const m = moneyOf(r, column)
          if (!m.ok) return m
          if (m.money === null) continue
          any = true
          total = sign > 0 ? total.plus(m.money) : total.minus(m.money)
        }
      }
      const parts = [...d.add, ...d.subtract]
      if (!any)
        return fail(
          'empty',
          parts[0] ?? '',
          '',
          `${parts.map((c) => `"${c}"`).join(', ')} are all empty.`,
          `${parts.map((c) => `「${c}」`).join('、')}都是空的。`
        )
      if (total.isNegative()) {
        const shownParts = parts.map((c) => `"${c}" = "${r.text(c)}"`).join(', ')
        const shownZh = parts.map((c) => `「${c}」=「${r.text(c)}」`).join('、')
        return fail(
          'sum_negative',
          d.subtract[0] ?? parts[0],
          total.toFixed(2),
          `${shownParts} give ${total.toFixed(2)}, below zero. Check the discount.`,
          `${shownZh} 算出 ${total.toFixed(2)}，小於零。請檢查折扣。`
        )
      }
      return { ok: true, value: total }
    }
    case 'status_by_payment': {
      const status = cleanText(r.text(d.statusColumn))
      const payment = cleanText(r.text(d.paymentColumn))
      if (status === '')
        return fail('empty', d.statusColumn, '', `"${d.statusColumn}" is empty.`, `「${d.statusColumn}」是空的。`)
      for (const rule of d.rules) {
        if (!rule.status.some((s) => sameText(s, status))) continue
        if (rule.payment && !rule.payment.some((p) => sameText(p, payment))) continue
        return { ok: true, value: rule.result }
      }
      return fail(
        'status_rule_unmatched',
        d.statusColumn,
        `${status} / ${payment}`,
        `"${d.statusColumn}" = "${status}" with "${d.paymentColumn}" = "${payment}" matches none of the status rules. Add a rule for it on the mapping screen.`,
        `「${d.statusColumn}」=「${status}」搭配「${d.paymentColumn}」=「${payment}」不符合任何狀態規則。請在欄位對應畫面新增一條規則。`
      )
    }
  }
}

/** The source columns a derivation reads, in the order a person would name them. */
export function derivationColumns(d: Derivation): string[] {
  switch (d.kind) {
    case 'billing_cycle':
      return [d.unitColumn, ...(d.frequencyColumn ? [d.frequencyColumn] : [])]
    case 'monthly_amount':
      return [d.amountColumn, d.unitColumn, ...(d.frequencyColumn ? [d.frequencyColumn] : [])]
    case 'sum':
      return [...d.add, ...d.subtract]
    case 'status_by_payment':
      return [d.statusColumn, d.paymentColumn]
  }
}

/** What a derived value looks like in a sample or a message. */
export function showDerived(v: DerivedValue): string {
  return typeof v === 'string' ? v : v.toFixed(2)
}

export { CYCLE_WORDS }

/** The same derivation with every column name passed through `fix` (templates re-spell headers for the file at hand). */
export function renameDerivationColumns(d: Derivation, fix: (column: string) => string): Derivation {
  switch (d.kind) {
    case 'billing_cycle':
      return {
        ...d,
        unitColumn: fix(d.unitColumn),
        ...(d.frequencyColumn ? { frequencyColumn: fix(d.frequencyColumn) } : {})
      }
    case 'monthly_amount':
      return {
        ...d,
        amountColumn: fix(d.amountColumn),
        unitColumn: fix(d.unitColumn),
        ...(d.frequencyColumn ? { frequencyColumn: fix(d.frequencyColumn) } : {})
      }
    case 'sum':
      return { ...d, add: d.add.map(fix), subtract: d.subtract.map(fix) }
    case 'status_by_payment':
      return { ...d, statusColumn: fix(d.statusColumn), paymentColumn: fix(d.paymentColumn) }
  }
}
