// SHOPLINE needs the shop's own delivery option and payment method on every order, chosen in the profile; and it
// dates imported orders at import time. What validation and the push plan say about that.
import type { ProfileChoices, SettingIssue, TargetSettings } from './types'

export function shoplineSettingIssues(settings: TargetSettings, columnOf: (field: string) => string | null): SettingIssue[] {
  const issues: SettingIssue[] = []
  const missing: string[] = []
  if (!settings.shopline?.deliveryOptionId) missing.push('delivery_option_id')
  if (!settings.shopline?.paymentMethodId) missing.push('payment_method_id')
  if (missing.length > 0) {
    issues.push({ field: missing.join(','), column: null, severity: 'error', code: 'shopline_ids_missing', message: {
      en: `SHOPLINE needs ${missing.join(' and ')} for every order. Choose a custom delivery option and a custom payment method in the profile (CLI: --delivery-option-id / --payment-method-id).`,
      'zh-TW': `SHOPLINE 每張訂單都需要 ${missing.join(' 與 ')}。請在設定檔中選擇自訂的出貨方式與付款方式(CLI:--delivery-option-id / --payment-method-id)。`
    } })
  }
  issues.push({ field: 'order_date', column: columnOf('order_date'), severity: 'warning', code: 'shopline_order_date_not_kept', message: {
    en: 'SHOPLINE dates every imported order at the moment of the import; the original order number and date are written into the order remarks instead (they cannot be edited later).',
    'zh-TW': 'SHOPLINE 會以匯入當下的時間作為訂單時間;原訂單編號與日期會寫進訂單備註(之後無法修改)。'
  } })
  return issues
}

export const SHOPLINE_PROFILE_CHOICES: ProfileChoices = {
  keys: ['deliveryOptionId', 'paymentMethodId'],
  missing: {
    'zh-TW': '請先在「連線設定」為這個 SHOPLINE 連線選好送貨方式與付款方式。',
    en: 'Choose the delivery option and payment method for this SHOPLINE profile in Connections first.'
  }
}
