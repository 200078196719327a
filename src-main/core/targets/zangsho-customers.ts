// 帳獸 customers: POST /v1/customers/batch, one batch element per row (reference 002, api §5).
import { z } from 'zod'
import type { Target } from './types'
import { keyOf, metadataObject, onConflict, pickDefined } from './common'
import { ZANGSHO_SERVICE } from './api-services'

export const zangshoCustomerSchema = z.strictObject({
  email: z.email(),
  name: z.string().optional(),
  phone: z.string().optional(),
  external_id: z.string().optional(),
  metadata: metadataObject.optional()
})

export const zangshoCustomersBatchSchema = z.strictObject({
  customers: z.array(zangshoCustomerSchema).min(1).max(100),
  on_conflict: onConflict.optional()
})

/** Where orders and subscriptions push their customers first (customers/batch limits). */
export const ZANGSHO_CUSTOMERS_BATCH = { path: '/customers/batch', maxBatch: 100 } as const

export const ZangshoCustomersTarget: Target = {
  id: 'zangsho.customers',
  label: { 'zh-TW': '帳獸 客戶', en: 'Zangsho customers' },
  transport: {
    api: 'zangsho',
    path: ZANGSHO_CUSTOMERS_BATCH.path,
    mode: 'batch',
    batchKey: 'customers',
    maxBatch: ZANGSHO_CUSTOMERS_BATCH.maxBatch,
    defaultOnConflict: 'skip'
  },
  service: ZANGSHO_SERVICE,
  unique: { field: 'email', code: 'duplicate_email', ignoreCase: true, message: 'value' },
  // An order export repeats the buyer on every item row: one e-mail is one customer (帳獸 keys customers by e-mail).
  groupBy: 'email',
  mergeRows: {
    ignoreCase: true,
    latestBy: 'order_date',
    counts: 'customers',
    keyStandIn: {
      field: 'phone',
      why: {
        en: '帳獸 identifies a customer by e-mail (required by the customers API); a phone cannot replace it. Fill in the e-mail, or exclude the row.',
        'zh-TW': '帳獸 以 Email 識別客戶(客戶 API 的必填欄位),電話無法代替。請填入 Email,或把這一列排除。'
      }
    }
  },
  payloadSchema: zangshoCustomerSchema,
  requestSchema: zangshoCustomersBatchSchema,
  supportsMetadata: true,
  naturalKey: (p) => keyOf(p, 'email', true),
  buildPayload(values, metadata) {
    const out = pickDefined(values, ['email', 'name', 'phone', 'external_id'])
    if (metadata && Object.keys(metadata).length > 0) out.metadata = metadata
    return out
  },
  fields: [
    {
      key: 'email',
      type: 'email',
      required: true,
      label: { 'zh-TW': 'Email', en: 'Email' },
      help: {
        'zh-TW': '每位客戶唯一;已存在的 Email 依衝突策略略過或更新。',
        en: 'Unique per customer; an existing email is skipped or updated per the conflict setting.'
      },
      synonyms: [
        'Email',
        'E-mail',
        '電子郵件',
        '電子信箱',
        '信箱',
        '客戶Email',
        '會員Email',
        '顧客Email',
        'Customer Email',
        'email',
        'billing_email',
        'Email Address',
        '電郵',
        '電子郵件地址',
        '訂購人Email',
        '購買人Email',
        '帳單電子郵件',
        '消費者電子信箱',
        '付款人信箱',
        'E-mail Address'
      ]
    },
    {
      key: 'name',
      type: 'string',
      required: false,
      label: { 'zh-TW': '姓名', en: 'Name' },
      help: { 'zh-TW': '客戶姓名。', en: 'Customer name.' },
      synonyms: [
        '姓名',
        '客戶姓名',
        '顧客姓名',
        '會員姓名',
        '名稱',
        '客戶名稱',
        'Name',
        'Customer Name',
        'Full Name',
        'name',
        'Billing Name',
        '顧客',
        '訂購人姓名',
        '購買人',
        '購買人姓名',
        '帳單姓名',
        '消費者姓名',
        '付款人姓名'
      ]
    },
    {
      key: 'phone',
      type: 'phone',
      required: false,
      label: { 'zh-TW': '電話', en: 'Phone' },
      help: { 'zh-TW': '例如 0912345678。', en: 'e.g. 0912345678.' },
      synonyms: [
        '電話',
        '手機',
        '手機號碼',
        '聯絡電話',
        '行動電話',
        '電話號碼',
        'Phone',
        'Mobile',
        'Phone Number',
        'Telephone',
        'phone',
        'billing_phone',
        '連絡電話',
        '購買人手機',
        '訂購人電話',
        '帳單電話',
        '消費者手機',
        '付款人電話',
        '收件人電話',
        '收件人手機'
      ]
    },
    {
      key: 'order_date',
      type: 'datetime',
      required: false,
      label: { 'zh-TW': '訂單日期', en: 'Order date' },
      help: {
        'zh-TW': '不會送出。從訂單匯出建立客戶時,同一 Email 的多列資料不一致,採用最近一筆訂單的值。',
        en: "Not sent. Customers from an order export: when one e-mail's rows disagree, the most recent order's value is kept."
      },
      synonyms: ['訂單日期', '訂單成立時間', '訂單時間', '下單時間', '下單日期', 'Order Date', 'order_date']
    },
    {
      key: 'external_id',
      type: 'string',
      required: false,
      label: { 'zh-TW': '外部編號', en: 'External ID' },
      help: {
        'zh-TW': '你原本系統的客戶編號,之後可用它查詢客戶。',
        en: "Your own system's customer ID; it can be used to look the customer up later."
      },
      synonyms: [
        '外部編號',
        '客戶編號',
        '會員編號',
        '顧客編號',
        'External ID',
        'external_id',
        'Customer ID',
        'customer_id',
        'Member ID',
        '顧客 ID',
        '顧客ID',
        '會員ID'
      ]
    }
  ]
}
