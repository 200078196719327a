// Test helper: the preparation settings the validation tests share: a target in the profile zone they use
// (Asia/Taipei), and the usual 帳獸 orders sheet (its headers and where each field is, the currency a constant).
import type { Mapping } from '../mapping/types'
import type { PrepareSettings } from './types'

export const TEST_ZONE = 'Asia/Taipei'

/** Settings for one target and mapping in the tests' zone; extra adds or overrides (timezone, SHOPLINE ids, …). */
export function settingsFor(
  target: PrepareSettings['target'],
  mapping: Mapping,
  extra: Partial<PrepareSettings> = {}
): PrepareSettings {
  return { target, mapping, timezone: TEST_ZONE, ...extra }
}

export const ORDER_HEADERS = ['訂單編號', '金額', 'Email', '姓名', '狀態', '付款方式', '週期', '付款時間']

/** The orders sheet's columns (a test adds its own after these, before the currency constant). */
export const ORDER_COLUMNS: Mapping = {
  order_no: { column: '訂單編號' },
  amount: { column: '金額' },
  customer_email: { column: 'Email' },
  customer_name: { column: '姓名' },
  status: { column: '狀態' },
  payment_method: { column: '付款方式' },
  billing_cycle: { column: '週期' },
  paid_at: { column: '付款時間' }
}

export const TWD: Mapping = { currency: { constant: 'twd' } }
