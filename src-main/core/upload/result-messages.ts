// Per-row push outcomes in the user's language. The engine and the journal keep English (stable, greppable);
// the app and reports show these words instead. A server's own text (422 details) is quoted as the server wrote it.
import type { RowResult } from './types'

type Lang = 'zh-TW' | 'en'
interface Text {
  'zh-TW': string
  en: string
}

/** Short names of the engine's reason codes (never shown raw). */
const REASONS: Record<string, Text> = {
  not_sent: { 'zh-TW': '未送出', en: 'Not sent' },
  excluded: { 'zh-TW': '已排除', en: 'Excluded' },
  invalid: { 'zh-TW': '資料有誤', en: 'Invalid data' },
  interrupted: { 'zh-TW': '送出時中斷', en: 'Interrupted' },
  unknown: { 'zh-TW': '結果不明', en: 'Result unknown' },
  validation_error: { 'zh-TW': '伺服器拒絕這筆資料', en: 'Refused by the server' },
  duplicate_order_no: { 'zh-TW': '訂單編號已存在', en: 'Order number exists' },
  missing_in_response: { 'zh-TW': '伺服器沒有回報', en: 'Not reported by the server' },
  missing_customer_email: { 'zh-TW': '沒有顧客 Email', en: 'No customer email' },
  customer_not_found: { 'zh-TW': '找不到顧客', en: 'Customer not found' },
  customer_not_created: { 'zh-TW': '無法建立顧客', en: 'Customer not created' },
  customer_lookup_failed: { 'zh-TW': '查詢顧客失敗', en: 'Customer lookup failed' },
  network: { 'zh-TW': '網路錯誤', en: 'Network error' }
}

export function reasonLabel(reason: string | null, lang: Lang): string {
  if (!reason) return ''
  const known = REASONS[reason]
  if (known) return known[lang]
  const http = /^http_(\d{3})$/.exec(reason)
  if (http) return lang === 'zh-TW' ? `伺服器回應 HTTP ${http[1]}` : `Server answered HTTP ${http[1]}`
  return lang === 'zh-TW' ? '其他問題' : 'Other problem'
}

/** The engine's English message for a row, in zh-TW (English stays as it is). */
function messageZh(r: RowResult): string | null {
  const m = r.message ?? ''
  switch (r.reason) {
    case 'not_sent':
      if (/cancelled/.test(m)) return '未送出：你取消了這次匯入，這一列還沒送出。可以繼續這次匯入，或重新送出這些列。'
      if (/ended first/.test(m)) return '未送出：匯入在送出這一列之前就結束了。可以繼續這次匯入，或重新送出這些列。'
      return '未送出：匯入停止了，這一列還沒送出。問題解決後可以繼續這次匯入，或重新送出這些列。'
    case 'excluded':
      return '你排除了這一列，沒有送出。'
    case 'invalid':
      return /^Not sent: fix/.test(m) ? '未送出：請先修正這一列顯示的問題，再重試。' : m
    case 'interrupted':
      return r.outcome === 'unknown'
        ? '不確定：送出這張訂單時匯入停止了，請先到 SHOPLINE 後台確認；繼續這次匯入時會自動檢查。'
        : '已送出，但在收到回應前匯入停止了；請繼續這次匯入，讓它安全地完成。'
    case 'unknown':
      return `不確定：請先到 SHOPLINE 後台確認這張訂單是否已建立，再重試。${detail(m, /^unknown: check SHOPLINE before retrying/)}`
    case 'missing_in_response':
      return '伺服器的回應沒有提到這一列；請重試。'
    case 'missing_customer_email':
      return '這一列沒有顧客 Email。'
    case 'customer_not_found':
      return `在帳獸找不到這位顧客（${emailIn(m)}），而且建立顧客沒有成功。`
    case 'customer_not_created':
      return `無法建立顧客 ${emailIn(m)}：${m.replace(/^Customer \S+ could not be created:?\s*/, '')}`.replace(
        /：$/,
        ''
      )
    case 'customer_lookup_failed':
      return `無法查詢顧客 ${emailIn(m)}：${m.replace(/^Could not look up customer \S+:\s*/, '')}`
    default:
      if (r.reason && /^http_\d{3}$/.test(r.reason)) return `伺服器拒絕了這一列（HTTP ${r.reason.slice(5)}）：${m}`
      return r.message
  }
}

function emailIn(m: string): string {
  return /[^\s:]+@[^\s:]+/.exec(m)?.[0].replace(/[.,)]$/, '') ?? ''
}

function detail(m: string, lead: RegExp): string {
  const rest = m.replace(lead, '').trim()
  return rest ? `（${rest.replace(/^\(|\)$/g, '')}）` : ''
}

/** A result as the user reads it: the message in their language (reason codes stay for filters and the report). */
export function localizeResult(r: RowResult, lang: Lang): RowResult {
  if (lang === 'en' || !r.message) return r
  return { ...r, message: messageZh(r) }
}
