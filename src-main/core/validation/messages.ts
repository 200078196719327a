// Issue builders: every message names the Excel row, the source column, the value found and the fix, in en and zh-TW.
import type { FieldDef } from '../targets/types'
import type { Issue } from './types'

// the zh-TW message names an order status by its label, the code after it (never a bare "paid" in a Chinese sentence)
const STATUS_ZH: Record<string, string> = { paid: '已付款', refunded: '已退款', failed: '付款失敗' }

export interface Msg {
  'zh-TW': string
  en: string
}

function place(row: number, column: string | null, field: FieldDef | null): Msg {
  const label = field ? { en: ` (${field.label.en})`, zh: `(${field.label['zh-TW']})` } : { en: '', zh: '' }
  if (column !== null)
    return { en: `Row ${row}, column "${column}"${label.en}: `, 'zh-TW': `第 ${row} 列「${column}」欄${label.zh}:` }
  if (field)
    return {
      en: `Row ${row}, fixed value for ${field.label.en}: `,
      'zh-TW': `第 ${row} 列,${field.label['zh-TW']}的固定值:`
    }
  return { en: `Row ${row}: `, 'zh-TW': `第 ${row} 列:` }
}

/** A found value as quoted in a message: a huge cell must not flood the UI or the CLI output. */
export function short(value: string, max = 80): string {
  return value.length > max ? value.slice(0, max - 1) + '…' : value
}

export function makeIssue(
  row: number,
  field: FieldDef | string,
  column: string | null,
  severity: Issue['severity'],
  code: string,
  msg: Msg,
  value?: string
): Issue {
  const def = typeof field === 'string' ? null : field
  const where = place(row, column, def)
  const issue: Issue = {
    row,
    field: typeof field === 'string' ? field : field.key,
    column,
    severity,
    code,
    message: where.en + msg.en,
    messageZh: where['zh-TW'] + msg['zh-TW']
  }
  if (value !== undefined && value !== '') issue.value = short(value, 200)
  return issue
}

export const M = {
  requiredMissing: (f: FieldDef): Msg => ({
    en: `the cell is empty, but ${f.label.en} is required. Fill it in, or exclude the row.`,
    'zh-TW': `儲存格是空的,但「${f.label['zh-TW']}」是必填。請填入,或把這一列排除。`
  }),
  valueUnmatched: (f: FieldDef, value: string): Msg => ({
    en: `"${short(value)}" is not a known ${f.label.en} value. Match it to one of ${(f.enumValues ?? []).join(', ')} in value matching.`,
    'zh-TW': `「${short(value)}」不是可辨識的${f.label['zh-TW']}。請在「值對應」中把它對應到 ${(f.enumValues ?? []).join('、')} 其中之一。`
  }),
  valueNoEquivalent: (f: FieldDef, value: string, allowed: readonly string[]): Msg => ({
    en: `"${short(value)}" has no equivalent ${f.label.en.toLowerCase()} at the destination (only ${allowed.join(', ')}), so this record is sent without one. To record another value, match it in value matching.`,
    'zh-TW': `「${short(value)}」在目的地沒有對應的${f.label['zh-TW']}（只有 ${allowed.join('、')}），這筆資料會不帶${f.label['zh-TW']}送出。若要記成其他值，請在「值對應」中指定。`
  }),
  integerInvalid: (value: string): Msg => ({
    en: `"${short(value)}" is not a whole number above 0. Enter a quantity such as 1 or 2.`,
    'zh-TW': `「${short(value)}」不是大於 0 的整數。請填像 1、2 的數量。`
  }),
  duplicate: (f: FieldDef, value: string, others: number[]): Msg => ({
    en: `"${short(value)}" also appears in row${others.length > 1 ? 's' : ''} ${others.join(', ')}. Keep one of these rows (exclude or fix the others).`,
    'zh-TW': `「${short(value)}」也出現在第 ${others.join('、')} 列。請只保留一列(排除或修正其他列)。`
  }),
  duplicateSubscription: (value: string, others: number[]): Msg => ({
    en: `customer "${short(value)}" also has a subscription in row${others.length > 1 ? 's' : ''} ${others.join(', ')}; 帳獸 allows one subscription per customer. Keep one row.`,
    'zh-TW': `客戶「${short(value)}」在第 ${others.join('、')} 列也有訂閱;帳獸每位客戶只能有一個訂閱。請只保留一列。`
  }),
  stampWarning: (status: string, dateLabel: Msg): Msg => ({
    en: `status is ${status} but ${dateLabel.en} is empty: 帳獸 will record the time of the import instead, which falsifies history. Map a ${dateLabel.en} column or fill in the date.`,
    'zh-TW': `狀態是${STATUS_ZH[status] ? `「${STATUS_ZH[status]}」(${status})` : ` ${status}`},但「${dateLabel['zh-TW']}」是空的:帳獸會改記成匯入當下的時間,歷史資料就不正確了。請對應「${dateLabel['zh-TW']}」欄位或填入日期。`
  }),
  schemaMismatch: (detail: string): Msg => ({
    en: `the request would not match the API (${detail}). Check the mapped values of this row.`,
    'zh-TW': `送出的資料不符合 API 格式(${detail})。請檢查這一列的對應值。`
  })
}
