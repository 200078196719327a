// 帳獸 orders: POST /v1/orders/batch, one batch element per order (reference 000 + 001). Item rows sharing an order number
// are one order; the payload has no items, so lines only give `amount` when no order-total column is mapped.
import { z } from 'zod'
import type { Target } from './types'
import {
  amountFacts,
  currencyCode,
  isoUtc,
  keyOf,
  metadataObject,
  onConflict,
  pickDefined,
  zangshoMoney,
  ORDER_BILLING_CYCLES,
  ORDER_STATUSES,
  PAYMENT_METHODS
} from './common'
import { ZANGSHO_SERVICE } from './api-services'
import { ZANGSHO_CUSTOMERS_BATCH } from './zangsho-customers'

export const zangshoOrderSchema = z.strictObject({
  order_no: z.string().min(1),
  amount: zangshoMoney,
  customer_email: z.email(),
  status: z.enum(ORDER_STATUSES).optional(),
  customer_name: z.string().optional(),
  currency: currencyCode.optional(),
  payment_method: z.enum(PAYMENT_METHODS).optional(),
  billing_cycle: z.enum(ORDER_BILLING_CYCLES).optional(),
  paid_at: isoUtc.optional(),
  refunded_at: isoUtc.optional(),
  failed_at: isoUtc.optional(),
  metadata: metadataObject.optional()
})

export const zangshoOrdersBatchSchema = z.strictObject({
  orders: z.array(zangshoOrderSchema).min(1).max(100),
  on_conflict: onConflict.optional()
})

const KEYS = [
  'order_no',
  'amount',
  'customer_email',
  'status',
  'customer_name',
  'currency',
  'payment_method',
  'billing_cycle',
  'paid_at',
  'refunded_at',
  'failed_at'
]

export const ZangshoOrdersTarget: Target = {
  id: 'zangsho.orders',
  label: { 'zh-TW': '帳獸 訂單', en: 'Zangsho orders' },
  transport: {
    api: 'zangsho',
    path: '/orders/batch',
    mode: 'batch',
    batchKey: 'orders',
    maxBatch: 100,
    defaultOnConflict: 'update'
  },
  service: ZANGSHO_SERVICE,
  unique: { field: 'order_no', code: 'duplicate_order_no', ignoreCase: false, message: 'value' },
  // 帳獸 stamps the API call time when a paid/refunded/failed order has no matching date: warn, history would lie.
  stampedDates: [
    { status: 'paid', field: 'paid_at', code: 'paid_without_paid_at' },
    { status: 'refunded', field: 'refunded_at', code: 'refunded_without_refunded_at' },
    { status: 'failed', field: 'failed_at', code: 'failed_without_failed_at' }
  ],
  push: {
    single: { path: '/orders' },
    customersFirst: { when: 'optional', ...ZANGSHO_CUSTOMERS_BATCH }
  },
  payloadSchema: zangshoOrderSchema,
  requestSchema: zangshoOrdersBatchSchema,
  supportsMetadata: true,
  naturalKey: (p) => keyOf(p, 'order_no'),
  // 帳獸 orders carry no order date: the payment (or failure/refund) date places them in a month; currency defaults to TWD
  amountOf: (p) => amountFacts(p.amount, p.currency ?? 'TWD', p.paid_at ?? p.failed_at ?? p.refunded_at),
  buildPayload(values, metadata) {
    return withMetadata(pickDefined(values, KEYS, ['amount']), metadata)
  },
  groupBy: 'order_no',
  orderLines: {
    totalField: 'amount',
    priceField: 'items.item_price',
    quantityField: 'items.quantity',
    lineTotalField: 'items.total',
    totalMustMatchLines: false
  },
  buildGroupPayload(g) {
    const instead = { order_no: g.orderNo, amount: g.totalMissing ? undefined : g.total }
    return withMetadata(pickDefined(g.order, KEYS, ['amount'], instead), g.metadata)
  },
  fields: [
    {
      key: 'order_no',
      type: 'string',
      required: true,
      label: { 'zh-TW': '訂單編號', en: 'Order number' },
      help: {
        'zh-TW': '商家內唯一的訂單編號;已存在的編號會依衝突策略更新或略過。',
        en: 'Unique per shop; an existing number is updated or skipped per the conflict setting.'
      },
      synonyms: [
        '訂單編號',
        '訂單號碼',
        '訂單號',
        '單號',
        '訂單代號',
        'Order No.',
        'Order No',
        'Order Number',
        'Order #',
        'Order ID',
        'order_no',
        'order_number',
        'Name',
        '銷貨單號',
        '單據編號',
        '訂單 ID'
      ]
    },
    {
      key: 'amount',
      type: 'money',
      required: true,
      label: { 'zh-TW': '金額', en: 'Amount' },
      help: {
        'zh-TW': '訂單金額,例如 NT$1,990;送出時為 "1990.00"。',
        en: 'Order amount such as NT$1,990; sent as "1990.00".'
      },
      synonyms: [
        '金額',
        '訂單金額',
        '總金額',
        '應付金額',
        '實付金額',
        '合計',
        '總計',
        'Total',
        'Amount',
        'Order Total',
        'order_total',
        'Grand Total',
        '買家總支付金額',
        '訂單總金額',
        '訂單合計',
        '訂單總計',
        '總額',
        '實收金額',
        '含稅金額',
        'Order Amount',
        '小計',
        'Subtotal'
      ]
    },
    {
      key: 'customer_email',
      type: 'email',
      required: true,
      label: { 'zh-TW': '客戶 Email', en: 'Customer email' },
      help: { 'zh-TW': '不存在的客戶會自動建立。', en: 'Unknown customers are created automatically.' },
      synonyms: [
        'Email',
        'E-mail',
        '電子郵件',
        '電子信箱',
        '信箱',
        '客戶Email',
        '客戶信箱',
        '顧客Email',
        '會員Email',
        'Customer Email',
        'customer_email',
        'billing_email',
        'Buyer Email',
        '電郵',
        '電子郵件地址',
        '訂購人Email',
        '購買人Email',
        '買家Email',
        '帳單電子郵件',
        '消費者電子信箱',
        '付款人信箱',
        'Email Address',
        'E-mail Address'
      ]
    },
    {
      key: 'status',
      type: 'enum',
      required: false,
      enumValues: ORDER_STATUSES,
      valueKind: 'status',
      label: { 'zh-TW': '付款狀態', en: 'Status' },
      help: {
        'zh-TW': 'pending(預設)、paid、failed、refunded、cancelled。',
        en: 'pending (default), paid, failed, refunded, cancelled.'
      },
      synonyms: [
        '付款狀態',
        '訂單狀態',
        '狀態',
        'Financial Status',
        'Payment Status',
        'Status',
        'Order Status',
        '財務狀態',
        'Financial status'
      ]
    },
    {
      key: 'customer_name',
      type: 'string',
      required: false,
      label: { 'zh-TW': '客戶姓名', en: 'Customer name' },
      help: { 'zh-TW': '只在建立新客戶時使用。', en: 'Used only when a new customer is created.' },
      synonyms: [
        '客戶姓名',
        '顧客姓名',
        '姓名',
        '客戶名稱',
        '購買人',
        '訂購人',
        '會員姓名',
        'Customer Name',
        'customer_name',
        'Billing Name',
        'Buyer Name',
        'Full Name',
        '顧客',
        '訂購人姓名',
        '購買人姓名',
        '買家姓名',
        '帳單姓名',
        '消費者姓名',
        '付款人姓名'
      ]
    },
    {
      key: 'currency',
      type: 'currency',
      required: false,
      label: { 'zh-TW': '幣別', en: 'Currency' },
      help: { 'zh-TW': 'ISO 4217 代碼,預設 TWD。', en: 'ISO 4217 code, default TWD.' },
      synonyms: ['幣別', '幣種', '貨幣', 'Currency', 'order_currency', 'Currency Code']
    },
    {
      key: 'payment_method',
      type: 'enum',
      required: false,
      enumValues: PAYMENT_METHODS,
      valueKind: 'payment_method',
      label: { 'zh-TW': '付款方式', en: 'Payment method' },
      help: {
        'zh-TW': 'credit_card、atm、cvs、line_pay、jkopay、apple_pay。',
        en: 'credit_card, atm, cvs, line_pay, jkopay, apple_pay.'
      },
      synonyms: [
        '付款方式',
        '支付方式',
        '付款方法',
        '金流',
        'Payment Method',
        'payment_method',
        'Payment Gateway',
        'Payment'
      ]
    },
    {
      key: 'billing_cycle',
      type: 'enum',
      required: false,
      enumValues: ORDER_BILLING_CYCLES,
      valueKind: 'billing_cycle',
      label: { 'zh-TW': '計費週期', en: 'Billing cycle' },
      help: {
        'zh-TW': 'monthly、quarterly、semi-annual、yearly、one-time(影響 MRR)。',
        en: 'monthly, quarterly, semi-annual, yearly, one-time (drives MRR).'
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
        'Cycle'
      ]
    },
    {
      key: 'paid_at',
      type: 'datetime',
      required: false,
      label: { 'zh-TW': '付款時間', en: 'Paid at' },
      help: {
        'zh-TW': '沒填而狀態為 paid 時,帳獸會填入匯入當下的時間。',
        en: 'If empty and status is paid, 帳獸 stamps the import time.'
      },
      synonyms: [
        '付款時間',
        '付款日期',
        '付款日',
        '入帳時間',
        'Paid at',
        'Paid Date',
        'paid_at',
        'paid_date',
        'Payment Date',
        '買家付款時間',
        '付款完成時間',
        'Paid Time'
      ]
    },
    {
      key: 'refunded_at',
      type: 'datetime',
      required: false,
      label: { 'zh-TW': '退款時間', en: 'Refunded at' },
      help: { 'zh-TW': '狀態為 refunded 時請提供。', en: 'Give it when the status is refunded.' },
      synonyms: ['退款時間', '退款日期', 'Refunded at', 'Refund Date', 'refunded_at']
    },
    {
      key: 'failed_at',
      type: 'datetime',
      required: false,
      label: { 'zh-TW': '付款失敗時間', en: 'Failed at' },
      help: { 'zh-TW': '狀態為 failed 時請提供。', en: 'Give it when the status is failed.' },
      synonyms: ['付款失敗時間', '失敗時間', 'Failed at', 'failed_at', 'Failure Date']
    },
    {
      key: 'items.item_price',
      type: 'money',
      required: false,
      perLine: true,
      label: { 'zh-TW': '商品單價', en: 'Unit price' },
      help: {
        'zh-TW': '沒有對應「金額」時，金額 = 各列單價 × 數量的加總(不會送出明細)。',
        en: "When Amount is not mapped, Amount = the sum of unit price × quantity over the order's rows (items are not sent)."
      },
      synonyms: ['單價', '商品單價', '售價', 'Lineitem price', 'Unit Price', 'Item Price']
    },
    {
      key: 'items.quantity',
      type: 'integer',
      required: false,
      perLine: true,
      label: { 'zh-TW': '數量', en: 'Quantity' },
      help: { 'zh-TW': '正整數;沒有對應時為 1。', en: 'A whole number above 0; 1 when not mapped.' },
      synonyms: ['數量', '購買數量', '件數', 'Lineitem quantity', 'Quantity', 'Qty']
    },
    {
      key: 'items.total',
      type: 'money',
      required: false,
      perLine: true,
      label: { 'zh-TW': '明細小計', en: 'Line total' },
      help: {
        'zh-TW': '單價 × 數量;若有對應,兩者不符時會標示錯誤。',
        en: 'Unit price × quantity; if mapped, a mismatch is an error.'
      },
      synonyms: ['明細小計', '商品小計', '明細金額', 'Line Total', 'Lineitem total', 'Item Total']
    }
  ]
}

function withMetadata(
  out: Record<string, unknown>,
  metadata: Record<string, string> | undefined
): Record<string, unknown> {
  if (metadata && Object.keys(metadata).length > 0) out.metadata = metadata
  return out
}
