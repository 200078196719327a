// A derivation in words (mapping screen, CLI report) and one row's result spelled out, e.g. 「2970 ÷ 3（季繳）= 990.00」.
import type { Derivation } from './derivation-types'
import type { Msg } from './normalized'
import { CYCLE_WORDS, cycleMonths, deriveValue, showDerived, type RowReader } from './derive'

const q = (c: string): Msg => ({ 'zh-TW': `「${c}」`, en: `"${c}"` })
const join = (cols: string[], sep: string, lang: keyof Msg) => cols.map((c) => q(c)[lang]).join(sep)

/** The rule itself, e.g. 「每次授權金額」÷ 週期月數（「週期單位」×「週期數」）. */
export function describeDerivation(d: Derivation): Msg {
  switch (d.kind) {
    case 'billing_cycle': {
      const from = d.frequencyColumn
        ? {
            zh: `${q(d.unitColumn)['zh-TW']} × ${q(d.frequencyColumn)['zh-TW']}`,
            en: `${q(d.unitColumn).en} × ${q(d.frequencyColumn).en}`
          }
        : { zh: q(d.unitColumn)['zh-TW'], en: q(d.unitColumn).en }
      return {
        'zh-TW': `計費週期由 ${from.zh} 決定：月×1 月繳、月×3 季繳、月×6 半年繳、年×1 年繳；其他週期（如每 2 個月、週）會列為錯誤`,
        en: `Billing cycle from ${from.en}: month×1 monthly, month×3 quarterly, month×6 semi-annual, year×1 yearly; any other cycle (every 2 months, weekly) is an error`
      }
    }
    case 'monthly_amount': {
      const per = d.frequencyColumn
        ? `${q(d.unitColumn)['zh-TW']} × ${q(d.frequencyColumn)['zh-TW']}`
        : q(d.unitColumn)['zh-TW']
      const perEn = d.frequencyColumn ? `${q(d.unitColumn).en} × ${q(d.frequencyColumn).en}` : q(d.unitColumn).en
      return {
        'zh-TW': `${q(d.amountColumn)['zh-TW']} ÷ 每期月數（${per}），四捨五入到小數 2 位`,
        en: `${q(d.amountColumn).en} ÷ months per charge (${perEn}), rounded half-up to 2 decimals`
      }
    }
    case 'sum': {
      const minusZh = d.subtract.length ? ` − ${join(d.subtract, ' − ', 'zh-TW')}` : ''
      const minusEn = d.subtract.length ? ` − ${join(d.subtract, ' − ', 'en')}` : ''
      return {
        'zh-TW': `${join(d.add, ' + ', 'zh-TW')}${minusZh}（空白視為 0）`,
        en: `${join(d.add, ' + ', 'en')}${minusEn} (empty counts as 0)`
      }
    }
    case 'status_by_payment': {
      const rules = d.rules.map((r) => ({
        zh: `${r.status.join('/')} + ${r.payment ? r.payment.join('/') : '其他付款方式'} → ${r.result}`,
        en: `${r.status.join('/')} + ${r.payment ? r.payment.join('/') : 'any payment'} → ${r.result}`
      }))
      return {
        'zh-TW': `依 ${q(d.statusColumn)['zh-TW']} 與 ${q(d.paymentColumn)['zh-TW']} 依序套用：${rules.map((r) => r.zh).join('；')}`,
        en: `From ${q(d.statusColumn).en} with ${q(d.paymentColumn).en}, first rule that fits: ${rules.map((r) => r.en).join('; ')}`
      }
    }
  }
}

/** One row worked out, e.g. 「2,970 ÷ 3（季繳）= 990.00」 / "2,970 ÷ 3 (quarterly) = 990.00", or the row's error. */
export function explainRow(d: Derivation, r: RowReader): { ok: boolean; text: Msg } {
  const out = deriveValue(d, r)
  if (!out.ok) return { ok: false, text: out.message }
  const result = showDerived(out.value)
  switch (d.kind) {
    case 'monthly_amount': {
      const c = cycleMonths(r, d.unitColumn, d.frequencyColumn)
      const w = c.ok ? CYCLE_WORDS[c.cycle] : { zh: '', en: '' }
      const months = c.ok ? c.months : 0
      const amount = r.text(d.amountColumn)
      return {
        ok: true,
        text: {
          'zh-TW': `${amount} ÷ ${months}（${w.zh}）= ${result}`,
          en: `${amount} ÷ ${months} (${w.en}) = ${result}`
        }
      }
    }
    case 'billing_cycle': {
      const parts = [r.text(d.unitColumn), ...(d.frequencyColumn ? [r.text(d.frequencyColumn) || '1'] : [])].join(' × ')
      return { ok: true, text: { 'zh-TW': `${parts} → ${result}`, en: `${parts} → ${result}` } }
    }
    case 'sum': {
      const v = (c: string) => r.text(c) || '0'
      const expr = d.add.map(v).join(' + ') + d.subtract.map((c) => ` − ${v(c)}`).join('')
      return { ok: true, text: { 'zh-TW': `${expr} = ${result}`, en: `${expr} = ${result}` } }
    }
    case 'status_by_payment': {
      const parts = `${r.text(d.statusColumn)} + ${r.text(d.paymentColumn)}`
      return { ok: true, text: { 'zh-TW': `${parts} → ${result}`, en: `${parts} → ${result}` } }
    }
  }
}
