// 帳獸 subscriptions: POST /v1/subscriptions/batch (reference 002, api §7). The sheet names the customer by email;
// the payload carries customer_email until the push resolves it to customer_id (see PreparedRecord.resolve).
import { z } from 'zod'
import type { Target } from './types'
import {
  amountFacts,
  isoUtc,
  keyOf,
  onConflict,
  pickDefined,
  zangshoMoney,
  SUBSCRIPTION_BILLING_CYCLES
} from './common'
import { ZANGSHO_SERVICE } from './api-services'
import { ZANGSHO_CUSTOMERS_BATCH } from './zangsho-customers'
import {
  SUBSCRIPTION_HISTORY_FIELDS,
  SUBSCRIPTION_STAMPED_DATES,
  ZANGSHO_SUBSCRIPTION_CANCEL
} from './zangsho-subscription-cancel'

const subscriptionFields = {
  mrr: zangshoMoney,
  billing_cycle: z.enum(SUBSCRIPTION_BILLING_CYCLES),
  started_at: isoUtc,
  current_period_start: isoUtc,
  plan_name: z.string().optional()
}

/** One element exactly as sent (after resolution): customer_id is the 帳獸 integer id. */
export const zangshoSubscriptionWireSchema = z.strictObject({
  customer_id: z.number().int().positive(),
  ...subscriptionFields
})
/** One prepared record before resolution: customer_email stands where customer_id will go. */
export const zangshoSubscriptionPreparedSchema = z.strictObject({ customer_email: z.email(), ...subscriptionFields })

export const zangshoSubscriptionsBatchSchema = z.strictObject({
  subscriptions: z.array(zangshoSubscriptionWireSchema).min(1).max(100),
  on_conflict: onConflict.optional()
})

/** Turn a prepared subscription payload into what is sent: customer_email → customer_id (keeps key order readable). */
export function applyResolution(
  payload: Record<string, unknown>,
  resolved: { customer_id: number }
): Record<string, unknown> {
  const { customer_email: _email, ...rest } = payload
  return { customer_id: resolved.customer_id, ...rest }
}

export const ZangshoSubscriptionsTarget: Target = {
  id: 'zangsho.subscriptions',
  label: { 'zh-TW': '帳獸 訂閱', en: 'Zangsho subscriptions' },
  transport: {
    api: 'zangsho',
    path: '/subscriptions/batch',
    mode: 'batch',
    batchKey: 'subscriptions',
    maxBatch: 100,
    defaultOnConflict: 'skip'
  },
  service: ZANGSHO_SERVICE,
  unique: {
    field: 'customer_email',
    code: 'duplicate_subscription_customer',
    ignoreCase: true,
    message: 'one_per_customer'
  },
  push: {
    // The sheet names customers by e-mail: make sure they exist, then send their 帳獸 ids.
    customersFirst: { when: 'always', ...ZANGSHO_CUSTOMERS_BATCH },
    resolveCustomerId: { emailField: 'customer_email', apply: applyResolution },
    // The batch has no status/cancelled_at (§7.2): a cancelled row is created, then cancelled with its original date.
    cancelAfterCreate: ZANGSHO_SUBSCRIPTION_CANCEL
  },
  stampedDates: SUBSCRIPTION_STAMPED_DATES,
  payloadSchema: zangshoSubscriptionPreparedSchema,
  requestSchema: zangshoSubscriptionsBatchSchema,
  supportsMetadata: false,
  naturalKey: (p) => keyOf(p, 'customer_email', true),
  // subscriptions have no currency field (帳獸's default, TWD); mrr is the monthly amount
  amountOf: (p) => amountFacts(p.mrr, 'TWD', p.started_at),
  buildPayload(values) {
    return pickDefined(
      values,
      ['customer_email', 'mrr', 'billing_cycle', 'started_at', 'current_period_start', 'plan_name'],
      ['mrr']
    )
  },
  fields: [
    {
      key: 'customer_email',
      type: 'email',
      required: true,
      label: { 'zh-TW': '客戶 Email', en: 'Customer email' },
      help: {
        'zh-TW': '用來找出帳獸的客戶編號(customer_id);請先匯入客戶。每位客戶只能有一個訂閱。',
        en: 'Used to find the 帳獸 customer id (customer_id); import customers first. One subscription per customer.'
      },
      synonyms: [
        '客戶Email',
        'Email',
        'E-mail',
        '電子郵件',
        '電子信箱',
        '信箱',
        '會員Email',
        '顧客Email',
        'Customer Email',
        'customer_email',
        'Subscriber Email',
        '電郵',
        '消費者電子信箱',
        '消費者信箱',
        '付款人信箱',
        '付款人Email'
      ]
    },
    {
      key: 'mrr',
      type: 'money',
      required: true,
      label: { 'zh-TW': '每月經常性收入 (MRR)', en: 'MRR' },
      help: { 'zh-TW': '每月金額,例如 990;送出時為 "990.00"。', en: 'Monthly amount such as 990; sent as "990.00".' },
      synonyms: ['MRR', '月費', '每月金額', '月繳金額', '訂閱金額', '金額', 'Monthly Amount', 'Amount', 'mrr', 'Price']
    },
    {
      key: 'billing_cycle',
      type: 'enum',
      required: true,
      enumValues: SUBSCRIPTION_BILLING_CYCLES,
      valueKind: 'subscription_billing_cycle',
      label: { 'zh-TW': '計費週期', en: 'Billing cycle' },
      help: {
        'zh-TW': 'monthly、quarterly、semi-annual、yearly(訂閱沒有 one-time)。',
        en: 'monthly, quarterly, semi-annual, yearly (no one-time for subscriptions).'
      },
      synonyms: [
        '計費週期',
        '訂閱週期',
        '繳費週期',
        '週期',
        '付款週期',
        'Billing Cycle',
        'billing_cycle',
        'Billing Period',
        'Interval',
        'Cycle'
      ]
    },
    {
      key: 'started_at',
      type: 'datetime',
      required: true,
      label: { 'zh-TW': '訂閱開始時間', en: 'Started at' },
      help: { 'zh-TW': '訂閱開始的時間。', en: 'When the subscription started.' },
      synonyms: [
        '訂閱開始時間',
        '開始時間',
        '開始日期',
        '訂閱日期',
        '起始日',
        'Started at',
        'Start Date',
        'started_at',
        'Subscription Start',
        '訂單建立日期',
        '首期授權日',
        '首次授權日',
        '首次授權時間',
        '建立日期'
      ]
    },
    {
      key: 'current_period_start',
      type: 'datetime',
      required: true,
      label: { 'zh-TW': '本期開始時間', en: 'Current period start' },
      help: { 'zh-TW': '目前這一期的開始時間。', en: 'Start of the current billing period.' },
      synonyms: [
        '本期開始時間',
        '本期開始',
        '本期起始日',
        '當期開始',
        '目前週期開始',
        'Current Period Start',
        'current_period_start',
        'Period Start',
        '最後授權日期',
        '最近授權日',
        '最近一次授權日',
        '上次扣款日'
      ]
    },
    {
      key: 'plan_name',
      type: 'string',
      required: false,
      label: { 'zh-TW': '方案名稱', en: 'Plan name' },
      help: { 'zh-TW': '例如 Pro Plan。', en: 'e.g. Pro Plan.' },
      synonyms: [
        '方案名稱',
        '方案',
        '訂閱方案',
        '方案名',
        'Plan',
        'Plan Name',
        'plan_name',
        'Product',
        '商品名稱',
        '品名'
      ]
    },
    ...SUBSCRIPTION_HISTORY_FIELDS
  ]
}
