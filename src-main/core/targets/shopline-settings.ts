// SHOPLINE needs the shop's own delivery option and payment method on every order, chosen in the profile; and it
// dates imported orders at import time. What validation and the push plan say about that.
import type { ProfileChoices, SettingIssue, TargetSettings } from './types'

const WORDS: Record<string, { 'zh-TW': string; en: string }> = {
  delivery_option_id: { 'zh-TW': '送貨方式', en: 'delivery option' },
  payment_method_id: { 'zh-TW': '付款方式', en: 'payment method' }
}

export function shoplineSettingIssues(
  settings: TargetSettings,
  columnOf: (field: string) => string | null
): SettingIssue[] {
  const issues: SettingIssue[] = []
  const missing: string[] = []
  if (!settings.shopline?.deliveryOptionId) missing.push('delivery_option_id')
  if (!settings.shopline?.paymentMethodId) missing.push('payment_method_id')
  if (missing.length > 0) {
    issues.push({
      field: missing.join(','),
      column: null,
      severity: 'error',
      code: 'shopline_ids_missing',
      message: {
        en: `SHOPLINE needs a delivery option and a payment method for every order; the ${missing.map((m) => WORDS[m].en).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not chosen yet. Choose the SHOPLINE connection above the grid, and pick both for it in Connections (連線設定).`,
        'zh-TW': `SHOPLINE 每張訂單都需要送貨方式與付款方式，目前還沒選${missing.map((m) => WORDS[m]['zh-TW']).join('與')}。請在表格上方選擇 SHOPLINE 連線，並在「連線設定」為它選好這兩項。`
      }
    })
  }
  issues.push({
    field: 'order_date',
    column: columnOf('order_date'),
    severity: 'warning',
    code: 'shopline_order_date_not_kept',
    message: {
      en: 'SHOPLINE dates every imported order at the moment of the import; the original order number and date are written into the order remarks instead (they cannot be edited later).',
      'zh-TW': 'SHOPLINE 會以匯入當下的時間作為訂單時間；原訂單編號與日期會寫進訂單備註（之後無法修改）。'
    }
  })
  return issues
}

export const SHOPLINE_PROFILE_CHOICES: ProfileChoices = {
  keys: ['deliveryOptionId', 'paymentMethodId'],
  missing: {
    'zh-TW': '請先在「連線設定」為這個 SHOPLINE 連線選好送貨方式與付款方式。',
    en: 'Choose the delivery option and payment method for this SHOPLINE profile in Connections first.'
  }
}
