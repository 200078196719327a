// Built-in value synonyms for enum fields (zh-TW and en), and the matcher that uses them.

export type EnumKind =
  | 'status'
  | 'payment_method'
  | 'billing_cycle'
  | 'subscription_billing_cycle'
  | 'subscription_event_type'
  | 'subscription_status'

const CYCLES_RECURRING = {
  monthly: [
    '月繳',
    '每月',
    '月付',
    '按月',
    '月費',
    '月租',
    '月',
    '1個月',
    '一個月',
    '每個月',
    'Monthly',
    'month',
    'per month',
    '1 month',
    'every month',
    'mo'
  ],
  quarterly: [
    '季繳',
    '每季',
    '季付',
    '按季',
    '季費',
    '季',
    '3個月',
    '三個月',
    '每三個月',
    'Quarterly',
    'quarter',
    'per quarter',
    '3 months',
    'every 3 months'
  ],
  'semi-annual': [
    '半年繳',
    '每半年',
    '半年',
    '半年付',
    '6個月',
    '六個月',
    '每六個月',
    'Semi-annual',
    'semiannually',
    'semi-annually',
    'half-yearly',
    'half year',
    'biannual',
    '6 months',
    'every 6 months'
  ],
  yearly: [
    '年繳',
    '每年',
    '年付',
    '按年',
    '年費',
    '年',
    '12個月',
    '十二個月',
    '一年',
    'Yearly',
    'annual',
    'annually',
    'year',
    'per year',
    '12 months',
    'every year'
  ]
} as const

/**
 * api value → synonyms. Decisions: WooCommerce "processing" means payment received → paid; "on-hold" (awaiting a
 * bank transfer) → pending; Shopify "voided" → cancelled; bank transfer / 匯款 → atm (the only transfer method 帳獸 has).
 * Deliberately absent (left to the user): partially_refunded, authorized, 處理中, cash on delivery.
 */
export const VALUE_SYNONYMS: Record<EnumKind, Record<string, readonly string[]>> = {
  status: {
    paid: [
      '已付款',
      '付款完成',
      '已付',
      '已付清',
      '已繳費',
      '已繳款',
      '已收款',
      '付款成功',
      '交易成功',
      '已完成',
      '完成',
      '已結帳',
      'Paid',
      'completed',
      'complete',
      'processing',
      'succeeded',
      'success',
      'captured'
    ],
    pending: [
      '待付款',
      '未付款',
      '尚未付款',
      '等待付款',
      '未付',
      '待繳費',
      '未繳費',
      '待繳款',
      '未繳款',
      'Pending',
      'pending payment',
      'unpaid',
      'awaiting payment',
      'on-hold',
      'on hold'
    ],
    failed: ['付款失敗', '失敗', '交易失敗', '扣款失敗', '授權失敗', 'Failed', 'payment failed', 'declined', 'failure'],
    refunded: ['已退款', '退款', '退款完成', '全額退款', '已退費', 'Refunded', 'refund', 'fully refunded'],
    cancelled: ['已取消', '取消', '訂單取消', '已作廢', '作廢', 'Cancelled', 'Canceled', 'cancel', 'voided', 'void']
  },
  payment_method: {
    credit_card: [
      '信用卡',
      '金融卡',
      '簽帳金融卡',
      '刷卡',
      '信用卡付款',
      '信用卡一次付清',
      '線上刷卡',
      '刷卡付款',
      'Credit Card',
      'creditcard',
      'card',
      'credit',
      'visa',
      'mastercard',
      'jcb',
      'amex'
    ],
    atm: [
      'ATM轉帳',
      'ATM',
      'ATM 轉帳',
      '虛擬帳號',
      'ATM虛擬帳號',
      '銀行轉帳',
      '轉帳',
      '匯款',
      '銀行匯款',
      'bank transfer',
      'bacs',
      'wire transfer'
    ],
    cvs: [
      '超商代碼',
      '超商繳費',
      '超商代碼繳費',
      '代碼繳費',
      '超商付款代碼',
      'CVS',
      'convenience store',
      'ibon',
      'FamiPort'
    ],
    line_pay: ['LINE Pay', 'LinePay', 'LINE 支付', 'line_pay'],
    jkopay: ['街口', '街口支付', 'JKOPay', 'JKO Pay', 'JKO'],
    apple_pay: ['Apple Pay', 'ApplePay']
  },
  billing_cycle: {
    ...CYCLES_RECURRING,
    'one-time': [
      '單次',
      '一次性',
      '一次',
      '單次購買',
      '單筆',
      '一次付清',
      'One-time',
      'onetime',
      'once',
      'one-off',
      'single',
      'single payment'
    ]
  },
  subscription_billing_cycle: { ...CYCLES_RECURRING },
  subscription_event_type: {
    created: [
      '新訂閱',
      '新增訂閱',
      '開始訂閱',
      '訂閱',
      '建立',
      '新增',
      'Created',
      'create',
      'new',
      'new subscription',
      'subscribed',
      'start',
      'started'
    ],
    upgrade: ['升級', '升級方案', '加購', '擴充', 'Upgrade', 'upgraded', 'expansion', 'upsell'],
    downgrade: ['降級', '降級方案', '縮減', 'Downgrade', 'downgraded', 'contraction'],
    cancel: [
      '取消',
      '取消訂閱',
      '退訂',
      '終止',
      '停止訂閱',
      'Cancel',
      'cancelled',
      'canceled',
      'cancellation',
      'churn',
      'churned'
    ],
    reactivated: [
      '恢復',
      '重新啟用',
      '恢復訂閱',
      '重新訂閱',
      '復訂',
      'Reactivated',
      'reactivate',
      'reactivation',
      'resumed',
      'resubscribed'
    ]
  },
  // 定期定額 lists (ECPay 綠界, NewebPay 藍新). 執行完成 = every charge made: ended, cancelled at its end (zangsho-subscription-cancel.ts).
  // 暫停 / paused is deliberately absent: 帳獸's API cannot pause, so the user decides.
  subscription_status: {
    active: [
      '執行中',
      '進行中',
      '訂閱中',
      '扣款中',
      '啟用',
      '已啟用',
      '啟用中',
      '正常',
      '生效',
      '有效',
      '授權成功',
      'Active',
      'enabled',
      'ongoing',
      'running',
      'in progress',
      'trialing'
    ],
    cancelled: [
      '已取消',
      '取消',
      '取消訂閱',
      '停用',
      '已停用',
      '終止',
      '已終止',
      '中止',
      '已中止',
      '退訂',
      '已退訂',
      '解約',
      '已解約',
      'Cancelled',
      'Canceled',
      'cancel',
      'terminated',
      'stopped',
      'disabled',
      'inactive'
    ],
    completed: [
      '執行完成',
      '已完成',
      '完成',
      '扣款完成',
      '期滿',
      '已期滿',
      '到期',
      '已到期',
      '結束',
      '已結束',
      'Completed',
      'complete',
      'finished',
      'expired',
      'ended',
      'done'
    ]
  }
}

/** NFKC, trim, case-fold, then drop spaces and punctuation: "Semi-Annual" and "semi annual" meet as "semiannual". */
export function normalizeEnumText(raw: string): string {
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

const LOOKUP = new Map<EnumKind, Map<string, string>>()
/** Normalized word → api value, per kind (read-only; used by value-match for decorated values). */
export const LOOKUP_WORDS: ReadonlyMap<EnumKind, ReadonlyMap<string, string>> = LOOKUP
for (const kind of Object.keys(VALUE_SYNONYMS) as EnumKind[]) {
  const table = new Map<string, string>()
  for (const [apiValue, synonyms] of Object.entries(VALUE_SYNONYMS[kind])) {
    for (const word of [apiValue, ...synonyms]) table.set(normalizeEnumText(word), apiValue)
  }
  LOOKUP.set(kind, table)
}

/** The api value a source value means, by exact synonym or api value after normalization; null when unsure. */
export function matchEnumValue(kind: EnumKind, raw: string): string | null {
  const key = normalizeEnumText(raw)
  if (key === '') return null
  return LOOKUP.get(kind)?.get(key) ?? null
}
